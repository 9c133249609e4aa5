/**
 * LibreOffice as the oracle, as a workbook snapshot: recalculates an .xlsx through the harness in
 * libreoffice.ts (fresh profile: always recalculate, whole-cell criteria) and reads the computed
 * workbook back with the same reader KH uses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { recalculate as recalculateFile } from './libreoffice';

export { requireLibreOffice, findSoffice, toPdf, pdfToPngs } from './libreoffice';

export async function recalculate(xlsx: Buffer): Promise<WorkbookSnapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'kh-oracle-'));
  try {
    const out = join(dir, 'computed.xlsx');
    await recalculateFile(new Uint8Array(xlsx), { keepOutputAs: out });
    return await xlsxToSnapshot(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A numeric cell as LibreOffice computed it; a formula whose cached result was 0 reads back empty. */
export function numberAt(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number): number {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const v = s.values[row]?.[col];
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v !== 'number') throw new Error(`${sheet} row ${row + 1} col ${col + 1}: not a number: ${String(v)}`);
  return v;
}
