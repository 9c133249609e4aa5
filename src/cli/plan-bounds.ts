/**
 * `kh new` never writes what Excel or `kh check` would refuse: before the workbook is written, its
 * description is measured (stored cells and rows against the read limits, text up to Excel's
 * 32,767 characters a cell, formulas up to 8,192, no "Bằng chữ:" without words), and the bytes
 * about to be written go through the very pre-flight `kh check` runs.
 */
import type { Message } from '../core/i18n';
import { WorkbookDescription } from '../core/book/model';
import { cellAddress } from '../core/book/address';
import { WORDS_PREFIX } from '../core/book/annex/words';
import { inspectWorkbook, READ_LIMITS, ReadLimits, WorkbookReadError } from '../workbook/preflight';

/** Excel's limits on what one cell holds. */
export const EXCEL_CELL = { text: 32_767, formula: 8_192 } as const;

/** The first reason the description would make a file Excel or `kh check` refuses; null when none. */
export function descriptionProblem(description: WorkbookDescription, limits: ReadLimits = READ_LIMITS): Message | null {
  let cells = 0;
  for (const sheet of description.sheets) {
    let rows = 0;
    for (const block of sheet.blocks) {
      rows = Math.max(rows, block.row + block.cells.length);
      for (let r = 0; r < block.cells.length; r++) {
        const line = block.cells[r];
        for (let c = 0; c < line.length; c++) {
          const spec = line[c];
          if (!spec) continue;
          cells++;
          const at = (): string => cellAddress(block.row + r, block.col + c);
          if (typeof spec.value === 'string' && spec.value.length > EXCEL_CELL.text) return { key: 'plan.textTooLong', params: { sheet: sheet.name, cell: at(), length: spec.value.length, limit: EXCEL_CELL.text } };
          if (spec.value === WORDS_PREFIX) return { key: 'plan.noWords', params: { sheet: sheet.name, cell: at() } };
          if (spec.formula !== undefined && spec.formula.length > EXCEL_CELL.formula) return { key: 'plan.formulaTooLong', params: { sheet: sheet.name, cell: at(), length: spec.formula.length, limit: EXCEL_CELL.formula } };
        }
      }
    }
    if (rows > limits.maxRowsPerSheet) return { key: 'plan.tooManyRows', params: { sheet: sheet.name, rows, limit: limits.maxRowsPerSheet } };
  }
  if (cells > limits.maxCells) return { key: 'plan.tooManyCells', params: { cells, limit: limits.maxCells } };
  return null;
}

/** The pre-flight of `kh check` on the bytes `kh new` is about to write; the refusal, or null. */
export async function writtenProblem(bytes: Buffer, limits: ReadLimits = READ_LIMITS): Promise<Message | null> {
  try {
    await inspectWorkbook(bytes, limits);
    return null;
  } catch (error) {
    if (error instanceof WorkbookReadError) return error.problem;
    throw error;
  }
}
