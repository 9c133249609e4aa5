/**
 * A snapshot of a workbook as read in one go (one sync in Excel, one file read in Node): per sheet
 * the used range from A1 — values, formulas, number formats, font names. Rules and refreshes
 * compute on this; nothing reads cell by cell.
 */
import { CellValue, NameSpec } from './model';

export interface SheetSnapshot {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Computed (cached) values, rows × columns from A1; errors as their text ("#REF!"). */
  values: CellValue[][];
  /** Formula text with its "=", or null for constants. */
  formulas: (string | null)[][];
  numberFormats?: (string | null)[][];
  fonts?: (string | null)[][];
  protected?: boolean;
  /** Hidden rows, 0-based (absent when the reader does not know). */
  hiddenRows?: number[];
  /** Hyperlinks on cells ("B7" → target), absent when the reader does not read them (office.js). */
  hyperlinks?: Array<{ cell: string; target: string }>;
  /** Merged areas ("A5:A6"), when the reader knows them: officers' headers span columns and rows. */
  merges?: string[];
  /** Cells that are bold or indented (sparse), when the reader knows: an officer's outline without STT. */
  styles?: CellEmphasis[];
}

export interface CellEmphasis {
  /** 0-based. */
  row: number;
  col: number;
  bold?: boolean;
  /** Excel's indent level (0 when absent). */
  indent?: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: NameSpec[];
  /** Targets of the workbook's external-link parts (the files `[1]Sheet!A1` points to), when read. */
  externalLinks?: string[];
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const lower = name.toLowerCase();
  // Excel sheet names are case-insensitive
  return snapshot.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function cellValue(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row]?.[col] ?? null;
}

export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formulas[row]?.[col] ?? null;
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === '';
}
