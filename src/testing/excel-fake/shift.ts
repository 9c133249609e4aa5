/** Moving things when cells are inserted or deleted (Range.insert / Range.delete). */
import { LAST_COLUMN, LAST_ROW, rect, type Rect } from './address';

export interface Shift {
  /** 'rows': cells move down/up; 'columns': cells move right/left. */
  axis: 'rows' | 'columns';
  /** First row (or column) inserted or deleted. */
  at: number;
  /** How many rows (columns) are inserted (> 0) or deleted (< 0). */
  count: number;
  /** The columns (for 'rows') or rows (for 'columns') whose cells move, inclusive. */
  spanStart: number;
  spanEnd: number;
}

function last(axis: Shift['axis']): number {
  return axis === 'rows' ? LAST_ROW : LAST_COLUMN;
}

/** New index of a cell on the moving axis; undefined when deleted or pushed off the sheet. */
export function shiftIndex(i: number, s: Shift): number | undefined {
  if (s.count > 0) {
    if (i < s.at) return i;
    const j = i + s.count;
    return j > last(s.axis) ? undefined : j;
  }
  const n = -s.count;
  if (i < s.at) return i;
  if (i < s.at + n) return undefined;
  return i - n;
}

/** 1-D interval transform; intervals reaching the sheet's edge keep reaching it. */
function shiftInterval(a: number, b: number, s: Shift): [number, number] | undefined {
  const edge = last(s.axis);
  if (s.count > 0) {
    if (b < s.at) return [a, b];
    if (a >= s.at) {
      if (a + s.count > edge) return undefined;
      return [a + s.count, Math.min(b + s.count, edge)];
    }
    return [a, Math.min(b + s.count, edge)];
  }
  const n = -s.count;
  const q = s.at + n - 1;
  if (b < s.at) return [a, b];
  if (a > q) return [a - n, b === edge ? edge : b - n];
  const overlap = Math.min(b, q) - Math.max(a, s.at) + 1;
  const length = b - a + 1 - overlap;
  if (length <= 0) return undefined;
  const start = a < s.at ? a : s.at;
  return [start, b === edge ? edge : start + length - 1];
}

/** A rectangle after the shift: pieces outside the moving span stay, the piece inside moves. */
export function shiftRect(r: Rect, s: Shift): Rect[] {
  const rows = s.axis === 'rows';
  const lo = rows ? r.left : r.top;
  const hi = rows ? r.right : r.bottom;
  const out: Rect[] = [];
  const make = (a: number, b: number, p: number, q: number): Rect => (rows ? rect(a, p, b, q) : rect(p, a, q, b));
  const mainA = rows ? r.top : r.left;
  const mainB = rows ? r.bottom : r.right;
  if (lo < s.spanStart) out.push(make(mainA, mainB, lo, Math.min(hi, s.spanStart - 1)));
  if (hi > s.spanEnd) out.push(make(mainA, mainB, Math.max(lo, s.spanEnd + 1), hi));
  const p = Math.max(lo, s.spanStart);
  const q = Math.min(hi, s.spanEnd);
  if (p <= q) {
    const moved = shiftInterval(mainA, mainB, s);
    if (moved) out.push(make(moved[0], moved[1], p, q));
  }
  return out;
}

/** Whether the rectangle is cut by the edge of the moving span while lying in the moving zone. */
export function straddlesSpan(r: Rect, s: Shift): boolean {
  const rows = s.axis === 'rows';
  const lo = rows ? r.left : r.top;
  const hi = rows ? r.right : r.bottom;
  const mainB = rows ? r.bottom : r.right;
  const inSpanPartly = (lo < s.spanStart && hi >= s.spanStart) || (lo <= s.spanEnd && hi > s.spanEnd);
  return inSpanPartly && mainB >= s.at;
}
