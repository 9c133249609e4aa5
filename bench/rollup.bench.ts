/**
 * KH.ROLLUP on 1k / 10k / 100k rows × 8 columns: the O(n) tree roll-up against the naive way
 * (every parent scanning all rows for its descendants), measured in the same run.
 */
import { rollupImpl } from '../src/functions/impl';
import { rollup } from '../src/core/rollup';
import { syntheticPlan } from './plans';
import { fmtMs, scalingExponent, table, timeMs } from './harness';

/** The naive roll-up: for each parent, scan every row and add the leaves below it. */
function naiveRollup(codes: string[], values: (number | null)[][]): number[][] {
  const isParent = new Set<string>();
  for (const c of codes) {
    const parts = c.split('.');
    for (let i = 1; i < parts.length; i++) isParent.add(parts.slice(0, i).join('.'));
  }
  return codes.map((code, r) => {
    if (!isParent.has(code)) return values[r].map((v) => v ?? 0);
    const prefix = `${code}.`;
    const sums = new Array(values[r].length).fill(0);
    for (let s = 0; s < codes.length; s++) {
      if (codes[s].startsWith(prefix) && !isParent.has(codes[s])) {
        const row = values[s];
        for (let c = 0; c < row.length; c++) sums[c] += row[c] ?? 0;
      }
    }
    return sums;
  });
}

export function runRollupBench(): string {
  const sizes = [1000, 10000, 100000];
  const rows: Array<Array<string | number>> = [];
  const kh: Array<[number, number]> = [];
  const naive: Array<[number, number]> = [];
  for (const n of sizes) {
    const plan = syntheticPlan(n, 8);
    const codeColumn = plan.codes.map((c) => [c]);
    const runs = n >= 100000 ? 5 : 9;
    const tFunction = timeMs(() => rollupImpl(codeColumn, plan.values), runs);
    const tCore = timeMs(() => rollup(plan.codes, plan.values), runs);
    kh.push([n, tFunction]);
    // the naive way is quadratic: one measured run at 100k (several seconds) is enough
    const tNaive = timeMs(() => naiveRollup(plan.codes, plan.values), n >= 100000 ? 1 : n >= 10000 ? 3 : 5, n >= 100000 ? 0 : 1);
    naive.push([n, tNaive]);
    rows.push([
      n.toLocaleString('en-US'),
      fmtMs(tFunction),
      fmtMs(tCore),
      fmtMs(tNaive),
      `${(tNaive / tFunction).toFixed(0)}×`,
    ]);
  }
  const out = [
    '### KH.ROLLUP — 8 columns, median ms per call',
    '',
    table(['rows', 'KH.ROLLUP (ms)', 'core rollup (ms)', 'naive (ms)', 'naive / KH'], rows),
    '',
    `Scaling exponent, KH.ROLLUP: ${scalingExponent(kh.slice(1)).toFixed(2)} (10k→100k), ${scalingExponent(kh).toFixed(2)} (1k→100k, fixed costs weigh at 1k); naive: ${scalingExponent(naive.slice(1)).toFixed(2)} (10k→100k)`,
  ];
  return out.join('\n');
}
