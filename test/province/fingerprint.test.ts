/** The fingerprint of a plan's figures: the same whoever wrote the file, different for one đồng. */
import { createHash } from 'crypto';
import fc from 'fast-check';
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, checkInExcel, generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { FINGERPRINT_LABEL, fingerprintOf, normaliseFingerprint } from '../../src/core/province/fingerprint';
import { stampFingerprint } from '../../src/core/province/stamp';
import { sha256Hex } from '../../src/core/sha256';
import { PlanSpec } from '../../src/core/plan';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

async function viaExceljs(spec: PlanSpec) {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error('plan not built');
  return fingerprintOf(runChecks(await xlsxToSnapshot(await descriptionToXlsx(built.description))).model.tables);
}

test('SHA-256 agrees with Node on text of every length around the block edges, Vietnamese included', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }),
  );
  for (const n of [0, 55, 56, 63, 64, 119, 120, 1000]) expect(sha256Hex('đ'.repeat(n))).toBe(createHash('sha256').update('đ'.repeat(n), 'utf8').digest('hex'));
});

test('Lai Châu 2024 written by exceljs and by the office.js adapter (fake) has one fingerprint', async () => {
  const fromFile = await viaExceljs(LAI_CHAU_2024);
  const fake = new ExcelFake({ supportedApi: '1.8' });
  await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
  const { result } = await checkInExcel(runOn(fake), fake);
  const fromPane = fingerprintOf(result.model.tables);
  expect(fromPane.canonical).toBe(fromFile.canonical);
  expect(fromPane.value).toBe(fromFile.value);
  expect(fromFile.value).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // the seven items of the plan, each a detail row of its project sheet
  expect(fromFile.rows).toBe(LAI_CHAU_2024.items.length);
  // the pane wrote it on Thông tin when it made the plan, as kh new does
  const built = buildPlanWorkbook(LAI_CHAU_2024);
  if (!built.ok) throw new Error('plan not built');
  expect(fake.sheet('Thông tin').cell('A2').value).toBe(FINGERPRINT_LABEL);
  expect(fake.sheet('Thông tin').cell('B2').value).toBe(stampFingerprint(built.description).fingerprint.value);
  expect(fake.sheet('Thông tin').cell('B2').value).toBe(fromFile.value);
});

test('one đồng more on one activity changes the fingerprint; the same money in another unit does not', async () => {
  const base = await viaExceljs(LAI_CHAU_2024);
  // DA4.TDA1, 685 triệu of central recurrent money: 685,000001 triệu is one đồng more
  expect(LAI_CHAU_2024.unit).toBe('trieu');
  const bumped: PlanSpec = { ...LAI_CHAU_2024, items: LAI_CHAU_2024.items.map((x) => (x.code === 'DA4.TDA1' ? { ...x, amounts: { ...x.amounts, centralRecurrent: 685.000001 } } : x)) };
  const changed = await viaExceljs(bumped);
  expect(changed.value).not.toBe(base.value);
  expect(changed.canonical.split('\n').filter((l) => !base.canonical.split('\n').includes(l))).toHaveLength(1);

  // the same plan in đồng: every amount × 10^6 (triệu) — the figures are the same money
  const factor = 10 ** ({ dong: 0, nghin: 3, trieu: 6, ty: 9 } as const)[LAI_CHAU_2024.unit];
  const inDong: PlanSpec = {
    ...LAI_CHAU_2024,
    unit: 'dong',
    statedTotals: undefined,
    items: LAI_CHAU_2024.items.map((x) => ({ ...x, amounts: Object.fromEntries(Object.entries(x.amounts ?? {}).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * factor) : v])) })),
  };
  expect((await viaExceljs(inDong)).value).toBe(base.value);
});

test('a fingerprint is read as typed: lower case, no dashes, O for 0', () => {
  expect(normaliseFingerprint('7k3m q9xd 2hbt w0ra')).toBe('7K3M-Q9XD-2HBT-W0RA');
  expect(normaliseFingerprint('7K3M-Q9XD-2HBT-WORA')).toBe('7K3M-Q9XD-2HBT-W0RA');
  expect(normaliseFingerprint('7K3M-Q9XD')).toBeNull();
  expect(normaliseFingerprint('7K3M-Q9XD-2HBT-W0RU')).toBeNull();
});
