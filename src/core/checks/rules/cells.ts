/**
 * Pieces the workbook-wide rules share: walking every cell of a snapshot, telling KH's own sheets
 * from the officer's, and reading the references out of a formula.
 */
import { CellValue } from '../../book/model';
import { SheetSnapshot, WorkbookSnapshot, findSheet } from '../../book/snapshot';
import { generatedSheets } from '../../book/generate';
import { SHEET } from '../../book/layout';
import { MARKS_SHEET } from '../marks';
import { columnIndex } from '../../book/address';

/** Calls fn for every cell that holds a value or a formula, row by row. */
export function eachCell(sheet: SheetSnapshot, fn: (row: number, col: number, value: CellValue, formula: string | null) => void): void {
  const rows = Math.max(sheet.values.length, sheet.formulas.length);
  for (let r = 0; r < rows; r++) {
    const v = sheet.values[r] ?? [];
    const f = sheet.formulas[r] ?? [];
    const cols = Math.max(v.length, f.length);
    for (let c = 0; c < cols; c++) {
      const value = v[c] ?? null;
      const formula = f[c] ?? null;
      if ((value === null || value === '') && formula === null) continue;
      fn(r, c, value, formula);
    }
  }
}

/** Lower-cased names of the sheets KH generated (and its _kh sheet). */
export function khSheetNames(snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>([SHEET.meta.toLowerCase(), MARKS_SHEET.toLowerCase()]);
  for (const v of generatedSheets(snapshot).values()) out.add(v.name.toLowerCase());
  return out;
}

/** The formula with its string literals emptied ("DA3.*" → ""), so only code is left. */
export function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

export interface FormulaRef {
  /** The sheet named in the reference; null for the formula's own sheet. */
  sheet: string | null;
  /** 0-based, inclusive; whole columns run to the end of the sheet. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_PART = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u00C0-\uFFFF]+))!`;
const CELL_REF = new RegExp(
  String.raw`(?<![A-Za-z0-9_.\]])(?:${SHEET_PART})?(?:\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3}))(?![A-Za-z0-9_(!])`,
  'g',
);

/** Cell and range references of a formula (not names, not external workbooks). */
export function formulaRefs(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  for (const m of withoutStrings(formula).matchAll(CELL_REF)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
    if (m[3] !== undefined) {
      const c1 = columnIndex(m[3]);
      const r1 = Number(m[4]) - 1;
      const c2 = m[5] !== undefined ? columnIndex(m[5]) : c1;
      const r2 = m[6] !== undefined ? Number(m[6]) - 1 : r1;
      if (c1 < 0 || c2 < 0 || r1 < 0 || r2 < 0) continue;
      out.push({ sheet, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) });
    } else if (m[7] !== undefined && m[8] !== undefined) {
      const c1 = columnIndex(m[7]);
      const c2 = columnIndex(m[8]);
      if (c1 < 0 || c2 < 0) continue;
      out.push({ sheet, top: 0, bottom: Number.MAX_SAFE_INTEGER, left: Math.min(c1, c2), right: Math.max(c1, c2) });
    }
  }
  return out;
}

/** Whether any cell a formula refers to (clipped to the used range) satisfies test. */
export function anyReferenced(snapshot: WorkbookSnapshot, own: SheetSnapshot, formula: string, test: (sheet: SheetSnapshot, row: number, col: number) => boolean): boolean {
  for (const ref of formulaRefs(formula)) {
    const sheet = ref.sheet === null ? own : findSheet(snapshot, ref.sheet);
    if (!sheet) continue;
    const bottom = Math.min(ref.bottom, sheet.values.length - 1);
    for (let r = ref.top; r <= bottom; r++) {
      const line = sheet.values[r];
      if (!line) continue;
      const right = Math.min(ref.right, line.length - 1);
      for (let c = ref.left; c <= right; c++) if (test(sheet, r, c)) return true;
    }
  }
  return false;
}
