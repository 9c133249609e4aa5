/**
 * All or nothing. Excel does not roll a failed request back: the operations before the failing one
 * stay applied, and a write split over several requests can stop between them. So when a write
 * fails, KH looks at what is there now, and if anything differs from what it read before, puts the
 * read content back (sheets it created deleted, cells it wrote restored, names as they were), then
 * looks again. The officer is told which of the three it was: nothing written, put back, or (when
 * Excel refuses even that) written in part, with what to do.
 */
import type { WorkbookSnapshot, SheetSnapshot } from '../core/book/snapshot';
import type { CellValue } from '../core/book/model';
import { cellInput, KH_PROTECTION, type ApiSupport } from './office';
import { maxOf } from '../core/arrays';

export type Recovery = 'untouched' | 'restored' | 'partial';

export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What a write was about to change, kept while it runs. */
export interface WriteJournal {
  /** Sheets it creates. */
  created: string[];
  /** Existing sheets it writes to; `whole` when rows are inserted or the sheet is rewritten. */
  touched: Map<string, { name: string; whole: boolean; rects: Area[]; protected: boolean }>;
  /** Names it adds or replaces, with their formula before (null: new). */
  names: Array<{ name: string; before: string | null }>;
}

export function newJournal(): WriteJournal {
  return { created: [], touched: new Map(), names: [] };
}

/** Thrown by applyDescription when Excel refused a write: Excel's error and what recovery found. */
export class WriteRefused extends Error {
  /** Excel's error code and details, as on the error Excel threw (callers classify by them). */
  readonly code: string | undefined;
  readonly debugInfo: unknown;

  constructor(
    readonly excelError: unknown,
    readonly recovery: Recovery,
  ) {
    super(excelError instanceof Error ? excelError.message : String(excelError));
    this.name = 'WriteRefused';
    const e = excelError as { code?: string; debugInfo?: unknown } | null;
    this.code = e?.code;
    this.debugInfo = e?.debugInfo;
  }
}

const norm = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : v);

function contentAt(s: SheetSnapshot | undefined, r: number, c: number): { value: CellValue; formula: string | null } {
  return { value: norm(s?.values[r]?.[c]), formula: s?.formulas[r]?.[c] ?? null };
}

function extent(s: SheetSnapshot | undefined): { rows: number; cols: number } {
  const rows = s?.values.length ?? 0;
  const cols = maxOf([...(s?.values ?? []), ...(s?.formulas ?? [])].map((r) => r.length), 0);
  return { rows, cols };
}

/** The cells the journal says were written hold what the snapshot held (formulas by their text). */
function sameContent(before: SheetSnapshot | undefined, now: SheetSnapshot | undefined, whole: boolean, rects: readonly Area[]): boolean {
  const areas = whole ? [{ row: 0, col: 0, ...maxExtent(before, now) }] : rects;
  for (const a of areas) {
    for (let r = a.row; r < a.row + a.rows; r++) {
      for (let c = a.col; c < a.col + a.cols; c++) {
        const x = contentAt(before, r, c);
        const y = contentAt(now, r, c);
        if (x.formula !== null || y.formula !== null) {
          if (x.formula !== y.formula) return false;
        } else if (x.value !== y.value) return false;
      }
    }
  }
  return true;
}

function maxExtent(a: SheetSnapshot | undefined, b: SheetSnapshot | undefined): { rows: number; cols: number } {
  const x = extent(a);
  const y = extent(b);
  return { rows: Math.max(x.rows, y.rows), cols: Math.max(x.cols, y.cols) };
}

type Reader = (sheets: readonly string[]) => Promise<{ snapshot: WorkbookSnapshot; allSheets: Array<{ name: string }> }>;

function matches(journal: WriteJournal, before: WorkbookSnapshot, now: { snapshot: WorkbookSnapshot; allSheets: Array<{ name: string }> }): boolean {
  const exists = (name: string): boolean => now.allSheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  if (journal.created.some(exists)) return false;
  for (const t of journal.touched.values()) {
    const b = before.sheets.find((s) => s.name.toLowerCase() === t.name.toLowerCase());
    const n = now.snapshot.sheets.find((s) => s.name.toLowerCase() === t.name.toLowerCase());
    if (!sameContent(b, n, t.whole, t.rects)) return false;
  }
  for (const j of journal.names) {
    const n = now.snapshot.names.find((x) => x.name.toLowerCase() === j.name.toLowerCase());
    if ((n?.ref ?? null) !== j.before) return false;
  }
  return true;
}

/** A block of the snapshot as Excel input: formulas as formulas, text kept text. */
function inputs(s: SheetSnapshot | undefined, row: number, col: number, rows: number, cols: number): Array<Array<string | number | boolean>> {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const { value, formula } = contentAt(s, row + i, col + j);
      if (formula) return formula;
      return cellInput({ value, numberFormat: s?.numberFormats?.[row + i]?.[col + j] ?? undefined });
    }),
  );
}

/**
 * After a failed write: untouched if what the journal names is as it was; else put back and look
 * again. Never throws: a recovery that Excel refuses too reports 'partial'.
 */
export async function recover(context: Excel.RequestContext, support: ApiSupport, journal: WriteJournal, before: WorkbookSnapshot, read: Reader): Promise<Recovery> {
  const sheets = [...journal.touched.values()].map((t) => t.name);
  try {
    if (matches(journal, before, await read(sheets))) return 'untouched';
  } catch {
    return 'partial';
  }
  try {
    const wb = context.workbook;
    const created = journal.created.map((name) => wb.worksheets.getItemOrNullObject(name));
    const names = journal.names.map((j) => ({ j, item: wb.names.getItemOrNullObject(j.name) }));
    for (const c of created) c.load('name');
    await context.sync();
    for (const c of created) if (!c.isNullObject) c.delete();
    for (const t of journal.touched.values()) {
      const ws = wb.worksheets.getItem(t.name);
      ws.protection.unprotect();
      const b = before.sheets.find((s) => s.name.toLowerCase() === t.name.toLowerCase());
      if (t.whole) {
        ws.getRange().clear('Contents');
        const { rows, cols } = extent(b);
        if (rows > 0 && cols > 0) ws.getRangeByIndexes(0, 0, rows, cols).formulas = inputs(b, 0, 0, rows, cols) as unknown as string[][];
      } else {
        for (const r of t.rects) ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols).formulas = inputs(b, r.row, r.col, r.rows, r.cols) as unknown as string[][];
      }
      if (t.protected) ws.protection.protect(KH_PROTECTION);
    }
    for (const { j, item } of names) {
      if (j.before === null) {
        if (!item.isNullObject) item.delete();
      } else if (item.isNullObject) wb.names.add(j.name, j.before);
      else item.formula = j.before;
    }
    if (support.isSetSupported('ExcelApi', '1.6')) context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    return matches(journal, before, await read(sheets)) ? 'restored' : 'partial';
  } catch {
    return 'partial';
  }
}
