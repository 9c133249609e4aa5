/**
 * The pane's tools and quick fixes on the open workbook. Each is one Excel.run: one read, the
 * change computed in the core, one write — and a preview is the same read without the write, so
 * what the officer saw is what is written (computed again from the workbook as it is then).
 */
import { LegacyEncoding } from '../core/text';
import { MoneyUnit } from '../core/units';
import { TextChange, UnitConversion, legacyTextChanges, unitChanges } from '../core/tools/cells';
import { QuickFix } from '../core/checks/finding';
import { cellAddress, parseCell } from '../core/book/address';
import { CellValue } from '../core/book/model';
import { ApiSupport } from './office';
import { CellEdit, Scope, gridSnapshot, queueBlockRead, writeEdits } from './cells';
import type { ExcelRun } from './operations';

export const UNICODE_FONT = 'Times New Roman';
const UNICODE_STYLES = { unicodeFont: { font: { name: UNICODE_FONT } } };

export interface LegacyOutcome {
  changes: TextChange[];
  fontsKnown: boolean;
  syncs: number;
}

/** Cells of the selection / active sheet that hold TCVN3 or VNI text, and what they become. */
export async function previewLegacyInExcel(run: ExcelRun, support: ApiSupport, scope: Scope, forced?: LegacyEncoding): Promise<LegacyOutcome> {
  return run(async (context) => {
    const read = queueBlockRead(context, support, scope);
    await context.sync();
    const block = read();
    return { changes: legacyTextChanges(block.grid, forced), fontsKnown: block.fontsKnown, syncs: 1 };
  });
}

/** Converts them: the Unicode text, and a Unicode font (a legacy font would draw it as garbage). */
export async function convertLegacyInExcel(run: ExcelRun, support: ApiSupport, scope: Scope, forced?: LegacyEncoding): Promise<LegacyOutcome> {
  return run(async (context) => {
    const read = queueBlockRead(context, support, scope);
    await context.sync();
    const block = read();
    const changes = legacyTextChanges(block.grid, forced);
    if (changes.length === 0) return { changes, fontsKnown: block.fontsKnown, syncs: 1 };
    const edits: CellEdit[] = changes.map((c) => ({ cell: c.address, spec: { value: c.after, style: 'unicodeFont' } }));
    const apply = await writeEdits(context, support, [{ sheet: block.grid.sheet, protected: block.sheetProtected, edits }], UNICODE_STYLES, { sheets: [gridSnapshot(block.grid)], names: [] });
    return { changes, fontsKnown: block.fontsKnown, syncs: 1 + apply.syncs };
  });
}

export interface UnitsOutcome extends UnitConversion {
  sheet: string;
  syncs: number;
}

export async function previewUnitsInExcel(run: ExcelRun, support: ApiSupport, from: MoneyUnit, to: MoneyUnit): Promise<UnitsOutcome> {
  return run(async (context) => {
    const read = queueBlockRead(context, support, 'selection');
    await context.sync();
    const block = read();
    return { ...unitChanges(block.grid, from, to), sheet: block.grid.sheet, syncs: 1 };
  });
}

/** Typed numbers of the selection converted exactly; formulas stay (they follow the new numbers). */
export async function convertUnitsInExcel(run: ExcelRun, support: ApiSupport, from: MoneyUnit, to: MoneyUnit): Promise<UnitsOutcome> {
  return run(async (context) => {
    const read = queueBlockRead(context, support, 'selection');
    await context.sync();
    const block = read();
    const result = unitChanges(block.grid, from, to);
    if (result.changes.length === 0) return { ...result, sheet: block.grid.sheet, syncs: 1 };
    const edits: CellEdit[] = result.changes.map((c) => ({ cell: c.address, spec: { value: c.after } }));
    const apply = await writeEdits(context, support, [{ sheet: block.grid.sheet, protected: block.sheetProtected, edits }], {}, { sheets: [gridSnapshot(block.grid)], names: [] });
    return { ...result, sheet: block.grid.sheet, syncs: 1 + apply.syncs };
  });
}

export interface SelectedCell {
  sheet: string;
  cell: string;
  value: CellValue;
  /** The cell to the right, where words may be written. */
  right: string;
}

/** The active cell and its value (for amounts in words). */
export async function readActiveCell(run: ExcelRun): Promise<SelectedCell> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address,values,rowIndex,columnIndex');
    const ws = range.worksheet;
    ws.load('name');
    await context.sync();
    const value = range.values[0]?.[0];
    return {
      sheet: ws.name,
      cell: cellAddress(range.rowIndex, range.columnIndex),
      value: value === '' || value === undefined ? null : (value as CellValue),
      right: cellAddress(range.rowIndex, range.columnIndex + 1),
    };
  });
}

/** Writes one text (always as text, never a formula) into a cell. */
export async function writeTextInExcel(run: ExcelRun, support: ApiSupport, sheet: string, cell: string, text: string): Promise<{ syncs: number }> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load('protection/protected');
    await context.sync();
    const apply = await writeEdits(context, support, [{ sheet, protected: ws.protection.protected, edits: [{ cell, spec: { value: text } }] }]);
    return { syncs: 1 + apply.syncs };
  });
}

/**
 * Applies the quick fixes the officer chose: KH's formula put back, a value set, legacy text
 * converted. One read (protection, and the texts to convert), one write.
 */
export async function applyFixesInExcel(run: ExcelRun, support: ApiSupport, fixes: readonly QuickFix[]): Promise<{ cells: number; syncs: number }> {
  return run(async (context) => {
    const sheetNames = [...new Set(fixes.map((f) => f.sheet))];
    const sheets = sheetNames.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load('name,protection/protected');
      return { name, ws };
    });
    const texts = fixes.flatMap((f) =>
      f.kind === 'convertText'
        ? f.cells.map((cell) => {
            const range = context.workbook.worksheets.getItem(f.sheet).getRange(cell);
            range.load('values,formulas');
            return { fix: f, cell, range };
          })
        : [],
    );
    await context.sync();
    const edits = new Map<string, CellEdit[]>(sheetNames.map((n) => [n, []]));
    for (const f of fixes) {
      if (f.kind === 'formula') edits.get(f.sheet)?.push({ cell: f.cell, spec: { formula: f.formula } });
      else if (f.kind === 'value') edits.get(f.sheet)?.push({ cell: f.cell, spec: { value: f.value } });
    }
    for (const t of texts) {
      const ref = parseCell(t.cell);
      if (!ref || t.fix.kind !== 'convertText') continue;
      const changes = legacyTextChanges({ sheet: t.fix.sheet, top: ref.row, left: ref.col, values: [[(t.range.values[0]?.[0] ?? null) as CellValue]], formulas: [[formulaOf(t.range.formulas[0]?.[0])]] }, t.fix.encoding);
      for (const c of changes) edits.get(t.fix.sheet)?.push({ cell: c.address, spec: { value: c.after, style: 'unicodeFont' } });
    }
    const bySheet = sheets.map((s) => ({ sheet: s.ws.name, protected: s.ws.protection.protected, edits: edits.get(s.name) ?? [] }));
    const cells = bySheet.reduce((n, s) => n + s.edits.length, 0);
    if (cells === 0) return { cells, syncs: 1 };
    const apply = await writeEdits(context, support, bySheet, UNICODE_STYLES);
    return { cells, syncs: 1 + apply.syncs };
  });
}

function formulaOf(f: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** Takes the officer to a cell: its sheet activated, the cell selected. */
export async function selectCellInExcel(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell || 'A1').select();
    await context.sync();
  });
}
