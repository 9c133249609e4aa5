/**
 * The renderer-neutral workbook description. Template and annex builders produce it; the office.js
 * adapter applies it inside Excel, the exceljs adapter writes it to an .xlsx. Formulas use Excel's
 * invariant (en-US) syntax: English function names, comma separators, A1 references.
 */
import { MoneyUnit } from '../units';

export type CellValue = string | number | boolean | null;

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export type HorizontalAlign = 'left' | 'center' | 'right';

export interface StyleSpec {
  font?: FontSpec;
  /** Background colour, "#RRGGBB". */
  fill?: string;
  horizontal?: HorizontalAlign;
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin borders on all four sides. */
  border?: boolean;
}

export interface CellSpec {
  /** A constant. Strings are always written as text, even when they start with "=". */
  value?: CellValue;
  /** A formula, starting with "=". */
  formula?: string;
  numberFormat?: string;
  /** Key into WorkbookDescription.styles. */
  style?: string;
  /** Cells are locked by default (Excel's default); input cells are unlocked. */
  locked?: boolean;
}

/** A rectangle of cells written in one go; null leaves a cell untouched. */
export interface CellBlock {
  row: number;
  col: number;
  cells: (CellSpec | null)[][];
}

export interface ColumnSpec {
  index: number;
  /** Width in characters of the default font (Excel's column width unit). */
  width?: number;
  hidden?: boolean;
}

export interface ValidationSpec {
  /** A1 range on this sheet. */
  range: string;
  /** Allowed values, or a formula source like "=DanhMuc_DonVi". */
  list: string[] | string;
  /** Allow values outside the list (a warning, not a stop): units and names vary. */
  allowOther?: boolean;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  fitToWidth?: boolean;
  /** Margins in millimetres (NĐ 30/2020: top/bottom 20–25, left 30–35, right 15–20). */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Rows repeated on every page, e.g. "4:6". */
  titleRows?: string;
  /** What prints, e.g. "A1:M12" (the check, code and kind columns are for the screen). */
  area?: string;
}

export type SheetRole = 'info' | 'summary' | 'project' | 'catalog' | 'meta' | 'annex' | 'check';

export interface SheetSpec {
  name: string;
  role: SheetRole;
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** Clear the sheet's cells before writing (a report KH rewrites on every run). */
  replace?: boolean;
  /** Whole rows inserted before the blocks are written, in order ("before 0-based row, count"). */
  insertRows?: Array<{ row: number; count: number }>;
  blocks: CellBlock[];
  merges?: string[];
  columns?: ColumnSpec[];
  rowHeights?: Array<{ row: number; height: number }>;
  freeze?: { rows: number; columns: number };
  validations?: ValidationSpec[];
  /** Sheet protection without a password: formula cells locked, input cells open. */
  protect?: boolean;
  /**
   * Cells edited in place (a quick fix, a converted text): their locked state is left as the
   * officer had it, and a protected sheet is protected again as it was.
   */
  keepLocks?: boolean;
  print?: PrintSpec;
  tabColor?: string;
}

export interface NameSpec {
  name: string;
  /** "='Thông tin'!$B$4" */
  ref: string;
}

export interface WorkbookDescription {
  sheets: SheetSpec[];
  names: NameSpec[];
  styles: Record<string, StyleSpec>;
}

/** What a plan workbook is measured in, for formats and words. */
export interface BookUnits {
  unit: MoneyUnit;
}

/** The used size of a sheet's blocks: rows × columns from A1. */
export function sheetExtent(sheet: SheetSpec): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of sheet.blocks) {
    rows = Math.max(rows, b.row + b.cells.length);
    for (const line of b.cells) cols = Math.max(cols, b.col + line.length);
  }
  return { rows, cols };
}

/** Every cell of a sheet as [row, col, spec], blocks in order (later blocks win). */
export function* cellsOf(sheet: SheetSpec): Generator<[number, number, CellSpec]> {
  for (const b of sheet.blocks) {
    for (let r = 0; r < b.cells.length; r++) {
      const line = b.cells[r];
      for (let c = 0; c < line.length; c++) {
        const spec = line[c];
        if (spec) yield [b.row + r, b.col + c, spec];
      }
    }
  }
}
