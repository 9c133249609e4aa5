/**
 * A corpus case as an .xlsx, built in memory: input.json (the clean workbook as data) with any
 * planted edits applied, every formula written with its cached result computed by the repo's
 * calculator (so a reader that trusts cached values sees what Excel would show), legacy text
 * encoded in TCVN3 / VNI with its font, and merges, hidden rows, bold, indent, number formats,
 * widths and borders as the officer made them. Nothing is written to disk.
 */
import ExcelJS from 'exceljs';
import { CalcError, Scalar } from '../../src/testing/calc';
import { unicodeToTcvn3, unicodeToVni } from '../../src/core/text';
import { CellObject, CorpusCell, CorpusEdit, CorpusInput, CorpusSheet } from './schema';
import { GridSheet, calculateGrid, columnLetters, columnNumber } from './calc';

export const DEFAULT_FONT = 'Times New Roman';
export const DEFAULT_FONT_SIZE = 12;

export interface Looks {
  bold?: boolean;
  italic?: boolean;
  indent?: number;
  font?: string;
  size?: number;
  fmt?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  encoding?: 'unicode' | 'tcvn3' | 'vni';
}

/** A cell of input.json read plainly: its constant or formula, and its looks. */
export interface PlainCell {
  value: number | string | null;
  formula: string | null;
  looks: Looks;
}

export function plainCell(cell: CorpusCell | undefined): PlainCell {
  if (cell === undefined || cell === null) return { value: null, formula: null, looks: {} };
  if (typeof cell === 'number') return { value: cell, formula: null, looks: {} };
  if (typeof cell === 'string') return cell.startsWith('=') && cell.length > 1 ? { value: null, formula: cell, looks: {} } : { value: cell, formula: null, looks: {} };
  const { v, f, ...looks } = cell;
  return { value: v ?? null, formula: f ?? null, looks };
}

function toCorpusCell(c: PlainCell): CorpusCell {
  const looks = Object.fromEntries(Object.entries(c.looks).filter(([, v]) => v !== undefined)) as Looks;
  if (Object.keys(looks).length === 0) {
    if (c.formula !== null) return c.formula;
    // text starting with "=" must stay text: keep it in an object
    if (typeof c.value === 'string' && c.value.startsWith('=')) return { v: c.value };
    return c.value;
  }
  const out: CellObject = { ...looks };
  if (c.formula !== null) out.f = c.formula;
  else out.v = c.value;
  return out;
}

/** "D12" → 0-based row and column. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 };
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

function findSheet(input: CorpusInput, name: string): CorpusSheet {
  const sheet = input.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" (sheets: ${input.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}

/** The width of a sheet's grid: its longest row. */
export function sheetWidth(sheet: CorpusSheet): number {
  return Math.max(0, ...sheet.rows.map((r) => r.length));
}

/** Checks an edit names a sheet and a cell (or row) inside the sheet's grid; throws if not. */
export function checkEditTarget(input: CorpusInput, edit: CorpusEdit): void {
  const sheet = findSheet(input, edit.sheet);
  if (edit.hideRow !== undefined) {
    if (edit.hideRow > sheet.rows.length) throw new Error(`hideRow ${edit.hideRow} is below the last row (${sheet.rows.length}) of "${sheet.name}"`);
    return;
  }
  const { row, col } = parseA1(edit.cell as string);
  if (row >= sheet.rows.length || col >= sheetWidth(sheet)) throw new Error(`${edit.sheet}!${edit.cell} is outside the sheet's grid (${sheet.rows.length} rows × ${sheetWidth(sheet)} columns)`);
}

/** The clean input with the edits applied (a new object; the input is not changed). */
export function applyEdits(input: CorpusInput, edits: readonly CorpusEdit[]): CorpusInput {
  const out = structuredClone(input);
  for (const edit of edits) {
    checkEditTarget(out, edit);
    const sheet = findSheet(out, edit.sheet);
    if (edit.hideRow !== undefined) {
      sheet.hiddenRows = [...new Set([...(sheet.hiddenRows ?? []), edit.hideRow])].sort((a, b) => a - b);
      continue;
    }
    const { row, col } = parseA1(edit.cell as string);
    const line = sheet.rows[row];
    while (line.length <= col) line.push(null);
    const cell = plainCell(line[col]);
    if (edit.formula !== undefined) {
      cell.formula = edit.formula;
      cell.value = null;
    } else {
      cell.formula = null;
      cell.value = edit.text !== undefined ? edit.text : (edit.value ?? null);
    }
    if (edit.font !== undefined) cell.looks.font = edit.font;
    if (edit.encoding !== undefined) cell.looks.encoding = edit.encoding;
    line[col] = toCorpusCell(cell);
  }
  return out;
}

function isCapitalsFont(font: string): boolean {
  return /^\.vn.*h$/i.test(font.trim());
}

/** The text as the officer's legacy font stores it (TCVN3 capitals fonts hold the lower-case bytes). */
export function storedText(text: string, encoding: Looks['encoding'], font: string): string {
  if (encoding === 'tcvn3') return unicodeToTcvn3(isCapitalsFont(font) ? text.toLocaleLowerCase('vi') : text);
  if (encoding === 'vni') return unicodeToVni(text);
  return text;
}

export interface ResolvedCell {
  row: number;
  col: number;
  /** What the file stores: legacy text already encoded. */
  value: number | string | null;
  formula: string | null;
  font: string;
  looks: Looks;
}

/** Every non-empty or styled cell of a sheet, with the font and encoding it inherits from the sheet. */
export function resolvedCells(sheet: CorpusSheet): ResolvedCell[] {
  const out: ResolvedCell[] = [];
  sheet.rows.forEach((line, row) =>
    line.forEach((raw, col) => {
      if (raw === null || raw === undefined) return;
      const cell = plainCell(raw);
      const font = cell.looks.font ?? sheet.font ?? DEFAULT_FONT;
      const encoding = cell.looks.encoding ?? sheet.encoding ?? 'unicode';
      const value = typeof cell.value === 'string' ? storedText(cell.value, encoding, font) : cell.value;
      out.push({ row, col, value, formula: cell.formula, font, looks: { ...cell.looks, encoding } });
    }),
  );
  return out;
}

/** The grid the calculator reads: stored values and formulas, hidden rows. */
export function gridOf(input: CorpusInput): GridSheet[] {
  return input.sheets.map((sheet) => ({
    name: sheet.name,
    cells: resolvedCells(sheet)
      .filter((c) => c.formula !== null || c.value !== null)
      .map((c) => ({ row: c.row, col: c.col, value: c.value as Scalar, formula: c.formula })),
    hiddenRows: new Set((sheet.hiddenRows ?? []).map((r) => r - 1)),
  }));
}

export interface Computed {
  /** sheet → A1 → computed value of every formula cell */
  values: Map<string, Map<string, Scalar>>;
}

/** Computes every formula; throws on a circular reference or a function the calculator lacks. */
export function computeFormulas(input: CorpusInput): Computed {
  const calc = calculateGrid(gridOf(input));
  if (calc.unsupportedFunctions.length > 0) throw new Error(`formulas the calculator cannot compute: ${calc.unsupportedFunctions.join(', ')}`);
  if (calc.circular.length > 0) throw new Error(`circular references: ${calc.circular.join(', ')}`);
  const values = new Map<string, Map<string, Scalar>>();
  for (const r of calc.results) {
    const sheet = values.get(r.sheet) ?? new Map<string, Scalar>();
    values.set(r.sheet, sheet);
    sheet.set(a1(r.row, r.col), r.value);
  }
  return { values };
}

function cachedResult(v: Scalar): ExcelJS.CellFormulaValue['result'] {
  if (v instanceof CalcError) return { error: v.code as ExcelJS.CellErrorValue['error'] };
  if (v === null) return 0;
  return v;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

function rangeCells(range: string): Array<{ row: number; col: number }> {
  const [from, to] = range.split(':').map(parseA1);
  const out: Array<{ row: number; col: number }> = [];
  for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
    for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) out.push({ row: r, col: c });
  }
  return out;
}

/** The workbook (clean, or with planted edits) as .xlsx bytes. */
export async function buildXlsx(input: CorpusInput, edits: readonly CorpusEdit[] = []): Promise<Buffer> {
  const book = edits.length > 0 ? applyEdits(input, edits) : input;
  const computed = computeFormulas(book);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KH corpus';
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const results = computed.values.get(sheet.name) ?? new Map<string, Scalar>();
    for (const [letter, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(letter).width = width;
    for (const letter of sheet.hiddenColumns ?? []) ws.getColumn(letter).hidden = true;
    for (const range of sheet.borders ?? []) {
      for (const { row, col } of rangeCells(range)) {
        ws.getCell(row + 1, col + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
    }
    for (const c of resolvedCells(sheet)) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      if (c.formula !== null) cell.value = { formula: c.formula.slice(1), result: cachedResult(results.get(a1(c.row, c.col)) ?? null) };
      else cell.value = c.value;
      cell.font = { name: c.font, size: c.looks.size ?? sheet.fontSize ?? DEFAULT_FONT_SIZE, bold: c.looks.bold, italic: c.looks.italic };
      if (c.looks.fmt) cell.numFmt = c.looks.fmt;
      if (c.looks.align || c.looks.indent || c.looks.wrap) {
        cell.alignment = { horizontal: c.looks.align ?? (c.looks.indent ? 'left' : undefined), indent: c.looks.indent, wrapText: c.looks.wrap, vertical: 'middle' };
      }
    }
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (const row of sheet.hiddenRows ?? []) ws.getRow(row).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
