/**
 * The pane's tools over a block of cells (the selection or a sheet): legacy text to Unicode and
 * amounts from one unit to another. Pure: a grid in, the changes out; the caller previews them and
 * writes them in one go. Formulas are never touched.
 */
import { CellValue } from '../book/model';
import { cellAddress } from '../book/address';
import { LegacyEncoding, convertCellText } from '../text';
import { MoneyUnit } from '../units';
import { convertUnitDecimal } from '../money';
import { decimalFromNumber, toNumber } from '../decimal';

export interface CellGrid {
  sheet: string;
  /** 0-based position of values[0][0] on the sheet. */
  top: number;
  left: number;
  values: CellValue[][];
  formulas: (string | null)[][];
  /** Font names where the host could tell them (ExcelApi 1.9), else absent. */
  fonts?: (string | null)[][];
}

export interface TextChange {
  sheet: string;
  address: string;
  row: number;
  col: number;
  before: string;
  after: string;
  encoding: LegacyEncoding;
}

function* cells(grid: CellGrid): Generator<{ r: number; c: number; value: CellValue; formula: string | null; font: string | null }> {
  for (let r = 0; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    for (let c = 0; c < line.length; c++) yield { r, c, value: line[c] ?? null, formula: grid.formulas[r]?.[c] ?? null, font: grid.fonts?.[r]?.[c] ?? null };
  }
}

/** TCVN3 / VNI cells of the grid and their Unicode text (detected by font, then by characters, unless forced). */
export function legacyTextChanges(grid: CellGrid, forced?: LegacyEncoding): TextChange[] {
  const out: TextChange[] = [];
  for (const cell of cells(grid)) {
    if (typeof cell.value !== 'string' || cell.formula !== null) continue;
    const result = convertCellText({ value: cell.value, font: cell.font }, forced);
    if (!result.changed || (result.encoding !== 'tcvn3' && result.encoding !== 'vni')) continue;
    const row = grid.top + cell.r;
    const col = grid.left + cell.c;
    out.push({ sheet: grid.sheet, address: cellAddress(row, col), row, col, before: cell.value, after: String(result.value), encoding: result.encoding });
  }
  return out;
}

export interface UnitChange {
  sheet: string;
  address: string;
  row: number;
  col: number;
  before: number;
  after: number;
}

export interface UnitConversion {
  changes: UnitChange[];
  /** Formula cells left alone: they follow the numbers they point at. */
  formulas: string[];
}

/** Every typed number of the grid converted exactly (1.728 triệu → 1,728 tỷ); text and formulas left alone. */
export function unitChanges(grid: CellGrid, from: MoneyUnit, to: MoneyUnit): UnitConversion {
  const changes: UnitChange[] = [];
  const formulas: string[] = [];
  for (const cell of cells(grid)) {
    const row = grid.top + cell.r;
    const col = grid.left + cell.c;
    if (cell.formula !== null) {
      formulas.push(cellAddress(row, col));
      continue;
    }
    if (typeof cell.value !== 'number' || !Number.isFinite(cell.value) || from === to) continue;
    const after = toNumber(convertUnitDecimal(decimalFromNumber(cell.value), from, to));
    changes.push({ sheet: grid.sheet, address: cellAddress(row, col), row, col, before: cell.value, after });
  }
  return { changes, formulas };
}
