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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "1000", "1000000", "1/1000"… when value/reference is within half a decade of a power of 1000; null otherwise. */
export function scaleFactor(value: number, reference: number): string | null {
  if (value === 0 || reference === 0) return null;
  const decades = Math.log10(Math.abs(value) / Math.abs(reference));
  const k = Math.round(decades / 3);
  if (k === 0 || Math.abs(decades - 3 * k) > 0.5) return null;
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
        const cells = leaves.map((r) => r.cells[key]).filter((c): c is AmountCell & { number: number } => c.number !== null && c.number !== 0);
        if (cells.length < MIN_SIBLINGS + 1) continue;
        for (const cell of cells) {
          // computed cells (Tổng, NSTW of a leaf) follow the inputs they add up: report the input
          if (cell.expected !== null || trapped.has(`${table.name}!${cell.address}`)) continue;
          const siblings = cells.filter((c) => c !== cell);
          const factor = scaleFactor(cell.number, median(siblings.map((c) => Math.abs(c.number))));
          if (!factor) continue;
          out.push({
            rule: 'UNIT_SCALE',
            severity: 'warning',
            sheet: table.name,
            cell: cell.address,
            related: siblings.map((c) => c.address),
            message: { key: 'rule.UNIT_SCALE.message', params: { cell: cell.address, value: cell.number, factor } },
            hint: { key: 'rule.UNIT_SCALE.hint', params: {} },
          });
        }
      }
    }
    return out;
  },
};
