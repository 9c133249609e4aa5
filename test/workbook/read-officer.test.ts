/**
 * Reading an officer's table through office.js (strict fake): values, formulas, merged header
 * cells, bold and indents in one sync — the same read the recogniser gets from the .xlsx file.
 */
import { ExcelFake, MERGED_AREAS_LIMIT } from '../../src/testing/excel-fake';
import { readSnapshot } from '../../src/workbook/office';
import { ExcelRun } from '../../src/workbook/operations';
import { recogniseSheet } from '../../src/core/table/recognise';
import { tableRef } from '../../src/core/table/figures';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { officerWorkbookInFake } from '../support/officer-fake';
import { loadCase } from '../corpus/cases';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);
const READ = { fonts: true, emphasis: true, merges: true };

test('Mường Tè Biểu 01: merges, bold and indents in one sync; the recogniser reads the same table as from the file', async () => {
  const bytes = await loadCase('01-huyen-bieu01').build();
  const { fake, script } = await officerWorkbookInFake(bytes);
  const read = await runOn(fake)((context) => readSnapshot(context, ['Biểu 01'], fake, READ));
  expect(read.syncs).toBe(1);
  expect(fake.syncCount).toBe(1);
  expect(read.included).toEqual({ fonts: true, emphasis: true, merges: true });
  const sheet = read.snapshot.sheets[0];
  expect([...(sheet.merges ?? [])].sort()).toEqual([...script.sheets[0].merges].sort());
  expect(sheet.merges).toContain('E8:G8');
  expect(sheet.styles?.some((s) => s.row === 7 && s.col === 1 && s.bold)).toBe(true);

  const fromFile = recogniseSheet((await xlsxToSnapshot(bytes)).sheets.find((s) => s.name === 'Biểu 01') as never);
  const fromExcel = recogniseSheet(sheet);
  expect(fromExcel.tables.map(tableRef)).toEqual(fromFile.tables.map(tableRef));
  expect(fromExcel.tables[0].unit).toBe('trieu');
  expect(fromExcel.tables[0].columns.filter((c) => c.role === 'amount').map((c) => c.source)).toEqual(fromFile.tables[0].columns.filter((c) => c.role === 'amount').map((c) => c.source));
  expect(fromExcel.tables[0].rows.map((r) => r.code)).toEqual(fromFile.tables[0].rows.map((r) => r.code));
});

test('an Excel before 1.13 reads without merges, one before 1.9 without bold and indents — no failure', async () => {
  const bytes = await loadCase('01-huyen-bieu01').build();
  const { fake } = await officerWorkbookInFake(bytes, { api: '1.12' });
  const read = await runOn(fake)((context) => readSnapshot(context, ['Biểu 01'], fake, READ));
  expect(read.included).toEqual({ fonts: true, emphasis: true, merges: false });
  expect(read.snapshot.sheets[0].merges).toBeUndefined();
  expect(read.syncs).toBe(1);
  fake.supportedApi = '1.8';
  const old = await runOn(fake)((context) => readSnapshot(context, ['Biểu 01'], fake, READ));
  expect(old.included).toEqual({ fonts: false, emphasis: false, merges: false });
  expect(old.snapshot.sheets[0].styles).toBeUndefined();
});

test(`more than ${MERGED_AREAS_LIMIT} merged areas: the read is made again without them (two syncs, not one per area)`, async () => {
  const rows = Array.from({ length: MERGED_AREAS_LIMIT + 1 }, (_, i) => [`Dòng ${i + 1}`, null, i]);
  const fake = new ExcelFake().seed({ S: rows });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    for (let i = 0; i <= MERGED_AREAS_LIMIT; i++) ws.getRangeByIndexes(i, 0, 1, 2).merge(false);
    await context.sync();
  });
  fake.resetCounters();
  const read = await runOn(fake)((context) => readSnapshot(context, ['S'], fake, READ));
  expect(read.included.merges).toBe(false);
  expect(read.snapshot.sheets[0].merges).toBeUndefined();
  expect(read.snapshot.sheets[0].values[MERGED_AREAS_LIMIT][2]).toBe(MERGED_AREAS_LIMIT);
  expect(read.syncs).toBe(2);
  expect(fake.syncCount).toBe(2);
});

test('Excel in cell-edit mode is not mistaken for too many merged areas', async () => {
  const bytes = await loadCase('01-huyen-bieu01').build();
  const { fake } = await officerWorkbookInFake(bytes);
  fake.failNextSync({ code: 'InvalidOperationInCellEditMode' });
  await expect(runOn(fake)((context) => readSnapshot(context, ['Biểu 01'], fake, READ))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  expect(fake.syncCount).toBe(1);
});
