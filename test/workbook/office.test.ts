/**
 * The office.js adapter on the strict Excel fake: sync budgets, what lands in the cells, and the
 * never-lose-data rules, on the same code that runs in Excel.
 */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, generatePlan } from '../../src/workbook/operations';
import { cellInput } from '../../src/workbook/office';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { fullPlanSpec } from '../../bench/plans';
import { ROWS, KIND, planColumns } from '../../src/core/book/layout';
import { PlanSpec } from '../../src/core/plan';

const L = planColumns('2021-2025').project.letter;
const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

describe('generating a plan through office.js', () => {
  test('all 7 Dự án, every Tiểu dự án and 500 activity rows: at most 3 syncs', async () => {
    const fake = new ExcelFake();
    const outcome = await generatePlan(runOn(fake), fullPlanSpec(500), fake);
    expect(outcome.ok).toBe(true);
    expect(outcome.syncs).toBeLessThanOrEqual(3);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Thông tin', 'Tổng hợp', 'DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7', 'Danh mục', '_kh']));
    const da4 = fake.sheet('DA4');
    expect(da4.cell(`${L.total}${ROWS.firstData + 1}`).formula).toMatch(/^=SUMIFS\(E8:E1048576,\$O8:\$O1048576,"DA4\.\*"/);
    expect(da4.cell(`${L.kind}${ROWS.firstData + 1}`).value).toBe(KIND.group);
  });

  test('the Lai Châu plan: values, formulas, locks, names, very hidden _kh, validation and print (ExcelApi 1.17)', async () => {
    const fake = new ExcelFake();
    const outcome = await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    expect(outcome.ok && outcome.apply?.skipped).toEqual([]);
    expect(outcome.syncs).toBe(2);
    const da4 = fake.sheet('DA4');
    const leaf = ROWS.firstData + 2;
    expect(da4.cell(`${L.centralRecurrent}${leaf}`)).toMatchObject({ value: 685, locked: false });
    expect(da4.cell(`${L.total}${leaf}`)).toMatchObject({ formula: `=${L.central}${leaf}+${L.local}${leaf}+${L.integrated}${leaf}+${L.credit}${leaf}+${L.mobilised}${leaf}`, locked: true });
    expect(da4.cell(`A${leaf}`)).toMatchObject({ value: '4.1' });
    expect(da4.cell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(da4.protected).toBe(true);
    expect(fake.sheet('_kh').visibility).toBe('VeryHidden');
    expect(fake.names().map((n) => n.name)).toEqual(expect.arrayContaining(['KH_SaiSo', 'KH_TongCong', 'DM_DonVi']));
    expect(da4.validations.length).toBeGreaterThan(0);
    expect(da4.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
  });

  test('Office 2019 (ExcelApi 1.7): the core path works; validation and page layout are skipped with a note', async () => {
    const fake = new ExcelFake({ supportedApi: '1.7' });
    const outcome = await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && [...(outcome.apply?.skipped ?? [])].sort()).toEqual(['dataValidation', 'pageLayout']);
    expect(fake.sheet('DA2').cell(`${L.centralRecurrent}${ROWS.firstData + 1}`).value).toBe(530);
  });

  test('text stays text: plan lines starting with "-", "=", "+" and numbers like "1.005" are not formulas or numbers', async () => {
    const fake = new ExcelFake();
    const spec: PlanSpec = {
      ...LAI_CHAU_2024,
      items: [{ code: 'DA2' }],
      activities: [
        { parent: 'DA2', name: '- Hỗ trợ giống vật nuôi', amounts: { centralRecurrent: 500 } },
        { parent: 'DA2', name: '=Tuyên truyền', amounts: { centralRecurrent: 20 } },
        { parent: 'DA2', name: '+ Tập huấn', unitName: '@UBND xã', amounts: {} },
        { parent: 'DA2', name: '1.005', amounts: {} },
      ],
    };
    await generatePlan(runOn(fake), spec, fake);
    const da2 = fake.sheet('DA2');
    const names = [1, 2, 3, 4].map((i) => da2.cell(`B${ROWS.firstData + 1 + i}`));
    expect(names.map((c) => [c.value, c.formula])).toEqual([
      ['- Hỗ trợ giống vật nuôi', null],
      ['=Tuyên truyền', null],
      ['+ Tập huấn', null],
      ['1.005', null],
    ]);
    expect(da2.cell(`C${ROWS.firstData + 4}`).value).toBe('@UBND xã');
    expect(cellInput({ value: '=SUM(A1)' })).toBe("'=SUM(A1)");
    expect(cellInput({ value: 'Dự án 2' })).toBe('Dự án 2');
    expect(cellInput({ formula: '=SUM(A1)' })).toBe('=SUM(A1)');
  });

  test('re-running is idempotent: one read, nothing written', async () => {
    const fake = new ExcelFake();
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    fake.resetCounters();
    const again = await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    expect(again.ok && again.report.unchanged).toBe(true);
    expect(fake.syncCount).toBe(1);
  });

  test("the user's own sheets are untouched; their Tổng hợp is kept and ours is suffixed", async () => {
    const fake = new ExcelFake().seed({
      'Tổng hợp': [['Dự án', 'Kinh phí'], ['Dự án 2', 530], ['Cộng', '=SUM(B2:B2)']],
      'Ghi chép': [['- việc cần làm', '15/01/2024']],
    });
    const before = ['Tổng hợp', 'Ghi chép'].map((n) => fake.sheet(n).formulas());
    const outcome = await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    expect(outcome.ok && outcome.report.renamed).toEqual([{ wanted: 'Tổng hợp', used: 'Tổng hợp (KH)' }]);
    expect(['Tổng hợp', 'Ghi chép'].map((n) => fake.sheet(n).formulas())).toEqual(before);
    expect(fake.sheet('Thông tin').cell('C22').formula).toBe("='Tổng hợp (KH)'!C7");
  });

  test('a request over the 5 MB limit of Excel on the web is split into several syncs', async () => {
    const spec = fullPlanSpec(3000);
    const tooSmall = new ExcelFake();
    tooSmall.requestLimitBytes = 400_000;
    await expect(generatePlan(runOn(tooSmall), spec, tooSmall, { payloadBudget: Infinity })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const chunked = new ExcelFake();
    chunked.requestLimitBytes = 400_000;
    const outcome = await generatePlan(runOn(chunked), spec, chunked, { payloadBudget: 250_000 });
    expect(outcome.ok).toBe(true);
    expect(chunked.syncLog.every((s) => s.bytes <= 400_000)).toBe(true);
    expect(chunked.syncCount).toBeGreaterThan(3);
  });
});

describe('refreshing in Excel after the officer edited', () => {
  test('an inserted row of their own and a typed amount survive adding a sub-project', async () => {
    const fake = new ExcelFake();
    const run = runOn(fake);
    await generatePlan(run, LAI_CHAU_2024, fake);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('DA4');
      ws.protection.unprotect();
      ws.getRange(`${ROWS.firstData + 3}:${ROWS.firstData + 3}`).insert('Down');
      ws.getRange(`B${ROWS.firstData + 3}`).values = [['Ghi chú riêng']];
      ws.getRange(`${L.centralRecurrent}${ROWS.firstData + 2}`).values = [[700]];
      await context.sync();
    });
    const spec: PlanSpec = { ...LAI_CHAU_2024, items: [...LAI_CHAU_2024.items, { code: 'DA4.TDA2', amounts: { centralRecurrent: 40 } }] };
    fake.resetCounters();
    const outcome = await generatePlan(run, spec, fake);
    expect(outcome.ok && outcome.report.rowsAdded.map((r) => r.code)).toEqual(['DA4.2']);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    const da4 = fake.sheet('DA4');
    const codes = [0, 1, 2, 3, 4].map((i) => da4.cell(`${L.code}${ROWS.firstData + 1 + i}`).value);
    expect(codes).toEqual(['DA4', 'DA4.1', '', 'DA4.2', 'DA4.3']);
    expect(da4.cell(`B${ROWS.firstData + 3}`).value).toBe('Ghi chú riêng');
    expect(da4.cell(`${L.centralRecurrent}${ROWS.firstData + 2}`).value).toBe(700);
    expect(da4.cell(`${L.centralRecurrent}${ROWS.firstData + 4}`).value).toBe(40);
    const r = ROWS.firstData + 5;
    expect(da4.cell(`${L.central}${r}`).formula).toBe(`=${L.centralInvestment}${r}+${L.centralRecurrent}${r}`);
    expect(da4.protected).toBe(true);
  });
});

describe('send-safe in Excel', () => {
  test('KH-style checks become native in one read and one write; a plain workbook needs no write', async () => {
    const { sendSafeInExcel } = await import('../../src/workbook/operations');
    const fake = new ExcelFake();
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake, { formulaStyle: 'kh' });
    expect(fake.sheet('DA4').cell(`${L.check}${ROWS.firstData + 2}`).formula).toMatch(/KH\.CHECK_SOURCES/);
    fake.resetCounters();
    const { changes, syncs } = await sendSafeInExcel(runOn(fake), fake);
    expect(changes.length).toBeGreaterThan(10);
    expect(changes.every((c) => c.action === 'native')).toBe(true);
    expect(syncs).toBe(3);
    expect(fake.sheet('DA4').cell(`${L.check}${ROWS.firstData + 2}`).formula).toMatch(/^=IF\(AND\(ABS\(/);
    expect(fake.sheet('DA4').protected).toBe(true);
    const again = await sendSafeInExcel(runOn(fake), fake);
    expect(again.changes).toEqual([]);
  });
});
