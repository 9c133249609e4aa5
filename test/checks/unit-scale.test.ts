import { runChecks } from '../../src/core/checks/engine';
import { UNIT_SCALE, scaleFactor } from '../../src/core/checks/rules/unit-scale';
import { goldenSnapshot } from '../golden/golden-workbook';

test.each([
  [95000, 95, '1000'],
  [0.12, 120, '1/1000'],
  [120e6, 120, '1000000'],
  [950, 95, null],
  [30000, 95, null],
  [0, 95, null],
])('scaleFactor(%p, %p) = %p', (v, ref, factor) => {
  expect(scaleFactor(v, ref)).toBe(factor);
});

const activities = (amounts: number[]) => amounts.map((n, i) => ({ parent: 'DA3.TDA1', name: `Hoạt động ${i + 1}`, amounts: { centralRecurrent: n } }));

test('a value 1/1000 of its siblings (typed in tỷ in a plan in triệu)', async () => {
  const snap = await goldenSnapshot({ plan: 'binh-lu-2025', planPatch: { activities: activities([120, 0.15, 95, 150]) } });
  const found = runChecks(snap, {}, [UNIT_SCALE]).findings;
  expect(found.map((f) => [f.cell, f.message.params.factor])).toEqual([['H10', '1/1000']]);
});

test('fewer than three siblings (two activities and DA3.2): nothing said', async () => {
  const snap = await goldenSnapshot({ plan: 'binh-lu-2025', planPatch: { activities: activities([120, 95000]) } });
  expect(runChecks(snap, {}, [UNIT_SCALE]).findings).toEqual([]);
});

describe('medianWithout', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const { medianWithout } = jest.requireActual('../../src/core/checks/rules/unit-scale') as typeof import('../../src/core/checks/rules/unit-scale');
  test('equals the median of the list without that element (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 2, maxLength: 40 }), fc.nat(), (xs, k) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const skip = k % sorted.length;
        const rest = sorted.filter((_, i) => i !== skip);
        const m = rest.length >> 1;
        const naive = rest.length % 2 ? rest[m] : (rest[m - 1] + rest[m]) / 2;
        return medianWithout(sorted, skip) === naive;
      }),
      { numRuns: 2000 },
    );
  });
});
