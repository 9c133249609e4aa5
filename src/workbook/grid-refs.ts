/**
 * Cell references as they stand in a workbook's XML (`A1`, `$B$2:$C$9`, sqref lists, defined
 * names), read the way exceljs reads them and measured against Excel's grid (16,384 columns ×
 * 1,048,576 rows). exceljs's address reader is lenient — it takes the capital letters and digits
 * it finds and stops at the first other character after both (`XFD1048576x` is XFD1048576) — so
 * a strict pattern would skip what exceljs then expands cell by cell. Digits and letters are read
 * without a length limit: `A99999999` is seen for what it is, outside the grid.
 */

export const GRID = { columns: 16_384, rows: 1_048_576 } as const;

/** One end of a reference as exceljs decodes it: a column, a row, or both. */
export interface RefEnd {
  col?: number;
  row?: number;
}

/**
 * exceljs's decodeAddress, without its cache and with numbers that cannot overflow: capitals
 * before the first digit make the column, digits make the row, and after both any character but
 * `$` ends the address; anything else is skipped.
 */
export function decodeEnd(value: string): RefEnd {
  let hasCol = false;
  let hasRow = false;
  let col = 0;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = Math.min(col * 26 + c - 64, Number.MAX_SAFE_INTEGER);
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = Math.min(row * 10 + c - 48, Number.MAX_SAFE_INTEGER);
    } else if (hasRow && hasCol && c !== 36) break;
  }
  return { col: hasCol ? col : undefined, row: hasRow ? row : undefined };
}

/** Outside the grid: a column past XFD, or a row of a cell address past 1,048,576 or below 1. */
function outside(end: RefEnd): boolean {
  if (end.col !== undefined && end.col > GRID.columns) return true;
  if (end.row !== undefined && end.row > GRID.rows) return true;
  return end.col !== undefined && end.row !== undefined && end.row < 1;
}

/** Cells exceljs visits for a range with these ends (it loops from the smaller to the larger). */
function area(a: RefEnd, b: RefEnd): number {
  if (a.col === undefined || a.row === undefined || b.col === undefined || b.row === undefined) return 0;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
}

export interface RefScan {
  /** Cells exceljs would create one by one for the references read. */
  area: number;
  /** The first reference outside the grid, as written; null when every one is inside. */
  outside: string | null;
}

/** One reference (`A1`, `A1:B2`; exceljs reads the first two parts of `A:B:C`). */
export function scanRef(ref: string): RefScan {
  const parts = ref.split(':');
  const a = decodeEnd(parts[0]);
  const b = parts.length > 1 ? decodeEnd(parts[1]) : a;
  if (outside(a) || outside(b)) return { area: 0, outside: ref };
  return { area: parts.length > 1 ? area(a, b) : a.col !== undefined && a.row !== undefined ? 1 : 0, outside: null };
}

/** A space-separated list (`sqref="A1:B2 D4"`). */
export function scanRefList(list: string): RefScan {
  let total = 0;
  for (const item of list.split(/\s+/)) {
    if (item === '') continue;
    const r = scanRef(item);
    if (r.outside !== null) return { area: total, outside: r.outside };
    total += r.area;
  }
  return { area: total, outside: null };
}

/** exceljs's split of `Sheet!A1` and `'Kế hoạch'!A1` into sheet and reference. */
const SHEET_PREFIX = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

/**
 * A defined name's text, read the way exceljs reads it: pieces at commas outside quotes, each an
 * optional sheet and a reference. A piece whose "column" is past XFD is no range to exceljs (a
 * formula such as `OFFSET(…)` or `H7*TyLeDoiUng` read leniently) and is not expanded; a piece
 * that is a cell or range with a row past the grid (`$B$99999999`) is reported.
 */
export function scanDefinedName(text: string): RefScan {
  let total = 0;
  for (const piece of splitOutsideQuotes(text)) {
    if (piece === '') continue;
    const reference = SHEET_PREFIX.exec(piece)?.[3] ?? '';
    const parts = reference.split(':');
    const a = decodeEnd(parts[0]);
    const b = parts.length > 1 ? decodeEnd(parts[1]) : a;
    // exceljs throws on a column past XFD and skips the piece
    if ((a.col ?? 0) > GRID.columns || (b.col ?? 0) > GRID.columns) continue;
    const isAddress = (e: RefEnd): boolean => e.col !== undefined && e.row !== undefined;
    if ((isAddress(a) && outside(a)) || (isAddress(b) && outside(b))) return { area: total, outside: piece };
    // a range needs a row at both ends for exceljs to loop over it
    total += parts.length > 1 ? (a.row && b.row ? area(a, b) : 0) : isAddress(a) ? 1 : 0;
  }
  return { area: total, outside: null };
}

function splitOutsideQuotes(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** An integer attribute as JavaScript's parseInt reads it (exceljs's way): NaN when none. */
export function leadingInteger(text: string): number {
  return parseInt(text, 10);
}
