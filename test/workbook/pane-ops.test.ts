/**
 * The pane's operations on the strict Excel fake: the summary chart, the tools (legacy text,
 * units, words), quick fixes, going to a cell, and hearing edits — each with its sync cost, on a
 * recent host and on Office 2019 (ExcelApi 1.7).
 */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, generatePlan, previewPlan } from '../../src/workbook/operations';
import { drawSummaryChartInExcel, readOverviewInExcel } from '../../src/workbook/overview';
import { applyFixesInExcel, convertLegacyInExcel, convertUnitsInExcel, previewLegacyInExcel, readActiveCell, selectCellInExcel, writeTextInExcel } from '../../src/workbook/tools';
import { ChangeWatcher } from '../../src/workbook/watch';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

async function laiChau(api = '1.17'): Promise<ExcelFake> {
  const fake = new ExcelFake({ supportedApi: api });
  const out = await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  fake.resetCounters();
  return fake;
}

describe('the plan preview', () => {
  test('says what would be created in an empty workbook, then what exists; writes nothing', async () => {
    const fake = new ExcelFake();
    const before = await previewPlan(runOn(fake), LAI_CHAU_2024, fake);
    if (!before.ok) throw new Error('preview failed');
    expect(before.report.created).toEqual(expect.arrayContaining(['Thông tin', 'Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7']));
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    expect(fake.syncLog.every((s) => s.writes === 0)).toBe(true);
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    const again = await previewPlan(runOn(fake), LAI_CHAU_2024, fake);
    expect(again.ok && again.report.unchanged).toBe(true);
  });
});

test('a text-formatted cell gets its text without an apostrophe: Chương trình reads 2021-2025, not \'2021-2025', async () => {
  const fake = await laiChau();
  expect(fake.sheet('Thông tin').cell('B7')).toMatchObject({ value: '2021-2025', numberFormat: '@' });
});

describe('the summary chart in Tổng hợp', () => {
  test('one stacked bar per Dự án, a series per source in use, pointing at the table; redrawn, not doubled', async () => {
    const fake = await laiChau();
    const out = await drawSummaryChartInExcel(runOn(fake), fake);
    expect(out.drawn).toBe(true);
    expect(out.syncs).toBe(4);
    const charts = fake.sheet('Tổng hợp').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ name: 'KH_BieuDo', type: 'BarStacked', title: 'Vốn theo dự án và nguồn vốn (triệu đồng)', legendPosition: 'Bottom' });
    // Lai Châu is all NSTW sự nghiệp: one series, over the five project rows (8–12) of Tổng hợp
    expect(charts[0].series).toEqual([{ name: 'NSTW - Sự nghiệp', values: "'Tổng hợp'!$F$8:$F$12", xValues: "'Tổng hợp'!$B$8:$B$12", color: '#5B9BD5' }]);
    expect(charts[0].anchor).toEqual({ start: 'B15', end: 'K29' });
    expect(fake.sheet('Tổng hợp').protected).toBe(true);

    await drawSummaryChartInExcel(runOn(fake), fake);
    expect(fake.sheet('Tổng hợp').charts).toHaveLength(1);
  });

  test('the overview the pane charts: 1.728 in five projects', async () => {
    const fake = await laiChau();
    const { overview } = await readOverviewInExcel(runOn(fake), fake);
    expect(overview?.total.total).toBe(1728);
    expect(overview?.projects.map((p) => p.amounts.centralRecurrent)).toEqual([530, 342, 766, 17, 73]);
  });

  test('no chart for a workbook that is not a plan', async () => {
    const fake = new ExcelFake().seed({ Sheet1: [['Tổng', 530]] });
    const out = await drawSummaryChartInExcel(runOn(fake), fake);
    expect(out).toMatchObject({ drawn: false, overview: null });
  });
});

describe('tools', () => {
  const TCVN3 = 'Céng hßa x· héi chñ nghÜa ViÖt Nam';

  test('legacy text in the selection: preview, then convert in one write with a Unicode font; formulas untouched', async () => {
    const fake = new ExcelFake().seed({ 'Báo cáo': [[TCVN3, '=A1', 'Hỗ trợ sản xuất']] });
    fake.userSelect('Báo cáo', 'A1:C1');
    const preview = await previewLegacyInExcel(runOn(fake), fake, 'selection');
    expect(preview.changes.map((c) => [c.address, c.after])).toEqual([['A1', 'Cộng hòa xã hội chủ nghĩa Việt Nam']]);
    expect(fake.sheet('Báo cáo').cell('A1').value).toBe(TCVN3);
    fake.resetCounters();
    const done = await convertLegacyInExcel(runOn(fake), fake, 'selection');
    expect(done.changes).toHaveLength(1);
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet('Báo cáo').cell('A1')).toMatchObject({ value: 'Cộng hòa xã hội chủ nghĩa Việt Nam', font: { name: 'Times New Roman' } });
    expect(fake.sheet('Báo cáo').cell('B1').formula).toBe('=A1');
  });

  test('a whole selected column is cut to the used range; the sheet scope takes the used range', async () => {
    const fake = new ExcelFake().seed({ S: [[TCVN3], ['x'], [TCVN3]] });
    fake.userSelect('S', 'A:A');
    expect((await previewLegacyInExcel(runOn(fake), fake, 'selection')).changes.map((c) => c.address)).toEqual(['A1', 'A3']);
    fake.userSelect('S', 'C5');
    expect((await previewLegacyInExcel(runOn(fake), fake, 'selection')).changes).toEqual([]);
    expect((await previewLegacyInExcel(runOn(fake), fake, 'sheet')).changes).toHaveLength(2);
  });

  test('on Office 2019 (1.7) fonts are unknown and detection goes by characters', async () => {
    const fake = new ExcelFake({ supportedApi: '1.7' }).seed({ S: [[TCVN3]] });
    fake.userSelect('S', 'A1');
    const out = await previewLegacyInExcel(runOn(fake), fake, 'selection');
    expect(out.fontsKnown).toBe(false);
    expect(out.changes).toHaveLength(1);
  });

  test('units: typed amounts of the selection from triệu to tỷ; the Tổng formula kept', async () => {
    const fake = await laiChau();
    // DA2's activity row: H8 is its SN amount (typed), E8 its Tổng (formula)
    fake.userSelect('DA2', 'E7:H7');
    const out = await convertUnitsInExcel(runOn(fake), fake, 'trieu', 'ty');
    expect(out.changes.map((c) => [c.address, c.before, c.after])).toEqual([['H7', 530, 0.53]]);
    expect(out.formulas).toEqual(['E7', 'F7']);
    expect(fake.sheet('DA2').cell('H7').value).toBe(0.53);
    expect(fake.sheet('DA2').protected).toBe(true);
  });

  test('words: the active cell is read; text written beside it stays text even when it starts with "-"', async () => {
    const fake = new ExcelFake().seed({ S: [[1728]] });
    fake.userSelect('S', 'A1');
    expect(await readActiveCell(runOn(fake))).toEqual({ sheet: 'S', cell: 'A1', value: 1728, right: 'B1' });
    await writeTextInExcel(runOn(fake), fake, 'S', 'B1', '- Một tỷ bảy trăm hai mươi tám triệu đồng');
    expect(fake.sheet('S').cell('B1')).toMatchObject({ value: '- Một tỷ bảy trăm hai mươi tám triệu đồng', formula: null, quotePrefix: true });
  });
});

describe('quick fixes and going to a cell', () => {
  test("KH's formula put back over a typed total, on a protected sheet, in one read and one write", async () => {
    const fake = await laiChau();
    const formula = fake.sheet('DA2').cell('E7').formula as string;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('DA2');
      ws.protection.unprotect();
      ws.getRange('E7').values = [[540]];
      ws.protection.protect();
      await context.sync();
    });
    fake.resetCounters();
    const out = await applyFixesInExcel(runOn(fake), fake, [{ kind: 'formula', sheet: 'DA2', cell: 'E7', formula }]);
    expect(out).toEqual({ cells: 1, syncs: 2 });
    expect(fake.sheet('DA2').cell('E7').formula).toBe(formula);
    expect(fake.sheet('DA2').protected).toBe(true);
  });

  test('legacy text fixed from a finding; going to a cell activates its sheet and selects it', async () => {
    const fake = new ExcelFake().seed({ S: [['Céng hßa'], ['x']], T: [] });
    await applyFixesInExcel(runOn(fake), fake, [{ kind: 'convertText', sheet: 'S', cells: ['A1'], encoding: 'tcvn3' }]);
    expect(fake.sheet('S').cell('A1').value).toBe('Cộng hòa');
    await selectCellInExcel(runOn(fake), 'T', 'E9');
    expect(fake.selection).toEqual({ sheet: 'T', address: 'E9' });
  });
});

describe('hearing edits', () => {
  test.each(['1.7', '1.9'])('ExcelApi %s: an edit on a plan sheet is heard, KH writing its Kiểm tra sheet is not', async (api) => {
    const fake = await laiChau(api);
    const watcher = new ChangeWatcher(runOn(fake), fake);
    await watcher.watch();
    const heard: string[] = [];
    watcher.listener = (sheet) => heard.push(sheet);
    fake.userEdit('DA2', 'H7', 540);
    await fake.settled();
    await fake.run(async (context) => {
      context.workbook.worksheets.add('Kiểm tra').getRange('A1').values = [['Kết quả']];
      await context.sync();
    });
    await fake.settled();
    watcher.listener = null;
    fake.userEdit('DA3', 'H8', 1);
    await fake.settled();
    expect(heard).toEqual(['DA2']);
  });

  test('ExcelApi 1.6 cannot hear edits: the watcher says so and registers nothing', async () => {
    const fake = new ExcelFake({ supportedApi: '1.6' });
    const watcher = new ChangeWatcher(runOn(fake), fake);
    expect(watcher.available).toBe(false);
    await watcher.watch();
    expect(fake.syncCount).toBe(0);
  });
});
