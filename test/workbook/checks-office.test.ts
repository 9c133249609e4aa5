/** Checking the open workbook through office.js (strict fake): findings, sync budget, the Kiểm tra sheet. */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, checkInExcel, generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { REPORT_SHEET } from '../../src/core/checks/report';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

test('a typed-over total is found, named, listed in Kiểm tra with a link; a clean run clears the list; no value changes', async () => {
  // ExcelApi 1.8: the fake does not model getCellProperties (fonts), which 1.9 hosts would read
  const fake = new ExcelFake({ supportedApi: '1.8' });
  await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
  const clean = await checkInExcel(runOn(fake), fake);
  expect(clean.result.counts).toMatchObject({ error: 0, warning: 0 });

  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('DA4');
    ws.protection.unprotect();
    ws.getRange('E8').values = [[700]];
    await context.sync();
  });
  const before = fake.sheet('DA4').formulas();
  fake.resetCounters();
  const { result, syncs } = await checkInExcel(runOn(fake), fake, { report: true });
  expect(syncs).toBeLessThanOrEqual(3);
  expect(result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(expect.arrayContaining(['SRC_SPLIT DA4!E8', 'HARDCODED_TOTAL DA4!E8']));
  expect(fake.sheet('DA4').formulas()).toEqual(before);
  const report = fake.sheet(REPORT_SHEET);
  expect(report.cell('A1').value).toBe('STT');
  const links = [2, 3, 4].map((r) => report.cell(`D${r}`).formula).filter(Boolean);
  expect(links).toContain(`=HYPERLINK("#'DA4'!E8","'DA4'!E8")`);

  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('DA4').getRange('E8').formulas = [['=F8+I8+J8+K8+L8']];
    await context.sync();
  });
  fake.setComputedValue('DA4', 'E8', 685);
  const again = await checkInExcel(runOn(fake), fake, { report: true });
  expect(again.result.counts.error).toBe(0);
  // only the counterpart information is left; the earlier rows were cleared
  expect(fake.sheet(REPORT_SHEET).cell('C2').value).toBe('COUNTERPART');
  expect(fake.sheet(REPORT_SHEET).cell('A3').value).toBe('');
});
