import ExcelJS from 'exceljs';
import { buildPlanWorkbook, nativeCheckFormula } from '../../src/core/book/template';
import { sendSafe, usesKhFunction } from '../../src/core/book/sendsafe';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { ROWS, planColumns } from '../../src/core/book/layout';
import { applyAndReload, snap } from './helpers';

const L = planColumns('2021-2025').project.letter;

test('usesKhFunction', () => {
  expect(usesKhFunction('=KH.BANGCHU(E7,"triệu")')).toBe(true);
  expect(usesKhFunction('=IF(kh.check_sources(E7,F7),1,0)')).toBe(true);
  expect(usesKhFunction('=SUM(E7:E9)')).toBe(false);
  expect(usesKhFunction('="KH.BANGCHU là hàm"')).toBe(false);
  expect(usesKhFunction(null)).toBe(false);
});

test('KH-style check cells become native checks; other KH.* cells (and their spills) become values; nothing else changes', async () => {
  const built = buildPlanWorkbook(LAI_CHAU_2024, { formulaStyle: 'kh' });
  if (!built.ok) throw new Error('build');
  let wb = await applyAndReload(new ExcelJS.Workbook(), built.description);
  const notes = wb.addWorksheet('Ghi chép');
  notes.getCell('A1').value = { formula: 'KH.BANGCHU(1728,"triệu")', result: 'Một tỷ bảy trăm hai mươi tám triệu đồng' } as ExcelJS.CellFormulaValue;
  notes.getCell('C1').value = { formula: 'KH.DOIDONVI(E1:E2,"triệu","tỷ")', result: 1.728 } as ExcelJS.CellFormulaValue;
  notes.getCell('C2').value = 0.53; // the spilled second value: no formula of its own
  notes.getCell('D1').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
  const bytes = await wb.xlsx.writeBuffer();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);

  const before = snap(wb);
  const khCells = before.sheets.flatMap((s) => s.formulas.flat().filter(usesKhFunction));
  expect(khCells.length).toBeGreaterThan(10);

  const { patch, changes } = sendSafe(before);
  const checkRow = ROWS.firstData + 2;
  expect(changes).toContainEqual({ sheet: 'DA4', cell: `${L.check}${checkRow}`, before: expect.stringMatching(/KH\.CHECK_SOURCES/), action: 'native', after: nativeCheckFormula(L, checkRow) });
  expect(changes).toContainEqual({ sheet: 'Ghi chép', cell: 'A1', before: '=KH.BANGCHU(1728,"triệu")', action: 'value', after: 'Một tỷ bảy trăm hai mươi tám triệu đồng' });

  const after = snap(await applyAndReload(wb, patch));
  expect(after.sheets.flatMap((s) => s.formulas.flat().filter(usesKhFunction))).toEqual([]);
  const n = after.sheets.find((s) => s.name === 'Ghi chép');
  expect(n?.values[0][0]).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
  expect([n?.values[0][2], n?.values[1][2]]).toEqual([1.728, 0.53]);
  expect(n?.formulas[0][3]).toBe('=SUM(1,2)');
  expect(after.sheets.find((s) => s.name === '_kh')?.visibility).toBe('veryHidden');
  expect(changes.length).toBe(khCells.length);
});
