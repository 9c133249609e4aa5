/**
 * The annexes through office.js on the strict Excel fake: built in three syncs, rewritten in place
 * when the plan changes (the officer's note kept, merges and drop-downs not doubled), nothing
 * written when they already match.
 */
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, buildAnnexesInExcel, generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { annex01Columns, ANNEX_ROWS } from '../../src/core/book/annex/layout';
import { columnLetter } from '../../src/core/book/address';
import { PlanSpec } from '../../src/core/plan';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);
const C = Object.fromEntries(annex01Columns('2021-2025').map((c, i) => [c.key, columnLetter(i)]));

function rowWithCode(fake: ExcelFake, sheet: string, code: string): number {
  const values = fake.sheet(sheet).values();
  const col = annex01Columns('2021-2025').findIndex((c) => c.key === 'code');
  const r = values.findIndex((line) => line[col] === code);
  if (r < 0) throw new Error(`no ${code}`);
  return r + 1;
}

describe('annexes through office.js', () => {
  test('built after the plan: list, read, write — three syncs; layout, merges, print set-up', async () => {
    const fake = new ExcelFake();
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    fake.resetCounters();
    const outcome = await buildAnnexesInExcel(runOn(fake), fake);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.report.created).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu']);
    expect(outcome.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    const b01 = fake.sheet('Biểu 01');
    expect(b01.cell('A4').value).toBe('Biểu số 01');
    const da43 = rowWithCode(fake, 'Biểu 01', 'DA4.3');
    expect(b01.cell(`${C.total}${da43}`).formula).toBe(`=SUMIFS('DA4'!$E:$E,'DA4'!$O:$O,"DA4.3")`);
    expect(b01.merges).toEqual(expect.arrayContaining(['A4:L4', `E${ANNEX_ROWS.header1 + 1}:G${ANNEX_ROWS.header1 + 1}`]));
    expect(b01.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    expect(b01.printTitleRows).toBe('$8:$10');
    expect(b01.hiddenColumns).toEqual(['M']);
    expect(b01.values().some((r) => r[0] === 'Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.')).toBe(true);
  });

  test('the plan gains a sub-project: the annex is rewritten, the note kept; a second run writes nothing', async () => {
    const fake = new ExcelFake();
    await generatePlan(runOn(fake), LAI_CHAU_2024, fake);
    await buildAnnexesInExcel(runOn(fake), fake);
    const da32 = rowWithCode(fake, 'Biểu 01', 'DA3.2');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Biểu 01').getRange(`${C.note}${da32}`).values = [['Ưu tiên trẻ dưới 5 tuổi']];
      await context.sync();
    });
    const mergesBefore = fake.sheet('Biểu 01').merges.length;
    const grown: PlanSpec = { ...LAI_CHAU_2024, items: [...LAI_CHAU_2024.items, { code: 'DA3.TDA1', amounts: { centralRecurrent: 100 } }] };
    await generatePlan(runOn(fake), grown, fake);
    const outcome = await buildAnnexesInExcel(runOn(fake), fake);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.report.refreshed).toEqual(['Biểu 01', 'Biểu 03']);
    expect(outcome.report.words.annex01).toBe('Bằng chữ: Một tỷ tám trăm hai mươi tám triệu đồng.');
    const b01 = fake.sheet('Biểu 01');
    expect(rowWithCode(fake, 'Biểu 01', 'DA3.1')).toBe(rowWithCode(fake, 'Biểu 01', 'DA3') + 1);
    expect(b01.cell(`${C.note}${rowWithCode(fake, 'Biểu 01', 'DA3.2')}`).value).toBe('Ưu tiên trẻ dưới 5 tuổi');
    expect(b01.merges.length).toBe(mergesBefore);
    expect(b01.protected).toBe(true);

    fake.resetCounters();
    const again = await buildAnnexesInExcel(runOn(fake), fake);
    expect(again.ok && again.apply).toBeNull();
    expect(again.syncs).toBe(2);
  });

  test('a workbook without a plan: a clear refusal, nothing written', async () => {
    const fake = new ExcelFake();
    fake.seed({ Sheet1: [['Dự án', 'Kinh phí'], ['Dự án 2', 530]] });
    const outcome = await buildAnnexesInExcel(runOn(fake), fake);
    expect(outcome).toMatchObject({ ok: false, errors: [{ key: 'annex.notAPlan' }] });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });
});
