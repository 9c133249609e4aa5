/** A1 addresses: column letters, cell and range text, sheet-qualified references. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26; -1 when not a column. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Cell address from 0-based row and column: (6, 4) → "E7". */
export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const a = cellAddress(row, col);
  return rows === 1 && cols === 1 ? a : `${a}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** "E7" or "$E$7" → { row: 6, col: 4 }; null otherwise. */
export function parseCell(text: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** Quotes a sheet name for a formula when Excel would: 'Tổng hợp'!A1, but DA3!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
