/**
 * The whole check over the Lai Châu 2024 plan (stated total 1.728 triệu đồng, as in
 * ../shared/examples/ke-hoach-2024-tp-lai-chau.txt): no error; with the total mistyped as 1.782,
 * exactly one error — STATED_TOTAL, naming the cell.
 */
import { runChecks } from '../../src/core/checks/engine';
import { goldenSnapshot } from '../golden/golden-workbook';

test('as written: no error, no warning', async () => {
  const result = runChecks(await goldenSnapshot({ plan: 'lai-chau-2024' }));
  expect(result.counts).toMatchObject({ error: 0, warning: 0 });
  // the only information: no NSĐP counterpart, which binds the province, not the city
  expect(result.findings.map((f) => f.rule)).toEqual(['COUNTERPART']);
});

test('stated total 1.782: exactly one error, STATED_TOTAL at Thông tin!B22', async () => {
  const result = runChecks(await goldenSnapshot({ plan: 'lai-chau-2024', edits: [{ sheet: 'Thông tin', cell: 'B22', value: 1782 }] }));
  const errors = result.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['STATED_TOTAL', 'Thông tin', 'B22']]);
});
