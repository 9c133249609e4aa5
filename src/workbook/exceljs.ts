/**
 * The Node side of the workbook port: a workbook description → .xlsx (exceljs), and an .xlsx →
 * snapshot. Same description as the office.js adapter, so Node tests and LibreOffice prove what
 * Excel will show.
 */
import ExcelJS from 'exceljs';
import { CellSpec, CellValue, SheetSpec, StyleSpec, WorkbookDescription } from '../core/book/model';
import { CellEmphasis, SheetSnapshot, WorkbookSnapshot } from '../core/book/snapshot';
import { cellAddress, columnLetter, parseCell } from '../core/book/address';
import { inspectWorkbook, Inspection, READ_LIMITS, ReadLimits, WorkbookReadError } from './preflight';

const MM_PER_INCH = 25.4;
/** Rows handed to exceljs's insertRows at once (it spreads them into a call). */
const INSERT_SLICE = 10_000;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** What a spec's style, number format and lock make of a cell's style, fields not named kept. */
function derivedStyle(base: Partial<ExcelJS.Style>, spec: CellSpec, style: StyleSpec | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...base };
  if (style?.font) {
    out.font = {
      name: style.font.name,
      size: style.font.size,
      bold: style.font.bold,
      italic: style.font.italic,
      color: style.font.color ? { argb: argb(style.font.color) } : undefined,
    };
  }
  if (style?.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style && (style.horizontal || style.vertical || style.wrap)) {
    out.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap };
  }
  if (style?.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (spec.numberFormat) out.numFmt = spec.numberFormat;
  if (spec.locked === false) out.protection = { locked: false };
  return out;
}

/**
 * One style object per distinct (style of the cell before, spec's style, number format, lock):
 * exceljs serialises a style once per object it has not seen (a WeakMap), so 1.7 million cells
 * sharing 40 objects write in seconds where 1.7 million copies took a minute. Shared objects are
 * never mutated: a cell's style is changed by assigning another object (see `restyle`).
 */
class StyleCache {
  private readonly fresh = new Map<string, Partial<ExcelJS.Style>>();
  private readonly byBase = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  constructor(private readonly styles: Record<string, StyleSpec>) {}

  styleOf(base: Partial<ExcelJS.Style>, spec: CellSpec): Partial<ExcelJS.Style> {
    const key = `${spec.style ?? ''}\u0000${spec.numberFormat ?? ''}\u0000${spec.locked === false ? 'u' : ''}`;
    // a new cell's style is an empty object of its own: all of them share one entry
    let cache = Object.keys(base).length === 0 ? this.fresh : this.byBase.get(base);
    if (!cache) {
      cache = new Map();
      this.byBase.set(base, cache);
    }
    let style = cache.get(key);
    if (!style) {
      style = derivedStyle(base, spec, spec.style ? this.styles[spec.style] : undefined);
      cache.set(key, style);
    }
    return style;
  }
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec, styles: StyleCache): void {
  if (spec.formula !== undefined) {
    cell.value = { formula: spec.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  } else if (spec.value !== undefined) {
    // a string stays a string in the file, even "=…" or "- …": exceljs writes it as text
    cell.value = spec.value;
  }
  if (spec.style || spec.numberFormat || spec.locked === false) cell.style = styles.styleOf(cell.style, spec);
}

/**
 * Changes some fields of one cell's style. exceljs shares one style object among the cells of a
 * loaded file that had the same style, and KH's writer shares them too: setting `cell.font`
 * would change every cell sharing it, so a copy is assigned.
 */
export function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

/**
 * exceljs writes a print area as `'Sheet'!$` + the first cell + `:$` + the last, so "A1:M7" became
 * `'DA2'!$A1:$M7` — rows relative, which LibreOffice ignores. Given "A$1:M$7" it writes the absolute
 * `'DA2'!$A$1:$M$7`. Several areas are joined with "&&", as exceljs reads them back.
 */
export function exceljsPrintArea(area: string): string {
  return area
    .split('&&')
    .map((part) => part.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$1$$$2'))
    .join('&&');
}

/** Every print area of a loaded workbook, made absolute again before it is written back. */
function absolutePrintAreas(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (area) ws.pageSetup.printArea = exceljsPrintArea(area);
  }
}

function forEachCellIn(range: string, fn: (address: string) => void): void {
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const start = parseCell(a);
  const end = parseCell(b);
  if (!start || !end) throw new RangeError(`bad range ${range}`);
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) fn(cellAddress(r, c));
}

async function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetSpec, styles: StyleCache): Promise<void> {
  const old = workbook.getWorksheet(sheet.name);
  if (old && sheet.replace) workbook.removeWorksheet(old.id);
  const ws = (sheet.replace ? undefined : old) ?? workbook.addWorksheet(sheet.name);
  if (sheet.visibility) ws.state = sheet.visibility === 'veryHidden' ? 'veryHidden' : sheet.visibility === 'hidden' ? 'hidden' : 'visible';
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  for (const col of sheet.columns ?? []) {
    const column = ws.getColumn(col.index + 1);
    if (col.width !== undefined) column.width = col.width;
    if (col.hidden) column.hidden = true;
  }
  // exceljs moves the cells but does not rewrite references: KH rewrites its own formulas on the
  // moved rows; formulas of the user's that point below an inserted row are not adjusted here
  // exceljs spreads the rows it inserts onto the stack: a block of thousands goes in slices
  for (const ins of sheet.insertRows ?? []) {
    for (let left = ins.count; left > 0; left -= INSERT_SLICE) ws.insertRows(ins.row + 1, Array.from({ length: Math.min(left, INSERT_SLICE) }, () => []));
  }
  for (const block of sheet.blocks) {
    block.cells.forEach((line, r) => {
      line.forEach((spec, c) => {
        if (spec) writeCell(ws.getCell(block.row + r + 1, block.col + c + 1), spec, styles);
      });
    });
  }
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, topLeftCell: cellAddress(sheet.freeze.rows, sheet.freeze.columns) }];
  }
  for (const v of sheet.validations ?? []) {
    const formulae = typeof v.list === 'string' ? [v.list.replace(/^=/, '')] : [`"${v.list.join(',')}"`];
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae,
      showErrorMessage: true,
      errorStyle: v.allowOther ? 'warning' : 'stop',
    };
    const validations = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
    forEachCellIn(v.range, (address) => validations.add(address, rule));
  }
  if (sheet.print) {
    const m = sheet.print.margins;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: sheet.print.orientation,
      fitToPage: Boolean(sheet.print.fitToWidth),
      fitToWidth: sheet.print.fitToWidth ? 1 : undefined,
      fitToHeight: sheet.print.fitToWidth ? 0 : undefined,
      printTitlesRow: sheet.print.titleRows,
      printArea: sheet.print.area ? exceljsPrintArea(sheet.print.area) : ws.pageSetup.printArea,
      margins: m
        ? { top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH, header: 0.3, footer: 0.3 }
        : ws.pageSetup.margins,
    } as ExcelJS.PageSetup;
  }
  if (sheet.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
  }
}

/** A description (or a patch of one) applied to an exceljs workbook. */
export async function applyToWorkbook(workbook: ExcelJS.Workbook, description: WorkbookDescription): Promise<void> {
  const styles = new StyleCache(description.styles);
  for (const sheet of description.sheets) await writeSheet(workbook, sheet, styles);
  for (const name of description.names) {
    const location = name.ref.replace(/^=/, '');
    workbook.definedNames.remove(location, name.name);
    workbook.definedNames.add(location, name.name);
  }
  // values are not cached in the file: Excel and LibreOffice compute every formula on open
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

/** Description → .xlsx bytes. */
export async function descriptionToXlsx(description: WorkbookDescription): Promise<Buffer> {
  return xlsxOf(await descriptionToWorkbook(description));
}

/**
 * Description → exceljs workbook. A caller that lets go of the description before `xlsxOf`
 * writes a large plan in far less memory (the description of 60k activities is ~450 MB).
 */
export async function descriptionToWorkbook(description: WorkbookDescription): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KH';
  await applyToWorkbook(workbook, description);
  return workbook;
}

export async function xlsxOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function readValue(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  // a number under a date format past year 275760 is an Invalid Date in exceljs: unknown, not a damaged file
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : v.toISOString(), formula: null };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = cell.formula;
      // cell.value drops a falsy result (a total of 0 would read as "not calculated"): ask the cell itself
      const result = (cell as unknown as { result?: unknown }).result ?? (v as ExcelJS.CellFormulaValue).result;
      let value: CellValue = null;
      if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') value = result;
      else if (result && typeof result === 'object' && 'error' in result) value = String(result.error);
      return { value, formula: f ? `=${f}` : null };
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join(''), formula: null };
    if ('error' in v) return { value: String(v.error), formula: null };
    if ('text' in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text), formula: null };
  }
  return { value: String(v), formula: null };
}

/** An exceljs worksheet → snapshot (used range from A1). */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = ws.actualRowCount > 0 ? ws.rowCount : 0;
  const cols = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fonts: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const hyperlinks: Array<{ cell: string; target: string }> = [];
  const styles: CellEmphasis[] = [];
  for (let r = 1; r <= rows; r++) {
    // findRow, not getRow: reading must not create rows (a sparse sheet stays sparse in memory)
    const row = ws.findRow(r);
    if (row?.hidden) hiddenRows.push(r - 1);
    const vLine: CellValue[] = new Array(cols).fill(null);
    const fLine: (string | null)[] = new Array(cols).fill(null);
    const nLine: (string | null)[] = new Array(cols).fill(null);
    const fontLine: (string | null)[] = new Array(cols).fill(null);
    row?.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      // exceljs answers the top-left value in every cell of a merged area; Excel holds it in the first only
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = readValue(cell);
      // <v>NaN</v>, <v>1E+400</v>: no number Excel holds; said with its cell, never read as blank
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new WorkbookReadError({ key: 'input.badNumber', params: { sheet: ws.name, cell: cellAddress(r - 1, c - 1), text: String(value) } });
      }
      vLine[c - 1] = value;
      fLine[c - 1] = formula;
      nLine[c - 1] = cell.numFmt ?? null;
      fontLine[c - 1] = cell.font?.name ?? null;
      const link = (cell.value as { hyperlink?: unknown } | null)?.hyperlink;
      if (typeof link === 'string' && link !== '') hyperlinks.push({ cell: cellAddress(r - 1, c - 1), target: link });
      const bold = cell.font?.bold === true;
      const indent = cell.alignment?.indent ?? 0;
      if (bold || indent > 0) styles.push({ row: r - 1, col: c - 1, ...(bold ? { bold } : {}), ...(indent > 0 ? { indent } : {}) });
    });
    values.push(vLine);
    formulas.push(fLine);
    numberFormats.push(nLine);
    fonts.push(fontLine);
  }
  const visibility = ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
  // exceljs keeps merged areas by their top-left cell (ws.model would rebuild every row to give them)
  const areas = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  const merges = Object.values(areas).map((a) => a?.range).filter((m): m is string => typeof m === 'string');
  return { name: ws.name, visibility, values, formulas, numberFormats, fonts, protected: Boolean((ws as unknown as { sheetProtection?: unknown }).sheetProtection), hiddenRows, merges, styles, ...(hyperlinks.length > 0 ? { hyperlinks } : {}) };
}

/**
 * The snapshot is dense from A1, so a sheet with one cell at XFD1048576 would need 17 billion
 * slots: the used ranges are measured against the limits before anything is allocated.
 */
function checkExtent(workbook: ExcelJS.Workbook, limits: ReadLimits): void {
  let grid = 0;
  workbook.eachSheet((ws) => {
    const rows = ws.actualRowCount > 0 ? ws.rowCount : 0;
    const cols = ws.actualColumnCount > 0 ? ws.columnCount : 0;
    grid += rows * cols;
    if (rows > limits.maxRowsPerSheet || grid > limits.maxGridCells) {
      throw new WorkbookReadError({ key: 'input.extent', params: { sheet: ws.name, cell: cellAddress(Math.max(rows - 1, 0), Math.max(cols - 1, 0)), cells: rows * cols, limit: limits.maxGridCells, rows: limits.maxRowsPerSheet } });
    }
  });
}

/**
 * An exceljs workbook → snapshot. `inspection` (the pre-flight's, from the same bytes) adds what
 * exceljs does not keep: the targets of the file's external-link parts.
 */
export function workbookSnapshot(workbook: ExcelJS.Workbook, limits: ReadLimits = READ_LIMITS, inspection?: Inspection): WorkbookSnapshot {
  checkExtent(workbook, limits);
  const sheets: SheetSnapshot[] = [];
  workbook.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  const names: WorkbookSnapshot['names'] = [];
  const model = (workbook.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  for (const n of model ?? []) names.push({ name: n.name, ref: `=${n.ranges.join(',')}` });
  return inspection && inspection.externalLinks.length > 0 ? { sheets, names, externalLinks: inspection.externalLinks } : { sheets, names };
}

/**
 * .xlsx / .xlsm bytes → exceljs workbook, after the pre-flight (preflight.ts). Every failure is a
 * WorkbookReadError with a catalogue message; macros are read as bytes and never run.
 */
export async function readXlsx(bytes: Buffer, limits: ReadLimits = READ_LIMITS): Promise<{ workbook: ExcelJS.Workbook; inspection: Inspection }> {
  const inspection = await inspectWorkbook(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // malformed XML, a broken relationship, a part exceljs cannot parse
    throw new WorkbookReadError({ key: 'input.damaged', params: {} });
  }
  absolutePrintAreas(workbook);
  return { workbook, inspection };
}

/** .xlsx bytes → snapshot; throws only WorkbookReadError. */
export async function xlsxToSnapshot(bytes: Buffer | ArrayBuffer, limits: ReadLimits = READ_LIMITS): Promise<WorkbookSnapshot> {
  const { workbook, inspection } = await readXlsx(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), limits);
  try {
    return workbookSnapshot(workbook, limits, inspection);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError({ key: 'input.damaged', params: {} });
  }
}

export { columnLetter };
