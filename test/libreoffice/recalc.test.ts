/**
 * The LibreOffice harness against real behaviour: a small plan-like workbook with wrong cached
 * results is recalculated (so the caches are not trusted), wildcard SUMIFS over the code column
 * match like Excel's (literal '.', whole cell), a Vietnamese sheet name resolves across sheets, and
 * the group totals equal the core's roll-up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { rollup } from '../../src/core/rollup';
import { RecalcResult, pdfToPngs, recalculate, requireLibreOffice, requirePdftoppm, toPdf } from '../support/libreoffice';

const describeLO = requireLibreOffice() ? describe : describe.skip;
const SUMMARY = 'Tổng hợp';
const WRONG = 999;
const END = 200;

/** Rows from 7 on: code (O), kind (P), amount in triệu đồng (E) for leaves; groups get SUMIFS. */
const PLAN: [code: string, kind: 'group' | 'leaf', amount: number | null][] = [
  ['DA3', 'group', null],
  ['DA3.1', 'group', null],
  ['DA3.1.1', 'leaf', 0.1],
  ['DA3.1.2', 'leaf', 0.2],
  ['DA3.2', 'group', null],
  ['DA3.2.1', 'leaf', 12.3],
  ['DA3.2.2', 'leaf', 0.7],
];
/** Leaves a regular expression ('DA311': '.' is any character) or a substring match ('XDA3.1.9') would count. */
const DISTRACTORS: [string, 'leaf', number][] = [
  ['DA311', 'leaf', 1000],
  ['XDA3.1.9', 'leaf', 5000],
];
const FIRST = 7;
const rowOf = (code: string) => FIRST + PLAN.findIndex(([c]) => c === code);

function groupFormula(code: string): string {
  const r = rowOf(code) + 1;
  return `SUMIFS(E${r}:E${END},$O${r}:$O${END},"${code}.*",$P${r}:$P${END},"leaf")`;
}

async function planWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SUMMARY);
  ws.getCell('A1').value = 'Kế hoạch vốn (triệu đồng)';
  [...PLAN, ...DISTRACTORS].forEach(([code, kind, amount], i) => {
    const r = FIRST + i;
    ws.getCell(`O${r}`).value = code;
    ws.getCell(`P${r}`).value = kind;
    // A WRONG cached result in every formula cell: only a real recalculation replaces it.
    ws.getCell(`E${r}`).value = kind === 'group' ? { formula: groupFormula(code), result: WRONG } : amount;
  });
  const check = wb.addWorksheet('Kiểm tra');
  const cells: Record<string, string> = {
    B2: `'${SUMMARY}'!E7`,
    B3: `SUM('${SUMMARY}'!E${rowOf('DA3.1.1')}:E${rowOf('DA3.1.2')})`,
    B4: `ROUND('${SUMMARY}'!E${rowOf('DA3.1')},1)`,
    B5: `IF(ABS('${SUMMARY}'!E7-13.3)<0.000001,"✓","✗")`,
    B6: `COUNTIF('${SUMMARY}'!O${FIRST}:O${END},"DA3.?")`,
    B7: `SUMIFS('${SUMMARY}'!E${FIRST}:E${END},'${SUMMARY}'!P${FIRST}:P${END},"leaf")`,
  };
  for (const [address, formula] of Object.entries(cells)) {
    check.getCell(address).value = { formula, result: address === 'B5' ? '✗' : WRONG };
  }
  // Documents print in Times New Roman: every written cell uses it (PDF test checks the substitute).
  for (const sheet of [ws, check]) sheet.eachRow((row) => row.eachCell((cell) => (cell.font = { name: 'Times New Roman', size: 12 })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeLO('LibreOffice recalculation harness', () => {
  let book: Buffer;
  let result: RecalcResult;

  beforeAll(async () => {
    book = await planWorkbook();
    result = await recalculate(book);
    console.log(`LibreOffice recalculation: ${result.elapsedMs} ms`);
  }, 120_000);

  test('every formula is recalculated: no cached wrong result survives', () => {
    for (const name of result.sheetNames) {
      for (const address of Object.keys(result.sheets[name].formulas)) {
        expect({ name, address, value: result.sheets[name].values[address] }).not.toEqual({ name, address, value: WRONG });
      }
    }
    expect(result.sheetNames).toEqual([SUMMARY, 'Kiểm tra']);
  });

  test('wildcard SUMIFS: literal ".", whole cell, leaves only; totals equal the core roll-up', () => {
    const values = result.sheets[SUMMARY].values;
    expect(values[`E${rowOf('DA3.1')}`]).toBeCloseTo(0.3, 9);
    expect(values[`E${rowOf('DA3.2')}`]).toBeCloseTo(13, 9);
    expect(values[`E${rowOf('DA3')}`]).toBeCloseTo(13.3, 9);

    const core = rollup(
      PLAN.map(([code]) => code),
      PLAN.map(([, , amount]) => [amount]),
    );
    PLAN.forEach(([code], i) => {
      expect({ code, value: values[`E${FIRST + i}`] }).toEqual({ code, value: expect.closeTo(core.values[i][0] as number, 9) });
    });
  });

  test("a Vietnamese sheet name resolves from another sheet ('Tổng hợp'!E7), with SUM/ROUND/IF/ABS/COUNTIF", () => {
    const values = result.sheets['Kiểm tra'].values;
    expect(values.B2).toBeCloseTo(13.3, 9);
    expect(values.B3).toBeCloseTo(0.3, 9); // 0.1 + 0.2, binary floating point
    expect(values.B4).toBe(0.3);
    expect(values.B5).toBe('✓');
    expect(values.B6).toBe(2); // "DA3.?": DA3.1 and DA3.2, '?' is one character
    expect(values.B7).toBeCloseTo(6013.3, 9); // every leaf, distractors included
  });

  test('formulas come back as LibreOffice saved them (wildcards and quoted sheet name kept)', () => {
    expect(result.sheets[SUMMARY].formulas[`E${rowOf('DA3.1')}`]).toBe(groupFormula('DA3.1'));
    expect(result.sheets['Kiểm tra'].formulas.B2).toBe(`'${SUMMARY}'!E7`);
    expect(result.sheets[SUMMARY].values[`O${rowOf('DA3.1.2')}`]).toBe('DA3.1.2');
  });

  test("control: with LibreOffice's default profile (OOXMLRecalcMode 1) the wrong caches survive", async () => {
    const trusted = await recalculate(book, { recalc: 'never' });
    expect(trusted.sheets[SUMMARY].values[`E${rowOf('DA3')}`]).toBe(WRONG);
    expect(trusted.sheets['Kiểm tra'].values.B5).toBe('✗');
  }, 120_000);

  test('refuses a workbook with KH.* custom functions (LibreOffice would lowercase them)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DA3').getCell('A1').value = { formula: 'KH.TOTAL(B1:B9)', result: 1 };
    await expect(recalculate(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(/KH\.\* custom function/);
  });

  test('a time-out kills LibreOffice and says so', async () => {
    await expect(recalculate(book, { timeoutMs: 50 })).rejects.toThrow(/timed out after/);
  }, 30_000);

  (requirePdftoppm() ? test : test.skip)('toPdf prints the recalculated values; pdfToPngs makes one PNG per page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-pdf-test-'));
    try {
      const xlsx = join(dir, 'ke-hoach.xlsx');
      writeFileSync(xlsx, book);
      const pdf = await toPdf(xlsx, join(dir, 'pdf'));
      expect(pdf).toBe(join(dir, 'pdf', 'ke-hoach.pdf'));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('13.3');
      expect(text).toContain('Kế hoạch vốn');
      expect(text).not.toContain(String(WRONG));
      // Times New Roman → Liberation Serif (metric-compatible); 2.x has the Vietnamese letters, so
      // no letter falls back to another text font (fonts-liberation 1.07 lacks e.g. 'ế'). ✓/✗
      // come from a symbol font either way.
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
      expect(fonts).toContain('LiberationSerif');
      expect(fonts.filter((f) => !/^LiberationSerif|Math|Symbol/.test(f))).toEqual([]);
      const pngs = await pdfToPngs(pdf, join(dir, 'png'));
      expect(pngs.length).toBeGreaterThanOrEqual(2); // one page per sheet at least
      for (const png of pngs) expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
