/** Regressions found by fuzzing (npm run fuzz), each with the case that found it. */
import ExcelJS from 'exceljs';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { findSheet } from '../../src/core/book/snapshot';
import { goldenSnapshot } from '../golden/golden-workbook';

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

describe('the checks', () => {
  test('a unit in _kh that is no unit, without Thông tin, is the default unit (it was a NaN tolerance and a RangeError)', async () => {
    // fuzz: binh-lu-2025 with _kh!B3 = false and the Thông tin sheet gone
    const snapshot = await goldenSnapshot({ plan: 'binh-lu-2025' });
    const meta = findSheet(snapshot, '_kh');
    const row = meta?.values.findIndex((r) => r[0] === 'unit') ?? -1;
    expect(row).toBeGreaterThanOrEqual(0);
    if (meta) meta.values[row][1] = false;
    snapshot.sheets = snapshot.sheets.filter((s) => s.name !== 'Thông tin');
    const result = runChecks(snapshot);
    expect(result.model.unit).toBe('trieu');
    expect(result.model.tolerance).toBe(1e-6);
  });
});
