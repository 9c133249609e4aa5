/**
 * The workbook as plain data (so a sync can snapshot it with structuredClone) and the Excel
 * rules that change it. Proxies (range.ts, worksheet.ts, workbook.ts) queue operations that
 * call these functions at sync time.
 */
import {
  LAST_COLUMN, LAST_ROW, cellCount, cellKey, columnCount, containsRect, formatAddress, formatRef, intersects,
  isEntireColumns, isEntireRows, keyColumn, keyRow, rect, rowCount, splitSheet, subtract, tryParseRef, type Rect,
} from './address';
import { parseInput, type CellContent, type CellValue, type InputOptions } from './cells';
import { DIMENSION_MISMATCH_MESSAGE, ExcelFakeError, PROTECTED_SHEET_MESSAGE, excelError } from './errors';
import {
  clearFormats, distinctFormats, getFormat, newFormatStore, setCellFormat, setFormat, type FormatStore, type FormatValue,
} from './formats';
import { shiftIndex, shiftRect, straddlesSpan, type Shift } from './shift';
import type { ChartState } from './charts';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export const VISIBILITIES: readonly Visibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: 'Normal' | 'Unlocked' | 'None';
}

export const DEFAULT_PROTECTION_OPTIONS: Readonly<ProtectionOptions> = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
});

export interface ProtectionState {
  protected: boolean;
  options: ProtectionOptions;
  password: string | null;
}

/** A data-validation rule as stored: `{ list: { inCellDropDown, source } }`, or another rule kept as given. */
export type ValidationRule = Record<string, unknown>;

export interface ValidationState {
  rect: Rect;
  rule: ValidationRule;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
}

export interface PageZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printOrder: 'DownThenOver' | 'OverThenDown';
  zoom: PageZoom;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
}

export const PAPER_SIZES = [
  'A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive',
  'Folio', 'Quarto', 'Size10x14', 'Size11x17', 'Note', 'A4Small', 'Envelope9', 'Envelope10', 'Envelope11',
  'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3',
  'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly',
  'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
];

export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printOrder: 'DownThenOver',
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
  };
}

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  showGridlines: boolean;
  cells: Map<number, CellContent>;
  formats: FormatStore;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows and columns hidden (Range.rowHidden / columnHidden). */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  defaultColumnWidth: number;
  defaultRowHeight: number;
  merges: Rect[];
  validations: ValidationState[];
  frozen: { rows: number; columns: number };
  protection: ProtectionState;
  pageLayout: PageLayoutState;
  selection: Rect;
  charts: ChartState[];
}

export interface NameState {
  name: string;
  formula: string;
  /** null: workbook scope; else the id of the sheet it belongs to. */
  sheetId: string | null;
  comment: string;
  visible: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string;
  names: NameState[];
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  nextId: number;
}

/** Settings of the fake that the rules need. */
export interface Env extends InputOptions {
  protectedCellErrorCode: string;
  /** Loads bigger than this fail with ResponsePayloadSizeLimitExceeded. */
  responseLimitBytes: number;
  /** Seeding and test set-up skip protection. */
  bypassProtection?: boolean;
}

/* ------------------------------------------------------------------ sheets */

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function newSheetState(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: 'Visible',
    tabColor: '',
    showGridlines: true,
    cells: new Map(),
    formats: newFormatStore(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    defaultColumnWidth: DEFAULT_COLUMN_WIDTH,
    defaultRowHeight: DEFAULT_ROW_HEIGHT,
    merges: [],
    validations: [],
    frozen: { rows: 0, columns: 0 },
    protection: { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: null },
    pageLayout: defaultPageLayout(),
    selection: rect(0, 0),
    charts: [],
  };
}

function newId(wb: WorkbookState): string {
  const n = wb.nextId++;
  return `{00000000-0001-0000-${String(n).padStart(4, '0')}-000000000000}`;
}

export function newWorkbook(firstSheet = 'Sheet1'): WorkbookState {
  const wb: WorkbookState = { sheets: [], activeSheetId: '', names: [], calculationMode: 'Automatic', nextId: 1 };
  const sheet = newSheetState(newId(wb), firstSheet);
  wb.sheets.push(sheet);
  wb.activeSheetId = sheet.id;
  return wb;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

export function findSheetByName(wb: WorkbookState, name: string): SheetState | undefined {
  return wb.sheets.find((s) => sameName(s.name, name));
}

export function findSheetById(wb: WorkbookState, id: string): SheetState | undefined {
  return wb.sheets.find((s) => s.id === id);
}

/** getItem(key): Excel accepts the name or the id. */
export function findSheet(wb: WorkbookState, key: string): SheetState | undefined {
  return findSheetById(wb, key) ?? findSheetByName(wb, key);
}

export function activeSheet(wb: WorkbookState): SheetState {
  const s = findSheetById(wb, wb.activeSheetId);
  if (!s) throw excelError('GeneralException', 'The workbook has no active sheet.');
  return s;
}

export function validateSheetName(name: unknown, location?: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || sameName(name, 'History')) {
    throw excelError('InvalidArgument', `"${String(name)}" is not a valid sheet name (1–31 characters, none of : \\ / ? * [ ], no apostrophe at either end).`, location);
  }
  return name;
}

export function addSheet(wb: WorkbookState, name: string | undefined, location?: string): SheetState {
  let finalName = name;
  if (finalName === undefined || finalName === null) {
    let n = wb.sheets.length + 1;
    while (findSheetByName(wb, `Sheet${n}`)) n++;
    finalName = `Sheet${n}`;
  }
  validateSheetName(finalName, location);
  if (findSheetByName(wb, finalName)) throw excelError('ItemAlreadyExists', undefined, location);
  const sheet = newSheetState(newId(wb), finalName);
  wb.sheets.push(sheet);
  return sheet;
}

export function renameSheet(wb: WorkbookState, sheet: SheetState, name: unknown, location?: string): void {
  const newName = validateSheetName(name, location);
  const other = findSheetByName(wb, newName);
  if (other && other !== sheet) throw excelError('ItemAlreadyExists', undefined, location);
  const old = sheet.name;
  sheet.name = newName;
  for (const n of wb.names) {
    const ref = parseReferenceFormula(n.formula);
    if (ref && ref.sheet !== undefined && sameName(ref.sheet, old)) n.formula = '=' + formatAddress(newName, ref.rect, true);
  }
}

function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === 'Visible');
}

function activateNeighbour(wb: WorkbookState, leaving: SheetState): void {
  const index = wb.sheets.indexOf(leaving);
  const after = wb.sheets.slice(index + 1).find((s) => s !== leaving && s.visibility === 'Visible');
  const before = wb.sheets.slice(0, index).reverse().find((s) => s.visibility === 'Visible');
  const next = after ?? before;
  if (next) wb.activeSheetId = next.id;
}

export function deleteSheet(wb: WorkbookState, sheet: SheetState, location?: string): void {
  if (sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) {
    throw excelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', location);
  }
  if (wb.activeSheetId === sheet.id) activateNeighbour(wb, sheet);
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  wb.names = wb.names.filter((n) => n.sheetId !== sheet.id);
  for (const n of wb.names) {
    const ref = parseReferenceFormula(n.formula);
    if (ref && ref.sheet !== undefined && sameName(ref.sheet, sheet.name)) n.formula = '=#REF!' + formatRef(ref.rect, true);
  }
}

export function setVisibility(wb: WorkbookState, sheet: SheetState, v: unknown, location?: string): void {
  if (!VISIBILITIES.includes(v as Visibility)) throw excelError('InvalidArgument', `Visibility must be one of ${VISIBILITIES.join(', ')}.`, location);
  const value = v as Visibility;
  if (value !== 'Visible' && sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) {
    throw excelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', location);
  }
  if (value !== 'Visible' && wb.activeSheetId === sheet.id) activateNeighbour(wb, sheet);
  sheet.visibility = value;
}

export function setPosition(wb: WorkbookState, sheet: SheetState, position: unknown, location?: string): void {
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= wb.sheets.length) {
    throw excelError('InvalidArgument', `Position must be an integer from 0 to ${wb.sheets.length - 1}.`, location);
  }
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  wb.sheets.splice(position, 0, sheet);
}

export function activateSheet(wb: WorkbookState, sheet: SheetState, location?: string): void {
  if (sheet.visibility !== 'Visible') throw excelError('InvalidOperation', 'A hidden worksheet cannot be activated.', location);
  wb.activeSheetId = sheet.id;
}

/* -------------------------------------------------------------- protection */

export type EditKind =
  | 'content'
  | 'format'
  | 'lock'
  | 'merge'
  | 'validation'
  | 'columnWidth'
  | 'rowHeight'
  | 'insertRows'
  | 'deleteRows'
  | 'insertColumns'
  | 'deleteColumns'
  | 'shiftCells';

export function protectedError(env: Env, location?: string): ExcelFakeError {
  return new ExcelFakeError(env.protectedCellErrorCode, PROTECTED_SHEET_MESSAGE, location);
}

function anyLocked(sheet: SheetState, r: Rect): boolean {
  return distinctFormats(sheet.formats, r, 'locked', 2).includes(true);
}

/** Throws Excel's protected-sheet error when `kind` of change to `r` is not allowed. */
export function assertEditable(env: Env, sheet: SheetState, r: Rect, kind: EditKind, location?: string): void {
  if (!sheet.protection.protected || env.bypassProtection) return;
  const o = sheet.protection.options;
  const need = (allowed: boolean): void => {
    if (!allowed) throw protectedError(env, location);
  };
  switch (kind) {
    case 'lock':
    case 'merge':
    case 'shiftCells':
      throw protectedError(env, location);
    case 'format':
      if (o.allowFormatCells) return;
      need(!anyLocked(sheet, r));
      return;
    case 'columnWidth':
      return need(o.allowFormatColumns);
    case 'rowHeight':
      return need(o.allowFormatRows);
    case 'insertRows':
      return need(o.allowInsertRows);
    case 'insertColumns':
      return need(o.allowInsertColumns);
    case 'deleteRows':
      return need(o.allowDeleteRows && !anyLocked(sheet, r));
    case 'deleteColumns':
      return need(o.allowDeleteColumns && !anyLocked(sheet, r));
    case 'content':
    case 'validation':
      return need(!anyLocked(sheet, r));
  }
}

/* ----------------------------------------------------------------- content */

/** Reads a written value (scalar broadcast or exact 2-D array) as a per-cell accessor. */
export function matrixOf(data: unknown, r: Rect, location?: string): (row: number, col: number) => unknown {
  if (!Array.isArray(data)) return () => data;
  const rows = rowCount(r);
  const cols = columnCount(r);
  if (data.length !== rows || !data.every((row) => Array.isArray(row) && row.length === cols)) {
    throw excelError('InvalidArgument', DIMENSION_MISMATCH_MESSAGE, location);
  }
  const grid = data as unknown[][];
  return (row, col) => grid[row - r.top][col - r.left];
}

function forEachCellIn(sheet: SheetState, r: Rect, fn: (key: number, content: CellContent) => void): void {
  if (cellCount(r) <= sheet.cells.size) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = cellKey(row, col);
        const c = sheet.cells.get(key);
        if (c) fn(key, c);
      }
    }
    return;
  }
  for (const [key, c] of sheet.cells) {
    const row = keyRow(key);
    const col = keyColumn(key);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) fn(key, c);
  }
}

export function clearContents(sheet: SheetState, r: Rect): void {
  forEachCellIn(sheet, r, (key) => sheet.cells.delete(key));
}

/** Writes `values` or `formulas` (Excel treats both as typed input). */
export function writeContent(env: Env, sheet: SheetState, r: Rect, data: unknown, location?: string): void {
  assertEditable(env, sheet, r, 'content', location);
  const at = matrixOf(data, r, location);
  if (!Array.isArray(data) && (data === '' || data === null || data === undefined)) {
    if (data === '') clearContents(sheet, r);
    return;
  }
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const result = parseInput(at(row, col), String(getFormat(sheet.formats, row, col, 'numberFormat')), env, location);
      const key = cellKey(row, col);
      if (result.kind === 'skip') continue;
      if (result.kind === 'clear') {
        sheet.cells.delete(key);
        continue;
      }
      sheet.cells.set(key, result.content);
      if (result.numberFormat) setCellFormat(sheet.formats, row, col, 'numberFormat', result.numberFormat);
    }
  }
}

export function writeNumberFormat(env: Env, sheet: SheetState, r: Rect, data: unknown, location?: string): void {
  assertEditable(env, sheet, r, 'format', location);
  const check = (v: unknown): v is string => {
    if (v === null || v === undefined) return false;
    if (typeof v !== 'string') throw excelError('InvalidArgument', 'A number format is a string such as "#,##0" or "@".', location);
    return true;
  };
  if (!Array.isArray(data)) {
    if (check(data)) setFormat(sheet.formats, r, 'numberFormat', data);
    return;
  }
  const at = matrixOf(data, r, location);
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = at(row, col);
      if (check(v)) setCellFormat(sheet.formats, row, col, 'numberFormat', v);
    }
  }
}

export function writeFormat(env: Env, sheet: SheetState, r: Rect, prop: string, value: FormatValue, location?: string): void {
  assertEditable(env, sheet, r, prop === 'locked' || prop === 'formulaHidden' ? 'lock' : 'format', location);
  setFormat(sheet.formats, r, prop, value);
}

export function setComputed(sheet: SheetState, r: Rect, value: unknown): void {
  const at = matrixOf(value, r);
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const c = sheet.cells.get(cellKey(row, col));
      if (!c || c.formula === undefined) throw new Error(`excel-fake: ${sheet.name}!${formatRef(rect(row, col))} holds no formula`);
      const v = at(row, col);
      if (v === null || v === undefined) delete c.computed;
      else c.computed = v as CellValue;
    }
  }
}

/* -------------------------------------------------------------- used range */

export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const take = (key: number): void => {
    const row = keyRow(key);
    const col = keyColumn(key);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  };
  for (const key of sheet.cells.keys()) take(key);
  if (!valuesOnly) for (const [key, entry] of sheet.formats.cells) if (entry.size > 0) take(key);
  return bottom < 0 ? null : rect(top, left, bottom, right);
}

/* ------------------------------------------------------------ widths, heights */

export function setColumnWidth(env: Env, sheet: SheetState, r: Rect, width: unknown, location?: string): void {
  assertEditable(env, sheet, r, 'columnWidth', location);
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 0 || width > 1800) {
    throw excelError('InvalidArgument', 'Column width is a number of points from 0 to 1800.', location);
  }
  if (r.left === 0 && r.right === LAST_COLUMN) {
    sheet.defaultColumnWidth = width;
    sheet.columnWidths.clear();
    return;
  }
  for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, width);
}

export function setRowHeight(env: Env, sheet: SheetState, r: Rect, height: unknown, location?: string): void {
  assertEditable(env, sheet, r, 'rowHeight', location);
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > 409) {
    throw excelError('InvalidArgument', 'Row height is a number of points from 0 to 409.', location);
  }
  if (r.top === 0 && r.bottom === LAST_ROW) {
    sheet.defaultRowHeight = height;
    sheet.rowHeights.clear();
    return;
  }
  for (let row = r.top; row <= r.bottom; row++) sheet.rowHeights.set(row, height);
}

/** Hides or shows whole rows or columns: every row (column) the range touches. */
export function setHidden(env: Env, sheet: SheetState, r: Rect, axis: 'rows' | 'columns', hidden: unknown, location?: string): void {
  // hiding is formatting rows / columns, as Excel's protection options say
  assertEditable(env, sheet, r, axis === 'rows' ? 'rowHeight' : 'columnWidth', location);
  if (typeof hidden !== 'boolean') throw excelError('InvalidArgument', 'rowHidden / columnHidden take true or false.', location);
  const set = axis === 'rows' ? sheet.hiddenRows : sheet.hiddenColumns;
  const [from, to] = axis === 'rows' ? [r.top, r.bottom] : [r.left, r.right];
  if (to - from > 1_000_000) throw excelError('InvalidArgument', 'Too many rows for the fake.', location);
  for (let i = from; i <= to; i++) {
    if (hidden) set.add(i);
    else set.delete(i);
  }
}

/** true when every row (column) of the range is hidden, false when none, null when some. */
export function hiddenState(sheet: SheetState, r: Rect, axis: 'rows' | 'columns'): boolean | null {
  const set = axis === 'rows' ? sheet.hiddenRows : sheet.hiddenColumns;
  const [from, to] = axis === 'rows' ? [r.top, r.bottom] : [r.left, r.right];
  let inside = 0;
  for (const i of set) if (i >= from && i <= to) inside++;
  if (inside === 0) return false;
  return inside === to - from + 1 ? true : null;
}

export function columnWidth(sheet: SheetState, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
}

export function rowHeight(sheet: SheetState, row: number): number {
  return sheet.rowHeights.get(row) ?? sheet.defaultRowHeight;
}

/** Uniform width over the range's columns, else null. */
export function uniformColumnWidth(sheet: SheetState, r: Rect): number | null {
  const first = columnWidth(sheet, r.left);
  for (let c = r.left + 1; c <= r.right; c++) if (columnWidth(sheet, c) !== first) return null;
  return first;
}

export function uniformRowHeight(sheet: SheetState, r: Rect): number | null {
  if (rowCount(r) > sheet.rowHeights.size + 1) {
    // Most rows have the default height: uniform only if no explicit height differs.
    for (const [row, h] of sheet.rowHeights) if (row >= r.top && row <= r.bottom && h !== sheet.defaultRowHeight) return null;
    return sheet.defaultRowHeight;
  }
  const first = rowHeight(sheet, r.top);
  for (let row = r.top + 1; row <= r.bottom; row++) if (rowHeight(sheet, row) !== first) return null;
  return first;
}

/* ------------------------------------------------------------------ merges */

export function mergeCells(env: Env, sheet: SheetState, r: Rect, across: boolean, location?: string): void {
  assertEditable(env, sheet, r, 'merge', location);
  const targets: Rect[] = across
    ? Array.from({ length: rowCount(r) }, (_, i) => rect(r.top + i, r.left, r.top + i, r.right))
    : [r];
  for (const t of targets) {
    if (cellCount(t) === 1) continue;
    for (const m of sheet.merges) {
      if (intersects(m, t) && !containsRect(t, m)) {
        throw excelError('MergedRangeConflict', `${formatRef(t)} overlaps the merged area ${formatRef(m)}.`, location);
      }
    }
    sheet.merges = sheet.merges.filter((m) => !containsRect(t, m));
    forEachCellIn(sheet, t, (key) => {
      if (!(keyRow(key) === t.top && keyColumn(key) === t.left)) sheet.cells.delete(key);
    });
    sheet.merges.push({ ...t });
  }
}

export function unmergeCells(env: Env, sheet: SheetState, r: Rect, location?: string): void {
  assertEditable(env, sheet, r, 'merge', location);
  sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
}

/* ---------------------------------------------------------- insert, delete */

function cellsShift(sheet: SheetState, s: Shift): void {
  const inSpan = (key: number): boolean => {
    const p = s.axis === 'rows' ? keyColumn(key) : keyRow(key);
    return p >= s.spanStart && p <= s.spanEnd;
  };
  const move = (key: number): number | undefined => {
    const row = keyRow(key);
    const col = keyColumn(key);
    if (!inSpan(key)) return key;
    if (s.axis === 'rows') {
      const nr = shiftIndex(row, s);
      return nr === undefined ? undefined : cellKey(nr, col);
    }
    const nc = shiftIndex(col, s);
    return nc === undefined ? undefined : cellKey(row, nc);
  };
  const cells = new Map<number, CellContent>();
  for (const [key, c] of sheet.cells) {
    const k = move(key);
    if (k !== undefined) cells.set(k, c);
  }
  sheet.cells = cells;
  const formats = new Map<number, Map<string, FormatValue>>();
  for (const [key, f] of sheet.formats.cells) {
    const k = move(key);
    if (k !== undefined) formats.set(k, f);
  }
  sheet.formats.cells = formats;
  sheet.formats.bands = sheet.formats.bands.flatMap((b) => shiftRect(b.rect, s).map((piece) => ({ ...b, rect: piece })));
  sheet.merges = sheet.merges.flatMap((m) => shiftRect(m, s));
  sheet.validations = sheet.validations.flatMap((v) => shiftRect(v.rect, s).map((piece) => ({ ...v, rect: piece })));
  const fullSpan = s.spanStart === 0 && s.spanEnd === (s.axis === 'rows' ? LAST_COLUMN : LAST_ROW);
  if (fullSpan) {
    const sizes = s.axis === 'rows' ? sheet.rowHeights : sheet.columnWidths;
    const moved = new Map<number, number>();
    for (const [i, v] of sizes) {
      const j = shiftIndex(i, s);
      if (j !== undefined) moved.set(j, v);
    }
    if (s.axis === 'rows') sheet.rowHeights = moved;
    else sheet.columnWidths = moved;
    const hidden = s.axis === 'rows' ? sheet.hiddenRows : sheet.hiddenColumns;
    const shifted = new Set<number>();
    for (const i of hidden) {
      const j = shiftIndex(i, s);
      if (j !== undefined) shifted.add(j);
    }
    if (s.axis === 'rows') sheet.hiddenRows = shifted;
    else sheet.hiddenColumns = shifted;
  }
}

function shiftFor(r: Rect, direction: 'Down' | 'Right' | 'Up' | 'Left'): Shift {
  const rowsAxis = direction === 'Down' || direction === 'Up';
  const sign = direction === 'Down' || direction === 'Right' ? 1 : -1;
  return rowsAxis
    ? { axis: 'rows', at: r.top, count: sign * rowCount(r), spanStart: r.left, spanEnd: r.right }
    : { axis: 'columns', at: r.left, count: sign * columnCount(r), spanStart: r.top, spanEnd: r.bottom };
}

function checkMerges(sheet: SheetState, s: Shift, location?: string): void {
  for (const m of sheet.merges) {
    if (straddlesSpan(m, s)) throw excelError('MergedRangeConflict', `The shift would split the merged area ${formatRef(m)}.`, location);
  }
}

export function insertCells(env: Env, sheet: SheetState, r: Rect, shift: unknown, location?: string): void {
  if (shift !== 'Down' && shift !== 'Right') throw excelError('InvalidArgument', 'Range.insert takes "Down" or "Right".', location);
  const direction = isEntireRows(r) ? 'Down' : isEntireColumns(r) ? 'Right' : shift;
  const kind: EditKind = isEntireRows(r) ? 'insertRows' : isEntireColumns(r) ? 'insertColumns' : 'shiftCells';
  assertEditable(env, sheet, r, kind, location);
  const s = shiftFor(r, direction);
  const edge = s.axis === 'rows' ? LAST_ROW : LAST_COLUMN;
  for (const key of sheet.cells.keys()) {
    const main = s.axis === 'rows' ? keyRow(key) : keyColumn(key);
    const cross = s.axis === 'rows' ? keyColumn(key) : keyRow(key);
    if (cross >= s.spanStart && cross <= s.spanEnd && main >= s.at && main + s.count > edge) {
      throw excelError('NonBlankCellOffSheet', undefined, location);
    }
  }
  checkMerges(sheet, s, location);
  cellsShift(sheet, s);
}

export function deleteCells(env: Env, sheet: SheetState, r: Rect, shift: unknown, location?: string): void {
  if (shift !== 'Up' && shift !== 'Left') throw excelError('InvalidArgument', 'Range.delete takes "Up" or "Left".', location);
  const direction = isEntireRows(r) ? 'Up' : isEntireColumns(r) ? 'Left' : shift;
  const kind: EditKind = isEntireRows(r) ? 'deleteRows' : isEntireColumns(r) ? 'deleteColumns' : 'shiftCells';
  assertEditable(env, sheet, r, kind, location);
  const s = shiftFor(r, direction);
  checkMerges(sheet, s, location);
  cellsShift(sheet, s);
}

/* ------------------------------------------------------------------- clear */

export function clearRange(env: Env, sheet: SheetState, r: Rect, applyTo: unknown, location?: string): void {
  const what = applyTo ?? 'All';
  if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(String(what))) {
    throw excelError('InvalidArgument', 'Range.clear takes All, Formats, Contents, Hyperlinks, RemoveHyperlinks or ResetContents.', location);
  }
  if (what === 'All' || what === 'Contents' || what === 'ResetContents') {
    assertEditable(env, sheet, r, 'content', location);
    clearContents(sheet, r);
  }
  if (what === 'All' || what === 'Formats') {
    assertEditable(env, sheet, r, 'format', location);
    clearFormats(sheet.formats, r);
    sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
  }
}

/* --------------------------------------------------------- data validation */

export const MAX_LIST_SOURCE = 255;
const RULE_KINDS = ['list', 'wholeNumber', 'decimal', 'date', 'time', 'textLength', 'custom'];

export function setValidation(env: Env, sheet: SheetState, r: Rect, rule: ValidationRule, location?: string): void {
  assertEditable(env, sheet, r, 'validation', location);
  const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined && rule[k] !== null);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) {
    throw excelError('InvalidArgument', `A data-validation rule has exactly one of ${RULE_KINDS.join(', ')}.`, location);
  }
  if (kinds[0] === 'list') {
    const list = rule.list as { source?: unknown; inCellDropDown?: unknown };
    if (typeof list.source !== 'string' || list.source === '') throw excelError('InvalidArgument', 'A list rule needs a source.', location);
    if (!list.source.startsWith('=') && list.source.length > MAX_LIST_SOURCE) {
      throw excelError('InvalidArgument', `A typed list source holds at most ${MAX_LIST_SOURCE} characters; use a range instead.`, location);
    }
    rule = { list: { inCellDropDown: list.inCellDropDown ?? true, source: list.source } };
  }
  const existing = sheet.validations.find((v) => intersects(v.rect, r));
  removeValidation(sheet, r);
  sheet.validations.push({
    rect: { ...r },
    rule: structuredClone(rule),
    ignoreBlanks: existing?.ignoreBlanks ?? true,
    errorAlert: existing?.errorAlert ?? null,
    prompt: existing?.prompt ?? null,
  });
}

function removeValidation(sheet: SheetState, r: Rect): void {
  sheet.validations = sheet.validations.flatMap((v) => subtract(v.rect, r).map((piece) => ({ ...v, rect: piece })));
}

export function clearValidation(env: Env, sheet: SheetState, r: Rect, location?: string): void {
  assertEditable(env, sheet, r, 'validation', location);
  removeValidation(sheet, r);
}

export function validationsIn(sheet: SheetState, r: Rect): ValidationState[] {
  return sheet.validations.filter((v) => intersects(v.rect, r));
}

/* ------------------------------------------------------------------- names */

const NAME_CHARS = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;

export function validateName(name: unknown, location?: string): string {
  const bad =
    typeof name !== 'string' || name.length === 0 || name.length > 255 || !NAME_CHARS.test(name) ||
    tryParseRef(name) !== undefined || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$|^[Cc]\d+$/.test(name);
  if (bad) throw excelError('InvalidArgument', `"${String(name)}" is not a valid name (letters, digits, _ . \\; not a cell reference).`, location);
  return name as string;
}

export function findName(wb: WorkbookState, name: string, sheetId: string | null): NameState | undefined {
  return wb.names.find((n) => n.sheetId === sheetId && sameName(n.name, name));
}

export function addName(wb: WorkbookState, sheetId: string | null, name: unknown, formula: string, comment: unknown, location?: string): NameState {
  const valid = validateName(name, location);
  if (findName(wb, valid, sheetId)) throw excelError('ItemAlreadyExists', undefined, location);
  if (typeof formula !== 'string' || formula === '' || formula === '=') throw excelError('InvalidArgument', 'A name needs a reference or formula.', location);
  const n: NameState = {
    name: valid,
    formula: formula.startsWith('=') ? formula : '=' + formula,
    sheetId,
    comment: typeof comment === 'string' ? comment : '',
    visible: true,
  };
  wb.names.push(n);
  return n;
}

/** "='Thông tin'!$B$3" → sheet + rect; undefined when the formula is not a plain reference. */
export function parseReferenceFormula(formula: string): { sheet?: string; rect: Rect } | undefined {
  if (!formula.startsWith('=')) return undefined;
  const { sheet, ref } = splitSheet(formula.slice(1));
  const r = tryParseRef(ref);
  return r ? { sheet, rect: r } : undefined;
}

export type NameType = 'Range' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Formula';

export function nameType(wb: WorkbookState, n: NameState): NameType {
  const ref = parseReferenceFormula(n.formula);
  if (ref) {
    if (ref.sheet === undefined) return n.sheetId ? 'Range' : 'Error';
    return findSheetByName(wb, ref.sheet) ? 'Range' : 'Error';
  }
  const body = n.formula.slice(1);
  if (/^#REF!/.test(body)) return 'Error';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return 'Double';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^"([^"]|"")*"$/.test(body)) return 'String';
  return 'Formula';
}

/** The sheet and cells a name refers to; undefined when it is not a (valid) reference. */
export function nameTarget(wb: WorkbookState, n: NameState): { sheet: SheetState; rect: Rect } | undefined {
  const ref = parseReferenceFormula(n.formula);
  if (!ref) return undefined;
  const sheet = ref.sheet !== undefined ? findSheetByName(wb, ref.sheet) : n.sheetId ? findSheetById(wb, n.sheetId) : undefined;
  return sheet ? { sheet, rect: ref.rect } : undefined;
}

/** Excel's `NamedItem.value`: the reference text for a range, else the formula body. */
export function nameValue(wb: WorkbookState, n: NameState): string | number | boolean {
  const t = nameTarget(wb, n);
  if (t) return formatAddress(t.sheet.name, parseReferenceFormula(n.formula)?.rect ?? t.rect, true);
  const type = nameType(wb, n);
  const body = n.formula.slice(1);
  if (type === 'Double') return Number(body);
  if (type === 'Boolean') return body.toUpperCase() === 'TRUE';
  if (type === 'String') return body.slice(1, -1).replace(/""/g, '"');
  return body;
}

/** Range resolved by a name used in getRange("Name"): sheet-scoped first, then workbook. */
export function lookupNamedRange(wb: WorkbookState, sheet: SheetState, name: string): { sheet: SheetState; rect: Rect } | undefined {
  const n = findName(wb, name, sheet.id) ?? findName(wb, name, null);
  return n ? nameTarget(wb, n) : undefined;
}
