/**
 * Reading a block of the open workbook (the selection, or the active sheet) and writing edits to
 * single cells, for the pane's tools and quick fixes. One read, one write; the write goes through
 * applyDescription, so protected sheets, the request budget and text-stays-text hold here too.
 */
import { CellGrid } from '../core/tools/cells';
import { CellSpec, SheetSpec, StyleSpec, WorkbookDescription } from '../core/book/model';
import { CellValue } from '../core/book/model';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/book/snapshot';
import { parseCell } from '../core/book/address';
import { ApiSupport, ApplyReport, applyDescription } from './office';
import { pushAll } from '../core/arrays';

export type Scope = 'selection' | 'sheet';

export interface BlockRead {
  grid: CellGrid;
  /** The block's address on its sheet ("B7:D8"), '' when the block is empty. */
  address: string;
  /** Cell fonts were read (ExcelApi 1.9). */
  fontsKnown: boolean;
  sheetProtected: boolean;
}

function toValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
}

/**
 * Queues the read of the selection (cut to the used range: a whole selected column must not
 * load a million rows) or of the active sheet's used range. Call `context.sync()`, then `result()`.
 */
export function queueBlockRead(context: Excel.RequestContext, support: ApiSupport, scope: Scope): () => BlockRead {
  const fontsKnown = support.isSetSupported('ExcelApi', '1.9');
  const ws = scope === 'selection' ? context.workbook.getSelectedRange().worksheet : context.workbook.worksheets.getActiveWorksheet();
  ws.load('name,protection/protected');
  const used = ws.getUsedRangeOrNullObject();
  const block = scope === 'selection' ? context.workbook.getSelectedRange().getIntersectionOrNullObject(used) : used;
  block.load('address,values,formulas,rowIndex,columnIndex');
  const props = fontsKnown ? block.getCellProperties({ format: { font: { name: true } } }) : null;
  return () => {
    const empty = used.isNullObject || block.isNullObject;
    const grid: CellGrid = {
      sheet: ws.name,
      top: empty ? 0 : block.rowIndex,
      left: empty ? 0 : block.columnIndex,
      values: empty ? [] : toValues(block.values),
      formulas: empty ? [] : (block.formulas as unknown[][]).map((r) => r.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))),
      fonts: empty || !props ? undefined : props.value.map((r) => r.map((p) => p.format?.font?.name ?? null)),
    };
    return { grid, address: empty ? '' : block.address.replace(/^.*!/, ''), fontsKnown, sheetProtected: ws.protection.protected };
  };
}

export interface CellEdit {
  /** "E9" */
  cell: string;
  spec: CellSpec;
}

/** One sheet's edits as a description: one small block per cell, locks and protection left as they were. */
export function editsDescription(sheet: string, edits: readonly CellEdit[], styles: Record<string, StyleSpec> = {}): WorkbookDescription {
  const blocks = edits.flatMap((e) => {
    const ref = parseCell(e.cell);
    return ref ? [{ row: ref.row, col: ref.col, cells: [[e.spec]] }] : [];
  });
  const spec: SheetSpec = { name: sheet, role: 'check', blocks, keepLocks: true };
  return { sheets: [spec], names: [], styles };
}

/** A block read as a snapshot sheet (padded from A1), so a refused write can be put back. */
export function gridSnapshot(grid: CellGrid): SheetSnapshot {
  const pad = <T>(rows: T[][], fill: T): T[][] => [
    ...Array.from({ length: grid.top }, () => [] as T[]),
    ...rows.map((r) => [...new Array<T>(grid.left).fill(fill), ...r]),
  ];
  return { name: grid.sheet, visibility: 'visible', values: pad(grid.values, null), formulas: pad(grid.formulas, null) };
}

/** Writes edits into existing sheets (one sync unless the budget splits them); `before` lets a refusal be undone. */
export async function writeEdits(
  context: Excel.RequestContext,
  support: ApiSupport,
  bySheet: ReadonlyArray<{ sheet: string; protected: boolean; edits: readonly CellEdit[] }>,
  styles: Record<string, StyleSpec> = {},
  before?: WorkbookSnapshot,
): Promise<ApplyReport> {
  const description: WorkbookDescription = { sheets: [], names: [], styles };
  for (const s of bySheet) if (s.edits.length > 0) pushAll(description.sheets, editsDescription(s.sheet, s.edits).sheets);
  return applyDescription(context, description, support, { sheets: bySheet.map((s) => ({ name: s.sheet, protected: s.protected })), names: [], snapshot: before });
}
