/**
 * Cell formats stored sparsely: small writes go to cells, large writes (whole columns, rows,
 * sheets, big blocks) are kept as "bands" (rectangle + property + value). A cell entry is always
 * newer than any band under it (writing a band removes the cell entries it covers), so the
 * effective value is: cell entry, else the last band covering the cell, else the default.
 */
import { cellCount, cellKey, containsCell, intersection, keyColumn, keyRow, subtract, type Rect } from './address';

export type FormatValue = string | number | boolean | null;
export type BorderSide = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';
export const BORDER_SIDES: readonly BorderSide[] = ['top', 'bottom', 'left', 'right', 'diagonalDown', 'diagonalUp'];

export const FORMAT_DEFAULTS: Readonly<Record<string, FormatValue>> = Object.freeze({
  numberFormat: 'General',
  'font.name': 'Calibri',
  'font.size': 11,
  'font.bold': false,
  'font.italic': false,
  'font.color': '#000000',
  'font.underline': 'None',
  'font.strikethrough': false,
  /** null = no fill (the API reports "#FFFFFF"). */
  'fill.color': null,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
  ...Object.fromEntries(
    BORDER_SIDES.flatMap((s) => [
      [`border.${s}.style`, 'None'],
      [`border.${s}.weight`, 'Thin'],
      [`border.${s}.color`, '#000000'],
    ]),
  ),
});

export interface Band {
  rect: Rect;
  prop: string;
  value: FormatValue;
}

export interface FormatStore {
  cells: Map<number, Map<string, FormatValue>>;
  bands: Band[];
}

/** Writes covering more cells than this become bands. */
export const BAND_THRESHOLD = 4096;

export function newFormatStore(): FormatStore {
  return { cells: new Map(), bands: [] };
}

export function defaultFormat(prop: string): FormatValue {
  if (!(prop in FORMAT_DEFAULTS)) throw new Error(`excel-fake: unknown format property ${prop}`);
  return FORMAT_DEFAULTS[prop];
}

function forEachCellEntry(store: FormatStore, r: Rect, fn: (key: number, entry: Map<string, FormatValue>) => void): void {
  if (cellCount(r) <= store.cells.size) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = cellKey(row, col);
        const entry = store.cells.get(key);
        if (entry) fn(key, entry);
      }
    }
    return;
  }
  for (const [key, entry] of store.cells) {
    if (containsCell(r, keyRow(key), keyColumn(key))) fn(key, entry);
  }
}

export function setFormat(store: FormatStore, r: Rect, prop: string, value: FormatValue): void {
  defaultFormat(prop);
  if (cellCount(r) <= BAND_THRESHOLD) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) setCellFormat(store, row, col, prop, value);
    }
    return;
  }
  forEachCellEntry(store, r, (key, entry) => {
    entry.delete(prop);
    if (entry.size === 0) store.cells.delete(key);
  });
  store.bands = store.bands.filter((b) => !(b.prop === prop && intersection(b.rect, r) !== null && subtract(b.rect, r).length === 0));
  store.bands.push({ rect: { ...r }, prop, value });
}

export function setCellFormat(store: FormatStore, row: number, col: number, prop: string, value: FormatValue): void {
  const key = cellKey(row, col);
  let entry = store.cells.get(key);
  if (!entry) {
    entry = new Map();
    store.cells.set(key, entry);
  }
  entry.set(prop, value);
}

export function getFormat(store: FormatStore, row: number, col: number, prop: string): FormatValue {
  const entry = store.cells.get(cellKey(row, col));
  if (entry?.has(prop)) return entry.get(prop) as FormatValue;
  for (let i = store.bands.length - 1; i >= 0; i--) {
    const b = store.bands[i];
    if (b.prop === prop && containsCell(b.rect, row, col)) return b.value;
  }
  return defaultFormat(prop);
}

/** True when every cell of every piece has its own entry for `prop`. */
function coveredByCells(store: FormatStore, pieces: Rect[], prop: string): boolean {
  for (const piece of pieces) {
    let n = 0;
    forEachCellEntry(store, piece, (_key, entry) => {
      if (entry.has(prop)) n++;
    });
    if (n < cellCount(piece)) return false;
  }
  return true;
}

/** The distinct effective values of `prop` over `r` (stops after `limit` values). */
export function distinctFormats(store: FormatStore, r: Rect, prop: string, limit = 2): FormatValue[] {
  const found = new Set<FormatValue>();
  if (cellCount(r) <= BAND_THRESHOLD) {
    for (let row = r.top; row <= r.bottom && found.size < limit; row++) {
      for (let col = r.left; col <= r.right && found.size < limit; col++) found.add(getFormat(store, row, col, prop));
    }
    return [...found];
  }
  forEachCellEntry(store, r, (_key, entry) => {
    if (entry.has(prop)) found.add(entry.get(prop) as FormatValue);
  });
  const bands = store.bands.filter((b) => b.prop === prop);
  bands.forEach((band, i) => {
    const cut = intersection(band.rect, r);
    if (!cut || found.has(band.value)) return;
    let pieces = [cut];
    for (const later of bands.slice(i + 1)) pieces = pieces.flatMap((p) => subtract(p, later.rect));
    if (pieces.length > 0 && !coveredByCells(store, pieces, prop)) found.add(band.value);
  });
  let rest = [r];
  for (const band of bands) rest = rest.flatMap((p) => subtract(p, band.rect));
  if (rest.length > 0 && !coveredByCells(store, rest, prop)) found.add(defaultFormat(prop));
  return [...found].slice(0, limit);
}

/** The value when uniform over `r`, else null (Excel's answer for mixed formats). */
export function uniformFormat(store: FormatStore, r: Rect, prop: string): FormatValue {
  const values = distinctFormats(store, r, prop, 2);
  return values.length === 1 ? values[0] : null;
}

export function cellHasFormat(store: FormatStore, row: number, col: number): boolean {
  return (store.cells.get(cellKey(row, col))?.size ?? 0) > 0;
}

/** Back to the defaults inside `r` (Range.clear('Formats')). */
export function clearFormats(store: FormatStore, r: Rect): void {
  forEachCellEntry(store, r, (key) => store.cells.delete(key));
  store.bands = store.bands.flatMap((b) => subtract(b.rect, r).map((piece) => ({ ...b, rect: piece })));
}

/** Clears all format properties of one cell (used when cells are shifted onto it). */
export function takeCellFormats(store: FormatStore, row: number, col: number): Map<string, FormatValue> | undefined {
  const key = cellKey(row, col);
  const entry = store.cells.get(key);
  store.cells.delete(key);
  return entry;
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00',
  orange: '#FFA500', gray: '#808080', grey: '#808080', silver: '#C0C0C0', maroon: '#800000', navy: '#000080',
  purple: '#800080', teal: '#008080', olive: '#808000', lime: '#00FF00', aqua: '#00FFFF', cyan: '#00FFFF',
  fuchsia: '#FF00FF', magenta: '#FF00FF', lightgray: '#D3D3D3', lightgrey: '#D3D3D3', darkgray: '#A9A9A9',
  darkgrey: '#A9A9A9', darkblue: '#00008B', darkred: '#8B0000', darkgreen: '#006400', lightblue: '#ADD8E6',
  lightgreen: '#90EE90', lightyellow: '#FFFFE0', pink: '#FFC0CB', brown: '#A52A2A', gold: '#FFD700',
};

/** "#rrggbb" or an HTML colour name → "#RRGGBB"; undefined when Excel would refuse it. */
export function normaliseColor(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  return NAMED_COLORS[s.toLowerCase()];
}
