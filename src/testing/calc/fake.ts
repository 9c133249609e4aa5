/**
 * The strict Excel fake as a CalcWorkbook, and `recalculate`: compute every formula cell and store
 * its value with `fake.setComputedValue`, so `values`, `text` and `valueTypes` read what Excel
 * would show. Only the fake's public test API is used (sheetNames, names, sheet(name).formulas /
 * values / cell / usedValuesAddress); the fake is imported as a type only.
 */
import type { ExcelFake } from '../excel-fake';
import { cellAddress, columnLetters, parseCellAddress } from './parser';
import { CalcError, Scalar, errorFromText } from './values';
import { CalcCell, CalcResult, CalcWorkbook, calculate } from './workbook';

export interface RecalcReport {
  formulas: number;
  errors: number;
  circular: string[];
  unsupportedFunctions: string[];
  /** Reading the fake, calculating and writing the values back. */
  ms: number;
}

/** Rows read per formulas()/values() call: the views build dense grids, so a sparse sheet is read in slices. */
const BLOCK_ROWS = 4096;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

type FakeSheetView = ReturnType<ExcelFake['sheet']>;

function* sheetCells(view: FakeSheetView): Iterable<CalcCell> {
  const used = view.usedValuesAddress;
  if (!used) return;
  const [from, to] = used.split(':');
  const tl = parseCellAddress(from);
  const br = to ? parseCellAddress(to) : tl;
  for (let top = tl.row; top <= br.row; top += BLOCK_ROWS) {
    const bottom = Math.min(br.row, top + BLOCK_ROWS - 1);
    const block = `${cellAddress(top, tl.col)}:${cellAddress(bottom, br.col)}`;
    const formulas = view.formulas(block);
    const values = view.values(block);
    for (let r = 0; r < formulas.length; r++) {
      for (let c = 0; c < formulas[r].length; c++) {
        const f = formulas[r][c];
        if (f === '') continue;
        const row = top + r;
        const col = tl.col + c;
        const v = values[r][c];
        // formulas() shows a quote-prefixed "'=abc" as "=abc" too; only a formula cell's value differs from its text
        if (typeof f === 'string' && f.length > 1 && f.startsWith('=') && (v !== f || view.cell(cellAddress(row, col)).formula !== null)) {
          yield { row, col, value: null, formula: f };
          continue;
        }
        let value: Scalar = v === '' ? null : v;
        if (typeof v === 'string') {
          const err = errorFromText(v);
          if (err && v === err.code && view.cell(cellAddress(row, col)).type === 'Error') value = err;
        }
        yield { row, col, value, formula: null };
      }
    }
  }
}

/** The fake's workbook as the calculator reads it (cells are read when the calculator asks). */
export function fakeWorkbook(fake: ExcelFake): CalcWorkbook {
  return {
    sheets: fake.sheetNames().map((name) => ({ name, cells: () => sheetCells(fake.sheet(name)) })),
    names: fake.names().map((n) => ({ name: n.name, formula: n.formula, scope: n.scope === 'Workbook' ? undefined : n.scope })),
  };
}

function cellInput(v: Scalar): string | number | boolean {
  if (v instanceof CalcError) return v.code;
  if (v === null) return 0;
  return v;
}

/** Writes results back, one setComputedValue per run of formula cells down a column. */
function writeBack(fake: ExcelFake, results: CalcResult[]): void {
  const bySheet = new Map<string, CalcResult[]>();
  for (const r of results) {
    const list = bySheet.get(r.sheet);
    if (list) list.push(r);
    else bySheet.set(r.sheet, [r]);
  }
  for (const [sheet, list] of bySheet) {
    list.sort((a, b) => a.col - b.col || a.row - b.row);
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      while (j < list.length && list[j].col === list[i].col && list[j].row === list[j - 1].row + 1) j++;
      const letters = columnLetters(list[i].col);
      if (j === i + 1) fake.setComputedValue(sheet, `${letters}${list[i].row + 1}`, cellInput(list[i].value));
      else {
        const block = list.slice(i, j).map((r) => [cellInput(r.value)]);
        fake.setComputedValue(sheet, `${letters}${list[i].row + 1}:${letters}${list[j - 1].row + 1}`, block);
      }
      i = j;
    }
  }
}

/** Computes every formula cell of the fake and stores the values as Excel would show them. */
export function recalculate(fake: ExcelFake): RecalcReport {
  const t0 = now();
  const calc = calculate(fakeWorkbook(fake));
  writeBack(fake, calc.results);
  return {
    formulas: calc.formulas,
    errors: calc.errors,
    circular: calc.circular,
    unsupportedFunctions: calc.unsupportedFunctions,
    ms: now() - t0,
  };
}

