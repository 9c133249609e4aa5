/** Node-side helpers for workbook tests: apply descriptions to exceljs workbooks and snapshot them. */
import ExcelJS from 'exceljs';
import { WorkbookDescription } from '../../src/core/book/model';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { applyToWorkbook, workbookSnapshot } from '../../src/workbook/exceljs';

/** Applies a description to a workbook and reloads it from bytes, as a file would be. */
export async function applyAndReload(workbook: ExcelJS.Workbook, description: WorkbookDescription): Promise<ExcelJS.Workbook> {
  await applyToWorkbook(workbook, description);
  const bytes = await workbook.xlsx.writeBuffer();
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(bytes as ArrayBuffer);
  return reloaded;
}

export function snap(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return workbookSnapshot(workbook);
}

/** A workbook full of an officer's own data: another sheet, and a "Tổng hợp" with typed numbers. */
export function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Ghi chép');
  notes.addRow(['Việc cần làm', 'Hạn']);
  notes.addRow(['Gửi kế hoạch lên Sở LĐ-TB&XH', '15/01/2024']);
  notes.addRow(['=1+1 không phải công thức', 42]);
  const summary = wb.addWorksheet('Tổng hợp');
  summary.addRow(['Dự án', 'Kinh phí']);
  summary.addRow(['Dự án 2', 530]);
  summary.addRow(['Dự án 3', 342]);
  summary.getCell('B4').value = { formula: 'SUM(B2:B3)' } as ExcelJS.CellFormulaValue;
  return wb;
}
