/** Checking the open workbook through office.js (strict fake): findings, sync budget, the Kiểm tra sheet. */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, checkInExcel, generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { REPORT_SHEET } from '../../src/core/checks/report';
import { MARKS_SHEET, MARK_COLOR } from '../../src/core/checks/marks';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

test('a typed-over total is found, named, listed in Kiểm tra with a link; a clean run clears the list; no value changes', async () => {
  // ExcelApi 1.8: the Office 2019 path, without cell fonts (1.9 reads them; test/fake/cell-properties)
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
  // the link goes to the cell; it reads as an officer says it, not as a reference
  expect(links).toContain(`=HYPERLINK("#'DA4'!E8","E8 (trang DA4)")`);

  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('DA4').getRange('E8').formulas = [['=F8+I8+J8+K8+L8']];
    await context.sync();
  });
  fake.setComputedValue('DA4', 'E8', 685);
  const again = await checkInExcel(runOn(fake), fake, { report: true });
  expect(again.result.counts.error).toBe(0);
  // only the counterpart information is left; the earlier rows were cleared
  // the rule by what it checks, not its id (COUNTERPART)
  expect(fake.sheet(REPORT_SHEET).cell('C2').value).toBe('Vốn đối ứng NSĐP');
  expect(fake.sheet(REPORT_SHEET).cell('A3').value).toBe('');
});

describe('marks on offending cells', () => {
  test('an error cell is filled, remembered in _kh_marks, and put back as it was once fixed; checking changes no value', async () => {
    const fake = new ExcelFake({ supportedApi: '1.8' });
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    const original = fake.sheet('DA4').cell('E8');
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('DA4');
      ws.protection.unprotect();
      ws.getRange('E8').values = [[700]];
      await context.sync();
    });
    const values = fake.sheet('DA4').values();
    fake.resetCounters();
    const marked = await checkInExcel(runOn(fake), fake, { marks: true });
    expect(marked.marked).toBeGreaterThanOrEqual(1);
    expect(marked.syncs).toBe(4);
    expect(fake.sheet('DA4').cell('E8').fill).toBe(MARK_COLOR.error);
    expect(fake.sheet('DA4').values()).toEqual(values);
    expect(fake.sheet(MARKS_SHEET).visibility).toBe('VeryHidden');
    expect(fake.sheet(MARKS_SHEET).values()).toContainEqual(['DA4', 'E8', '', MARK_COLOR.error]);

    // the officer puts the formula back: the next run takes the mark off
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA4').getRange('E8').formulas = [[original.formula as string]];
      await context.sync();
    });
    const clean = await checkInExcel(runOn(fake), fake, { marks: true });
    expect(clean.result.counts.error).toBe(0);
    expect(fake.sheet('DA4').cell('E8').fill).toBe(original.fill);
    expect(fake.sheet(MARKS_SHEET).values().flat().filter(Boolean)).toEqual([]);
  });

  test('a mark the officer recoloured is theirs: left alone when the error is gone', async () => {
    const fake = new ExcelFake({ supportedApi: '1.8' });
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    const formula = fake.sheet('DA4').cell('E8').formula as string;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('DA4');
      ws.protection.unprotect();
      ws.getRange('E8').values = [[700]];
      await context.sync();
    });
    await checkInExcel(runOn(fake), fake, { marks: true });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('DA4').getRange('E8');
      r.format.fill.color = '#00B050';
      r.formulas = [[formula]];
      await context.sync();
    });
    await checkInExcel(runOn(fake), fake);
    expect(fake.sheet('DA4').cell('E8').fill).toBe('#00B050');
  });
});
