/**
 * The office.js side of the workbook port. Read once, compute, write once: a snapshot of the
 * sheets asked for in one sync; a description applied in one sync (more only when the request
 * would pass the 5 MB limit of Excel on the web). The core path needs ExcelApi 1.7 (Office 2019);
 * calculation suspension (1.6, so present there), data validation (1.8), page layout and cell fonts (1.9) are
 * feature-detected and skipped with a note where missing.
 */
import { CellSpec, CellValue, SheetSpec, StyleSpec, WorkbookDescription } from '../core/book/model';
import { CellEmphasis, SheetSnapshot, WorkbookSnapshot } from '../core/book/snapshot';
import { cellAddress, rangeAddress } from '../core/book/address';
import { WriteRefused, newJournal, recover } from './recover';
import { maxOf } from '../core/arrays';

export interface ApiSupport {
  isSetSupported(name: string, version: string): boolean;
}

export type SkipReason = 'dataValidation' | 'pageLayout' | 'calculationSuspend' | 'cellFonts';

export interface ApplyReport {
  syncs: number;
  cellsWritten: number;
  sheetsCreated: string[];
  /** Features left out because the host lacks the API (Office 2019 lacks 1.9, for example). */
  skipped: SkipReason[];
}

/** How KH protects its sheets: no password, formula cells locked, rows insertable, marks allowed. */
export const KH_PROTECTION: Excel.WorksheetProtectionOptions = { allowInsertRows: true, allowDeleteRows: true, allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true };

/** Stay well under Excel on the web's 5 MB request limit. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/**
 * Text that Excel would turn into something else gets the apostrophe prefix, so it stays text as
 * written: a formula ("=", "+", "-", "@"), a number or a date ("1.728", "4.1", "15/01/2024",
 * "1e5", "12%"), TRUE / FALSE, an error literal ("#REF!"), an English month date ("Mar 3").
 * Anything not starting with a letter is prefixed: the rules of every locale cannot be listed,
 * and the prefix costs nothing when it was not needed. In a cell KH formats as text ("@") the
 * text is written as it is (the apostrophe would become part of it).
 */
const LOOKS_LIKE_A_VALUE = /^(?:true|false|#[a-z0-9/!?]+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]*\d.*)$/i;

export function cellInput(spec: CellSpec): string | number | boolean {
  if (spec.formula !== undefined) return spec.formula;
  const v = spec.value;
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v;
  if (spec.numberFormat === '@') return v;
  if (!/^\p{L}/u.test(v) || LOOKS_LIKE_A_VALUE.test(v.trim())) return `'${v}`;
  return v;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Groups cells with the same key into rectangles: runs per row, then identical runs stacked. */
export function rectanglesBy<T>(cells: Array<[number, number, T]>, keyOf: (t: T) => string | null): Map<string, Rect[]> {
  const byRow = new Map<string, Map<number, number[]>>();
  for (const [r, c, t] of cells) {
    const key = keyOf(t);
    if (key === null) continue;
    let rows = byRow.get(key);
    if (!rows) byRow.set(key, (rows = new Map()));
    const cols = rows.get(r) ?? [];
    cols.push(c);
    rows.set(r, cols);
  }
  const out = new Map<string, Rect[]>();
  for (const [key, rows] of byRow) {
    const open = new Map<string, Rect>();
    const rects: Rect[] = [];
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = (rows.get(r) as number[]).sort((a, b) => a - b);
      const runs: Array<[number, number]> = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else runs.push([c, c]);
      }
      const next = new Map<string, Rect>();
      for (const [c0, c1] of runs) {
        const id = `${c0}:${c1}`;
        const prev = open.get(id);
        if (prev && prev.row + prev.rows === r) {
          prev.rows++;
          next.set(id, prev);
        } else {
          const rect = { row: r, col: c0, rows: 1, cols: c1 - c0 + 1 };
          rects.push(rect);
          next.set(id, rect);
        }
      }
      open.clear();
      for (const [id, rect] of next) open.set(id, rect);
    }
    out.set(key, rects);
  }
  return out;
}

function applyFormat(range: Excel.Range, style: StyleSpec): void {
  const f = range.format;
  if (style.font) {
    if (style.font.name) f.font.name = style.font.name;
    if (style.font.size) f.font.size = style.font.size;
    if (style.font.bold !== undefined) f.font.bold = style.font.bold;
    if (style.font.italic !== undefined) f.font.italic = style.font.italic;
    if (style.font.color) f.font.color = style.font.color;
  }
  if (style.fill) f.fill.color = style.fill;
  if (style.horizontal) f.horizontalAlignment = style.horizontal === 'left' ? 'Left' : style.horizontal === 'right' ? 'Right' : 'Center';
  if (style.vertical) f.verticalAlignment = style.vertical === 'top' ? 'Top' : style.vertical === 'bottom' ? 'Bottom' : 'Center';
  if (style.wrap) f.wrapText = true;
  if (style.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  }
}

/** Excel column width in points from a width in characters of the default font. */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const MM_TO_POINTS = 72 / 25.4;

/** Queues one sheet's writes; returns the approximate request bytes queued. */
function queueSheet(
  ws: Excel.Worksheet,
  sheet: SheetSpec,
  styles: Record<string, StyleSpec>,
  fresh: boolean,
  wasProtected: boolean,
  support: ApiSupport,
  skipped: Set<SkipReason>,
  reserve: (bytes: number) => Promise<void>,
  budget: number,
): Promise<number> {
  return (async () => {
    let cells = 0;
    // Excel shifts the rows below and adjusts every formula that points at them
    for (const ins of sheet.insertRows ?? []) ws.getRangeByIndexes(ins.row, 0, ins.count, 1).getEntireRow().insert('Down');
    for (const block of sheet.blocks) {
      // a block is written row-run by row-run; in a sheet created now, untouched cells are simply empty
      const rows = block.cells;
      const width = maxOf(rows.map((l) => l.length), 0);
      if (fresh) {
        const encode = (l: (CellSpec | null)[]): { f: Array<string | number | boolean>; n: string[] } => ({
          f: Array.from({ length: width }, (_, c) => (l[c] ? cellInput(l[c] as CellSpec) : '')),
          n: Array.from({ length: width }, (_, c) => l[c]?.numberFormat ?? 'General'),
        });
        let start = 0;
        while (start < rows.length) {
          // rows per write sized from the budget, so one write never outgrows a request
          const formulas: Array<Array<string | number | boolean>> = [];
          const formats: string[][] = [];
          let bytes = 0;
          while (start + formulas.length < rows.length) {
            const e = encode(rows[start + formulas.length]);
            const size = (JSON.stringify(e.f).length + JSON.stringify(e.n).length) * 2 + 16;
            if (formulas.length > 0 && bytes + size > budget / 2) break;
            formulas.push(e.f);
            formats.push(e.n);
            bytes += size;
          }
          await reserve(bytes);
          const range = ws.getRangeByIndexes(block.row + start, block.col, formulas.length, width);
          range.numberFormat = formats;
          range.formulas = formulas as unknown as string[][];
          cells += formulas.length * width;
          start += formulas.length;
        }
      } else {
        for (let r = 0; r < rows.length; r++) {
          const line = rows[r];
          let c = 0;
          while (c < line.length) {
            if (!line[c]) {
              c++;
              continue;
            }
            const start = c;
            while (c < line.length && line[c]) c++;
            const run = line.slice(start, c) as CellSpec[];
            await reserve(JSON.stringify(run.map(cellInput)).length * 2 + 400);
            const range = ws.getRangeByIndexes(block.row + r, block.col + start, 1, run.length);
            if (run.some((s) => s.numberFormat)) range.numberFormat = [run.map((s) => s.numberFormat ?? 'General')];
            range.formulas = [run.map(cellInput)] as unknown as string[][];
            cells += run.length;
          }
        }
      }
    }

    const all: Array<[number, number, CellSpec]> = [];
    for (const block of sheet.blocks) block.cells.forEach((l, r) => l.forEach((s, c) => s && all.push([block.row + r, block.col + c, s])));
    for (const [key, rects] of rectanglesBy(all, (s) => s.style ?? null)) {
      const style = styles[key];
      if (!style) continue;
      for (const rect of rects) {
        await reserve(600);
        applyFormat(ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols), style);
      }
    }
    // new sheets are locked by default: only input cells need opening; existing ones get both
    for (const [key, rects] of rectanglesBy(all, (s) => (sheet.keepLocks ? null : s.locked === false ? 'open' : fresh ? null : 'locked'))) {
      await reserve(rects.length * 200);
      for (const rect of rects) ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).format.protection.locked = key === 'locked';
    }
    for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
    for (const col of sheet.columns ?? []) {
      const column = ws.getRangeByIndexes(0, col.index, 1, 1).getEntireColumn();
      if (col.width !== undefined) column.format.columnWidth = widthPoints(col.width);
      if (col.hidden) column.columnHidden = true;
    }
    for (const h of sheet.rowHeights ?? []) ws.getRangeByIndexes(h.row, 0, 1, 1).getEntireRow().format.rowHeight = h.height;
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, sheet.freeze.rows), Math.max(1, sheet.freeze.columns)));
    }
    if ((sheet.validations ?? []).length > 0) {
      if (support.isSetSupported('ExcelApi', '1.8')) {
        for (const v of sheet.validations ?? []) {
          const range = ws.getRange(v.range);
          range.dataValidation.clear();
          range.dataValidation.rule = { list: { inCellDropDown: true, source: typeof v.list === 'string' ? v.list : v.list.join(',') } };
          range.dataValidation.errorAlert = { showAlert: true, style: v.allowOther ? 'Warning' : 'Stop', title: 'KH', message: '' };
        }
      } else skipped.add('dataValidation');
    }
    if (sheet.print) {
      if (support.isSetSupported('ExcelApi', '1.9')) {
        const p = ws.pageLayout;
        p.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        p.paperSize = 'A4';
        if (sheet.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        const m = sheet.print.margins;
        if (m) {
          p.topMargin = m.top * MM_TO_POINTS;
          p.bottomMargin = m.bottom * MM_TO_POINTS;
          p.leftMargin = m.left * MM_TO_POINTS;
          p.rightMargin = m.right * MM_TO_POINTS;
        }
        if (sheet.print.area) p.setPrintArea(sheet.print.area);
        if (sheet.print.titleRows) p.setPrintTitleRows(`$${sheet.print.titleRows.replace(':', ':$')}`);
      } else skipped.add('pageLayout');
    }
    if (sheet.tabColor) ws.tabColor = sheet.tabColor;
    // a sheet that was protected is protected again after KH's writes, unless told otherwise
    if (sheet.protect || (wasProtected && sheet.protect !== false)) {
      ws.protection.protect(KH_PROTECTION);
    }
    if (sheet.visibility) ws.visibility = sheet.visibility === 'veryHidden' ? 'VeryHidden' : sheet.visibility === 'hidden' ? 'Hidden' : 'Visible';
    return cells;
  })();
}

/**
 * Applies a description inside one Excel.run context. `existing` is what the caller's snapshot
 * found (sheet names, protected sheets, defined names), so nothing here needs a read-back sync.
 */
export async function applyDescription(
  context: Excel.RequestContext,
  description: WorkbookDescription,
  support: ApiSupport,
  existing: {
    sheets: ReadonlyArray<{ name: string; protected?: boolean }>;
    names: ReadonlyArray<{ name: string; ref?: string }>;
    /** What was read before: with it, a refused write is undone (see recover.ts). */
    snapshot?: WorkbookSnapshot;
  },
  payloadBudget = DEFAULT_PAYLOAD_BUDGET,
  onProgress?: (fraction: number) => void,
): Promise<ApplyReport> {
  const report: ApplyReport = { syncs: 0, cellsWritten: 0, sheetsCreated: [], skipped: [] };
  const skipped = new Set<SkipReason>();
  const totalCells = Math.max(1, description.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.reduce((k, l) => k + l.length, 0), 0), 0));
  const sync = async (): Promise<void> => {
    await context.sync();
    report.syncs++;
    onProgress?.(Math.min(1, report.cellsWritten / totalCells));
  };
  const suspend = (): void => {
    if (support.isSetSupported('ExcelApi', '1.6')) context.application.suspendApiCalculationUntilNextSync();
    else skipped.add('calculationSuspend');
  };
  // what is queued so far, estimated; a write that would pass the budget goes into the next request
  let pending = 0;
  const reserve = async (bytes: number): Promise<void> => {
    if (pending > 0 && pending + bytes > payloadBudget) {
      await sync();
      pending = 0;
      suspend();
    }
    pending += bytes;
  };
  const known = new Map(existing.sheets.map((s) => [s.name.toLowerCase(), s]));
  const journal = newJournal();
  for (const sheet of description.sheets) {
    const prior = known.get(sheet.name.toLowerCase());
    if (!prior) {
      journal.created.push(sheet.name);
      continue;
    }
    const rects = sheet.blocks.map((b) => ({ row: b.row, col: b.col, rows: b.cells.length, cols: maxOf(b.cells.map((l) => l.length), 0) }));
    journal.touched.set(prior.name.toLowerCase(), { name: prior.name, whole: Boolean(sheet.replace) || (sheet.insertRows ?? []).length > 0, rects, protected: Boolean(prior.protected) });
  }
  const before = new Map(existing.names.map((n) => [n.name.toLowerCase(), n.ref ?? null]));
  for (const n of description.names) journal.names.push({ name: n.name, before: before.get(n.name.toLowerCase()) ?? null });
  try {
    suspend();
    // protection first: a sheet Excel will not open (a password) then stops the write before any change
    for (const t of journal.touched.values()) if (t.protected) context.workbook.worksheets.getItem(t.name).protection.unprotect();
    for (const sheet of description.sheets) {
      const prior = known.get(sheet.name.toLowerCase());
      const ws = prior ? context.workbook.worksheets.getItem(prior.name) : context.workbook.worksheets.add(sheet.name);
      if (!prior) report.sheetsCreated.push(sheet.name);
      if (prior && sheet.replace) {
        // a rewritten sheet starts blank: no old merges or drop-downs left where the new layout differs
        const all = ws.getRange();
        all.clear();
        all.unmerge();
        if (support.isSetSupported('ExcelApi', '1.8')) all.dataValidation.clear();
      }
      report.cellsWritten += await queueSheet(ws, sheet, description.styles, !prior || Boolean(sheet.replace), Boolean(prior?.protected), support, skipped, reserve, payloadBudget);
    }
    for (const n of description.names) {
      if (before.has(n.name.toLowerCase())) context.workbook.names.getItem(n.name).delete();
      context.workbook.names.add(n.name, n.ref);
    }
    await sync();
  } catch (error) {
    if (!existing.snapshot) throw error;
    const recovery = await recover(context, support, journal, existing.snapshot, (names) => readSnapshot(context, names, support));
    throw new WriteRefused(error, recovery);
  }
  report.skipped = [...skipped];
  return report;
}

function toVisibility(v: Excel.SheetVisibility | string): SheetSnapshot['visibility'] {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

function toValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
}

/**
 * Reads, in one sync, the sheet list, the defined names and the used range (values, formulas,
 * number formats; fonts when asked and ExcelApi 1.9 is there) of the sheets asked for; sheets that do not exist are
 * simply absent from the snapshot.
 */
type ReadResult = {
  snapshot: WorkbookSnapshot;
  allSheets: Array<{ name: string; visibility: SheetSnapshot['visibility']; protected: boolean }>;
  syncs: number;
  /** What this Excel let the read include (the rest is feature-detected away). */
  included: { fonts: boolean; emphasis: boolean; merges: boolean };
};

/**
 * What a read may add to values, formulas and number formats: cell font names (to spot TCVN3 / VNI
 * text), bold and indent levels (an officer's outline without STT), merged areas (an officer's
 * two-level header) — the first two need ExcelApi 1.9 (getCellProperties), merges 1.13.
 */
export interface ReadOptions {
  fonts?: boolean;
  emphasis?: boolean;
  merges?: boolean;
}

/** The options this Excel can honour. */
function readable(options: ReadOptions, support: ApiSupport): ReadResult['included'] {
  const cellProps = support.isSetSupported('ExcelApi', '1.9');
  return { fonts: Boolean(options.fonts) && cellProps, emphasis: Boolean(options.emphasis) && cellProps, merges: Boolean(options.merges) && support.isSetSupported('ExcelApi', '1.13') };
}

/** One getCellProperties request for the fonts and emphasis asked for; null when neither. */
function cellPropertiesOf(range: Excel.Range, want: ReadResult['included']): OfficeExtension.ClientResult<Excel.CellProperties[][]> | null {
  if (!want.fonts && !want.emphasis) return null;
  const font: Excel.CellPropertiesFontLoadOptions = {};
  if (want.fonts) font.name = true;
  if (want.emphasis) font.bold = true;
  return range.getCellProperties({ format: { font, ...(want.emphasis ? { indentLevel: true } : {}) } });
}

/** Merged areas of a used range, loaded in the same request (ExcelApi 1.13). */
function queueMerges(used: Excel.Range): Excel.RangeAreas {
  const merged = used.getMergedAreasOrNullObject();
  merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
  return merged;
}

function mergesOf(merged: Excel.RangeAreas | null): string[] | undefined {
  if (!merged) return undefined;
  if (merged.isNullObject) return [];
  return merged.areas.items.map((a) => rangeAddress(a.rowIndex, a.columnIndex, a.rowCount, a.columnCount));
}

/** Font names, and the sparse bold / indented cells, of a block read at (top, left). */
function propertiesOf(props: Excel.CellProperties[][], top: number, left: number, want: ReadResult['included']): { fonts: (string | null)[][] | null; styles: CellEmphasis[] } {
  const styles: CellEmphasis[] = [];
  if (want.emphasis) {
    props.forEach((line, r) =>
      line.forEach((p, c) => {
        const bold = p.format?.font?.bold === true;
        const indent = typeof p.format?.indentLevel === 'number' ? p.format.indentLevel : 0;
        if (bold || indent > 0) styles.push({ row: top + r, col: left + c, ...(bold ? { bold } : {}), ...(indent > 0 ? { indent } : {}) });
      }),
    );
  }
  return { fonts: want.fonts ? props.map((r) => r.map((p) => p.format?.font?.name ?? null)) : null, styles };
}

function isResponseTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** Fills a snapshot sheet from a used range's arrays, padded so it starts at A1. */
function fillSheet(sheet: SheetSnapshot, top: number, left: number, values: unknown[][], formulas: unknown[][], formats: unknown[][], fonts: (string | null)[][] | null): void {
  const width = left + (values[0]?.length ?? 0);
  const pad = <T>(rows: T[][], fill: T): T[][] => [
    ...Array.from({ length: top }, () => new Array<T>(width).fill(fill)),
    ...rows.map((r) => [...new Array<T>(left).fill(fill), ...r]),
  ];
  sheet.values = pad(toValues(values), null);
  sheet.formulas = pad(formulas.map((r) => r.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))), null);
  sheet.numberFormats = pad(formats as string[][], null);
  if (fonts) sheet.fonts = pad(fonts, null);
}

/**
 * Reads, in one sync, the sheet list, the defined names and the used range (values, formulas,
 * number formats; fonts when asked and ExcelApi 1.9 is there) of the sheets asked for; sheets that
 * do not exist are simply absent. A workbook too big for one response (Excel on the web answers at
 * most 5 MB) is read again in row blocks.
 */
export async function readSnapshot(context: Excel.RequestContext, sheetNames: readonly string[], support: ApiSupport, options: ReadOptions = {}): Promise<ReadResult> {
  const want = readable(options, support);
  // more than 512 merged areas make Excel refuse the request with a general error (its code is
  // not documented): read again without them. Cell-edit mode and the like are thrown as they are.
  const refusedMerges = (error: unknown): boolean => want.merges && (error as { code?: string } | null)?.code === 'GeneralException';
  const withoutMerges = async (): Promise<ReadResult> => {
    const again = await readSnapshot(context, sheetNames, support, { ...options, merges: false });
    return { ...again, syncs: again.syncs + 1 };
  };
  try {
    return await readAtOnce(context, sheetNames, want);
  } catch (error) {
    if (!isResponseTooLarge(error)) {
      if (refusedMerges(error)) return withoutMerges();
      throw error;
    }
    try {
      const chunked = await readInBlocks(context, sheetNames, want);
      return { ...chunked, syncs: chunked.syncs + 1 };
    } catch (again) {
      if (refusedMerges(again)) return withoutMerges();
      throw again;
    }
  }
}

async function readAtOnce(context: Excel.RequestContext, sheetNames: readonly string[], want: ReadResult['included']): Promise<ReadResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const wanted = sheetNames.map((name) => {
    const ws = sheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject();
    used.load('values,formulas,numberFormat,rowIndex,columnIndex,rowCount,columnCount,rowHidden');
    return { name, used, props: cellPropertiesOf(used, want), merged: want.merges ? queueMerges(used) : null };
  });
  await context.sync();
  const allSheets = sheets.items.map((s) => ({ name: s.name, visibility: toVisibility(s.visibility), protected: s.protection.protected }));
  const snapshot: WorkbookSnapshot = { sheets: [], names: names.items.map((n) => ({ name: n.name, ref: String(n.formula) })) };
  for (const w of wanted) {
    const meta = allSheets.find((s) => s.name.toLowerCase() === w.name.toLowerCase());
    if (!meta) continue;
    const sheet: SheetSnapshot = { name: meta.name, visibility: meta.visibility, values: [], formulas: [], numberFormats: [], protected: meta.protected };
    if (!w.used.isNullObject) {
      const props = w.props ? propertiesOf(w.props.value, w.used.rowIndex, w.used.columnIndex, want) : null;
      fillSheet(sheet, w.used.rowIndex, w.used.columnIndex, w.used.values, w.used.formulas, w.used.numberFormat, props?.fonts ?? null);
      if (want.emphasis) sheet.styles = props?.styles ?? [];
      const merges = mergesOf(w.merged);
      if (merges) sheet.merges = merges;
    }
    snapshot.sheets.push(sheet);
  }
  const extra = await readHiddenRows(context, wanted.map((w) => ({ used: w.used, sheet: snapshot.sheets.find((s) => s.name.toLowerCase() === w.name.toLowerCase()) })));
  return { snapshot, allSheets, syncs: 1 + extra, included: want };
}

/**
 * Hidden rows (a total over hidden rows hides money from the reader): the used range says true,
 * false or null (some); only sheets with some hidden rows are asked row by row, all in one more sync.
 */
async function readHiddenRows(context: Excel.RequestContext, read: Array<{ used: Excel.Range; sheet: SheetSnapshot | undefined }>): Promise<number> {
  const detail: Array<{ sheet: SheetSnapshot; top: number; rows: Excel.Range[] }> = [];
  for (const { used, sheet } of read) {
    if (!sheet || used.isNullObject) continue;
    if (used.rowHidden === false) sheet.hiddenRows = [];
    else if (used.rowHidden === true) sheet.hiddenRows = Array.from({ length: used.rowCount }, (_, i) => used.rowIndex + i);
    else {
      const rows: Excel.Range[] = [];
      for (let i = 0; i < used.rowCount; i++) {
        const row = used.getRow(i);
        row.load('rowHidden');
        rows.push(row);
      }
      detail.push({ sheet, top: used.rowIndex, rows });
    }
  }
  if (detail.length === 0) return 0;
  await context.sync();
  for (const d of detail) d.sheet.hiddenRows = d.rows.flatMap((row, i) => (row.rowHidden ? [d.top + i] : []));
  return 1;
}

/** Bytes of response budgeted per cell and property (values, formulas, formats). */
const RESPONSE_BYTES_PER_CELL = 160;
const RESPONSE_BUDGET = 3 * 1024 * 1024;

async function readInBlocks(context: Excel.RequestContext, sheetNames: readonly string[], want: ReadResult['included']): Promise<ReadResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const dims = sheetNames.map((name) => {
    const used = sheets.getItemOrNullObject(name).getUsedRangeOrNullObject();
    used.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden');
    // merged areas are few and small: they come with the sizes
    return { name, used, merged: want.merges ? queueMerges(used) : null };
  });
  await context.sync();
  let syncs = 1;
  const allSheets = sheets.items.map((s) => ({ name: s.name, visibility: toVisibility(s.visibility), protected: s.protection.protected }));
  const snapshot: WorkbookSnapshot = { sheets: [], names: names.items.map((n) => ({ name: n.name, ref: String(n.formula) })) };
  type Part = { rows: number; range: Excel.Range; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null };
  const pending: Array<{ sheet: SheetSnapshot; top: number; left: number; parts: Part[]; merges: string[] | undefined }> = [];
  let budget = 0;
  for (const d of dims) {
    const meta = allSheets.find((s) => s.name.toLowerCase() === d.name.toLowerCase());
    if (!meta) continue;
    const sheet: SheetSnapshot = { name: meta.name, visibility: meta.visibility, values: [], formulas: [], numberFormats: [], protected: meta.protected };
    snapshot.sheets.push(sheet);
    if (d.used.isNullObject) continue;
    const ws = sheets.getItem(meta.name);
    const rowsPerPart = Math.max(1, Math.floor(RESPONSE_BUDGET / (d.used.columnCount * RESPONSE_BYTES_PER_CELL)));
    const entry = { sheet, top: d.used.rowIndex, left: d.used.columnIndex, parts: [] as Part[], merges: mergesOf(d.merged) };
    pending.push(entry);
    for (let start = 0; start < d.used.rowCount; start += rowsPerPart) {
      const rows = Math.min(rowsPerPart, d.used.rowCount - start);
      if (budget > 0 && budget + rows * d.used.columnCount * RESPONSE_BYTES_PER_CELL > RESPONSE_BUDGET) {
        await context.sync();
        syncs++;
        budget = 0;
      }
      const range = ws.getRangeByIndexes(d.used.rowIndex + start, d.used.columnIndex, rows, d.used.columnCount);
      range.load('values,formulas,numberFormat');
      entry.parts.push({ rows, range, props: cellPropertiesOf(range, want) });
      budget += rows * d.used.columnCount * RESPONSE_BYTES_PER_CELL;
    }
  }
  await context.sync();
  syncs++;
  for (const p of pending) {
    const values = p.parts.flatMap((x) => x.range.values);
    const formulas = p.parts.flatMap((x) => x.range.formulas as unknown[][]);
    const formats = p.parts.flatMap((x) => x.range.numberFormat as unknown[][]);
    const props = want.fonts || want.emphasis ? propertiesOf(p.parts.flatMap((x) => (x.props as OfficeExtension.ClientResult<Excel.CellProperties[][]>).value), p.top, p.left, want) : null;
    fillSheet(p.sheet, p.top, p.left, values, formulas, formats, props?.fonts ?? null);
    if (want.emphasis) p.sheet.styles = props?.styles ?? [];
    if (p.merges) p.sheet.merges = p.merges;
  }
  syncs += await readHiddenRows(context, dims.map((d) => ({ used: d.used, sheet: snapshot.sheets.find((s) => s.name.toLowerCase() === d.name.toLowerCase()) })));
  return { snapshot, allSheets, syncs, included: want };
}

export { cellAddress, rangeAddress };
