/**
 * Writing the fingerprint of a plan KH makes onto its Thông tin, so it travels with the file. The
 * workbook is read back as any reader would read it (a snapshot of the description: typed values,
 * formulas not yet calculated — KH's reader computes its own), and the fingerprint of what it
 * reads goes in Thông tin!B2 beside its label, named KH_VanTay.
 */
import { CellValue, SheetSpec, WorkbookDescription, cellsOf, sheetExtent } from '../book/model';
import { SheetSnapshot, WorkbookSnapshot } from '../book/snapshot';
import { readPlanModel } from '../checks/model';
import { quoteSheet } from '../book/address';
import { FINGERPRINT_CELL, FINGERPRINT_LABEL, FINGERPRINT_NAME, Fingerprint, fingerprintOf } from './fingerprint';

function sheetSnapshot(sheet: SheetSpec): SheetSnapshot {
  const { rows, cols } = sheetExtent(sheet);
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const [r, c, spec] of cellsOf(sheet)) {
    if (spec.formula) formulas[r][c] = spec.formula;
    else values[r][c] = spec.value ?? null;
  }
  return { name: sheet.name, visibility: sheet.visibility ?? 'visible', values, formulas };
}

/** What a reader would see in a workbook written from this description, before any calculation. */
export function descriptionSnapshot(description: WorkbookDescription): WorkbookSnapshot {
  return { sheets: description.sheets.map(sheetSnapshot), names: description.names };
}

/** The description with its fingerprint on Thông tin (the sheet of role "info"); unchanged when it has none. */
export function stampFingerprint(description: WorkbookDescription): { description: WorkbookDescription; fingerprint: Fingerprint } {
  const fingerprint = fingerprintOf(readPlanModel(descriptionSnapshot(description)).tables);
  const info = description.sheets.find((s) => s.role === 'info');
  if (!info) return { description, fingerprint };
  const { row, labelCol, valueCol } = FINGERPRINT_CELL;
  const cells = [
    { value: FINGERPRINT_LABEL, style: 'label', locked: true },
    { value: fingerprint.value, style: 'label', locked: true },
  ];
  const stamped: SheetSpec = { ...info, blocks: [...info.blocks, { row, col: labelCol, cells: [cells.slice(0, valueCol - labelCol + 1)] }] };
  const names = [...description.names.filter((n) => n.name !== FINGERPRINT_NAME), { name: FINGERPRINT_NAME, ref: `=${quoteSheet(info.name)}!$B$${row + 1}` }];
  return { description: { ...description, sheets: description.sheets.map((s) => (s === info ? stamped : s)), names }, fingerprint };
}
