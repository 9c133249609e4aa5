/**
 * LibreOffice as the oracle for the calculator: the .xlsx KH writes (plan and annexes, native
 * formulas) is recalculated by LibreOffice, and every formula cell the calculator computes from
 * the same file must show the same value — numbers at Excel's 15 significant digits, text and
 * errors exactly. Then a workbook of formulas officers type, minus the cases where LibreOffice is
 * not Excel (listed with the reason; the unit tests pin Excel's answer for those).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { calculate, qualifiedAddress, snapshotWorkbook, type Scalar } from '../../src/testing/calc';
import { isError, round15 } from '../../src/testing/calc/values';
import { recalculate, requireLibreOffice } from '../support/calc-oracle';
import { randomPlan } from '../support/random-plans';
import { fullPlanSpec } from '../../bench/plans';

const describeLO = requireLibreOffice() ? describe : describe.skip;

type OracleValue = WorkbookSnapshot['sheets'][number]['values'][number][number];

/** LibreOffice saves a formula whose value is 0 or FALSE with no cached value: it reads back empty. */
function agrees(ours: Scalar, theirs: OracleValue): boolean {
  if (theirs === null || theirs === '') return ours === 0 || ours === false || ours === '' || ours === null;
  if (isError(ours)) return ours.code === theirs;
  if (typeof ours === 'number' && typeof theirs === 'number') return round15(ours) === round15(theirs);
  return ours === theirs;
}

interface Comparison {
  compared: number;
  numbers: number;
  mismatches: string[];
}

/** Every formula cell: the calculator on the file as written against LibreOffice's recalculation. */
async function compare(xlsx: Buffer, skip: (formula: string) => boolean = () => false): Promise<Comparison> {
  const written = await xlsxToSnapshot(xlsx);
  const oracle = await recalculate(xlsx);
  const ours = calculate(snapshotWorkbook(written));
  const out: Comparison = { compared: 0, numbers: 0, mismatches: [] };
  for (const r of ours.results) {
    const formula = written.sheets.find((s) => s.name === r.sheet)?.formulas[r.row]?.[r.col] ?? '';
    if (skip(formula)) continue;
    const theirs = oracle.sheets.find((s) => s.name === r.sheet)?.values[r.row]?.[r.col] ?? null;
    out.compared++;
    if (typeof r.value === 'number') out.numbers++;
    if (!agrees(r.value, theirs)) out.mismatches.push(`${qualifiedAddress(r.sheet, r.row, r.col)} ${formula}: calculator ${String(r.value)}, LibreOffice ${String(theirs)}`);
  }
  return out;
}

async function planXlsx(spec: PlanSpec): Promise<Buffer> {
  const built = buildPlanWithAnnexes(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return descriptionToXlsx(built.description);
}

describeLO('the calculator agrees with LibreOffice', () => {
  test('Lai Châu 2024 and Bình Lư 2025 with their annexes: every formula cell', async () => {
    for (const spec of [LAI_CHAU_2024, BINH_LU_2025]) {
      const result = await compare(await planXlsx(spec));
      expect(result.mismatches).toEqual([]);
      expect(result.numbers).toBeGreaterThan(200);
    }
  }, 120_000);

  test('random plans with annexes: every formula cell (property, 4 plans)', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, async (spec) => {
        const result = await compare(await planXlsx(spec));
        expect(result.mismatches).toEqual([]);
        expect(result.compared).toBeGreaterThan(100);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 300_000);

  test('a plan of 1,000 activity rows in every project: every formula cell', async () => {
    const result = await compare(await planXlsx(fullPlanSpec(1000)));
    expect(result.mismatches).toEqual([]);
    expect(result.numbers).toBeGreaterThan(10000);
  }, 300_000);

  test('formulas officers type: operators, functions, criteria, names, errors', async () => {
    const result = await compare(await vocabularyXlsx(), (formula) => LIBREOFFICE_IS_NOT_EXCEL.some(([f]) => `=${f}` === formula));
    expect(result.mismatches).toEqual([]);
    expect(result.compared).toBe(VOCABULARY.length - LIBREOFFICE_IS_NOT_EXCEL.length);
  }, 120_000);
});

const D = "'Dữ liệu'!";

/** Codes, amounts and kinds with the look-alikes criteria must tell apart. */
const DATA: Array<[ExcelJS.CellValue, ExcelJS.CellValue, ExcelJS.CellValue]> = [
  ['DA1', 530, 'chi tiết'],
  ['DA1.1', 342.5, 'chi tiết'],
  ['DA1.2', 766, 'nhóm'],
  ['da1.3', 17, 'CHI TIẾT'],
  ['DA10', 73, 'chi tiết'],
  ['DA2', '12', 'chi tiết'],
  ['X*Y', 9, 'chi tiết'],
  ['a?b', -4.2, 'chi tiết'],
  ['~x', 0.1, 'chi tiết'],
  ['5', 0.2, 'nhóm'],
  [5, 1e15, null],
  [true, null, 'chi tiết'],
  [null, 7, 'chi tiết'],
  ['axb', 1.005, 'chi tiết'],
];

const VOCABULARY = [
  `SUM(${D}B:B)`, `SUM(${D}B1:B10)`, `SUM(${D}2:2)`, `SUM(${D}B8:B1048576)`, `SUM(DM_Ma)`, `SUM({1,2,3})`,
  `SUMIFS(${D}B:B,${D}A:A,"DA1.*")`, `SUMIFS(${D}B:B,${D}A:A,"da1*")`, `SUMIFS(${D}B:B,${D}A:A,"DA?")`,
  `SUMIFS(${D}B:B,${D}A:A,"X~*Y")`, `SUMIFS(${D}B:B,${D}A:A,"a~?b")`, `SUMIFS(${D}B:B,${D}A:A,"a?b")`, `SUMIFS(${D}B:B,${D}A:A,"~~x")`,
  `SUMIFS(${D}B:B,${D}A:A,"<>DA2")`, `SUMIFS(${D}B:B,${D}A:A,"<>")`, `SUMIFS(${D}B:B,${D}A:A,"")`, `SUMIFS(${D}B:B,${D}A:A,"=")`,
  `SUMIFS(${D}B:B,${D}A:A,"DA*",${D}C:C,"chi tiết")`, `SUMIFS(${D}B1:B14,${D}A1:A14,"*1*")`,
  `SUMIF(${D}B:B,">=17")`, `SUMIF(${D}B:B,"<0")`, `SUMIF(${D}A:A,"DA1",${D}B:B)`, `SUMIF(${D}A:A,"DA1",${D}B1)`, `SUMIF(${D}B:B,">"&${D}B5)`,
  `SUMIF(${D}A:A,5,${D}B:B)`, `SUMIF(${D}A:A,"5",${D}B:B)`, `SUMIF(${D}A:A,TRUE,${D}B:B)`,
  `COUNTIF(${D}A:A,"5")`, `COUNTIF(${D}A:A,5)`, `COUNTIF(${D}A:A,">4")`, `COUNTIF(${D}A1:A14,"")`, `COUNTIF(${D}A1:A14,"<>")`, `COUNTIF(${D}A:A,"*")`,
  `COUNTIFS(${D}A:A,"DA*",${D}C:C,"chi tiết")`, `COUNTIF(${D}C:C,"chi*")`, `COUNTIF(${D}B:B,"<>12")`, `COUNTIF(${D}B1:B14,"<>12")`,
  `IF(${D}B1>500,"lớn","nhỏ")`, `IF(${D}B13,1,2)`, `IF(FALSE,1)`, `IF(${D}A1="DA1",${D}B1,0)`, `IF(ISBLANK(${D}B99),"trống","có")`,
  `IFERROR(1/0,"chia 0")`, `IFERROR(${D}B1/${D}B13,0)`, `IFERROR(${D}B1*2,0)`,
  `AND(${D}B1>0,${D}B2>0)`, `OR(FALSE,${D}B1<0)`, `NOT(${D}B1)`, `AND(${D}B1:B5)`, `OR(${D}C1:C3)`,
  `ABS(-4.2)`, `ABS(${D}B8)`, `ROUND(2.675,2)`, `ROUND(-1.005,2)`, `ROUND(1234.5,-2)`, `ROUND(${D}B14,2)`, `ROUND(0.1+0.2,10)`, `ROUND(-2.5,0)`, `ROUND(SUM(${D}B1:B5),0)`,
  `MIN(${D}B1:B10)`, `MAX(${D}B1:B10)`, `MIN(${D}C:C)`, `MAX(-1,"3")`, `MIN(${D}B:B,-10)`, `MAX(${D}A1:A5)`,
  `CHOOSE(2,"a","b","c")`, `SUM(CHOOSE({1,2},${D}B1,${D}B2))`, `CHOOSE(3,1,2)`,
  `HYPERLINK("#'Dữ liệu'!A1","Dữ liệu")`, `HYPERLINK("#'Dữ liệu'!A1")`,
  `LEN("Tổng hợp")`, `LEN(${D}B2)`, `LEN(${D}B13)`, `LEN(123.45)`, `LEN(1/3)`, `LEN(TRUE)`, `LEN(${D}B11)`,
  `ISNUMBER(${D}B6)`, `ISNUMBER(${D}B1)`, `ISNUMBER(${D}B13)`, `ISBLANK(${D}B12)`, `ISBLANK(${D}A1)`, `ISBLANK(${D}B99)`,
  `1/0`, `${D}B1/0`, `"abc"+1`, `1+"2"`, `1+"1,234.5"`, `" 3 "*2`, `${D}A1+1`, `SUM(${D}A1,1)`, `SUM(1,"2",TRUE)`, `SUM(${D}B1:B3)/0`,
  `"a"&1.5&TRUE`, `2^10`, `-2^2`, `50%*${D}B1`, `10-4-3`, `"A"="a"`, `1<"a"`, `TRUE>1`, `0.1+0.2=0.3`, `${D}B13=0`, `${D}B12=""`, `${D}A1&""`,
  `1E+15+1`, `1/3`, `2^0.5`, `(-8)^(1/3)`, `76.4-(76.3+0.1)`, `530+342.5+766+17+73`, `SUM(${D}B1:B5)-1728.5`, `${D}B14*100`, `${D}A99`,
  `KH_TongCong*2`, `KH_SaiSo`, `KH_TongCong+KH_SaiSo`, `0.000001&""`,
];

/** Where LibreOffice gives another answer than Excel; the calculator follows Excel (see functions.test.ts). */
const LIBREOFFICE_IS_NOT_EXCEL: ReadonlyArray<[string, string]> = [
  [`COUNTIF(${D}A:A,5)`, 'a numeric criterion also matches numeric text in Excel ("5"); LibreOffice matches numbers only'],
  [`COUNTIF(${D}A:A,"*")`, '"*" matches text only in Excel; LibreOffice also counts the number and the boolean'],
  [`MAX(-1,"3")`, 'Excel reads numeric text typed as an argument of MAX; LibreOffice gives #VALUE!'],
  [`SUM(1,"2",TRUE)`, 'the same for SUM'],
  [`"a"&1.5&TRUE`, 'LibreOffice booleans are numbers: TRUE joins as 1'],
  [`LEN(TRUE)`, 'the same: LEN(TRUE) is 1 there, 4 in Excel'],
  [`TRUE>1`, 'Excel orders booleans after numbers; LibreOffice compares 1>1'],
  [`(-8)^(1/3)`, 'Excel gives #NUM! for a negative base with a fractional power; LibreOffice gives the odd root'],
  [`LEN(${D}B11)`, 'Excel writes 1E+15 as text in scientific notation (General format); LibreOffice writes all 16 digits'],
];

/** The vocabulary above as an .xlsx: a data sheet with a quoted name, one formula per row of a second sheet, three names. */
async function vocabularyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Dữ liệu');
  DATA.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) data.getCell(r + 1, c + 1).value = v;
  }));
  const sheet = wb.addWorksheet('Công thức');
  VOCABULARY.forEach((formula, i) => {
    sheet.getCell(i + 1, 1).value = { formula } as ExcelJS.CellValue;
  });
  wb.definedNames.add("'Dữ liệu'!$B$1", 'KH_TongCong');
  wb.definedNames.add("'Dữ liệu'!$B$9", 'KH_SaiSo');
  wb.definedNames.add("'Dữ liệu'!$B$1:$B$5", 'DM_Ma');
  wb.calcProperties = { fullCalcOnLoad: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
