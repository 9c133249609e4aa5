/**
 * `recalculate` on the strict Excel fake: the Lai Châu 2024 plan generated through the office.js
 * adapter, the officer's seven amounts typed, the annexes built — every total as Excel shows it
 * (1.728 triệu đồng; 530, 342, 766, 17, 73 by project), the checks ✓, and a changed amount
 * carried through after the next recalculation. Then the fake's own rules: values, text and
 * value types of computed cells, errors, circular references.
 */
import { ExcelFake } from '../../src/testing/excel-fake';
import { recalculate, fakeWorkbook, calculate } from '../../src/testing/calc';
import { buildAnnexesInExcel, generatePlan } from '../../src/workbook/operations';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { ROWS, SHEET, planColumns } from '../../src/core/book/layout';
import { ANNEX_CODE, annex01Columns, annex03Columns } from '../../src/core/book/annex/layout';
import { columnLetter } from '../../src/core/book/address';
import { laiChauInFake, rowOf } from '../pane/plans';

const S = planColumns('2021-2025').summary.index;
const P = planColumns('2021-2025').project.index;
const B01 = Object.fromEntries(annex01Columns('2021-2025').map((c, i) => [c.key, i]));
const B03 = Object.fromEntries(annex03Columns('2021-2025').map((c, i) => [c.key, i]));
const PROJECTS: ReadonlyArray<[string, number]> = [['DA2', 530], ['DA3', 342], ['DA4', 766], ['DA6', 17], ['DA7', 73]];

/** The value at a 0-based row and column of a sheet of the fake. */
function at(fake: ExcelFake, sheet: string, row: number, col: number): unknown {
  return fake.sheet(sheet).cell(`${columnLetter(col)}${row + 1}`).value;
}

/** The 0-based row whose code column holds `code`. */
function rowWithCode(fake: ExcelFake, sheet: string, codeCol: number, code: string): number {
  const r = fake.sheet(sheet).values().findIndex((line) => line[codeCol] === code);
  if (r < 0) throw new Error(`no ${code} on ${sheet}`);
  return r;
}

async function laiChauWithAnnexes(): Promise<ExcelFake> {
  const fake = await laiChauInFake({ amounts: true });
  const annexes = await buildAnnexesInExcel((b) => fake.run(b as never), fake);
  if (!annexes.ok) throw new Error(JSON.stringify(annexes.errors));
  return fake;
}

describe('Lai Châu 2024 in the fake, recalculated', () => {
  test('every total as Excel shows it, every check ✓, nothing circular or unknown', async () => {
    const fake = await laiChauWithAnnexes();
    const report = recalculate(fake);
    expect(report).toMatchObject({ errors: 0, circular: [], unsupportedFunctions: [] });
    expect(report.formulas).toBeGreaterThan(250);

    // Tổng hợp: the grand total row, then one row per project (its code in the code column)
    for (const key of ['total', 'central', 'centralRecurrent'] as const) expect(at(fake, SHEET.summary, ROWS.firstData, S[key])).toBe(1728);
    expect(at(fake, SHEET.summary, ROWS.firstData, S.centralInvestment)).toBe(0);
    for (const [code, amount] of PROJECTS) expect({ code, total: at(fake, SHEET.summary, rowWithCode(fake, SHEET.summary, S.code, code), S.total) }).toEqual({ code, total: amount });
    expect(fake.sheet(SHEET.summary).cell(`${columnLetter(S.total)}${ROWS.firstData + 1}`)).toMatchObject({ type: 'Double', value: 1728 });

    // project sheets: the group row of each project (first data row) and the sub-project rows
    for (const [code, amount] of PROJECTS) expect({ code, total: at(fake, code, ROWS.firstData, P.total) }).toEqual({ code, total: amount });
    expect(at(fake, 'DA4', rowOf(fake, 'DA4', 'DA4.TDA1') - 1, P.total)).toBe(685);
    expect(at(fake, 'DA4', rowOf(fake, 'DA4', 'DA4.TDA3') - 1, P.central)).toBe(81);
    expect(at(fake, 'DA7', rowOf(fake, 'DA7', 'DA7.TDA2') - 1, P.total)).toBe(22);

    // the native checks on every data row
    for (const sheet of [SHEET.summary, ...PROJECTS.map(([c]) => c)]) {
      const col = sheet === SHEET.summary ? S.check : P.check;
      const checks = fake.sheet(sheet).values().slice(ROWS.firstData).map((line) => line[col]).filter((v) => v !== '');
      expect({ sheet, checks: [...new Set(checks)] }).toEqual({ sheet, checks: ['✓'] });
    }

    // Thông tin: the stated total (1.728) against the computed one, through KH_TongCong's cell
    const info = fake.sheet(SHEET.info).values();
    const stated = info.findIndex((line) => line[0] === 'Tổng cộng');
    expect(info[stated].slice(1, 5)).toEqual([1728, 1728, '✓', 0]);

    // Biểu 01: total row and the project rows; Biểu 03: total and part A
    const b01 = rowWithCode(fake, 'Biểu 01', B01.code, ANNEX_CODE.total);
    expect(at(fake, 'Biểu 01', b01, B01.total)).toBe(1728);
    for (const [code, amount] of PROJECTS) expect({ code, total: at(fake, 'Biểu 01', rowWithCode(fake, 'Biểu 01', B01.code, code), B01.total) }).toEqual({ code, total: amount });
    expect(at(fake, 'Biểu 01', rowWithCode(fake, 'Biểu 01', B01.code, 'DA4.3'), B01.centralRecurrent)).toBe(81);
    const b03 = rowWithCode(fake, 'Biểu 03', B03.code, ANNEX_CODE.total);
    expect(at(fake, 'Biểu 03', b03, B03.total)).toBe(1728);
    expect(at(fake, 'Biểu 03', rowWithCode(fake, 'Biểu 03', B03.code, ANNEX_CODE.programme), B03.total)).toBe(1728);
  });

  test('the officer changes an amount: the next recalculation carries it to every total, and the check says Lệch', async () => {
    const fake = await laiChauWithAnnexes();
    recalculate(fake);
    const row = rowOf(fake, 'DA4', 'DA4.TDA1');
    fake.userEdit('DA4', `H${row}`, 700);
    // until the next recalculation the fake keeps the old computed values, as a paused Excel would
    expect(at(fake, SHEET.summary, ROWS.firstData, S.total)).toBe(1728);
    recalculate(fake);
    expect(at(fake, 'DA4', row - 1, P.total)).toBe(700);
    expect(at(fake, 'DA4', ROWS.firstData, P.total)).toBe(781);
    expect(at(fake, SHEET.summary, ROWS.firstData, S.total)).toBe(1743);
    expect(at(fake, 'Biểu 01', rowWithCode(fake, 'Biểu 01', B01.code, ANNEX_CODE.total), B01.total)).toBe(1743);
    expect(at(fake, 'Biểu 03', rowWithCode(fake, 'Biểu 03', B03.code, ANNEX_CODE.total), B03.total)).toBe(1743);
    const info = fake.sheet(SHEET.info).values();
    const stated = info.findIndex((line) => line[0] === 'Tổng cộng');
    expect(info[stated].slice(1, 5)).toEqual([1728, 1743, 'Lệch', -15]);
  });

  test('the plan written without its amounts: totals 0, checks ✓ (nothing to disagree)', async () => {
    const fake = await laiChauInFake({ amounts: false });
    const report = recalculate(fake);
    expect(report.errors).toBe(0);
    expect(at(fake, SHEET.summary, ROWS.firstData, S.total)).toBe(0);
    expect(at(fake, 'DA4', ROWS.firstData, P.check)).toBe('✓');
  });

  test('the KH formula style: KH.* needs the add-in, so the check cells show #NAME? and the report names the functions', async () => {
    const fake = new ExcelFake();
    const out = await generatePlan((b) => fake.run(b as never), LAI_CHAU_2024, fake, { formulaStyle: 'kh' });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const report = recalculate(fake);
    expect(report.unsupportedFunctions).toEqual(['KH.CHECK_SOURCES', 'KH.ROLLUP']);
    expect(at(fake, 'DA4', ROWS.firstData, P.check)).toBe('#NAME?');
    expect(fake.sheet('DA4').cell(`${columnLetter(P.check)}${ROWS.firstData + 1}`).type).toBe('Error');
    // the totals are native SUMIFS in both styles
    expect(at(fake, SHEET.summary, ROWS.firstData, S.total)).toBe(1728);
  });
});

describe('recalculate: what the fake shows afterwards', () => {
  test('values, text and value types of computed cells; errors as Excel shows them', () => {
    const fake = new ExcelFake().seed({
      'Tổng hợp': [
        ['Mã', 'Tổng', 'Kiểm tra'],
        ['DA2', 530, '=IF(B2>0,"✓","Lệch")'],
        ['DA4', '=685+81', '=B3/0'],
        ['Tổng', '=SUM(B2:B3)', '=ISNUMBER(B4)'],
        ['Ghi chú', '=KH.BANGCHU(B4)', '=HYPERLINK("#\'Tổng hợp\'!B4","Tổng cộng")'],
      ],
    });
    const report = recalculate(fake);
    expect(report).toMatchObject({ formulas: 7, errors: 2, circular: [], unsupportedFunctions: ['KH.BANGCHU'] });
    const s = fake.sheet('Tổng hợp');
    expect(s.values()).toEqual([
      ['Mã', 'Tổng', 'Kiểm tra'],
      ['DA2', 530, '✓'],
      ['DA4', 766, '#DIV/0!'],
      ['Tổng', 1296, true],
      ['Ghi chú', '#NAME?', 'Tổng cộng'],
    ]);
    expect(s.cell('C3')).toMatchObject({ type: 'Error', formula: '=B3/0' });
    expect(s.cell('B4')).toMatchObject({ type: 'Double', text: '1296', formula: '=SUM(B2:B3)' });
    expect(s.cell('C4')).toMatchObject({ type: 'Boolean', text: 'TRUE' });
  });

  test('defined names and sheet names with quotes, through the fake\'s names', async () => {
    const fake = new ExcelFake().seed({ "Kế hoạch 'xã' 2024": [[1728]], 'Thông tin': [['Sai số', 0.5], ['Kiểm tra', "=IF(ABS(KH_TongCong-1728.4)<=KH_SaiSo,\"✓\",\"Lệch\")"], ['Gấp đôi', "='Kế hoạch ''xã'' 2024'!A1*2"]] });
    await fake.run(async (context) => {
      context.workbook.names.add('KH_SaiSo', "='Thông tin'!$B$1");
      context.workbook.names.add('KH_TongCong', "='Kế hoạch ''xã'' 2024'!$A$1");
      await context.sync();
    });
    recalculate(fake);
    expect(fake.sheet('Thông tin').values('B2:B3')).toEqual([['✓'], [3456]]);
  });

  test('a circular reference: 0, as Excel shows it after its warning, and reported', () => {
    const fake = new ExcelFake().seed({ DA4: [[685, '=A1+B2'], [81, '=B1']] });
    const report = recalculate(fake);
    expect(report.circular).toEqual(["'DA4'!B1", "'DA4'!B2"]);
    expect(fake.sheet('DA4').values()).toEqual([[685, 0], [81, 0]]);
  });

  test('text that looks like an error, a formula or a number stays text', () => {
    const fake = new ExcelFake().seed({ S: [["'#N/A", "'=1+1", "'0123", '=ISTEXT(A1)&ISTEXT(B1)&ISTEXT(C1)', '=LEN(B1)', '#N/A', '=ISNA(F1)'], ['=A1&"!"']] });
    recalculate(fake);
    expect(fake.sheet('S').values('D1:G1')).toEqual([['TRUETRUETRUE', 4, '#N/A', true]]);
    expect(fake.sheet('S').cell('A2').value).toBe('#N/A!');
  });

  test('a recalculation reads every formula again: a formula replaced by a constant is no longer computed', () => {
    const fake = new ExcelFake().seed({ S: [[1, '=A1+1', '=B1*10']] });
    expect(recalculate(fake).formulas).toBe(2);
    fake.userEdit('S', 'B1', 5);
    const report = recalculate(fake);
    expect(report.formulas).toBe(1);
    expect(fake.sheet('S').values()).toEqual([[1, 5, 50]]);
  });

  test('the fake as a CalcWorkbook: the same results without writing back', () => {
    const fake = new ExcelFake().seed({ S: [[530, 342, '=A1+B1']] });
    const result = calculate(fakeWorkbook(fake));
    expect(result.valueAt('S', 'C1')).toBe(872);
    // nothing written: the formula cell still reads null (unknown) until recalculate
    expect(fake.sheet('S').cell('C1').value).toBeNull();
  });
});
