/**
 * Before KH writes an officer's workbook back (annex, convert, in place or not), what acts instead
 * of computing — DDE, WEBSERVICE / CALL / REGISTER…, links to other workbooks, hyperlinks to
 * `javascript:`, `file:`, `\\host\share` — is frozen: a formula to the value Excel last computed,
 * a hyperlink to its text. KH never writes such content live. Works on the stored cells (no
 * dense grid), so a sheet reaching XFD1048576 costs nothing here.
 */
import ExcelJS from 'exceljs';
import { formulaDanger, linkDanger } from '../core/book/danger';

export interface Neutralised {
  sheet: string;
  cell: string;
  /** The formula or the link target taken off. */
  before: string;
}

type Change = { cell: ExcelJS.Cell; value: ExcelJS.CellValue; report: Neutralised };

export function neutraliseWorkbook(workbook: ExcelJS.Workbook): Neutralised[] {
  const changes: Change[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const formula = `=${cell.formula ?? ''}`;
          if (!formulaDanger(formula)) return;
          const result = (v as ExcelJS.CellFormulaValue).result;
          const value: ExcelJS.CellValue = result === undefined || (typeof result === 'object' && result !== null && !('error' in result)) ? null : (result as ExcelJS.CellValue);
          changes.push({ cell, value, report: { sheet: ws.name, cell: cell.address, before: formula } });
          return;
        }
        if (v !== null && typeof v === 'object' && 'hyperlink' in v) {
          const link = v as ExcelJS.CellHyperlinkValue;
          if (!linkDanger(link.hyperlink)) return;
          const text = typeof link.text === 'string' ? link.text : String(link.text ?? '');
          changes.push({ cell, value: text, report: { sheet: ws.name, cell: cell.address, before: link.hyperlink } });
        }
      }),
    );
  });
  // every formula read before any is changed: a shared formula's cells read their master's text
  for (const c of changes) c.cell.value = c.value;
  return changes.map((c) => c.report);
}
