/**
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13) and indentLevel through getCellProperties (1.9):
 * what the task pane's recogniser asks of Excel about an officer's table.
 */
import { ExcelFake, MERGED_AREAS_LIMIT } from '../../src/testing/excel-fake';

function header(): ExcelFake {
  return new ExcelFake().seed({ 'Biểu 01': [['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách trung ương', null, null], [null, null, null, 'Tổng số', 'ĐTPT', 'Sự nghiệp']] });
}

test('the merged areas of a used range: each area as a range, the address of all; a null object where none', async () => {
  const fake = header();
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Biểu 01');
    for (const a of ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1']) ws.getRange(a).merge(false);
    await context.sync();
  });
  fake.resetCounters();
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Biểu 01');
    const merged = ws.getUsedRange().getMergedAreasOrNullObject();
    merged.load('address,areaCount');
    merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    const none = ws.getRange('A3:F9').getMergedAreasOrNullObject();
    none.load('areaCount');
    await context.sync();
    expect(merged.isNullObject).toBe(false);
    expect(merged.areaCount).toBe(4);
    expect(merged.address).toBe("'Biểu 01'!A1:A2,'Biểu 01'!B1:B2,'Biểu 01'!C1:C2,'Biểu 01'!D1:F1");
    expect(merged.areas.items.map((r) => [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount])).toEqual([[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 2, 1], [0, 3, 1, 3]]);
    expect(none.isNullObject).toBe(true);
    expect(none.areaCount).toBeUndefined();
  });
  // one round trip for all of it
  expect(fake.syncCount).toBe(1);
});

test('only areas whose top-left cell is in the range, as Excel does', async () => {
  const fake = header();
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('Biểu 01').getRange('D1:F1').merge(false);
    await context.sync();
  });
  await fake.run(async (context) => {
    const merged = context.workbook.worksheets.getItem('Biểu 01').getRange('E1:F2').getMergedAreasOrNullObject();
    merged.load('areaCount');
    await context.sync();
    expect(merged.isNullObject).toBe(true);
  });
});

test('older Excel (ExcelApi 1.12) has no getMergedAreasOrNullObject', async () => {
  const fake = new ExcelFake({ supportedApi: '1.12' }).seed({ S: [[1]] });
  await expect(fake.run(async (context) => {
    context.workbook.worksheets.getItem('S').getRange('A1').getMergedAreasOrNullObject();
    await context.sync();
  })).rejects.toMatchObject({ code: 'ApiNotFound' });
});

test(`more than ${MERGED_AREAS_LIMIT} merged areas fail the whole request`, async () => {
  const rows = Array.from({ length: MERGED_AREAS_LIMIT + 1 }, (_, i) => [`Dòng ${i + 1}`, null]);
  const fake = new ExcelFake().seed({ S: rows });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    for (let i = 0; i <= MERGED_AREAS_LIMIT; i++) ws.getRangeByIndexes(i, 0, 1, 2).merge(false);
    await context.sync();
  });
  await expect(fake.run(async (context) => {
    const used = context.workbook.worksheets.getItem('S').getUsedRange();
    used.load('values');
    used.getMergedAreasOrNullObject().load('areaCount');
    await context.sync();
  })).rejects.toMatchObject({ code: 'GeneralException' });
});

test('getCellProperties gives bold and the indent level of each cell', async () => {
  const fake = new ExcelFake().seed({ S: [['Dự án 3'], ['Hỗ trợ giống'], ['Giống lúa']] });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A2').format.indentLevel = 1;
    ws.getRange('A3').format.indentLevel = 2;
    await context.sync();
  });
  await fake.run(async (context) => {
    const props = context.workbook.worksheets.getItem('S').getRange('A1:A3').getCellProperties({ format: { font: { bold: true }, indentLevel: true } });
    await context.sync();
    expect(props.value.map((r) => [r[0].format.font?.bold, r[0].format.indentLevel])).toEqual([[true, 0], [false, 1], [false, 2]]);
  });
});
