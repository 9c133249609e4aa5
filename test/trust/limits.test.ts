/**
 * Sizes inside the documented limits that overflowed the stack: arrays spread into a call
 * (`findings.push(...x)`, `Math.max(0, ...x)`) throw RangeError past ~120k elements. Now loops
 * (test/architecture/spread.test.ts keeps it so).
 */
import { runChecks } from '../../src/core/checks/engine';
import { SheetSnapshot } from '../../src/core/book/snapshot';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { fullPlanSpec } from '../../bench/plans';
import { maxOf, minOf, pushAll } from '../../src/core/arrays';

test('150,000 findings from one rule', () => {
  const sheet: SheetSnapshot = { name: 'Nguồn ngoài', visibility: 'visible', values: [], formulas: [] };
  for (let r = 0; r < 150_000; r++) {
    sheet.values.push([null]);
    sheet.formulas.push(['=WEBSERVICE("http://x.invalid/?r=' + r + '")']);
  }
  const result = runChecks({ sheets: [sheet], names: [] });
  expect(result.findings.filter((f) => f.rule === 'DANGEROUS_CONTENT')).toHaveLength(150_000);
  expect(result.counts.error).toBeGreaterThanOrEqual(150_000);
});

test('130,000 activities under one sub-project: the plan and its annexes are built', () => {
  const spec = fullPlanSpec(130_000);
  const parent = spec.activities[0].parent;
  for (const a of spec.activities) a.parent = parent;
  const built = buildPlanWithAnnexes(spec);
  expect(built.ok).toBe(true);
  if (!built.ok) return;
  const sheet = built.description.sheets.find((s) => s.blocks.some((b) => b.cells.length > 130_000));
  expect(sheet).toBeDefined();
}, 120_000);

test('the helpers agree with Math.max / Math.min / push on small arrays, and take a million', () => {
  for (const xs of [[], [3], [1, 5, 2], [-1, NaN, 4]]) {
    expect(maxOf(xs)).toBe(Math.max(...xs));
    expect(minOf(xs)).toBe(Math.min(...xs));
    expect(maxOf(xs, 0)).toBe(Math.max(0, ...xs));
  }
  const big = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
  expect(maxOf(big)).toBe(1_000_002);
  expect(pushAll([1], big)).toHaveLength(1_000_001);
});
