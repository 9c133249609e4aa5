/**
 * The repo's calculator (src/testing/calc) on a corpus workbook. It does not compute SUBTOTAL, which
 * officers use for group totals, so SUBTOTAL(9, …) and SUBTOTAL(109, …) are first rewritten to the
 * SUM of the cells they count: Excel leaves out cells that are themselves SUBTOTALs (nested
 * subtotals) and, for 109, hidden rows. LibreOffice checks the result (libreoffice.test.ts).
 */
import { CalcCell, Calculation, Scalar, calculate } from '../../src/testing/calc';

export interface GridCell {
  /** 0-based */
  row: number;
  /** 0-based */
  col: number;
  value: Scalar;
  /** "=…" or null */
  formula: string | null;
}

export interface GridSheet {
  name: string;
  cells: GridCell[];
  /** 0-based */
  hiddenRows: ReadonlySet<number>;
}

const SUBTOTAL = /SUBTOTAL\(\s*(\d+)\s*,([^()]*)\)/gi;
const REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col1: number): string {
  let s = '';
  for (let n = col1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** SUBTOTAL(9|109, refs) → SUM(the cells it counts); other function numbers are not used by the corpus. */
export function rewriteSubtotals(formula: string, isSubtotal: (row: number, col: number) => boolean, hiddenRows: ReadonlySet<number>): string {
  return formula.replace(SUBTOTAL, (_, fn: string, args: string) => {
    if (fn !== '9' && fn !== '109') throw new Error(`SUBTOTAL(${fn}, …) is not used by the corpus: ${formula}`);
    const cells: string[] = [];
    for (const arg of args.split(',')) {
      const m = REF.exec(arg.trim());
      if (!m) throw new Error(`SUBTOTAL over "${arg}" (only A1 references on the same sheet): ${formula}`);
      const c1 = columnNumber(m[1]);
      const r1 = Number(m[2]);
      const c2 = m[3] ? columnNumber(m[3]) : c1;
      const r2 = m[4] ? Number(m[4]) : r1;
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
          if (isSubtotal(r - 1, c - 1)) continue;
          if (fn === '109' && hiddenRows.has(r - 1)) continue;
          cells.push(`${columnLetters(c)}${r}`);
        }
      }
    }
    return cells.length === 0 ? '0' : `SUM(${cells.join(',')})`;
  });
}

/** Every formula cell's value, SUBTOTAL included. */
export function calculateGrid(sheets: GridSheet[]): Calculation {
  const workbook = {
    names: [],
    sheets: sheets.map((sheet) => {
      const subtotals = new Set(sheet.cells.filter((c) => c.formula !== null && /SUBTOTAL\(/i.test(c.formula)).map((c) => `${c.row},${c.col}`));
      const isSubtotal = (row: number, col: number) => subtotals.has(`${row},${col}`);
      return {
        name: sheet.name,
        *cells(): Iterable<CalcCell> {
          for (const c of sheet.cells) {
            yield c.formula === null ? c : { ...c, value: null, formula: rewriteSubtotals(c.formula, isSubtotal, sheet.hiddenRows) };
          }
        },
      };
    }),
  };
  return calculate(workbook);
}
