import { ExcelFake, REQUIREMENTS } from '../../src/testing/excel-fake';

describe('requirement sets', () => {
  test('isSetSupported compares ExcelApi versions numerically', () => {
    const fake = new ExcelFake();
    fake.supportedApi = '1.7';
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(fake.isSetSupported('ExcelApi')).toBe(true);
    fake.supportedApi = '1.10';
    expect(fake.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(fake.isSetSupported('ExcelApiOnline', '1.1')).toBe(false);
  });

  test('APIs above the supported version throw ApiNotFound when called', async () => {
    const fake = new ExcelFake({ supportedApi: '1.7' });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const range = sheet.getRange('A1');
      expect(() => range.dataValidation).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => sheet.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => range.load('dataValidation/rule')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => {
        context.application.calculationMode = 'Manual';
      }).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      // 1.7 and below work
      sheet.freezePanes.freezeRows(1);
      sheet.tabColor = '#FF0000';
      context.application.suspendApiCalculationUntilNextSync(); // ExcelApi 1.6
      sheet.getRangeByIndexes(0, 0, 1, 1).values = [[1]];
    });
    expect(fake.syncLog[0].calculationSuspended).toBe(true);
  });

  test('older hosts: 1.1 lacks getItemOrNullObject, merge, protection', async () => {
    const fake = new ExcelFake({ supportedApi: '1.1' });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.getItemOrNullObject('x')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => sheets.getItem('Sheet1').getRange('A1:B1').merge()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => sheets.getItem('Sheet1').protection).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });

  test('the table of versions matches the requirement sets named in @types/office-js', () => {
    expect(REQUIREMENTS['Range.dataValidation']).toBe('1.8');
    expect(REQUIREMENTS['Worksheet.pageLayout']).toBe('1.9');
    expect(REQUIREMENTS['Application.suspendApiCalculationUntilNextSync']).toBe('1.6');
    expect(REQUIREMENTS['Worksheet.freezePanes']).toBe('1.7');
  });
});
