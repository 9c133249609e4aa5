/**
 * kh consolidate on 30 generated commune plans: the province's workbook, recalculated by
 * LibreOffice, adds up to exactly the sum of the communes' files; each commune row names its file
 * and the file's fingerprint.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { ROWS, SHEET, planColumns } from '../../src/core/book/layout';
import { sumExact } from '../../src/core/money';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { fileFigures } from '../../src/core/table/figures';
import { fingerprintOf } from '../../src/core/province/fingerprint';
import { numberAt, recalculate, requireLibreOffice } from '../support/calc-oracle';
import { communeFile, communeName, communePlan, writeCommune } from './communes';
import { kh } from './kh';

const root = mkdtempSync(join(tmpdir(), 'kh-consolidate-'));
const folder = join(root, 'xa');
const N = 30;
const target = join(root, 'tinh.xlsx');

beforeAll(async () => {
  mkdirSync(folder);
  // commune 5 also plans Dự án 6 (its communication work): a project only one commune has
  for (let i = 1; i <= N; i++) await writeCommune(folder, i, i === 5 ? communePlan(i, [{ code: 'DA6.TDA2', unitName: 'UBND xã', amounts: { centralRecurrent: 12.25 } }]) : communePlan(i));
  // a file that is not a plan at all: said, left out, never guessed
  writeFileSync(join(folder, 'ghi-chu.xlsx'), await (async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Danh sách cán bộ phụ trách']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  })());
  const r = await kh(['consolidate', folder, '-o', target, '--province', 'Lai Châu', '--year', '2025']);
  expect(r.stdout).toContain('ghi-chu.xlsx: không tìm thấy bảng kế hoạch');
  expect(r.stdout).toContain(`Đã tổng hợp ${N} tệp xã`);
  expect(r.code).toBe(1);
}, 240_000);

/** What the communes' files say, each read on its own (the province's check on the consolidation). */
async function sumOfFiles(): Promise<{ centralRecurrent: number; local: number; total: number }> {
  const totals = { centralRecurrent: [] as number[], local: [] as number[], total: [] as number[] };
  for (let i = 1; i <= N; i++) {
    const figures = fileFigures(runChecks(await xlsxToSnapshot(readFileSync(join(folder, communeFile(i))))).model.tables);
    for (const k of ['centralRecurrent', 'local', 'total'] as const) totals[k].push(figures.total?.[k] ?? 0);
  }
  return { centralRecurrent: sumExact(totals.centralRecurrent), local: sumExact(totals.local), total: sumExact(totals.total) };
}

test('one row per commune under each item, naming its file and fingerprint; KH reads the province plan back clean', async () => {
  const snapshot = await xlsxToSnapshot(readFileSync(target));
  const da4 = snapshot.sheets.find((s) => s.name === 'DA4');
  if (!da4) throw new Error('no DA4 sheet');
  const I = planColumns('2021-2025').project.index;
  const rows = da4.values.filter((v) => typeof v[I.content] === 'string' && /^Xã Bản \d\d$/.test(v[I.content] as string));
  expect(rows).toHaveLength(N);
  const bytes = readFileSync(join(folder, communeFile(7)));
  const fp = fingerprintOf(runChecks(await xlsxToSnapshot(bytes)).model.tables).value;
  const seven = rows.find((v) => v[I.content] === communeName(7));
  expect(String(seven?.[I.note])).toBe(`${communeFile(7)} · ${fp}`);
  expect(snapshot.sheets.find((s) => s.name === 'DA6')?.values.filter((v) => v[I.content] === communeName(5))).toHaveLength(1);
  for (const annex of ['Biểu 01', 'Biểu 02', 'Biểu 03']) expect(snapshot.sheets.map((s) => s.name)).toContain(annex);

  const result = runChecks(snapshot);
  expect(result.counts.error).toBe(0);
  // KH's own reading of the province plan (formulas computed by KH) agrees with the files
  const expected = await sumOfFiles();
  expect(fileFigures(result.model.tables).total).toMatchObject(expected);
}, 120_000);

(requireLibreOffice() ? test : test.skip)(
  'LibreOffice recalculates Tổng hợp and Biểu 01 to the sum of the 30 files, source by source',
  async () => {
    const computed = await recalculate(readFileSync(target));
    const expected = await sumOfFiles();
    expect(expected.total).toBe(sumExact([...Array.from({ length: N }, (_, k) => 500 + 10 * (k + 1) + 300 + (k + 1) + 15 + 20 + ((k + 1) % 5) + 0.5), 12.25]));
    const S = planColumns('2021-2025').summary.index;
    expect(numberAt(computed, SHEET.summary, ROWS.firstData, S.total)).toBeCloseTo(expected.total, 6);
    expect(numberAt(computed, SHEET.summary, ROWS.firstData, S.centralRecurrent)).toBeCloseTo(expected.centralRecurrent, 6);
    expect(numberAt(computed, SHEET.summary, ROWS.firstData, S.local)).toBeCloseTo(expected.local, 6);
    // the totals are formulas, not typed numbers
    const raw = await xlsxToSnapshot(readFileSync(target));
    expect(raw.sheets.find((s) => s.name === SHEET.summary)?.formulas[ROWS.firstData][S.total]).toMatch(/^=/);
    expect(numberAt(computed, 'Biểu 01', 10, 3)).toBeCloseTo(expected.total, 6);
  },
  300_000,
);
