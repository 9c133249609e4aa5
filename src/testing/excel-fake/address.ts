/** A1 addresses: parsing, formatting, sheet-name quoting, and rectangle arithmetic. */
import { excelError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;
export const LAST_ROW = MAX_ROWS - 1;
export const LAST_COLUMN = MAX_COLUMNS - 1;

/** A block of cells, 0-based and inclusive on all sides. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rect(top: number, left: number, bottom: number = top, right: number = left): Rect {
  return { top, left, bottom, right };
}

export const WHOLE_SHEET: Rect = Object.freeze(rect(0, 0, LAST_ROW, LAST_COLUMN));

export function rowCount(r: Rect): number {
  return r.bottom - r.top + 1;
}
export function columnCount(r: Rect): number {
  return r.right - r.left + 1;
}
export function cellCount(r: Rect): number {
  return rowCount(r) * columnCount(r);
}
export function isEntireRows(r: Rect): boolean {
  return r.left === 0 && r.right === LAST_COLUMN;
}
export function isEntireColumns(r: Rect): boolean {
  return r.top === 0 && r.bottom === LAST_ROW;
}
export function inBounds(r: Rect): boolean {
  return (
    Number.isInteger(r.top) && Number.isInteger(r.left) && Number.isInteger(r.bottom) && Number.isInteger(r.right) &&
    r.top >= 0 && r.left >= 0 && r.bottom <= LAST_ROW && r.right <= LAST_COLUMN && r.top <= r.bottom && r.left <= r.right
  );
}
export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}
export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return rect(Math.max(a.top, b.top), Math.max(a.left, b.left), Math.min(a.bottom, b.bottom), Math.min(a.right, b.right));
}
export function boundingRect(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.top, b.top), Math.min(a.left, b.left), Math.max(a.bottom, b.bottom), Math.max(a.right, b.right));
}
/** `a` minus `b`, as at most four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (a.top < cut.top) out.push(rect(a.top, a.left, cut.top - 1, a.right));
  if (cut.bottom < a.bottom) out.push(rect(cut.bottom + 1, a.left, a.bottom, a.right));
  if (a.left < cut.left) out.push(rect(cut.top, a.left, cut.bottom, cut.left - 1));
  if (cut.right < a.right) out.push(rect(cut.top, cut.right + 1, cut.bottom, a.right));
  return out;
}

/** Cell keys for maps: row-major, unique per sheet. */
export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}
export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}
export function keyColumn(key: number): number {
  return key % MAX_COLUMNS;
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnName(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > LAST_COLUMN) throw excelError('InvalidArgument', `Column index ${index} is outside the sheet.`);
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "A" → 0, "XFD" → 16383; undefined when not letters or beyond XFD. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 <= LAST_COLUMN ? n - 1 : undefined;
}

function rowNumber(digits: string): number | undefined {
  if (!/^\d{1,7}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 && n <= MAX_ROWS ? n - 1 : undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** A cell or range reference without a sheet ("A1", "$A$1:C5", "B:B", "3:7"); undefined when it isn't one. */
export function tryParseRef(text: string): Rect | undefined {
  const parts = text.trim().split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return undefined;
    const col = columnNumber(m[1]);
    const row = rowNumber(m[2]);
    return col === undefined || row === undefined ? undefined : rect(row, col);
  }
  if (parts.length !== 2) return undefined;
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const c1 = columnNumber(ca[1]);
    const r1 = rowNumber(ca[2]);
    const c2 = columnNumber(cb[1]);
    const r2 = rowNumber(cb[2]);
    if (c1 === undefined || r1 === undefined || c2 === undefined || r2 === undefined) return undefined;
    return rect(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
  }
  const la = COLUMN.exec(a);
  const lb = COLUMN.exec(b);
  if (la && lb) {
    const c1 = columnNumber(la[1]);
    const c2 = columnNumber(lb[1]);
    if (c1 === undefined || c2 === undefined) return undefined;
    return rect(0, Math.min(c1, c2), LAST_ROW, Math.max(c1, c2));
  }
  const na = ROW.exec(a);
  const nb = ROW.exec(b);
  if (na && nb) {
    const r1 = rowNumber(na[1]);
    const r2 = rowNumber(nb[1]);
    if (r1 === undefined || r2 === undefined) return undefined;
    return rect(Math.min(r1, r2), 0, Math.max(r1, r2), LAST_COLUMN);
  }
  return undefined;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/s;

/** Splits "'Tổng hợp'!A1:C5" into the sheet name and the rest; no sheet → sheet undefined. */
export function splitSheet(text: string): { sheet?: string; ref: string } {
  const m = SHEET_PREFIX.exec(text.trim());
  if (!m) return { ref: text.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/** Parses an address with an optional sheet; undefined when it is not an A1 address inside the sheet. */
export function tryParseAddress(text: string): ParsedAddress | undefined {
  const { sheet, ref } = splitSheet(text);
  const r = tryParseRef(ref);
  return r ? { sheet, rect: r } : undefined;
}

/** Parses an address or throws InvalidArgument (out of bounds, malformed, several areas). */
export function parseAddress(text: string, location?: string): ParsedAddress {
  const parsed = typeof text === 'string' ? tryParseAddress(text) : undefined;
  if (!parsed) throw excelError('InvalidArgument', `The address "${String(text)}" is not a valid A1 reference inside the sheet (at most XFD1048576).`, location);
  return parsed;
}

/** "A1", "A1:C5", "B:B", "3:7"; `absolute` adds the dollars ("$A$1:$C$5", "$B:$B", "$3:$7"). */
export function formatRef(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireRows(r)) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  if (isEntireColumns(r)) return `${d}${columnName(r.left)}:${d}${columnName(r.right)}`;
  const a = `${d}${columnName(r.left)}${d}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${d}${columnName(r.right)}${d}${r.bottom + 1}`;
}

const PLAIN_SHEET_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}\d+$/;
const LOOKS_LIKE_R1C1 = /^[Rr](\d*)([Cc]\d*)?$|^[Cc]\d*$/;

/** Whether Excel writes the sheet name in quotes in a reference. */
export function sheetNeedsQuotes(name: string): boolean {
  if (!PLAIN_SHEET_NAME.test(name)) return true;
  if (LOOKS_LIKE_A1.test(name) && tryParseRef(name)) return true;
  return LOOKS_LIKE_R1C1.test(name);
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "'Tổng hợp'!A1:C5" */
export function formatAddress(sheetName: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRef(r, absolute)}`;
}
