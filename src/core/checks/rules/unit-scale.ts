/**
 * UNIT_SCALE: an amount about 1000× (or 1/1000) off the median of its siblings — the other leaf
 * amounts in the same column of the same project table — the sign of a value typed in đồng or
 * nghìn in a plan kept in triệu (domain.md §7). Zeros are ignored; at least three siblings.
 */
import { Finding } from '../finding';
import { AMOUNT_KEYS, AmountCell } from '../model';
import { Rule } from '../rule';
import { trapCells } from './text-number';

const MIN_SIBLINGS = 3;

/**
 * The median of a sorted list with the element at `skip` left out, in O(1): each cell is compared
 * with its siblings without sorting them again (a column of 50k rows stays linear).
 */
export function medianWithout(sorted: readonly number[], skip: number): number {
  const n = sorted.length - 1;
  const kth = (j: number): number => sorted[j < skip ? j : j + 1];
  return n % 2 ? kth(n >> 1) : (kth(n / 2 - 1) + kth(n / 2)) / 2;
}

/** Cells listed as related: enough to look at, not the whole column. */
const MAX_RELATED = 10;

/**
 * "1000", "1000000", "1/1000"… when value/reference is within half a decade of a power of 1000, or
 * at least 500 times off (a row 5,7 times the median, typed in nghìn, is 5.700 times it), read as
 * the nearest power of 1000; null otherwise.
 */
export function scaleFactor(value: number, reference: number): string | null {
  if (value === 0 || reference === 0) return null;
  const decades = Math.log10(Math.abs(value) / Math.abs(reference));
  const near = Math.round(decades / 3);
  // within half a decade of a power of 1000, or at least 500 times off
  const k = near !== 0 && Math.abs(decades - 3 * near) <= 0.5 ? near : Math.abs(decades) >= Math.log10(500) ? Math.sign(decades) * Math.max(1, Math.round(Math.abs(decades) / 3)) : 0;
  if (k === 0) return null;
  const power = String(10 ** (3 * Math.abs(k)));
  return k > 0 ? power : `1/${power}`;
}

export const UNIT_SCALE: Rule = {
  id: 'UNIT_SCALE',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    // a 1.005 trap is reported by TEXT_NUMBER: one finding per root cause
    const trapped = new Set(trapCells(ctx.model).map((t) => `${t.table}!${t.cell.address}`));
    for (const table of ctx.model.tables) {
      if (table.role !== 'project') continue;
      const leaves = table.rows.filter((r) => r.kind === 'leaf');
      for (const key of AMOUNT_KEYS) {
        const cells = leaves.map((r) => r.cells[key]).filter((c): c is AmountCell & { number: number } => c !== undefined && c.number !== null && c.number !== 0);
        if (cells.length < MIN_SIBLINGS + 1) continue;
        const order = cells.map((c, i) => [Math.abs(c.number), i] as const).sort((a, b) => a[0] - b[0]);
        const sorted = order.map(([v]) => v);
        const rank = new Int32Array(cells.length);
        order.forEach(([, i], r) => (rank[i] = r));
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i];
          // computed cells (Tổng, NSTW of a leaf) follow the inputs they add up: report the input
          if (cell.expected !== null || (table.origin !== 'kh' && cell.formula !== null) || trapped.has(`${table.name}!${cell.address}`)) continue;
          const factor = scaleFactor(cell.number, medianWithout(sorted, rank[i]));
          if (!factor) continue;
          out.push({
            rule: 'UNIT_SCALE',
            severity: 'warning',
            sheet: table.name,
            cell: cell.address,
            related: cells.filter((c) => c !== cell).slice(0, MAX_RELATED).map((c) => c.address),
            message: { key: 'rule.UNIT_SCALE.message', params: { cell: cell.address, value: cell.number, factor } },
            hint: { key: 'rule.UNIT_SCALE.hint', params: {} },
          });
        }
      }
    }
    return out;
  },
};
