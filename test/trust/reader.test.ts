/** Regressions found by fuzzing the snapshot reader (npm run fuzz), each with the case that found it. */
import ExcelJS from 'exceljs';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';

describe('the snapshot reader', () => {
  test('a number under a date format beyond what a JavaScript Date holds is unknown, not a damaged file', async () => {
    // fuzz: {"t":"number","v":100025569.00000001,"numFmt":"dd/mm/yyyy"} → the whole file was refused as damaged
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.getCell('A1').value = 100025569.00000001;
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').value = 45292;
    ws.getCell('B1').numFmt = 'dd/mm/yyyy';
    ws.getCell('C1').value = 1728;
    const snapshot = await xlsxToSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(snapshot.sheets[0].values[0]).toEqual([null, '2024-01-01T00:00:00.000Z', 1728]);
  });
});
