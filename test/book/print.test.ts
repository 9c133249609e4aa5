/**
 * Print set-up of every sheet KH writes, in the description (the LibreOffice PDFs are in
 * test/libreoffice/print.test.ts): A4, print areas without the helper columns, row heights that
 * fit their text, column-number labels broken after a "+", and a refresh that adds rows keeps them
 * printed.
 */
import ExcelJS from 'exceljs';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { SheetSpec, cellsOf } from '../../src/core/book/model';
import { planGeneration } from '../../src/core/book/generate';
import { ROWS, planColumns } from '../../src/core/book/layout';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { columnNumberLabel, fitRowHeights, heightFor, linesFor } from '../../src/core/book/print';
import { STYLES } from '../../src/core/book/template';
import { exceljsPrintArea } from '../../src/workbook/exceljs';
import { applyAndReload, snap } from './helpers';

const built = buildPlanWithAnnexes(LAI_CHAU_2024);
if (!built.ok) throw new Error('build');
const sheets = built.description.sheets;
const sheet = (name: string): SheetSpec => sheets.find((s) => s.name === name) as SheetSpec;
const P = planColumns('2021-2025').project.index;
const heightOf = (s: SheetSpec, row: number): number | undefined => s.rowHeights?.find((h) => h.row === row)?.height;

test('every sheet but _kh prints on A4, one page wide, within the NĐ 30 margins', () => {
  for (const s of sheets.filter((x) => x.visibility !== 'veryHidden')) {
    expect({ sheet: s.name, paper: s.print?.paper, fit: s.print?.fitToWidth, margins: s.print?.margins }).toEqual({ sheet: s.name, paper: 'A4', fit: true, margins: { top: 20, bottom: 20, left: 30, right: 15 } });
    expect(s.print?.area).toMatch(/^A1:[A-Z]+\d+$/);
  }
  expect(sheet('Thông tin').print?.orientation).toBe('portrait');
  expect(sheet('Danh mục').print?.orientation).toBe('landscape');
});

test('the plan sheets print up to Ghi chú: Kiểm tra, Mã and Loại dòng stay on the screen', () => {
  const noteLetter = String.fromCharCode(65 + P.note);
  for (const name of ['DA2', 'DA4', 'DA7']) expect(sheet(name).print?.area).toMatch(new RegExp(`^A1:${noteLetter}\\d+$`));
  expect(P.check).toBeGreaterThan(P.note);
  expect(sheet('Tổng hợp').print?.area).toBe('A1:K12');
});

test('the two-level header fits "Đầu tư phát triển" and the spanning titles; the numbers row fits its label', () => {
  const da4 = sheet('DA4');
  const need = heightFor(linesFor('Đầu tư phát triển', 12, true, 11), 11);
  expect(linesFor('Đầu tư phát triển', 12, true, 11)).toBe(2);
  expect(heightOf(da4, ROWS.header2)).toBeGreaterThanOrEqual(need);
  const label = [...cellsOf(da4)].find(([r, c]) => r === ROWS.numbers && c === P.total)?.[2].value;
  expect(label).toBe('(5)=(6)+(9)+\n(10)+(11)+(12)');
  expect(heightOf(da4, ROWS.numbers)).toBeGreaterThanOrEqual(heightFor(2, 10));
});

test('a wrapped name gets the height of its lines; a total row is never squashed under its font', () => {
  const da4 = sheet('DA4');
  for (const [r, c, spec] of cellsOf(da4)) {
    if (r < ROWS.firstData || c !== P.content || typeof spec.value !== 'string') continue;
    const lines = linesFor(spec.value, 48, STYLES[spec.style as string]?.font?.bold === true, 12);
    expect({ row: r, height: heightOf(da4, r) }).toEqual({ row: r, height: expect.any(Number) });
    expect(heightOf(da4, r)).toBeGreaterThanOrEqual(heightFor(lines, 12));
  }
  const summary = sheet('Tổng hợp');
  expect(heightOf(summary, ROWS.firstData)).toBeGreaterThanOrEqual(heightFor(1, 12));
  const b01 = sheet('Biểu 01');
  expect(heightOf(b01, 10)).toBeGreaterThanOrEqual(heightFor(1, 12));
});

test('fitRowHeights reads merged widths and wrapping', () => {
  const s: Pick<SheetSpec, 'blocks' | 'merges' | 'columns'> = {
    columns: [{ index: 0, width: 10 }, { index: 1, width: 10 }],
    merges: ['A1:B1'],
    blocks: [{ row: 0, col: 0, cells: [[{ value: 'Phòng Lao động - Thương binh và Xã hội thành phố', style: 'leaf' }, null], [{ value: 'Phòng Lao động - Thương binh và Xã hội thành phố', style: 'leaf' }, { value: 5, style: 'leafAmount' }]] }],
  };
  const [merged, single] = fitRowHeights(s, STYLES, [0, 1]);
  expect(merged.height).toBe(heightFor(linesFor('Phòng Lao động - Thương binh và Xã hội thành phố', 20, false), 12));
  expect(single.height).toBe(heightFor(linesFor('Phòng Lao động - Thương binh và Xã hội thành phố', 10, false), 12));
  expect(single.height).toBeGreaterThan(merged.height);
});

test('column-number labels break after a "+", never inside a number, in lines of about equal length', () => {
  expect(columnNumberLabel('(4)', ['(5)', '(8)', '(9)', '(10)', '(11)'], 13)).toBe('(4)=(5)+(8)+\n(9)+(10)+(11)');
  expect(columnNumberLabel('(5)', ['(6)', '(7)'], 12)).toBe('(5)=(6)+(7)');
  expect(columnNumberLabel('(1)', [], 6)).toBe('(1)');
  for (const width of [6, 9, 13, 20]) {
    const label = columnNumberLabel('(5)', ['(6)', '(9)', '(10)', '(11)', '(12)'], width);
    expect(label.replace(/\n/g, '')).toBe('(5)=(6)+(9)+(10)+(11)+(12)');
    for (const line of label.split('\n')) expect(line).toMatch(/^(\(\d+\)=?)?(\(\d+\)\+?)*$/);
  }
});

test('the print area exceljs writes is absolute ("A$1:M$7" → $A$1:$M$7)', () => {
  expect(exceljsPrintArea('A1:M7')).toBe('A$1:M$7');
  expect(exceljsPrintArea('$A$1:$M$7')).toBe('A$1:M$7');
  expect(exceljsPrintArea('A1:B2&&D1:E2')).toBe('A$1:B$2&&D$1:E$2');
});

test('a refresh that adds rows to a plan sheet grows its print area and gives the new rows their heights', async () => {
  const small = { ...LAI_CHAU_2024, items: LAI_CHAU_2024.items.filter((i) => i.code !== 'DA4.TDA3') };
  const first = planGeneration(small, null);
  if (!first.ok) throw new Error('first');
  const wb = await applyAndReload(new ExcelJS.Workbook(), first.patch);
  const again = planGeneration(LAI_CHAU_2024, snap(wb));
  if (!again.ok) throw new Error('again');
  const da4 = again.patch.sheets.find((s) => s.name === 'DA4') as SheetSpec;
  expect(da4.insertRows).toEqual([{ row: ROWS.firstData + 2, count: 1 }]);
  expect(da4.print?.area).toBe(`A1:M${ROWS.firstData + 3}`);
  expect(da4.rowHeights?.map((h) => h.row)).toEqual([ROWS.firstData + 2]);
  // nothing added: print set-up and heights left as the officer has them
  const unchanged = planGeneration(LAI_CHAU_2024, snap(await applyAndReload(wb, again.patch)));
  expect(unchanged.ok && unchanged.report.unchanged).toBe(true);
});
