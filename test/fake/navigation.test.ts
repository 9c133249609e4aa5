import { ExcelFake } from '../../src/testing/excel-fake';

describe('range navigation', () => {
  test('getCell, getOffsetRange, getResizedRange, getRow, getColumn, entire rows and columns', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const base = sheet.getRange('B2:D5');
      const got = [
        base.getCell(1, 2),
        base.getOffsetRange(1, -1),
        base.getResizedRange(2, -1),
        base.getRow(3),
        base.getColumn(0),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getLastRow(),
        base.getIntersection('C1:C3'),
        base.getBoundingRect('F9'),
        sheet.getRangeByIndexes(2, 1, 3, 2),
        sheet.getCell(0, 16383),
        sheet.getRange(),
      ].map((r) => r.load('address'));
      const dims = base.load('rowIndex, columnIndex, rowCount, columnCount, cellCount, isEntireRow');
      await context.sync();
      expect(got.map((r) => r.address)).toEqual([
        'Sheet1!D3',
        'Sheet1!A3:C6',
        'Sheet1!B2:C7',
        'Sheet1!B5:D5',
        'Sheet1!B2:B5',
        'Sheet1!2:5',
        'Sheet1!B:D',
        'Sheet1!B5:D5',
        'Sheet1!C2:C3',
        'Sheet1!B2:F9',
        'Sheet1!B3:C5',
        'Sheet1!XFD1',
        'Sheet1!1:1048576',
      ]);
      expect([dims.rowIndex, dims.columnIndex, dims.rowCount, dims.columnCount, dims.cellCount, dims.isEntireRow]).toEqual([1, 1, 4, 3, 12, false]);
    });
  });

  test('addresses outside the sheet fail at sync with InvalidArgument', async () => {
    const fake = new ExcelFake();
    for (const make of [
      (s: ReturnType<typeof sheetOf>) => s.getRange('XFE1'),
      (s: ReturnType<typeof sheetOf>) => s.getRange('A1048577'),
      (s: ReturnType<typeof sheetOf>) => s.getRange('A1').getOffsetRange(-1, 0),
      (s: ReturnType<typeof sheetOf>) => s.getRange('A1').getResizedRange(0, -1),
      (s: ReturnType<typeof sheetOf>) => s.getRangeByIndexes(1048576, 0, 1, 1),
      (s: ReturnType<typeof sheetOf>) => s.getRange('Other!A1'),
    ]) {
      await expect(
        fake.run(async (context) => {
          make(sheetOf(context)).load('address');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test('a range from a name on another sheet knows its worksheet', async () => {
    const fake = new ExcelFake();
    fake.seed({ A: [[1]], B: [] });
    await fake.run(async (context) => {
      context.workbook.names.add('n', '=A!$A$1');
      const ws = context.workbook.names.getItem('n').getRange().worksheet.load('name');
      await context.sync();
      expect(ws.name).toBe('A');
    });
  });

  test('hostGlobals and excelRun give Office.js-shaped entry points', async () => {
    const fake = new ExcelFake({ supportedApi: '1.8' });
    const { Excel: excel, Office: office } = fake.hostGlobals();
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
    });
    const address = await fake.excelRun(async (context: Excel.RequestContext) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1').load('address');
      await context.sync();
      return r.address;
    });
    expect(address).toBe('Sheet1!A1');
  });
});

function sheetOf(context: Parameters<Parameters<ExcelFake['run']>[0]>[0]) {
  return context.workbook.worksheets.getActiveWorksheet();
}
