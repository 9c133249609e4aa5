/** Hidden rows through office.js (strict fake): read in the snapshot, so SEND_SAFETY sees money hidden inside a total. */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, checkInExcel, generatePlan } from '../../src/workbook/operations';
import { readSnapshot } from '../../src/workbook/office';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

test('the fake hides and shows rows and columns, and reports true / false / null like Excel', async () => {
  const fake = new ExcelFake();
  fake.seed({ S: [[1], [2], [3], [4]] });
  const read = await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRange('2:3').rowHidden = true;
    ws.getRange('B:B').columnHidden = true;
    const all = ws.getRange('A1:A4');
    const two = ws.getRange('A2:A3');
    const one = ws.getRange('A1');
    [all, two, one].forEach((r) => r.load('rowHidden'));
    await context.sync();
    return [all.rowHidden, two.rowHidden, one.rowHidden];
  });
  expect(read).toEqual([null, true, false]);
  expect(fake.sheet('S').hiddenRows).toEqual([2, 3]);
  expect(fake.sheet('S').hiddenColumns).toEqual(['B']);
});

test('a hidden row with money inside a total: one more sync to find which, and a SEND_SAFETY warning', async () => {
  const fake = new ExcelFake({ supportedApi: '1.8' });
  await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
  const clean = await runOn(fake)((context) => readSnapshot(context, ['DA4'], fake));
  expect(clean.syncs).toBe(1);
  expect(clean.snapshot.sheets[0].hiddenRows).toEqual([]);

  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('DA4').getRange('9:9').rowHidden = true;
    await context.sync();
  });
  const hidden = await runOn(fake)((context) => readSnapshot(context, ['DA4'], fake));
  expect(hidden.syncs).toBe(2);
  expect(hidden.snapshot.sheets[0].hiddenRows).toEqual([8]);
  const { result } = await checkInExcel(runOn(fake), fake);
  expect(result.findings.filter((f) => f.rule === 'SEND_SAFETY').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['DA4!E9']);
});
