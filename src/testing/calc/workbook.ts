/**
 * The calculator's input and output: a CalcWorkbook is any workbook as a list of sheets with
 * their non-empty cells and the defined names; `calculate` computes every formula cell.
 */
import { Engine } from './engine';
import { FUNCTIONS } from './functions';
import { cellAddress, parseCellAddress, quoteSheetName } from './parser';
import { CalcError, Scalar, errorFromText, isError } from './values';

export interface CalcCell {
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
  /** The constant (ignored when the cell holds a formula); CalcError for an error value. */
  value: Scalar;
  /** "=…", or null for a constant. */
  formula: string | null;
}

export interface CalcSheet {
  name: string;
  /** The cells that hold something, in any order. */
  cells(): Iterable<CalcCell>;
}

export interface CalcName {
  name: string;
  /** "='Thông tin'!$B$22", "=0.5" */
  formula: string;
  /** The sheet of a sheet-scoped name; absent for workbook scope. */
  scope?: string;
}

export interface CalcWorkbook {
  sheets: CalcSheet[];
  names: CalcName[];
}

export interface CalcResult {
  sheet: string;
  row: number;
  col: number;
  value: Scalar;
}

export interface Calculation {
  /** Formula cells computed. */
  formulas: number;
  /** Formula cells whose value is an error. */
  errors: number;
  /** Cells on circular references ("'Tổng hợp'!C7"), given 0 as Excel does. */
  circular: string[];
  /** Functions called but not computed here (KH.* need the add-in; others are not implemented): their cells show #NAME?. */
  unsupportedFunctions: string[];
  ms: number;
  /** Every formula cell's value, sheet by sheet in the order the cells came. */
  results: CalcResult[];
  /** A formula cell's computed value or a constant, by sheet name and A1 address. */
  valueAt(sheet: string, address: string): Scalar;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export function calculate(workbook: CalcWorkbook): Calculation {
  const t0 = now();
  const engine = new Engine(FUNCTIONS);
  for (const sheet of workbook.sheets) {
    const model = engine.addSheet(sheet.name);
    for (const cell of sheet.cells()) {
      if (cell.formula === null && cell.value === null) continue;
      model.addCell(cell.row, cell.col, cell.formula === null ? cell.value : null, cell.formula);
    }
    model.finish();
  }
  for (const n of workbook.names) engine.addName(n.name, n.formula, n.scope ?? null);

  const results: CalcResult[] = [];
  let errors = 0;
  for (const sheet of engine.sheets) {
    for (const rec of sheet.formulaCells) {
      const value = engine.demand(rec);
      if (isError(value)) errors++;
      results.push({ sheet: sheet.name, row: rec.row, col: rec.col, value });
    }
  }
  const circular = [...engine.circular].sort((a, b) => engine.sheets.indexOf(a.sheet) - engine.sheets.indexOf(b.sheet) || a.row - b.row || a.col - b.col).map((r) => r.address);
  return {
    formulas: results.length,
    errors,
    circular,
    unsupportedFunctions: [...engine.unsupported].sort(),
    ms: now() - t0,
    results,
    valueAt(sheetName: string, address: string): Scalar {
      const sheet = engine.sheet(sheetName);
      if (!sheet) throw new Error(`calc: no sheet ${sheetName}`);
      const { row, col } = parseCellAddress(address);
      const rec = sheet.get(row, col);
      return rec ? engine.valueOf(rec) : null;
    },
  };
}

/** "'Tổng hợp'!C7" for reports. */
export function qualifiedAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}

/** A typed constant as the input rules would store it: error literals become errors. */
function constantOf(v: unknown): Scalar {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof CalcError) return v;
  return String(v);
}

/**
 * A workbook from rows of cells from A1 (tests, the playground): strings starting with "=" are
 * formulas, CalcError values are errors, '' and null are empty.
 */
export function gridWorkbook(sheets: Record<string, unknown[][]>, names: CalcName[] | Record<string, string> = []): CalcWorkbook {
  return {
    sheets: Object.entries(sheets).map(([name, rows]) => ({
      name,
      *cells(): Iterable<CalcCell> {
        for (let r = 0; r < rows.length; r++) {
          for (let c = 0; c < rows[r].length; c++) {
            const v = rows[r][c];
            if (typeof v === 'string' && v.startsWith('=') && v.length > 1) yield { row: r, col: c, value: null, formula: v };
            else {
              const value = constantOf(v);
              if (value !== null) yield { row: r, col: c, value, formula: null };
            }
          }
        }
      },
    })),
    names: Array.isArray(names) ? names : Object.entries(names).map(([name, formula]) => ({ name, formula })),
  };
}

/** The shape of a workbook snapshot (src/core/book/snapshot.ts), structurally. */
export interface SnapshotLike {
  sheets: Array<{ name: string; values: unknown[][]; formulas: (string | null)[][] }>;
  names: Array<{ name: string; ref: string }>;
}

/**
 * A workbook from a snapshot (an .xlsx read with exceljs, or an office.js read): cached values of
 * formula cells are ignored, text that reads as an error literal in a constant cell is the error
 * (snapshots keep errors as their text).
 */
export function snapshotWorkbook(snapshot: SnapshotLike): CalcWorkbook {
  return {
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      *cells(): Iterable<CalcCell> {
        const rows = Math.max(s.values.length, s.formulas.length);
        for (let r = 0; r < rows; r++) {
          const vLine = s.values[r] ?? [];
          const fLine = s.formulas[r] ?? [];
          const width = Math.max(vLine.length, fLine.length);
          for (let c = 0; c < width; c++) {
            const f = fLine[c];
            if (typeof f === 'string' && f.length > 1) {
              yield { row: r, col: c, value: null, formula: f.startsWith('=') ? f : `=${f}` };
              continue;
            }
            const v = vLine[c];
            const value = typeof v === 'string' ? (errorFromText(v) ?? constantOf(v)) : constantOf(v);
            if (value !== null) yield { row: r, col: c, value, formula: null };
          }
        }
      },
    })),
    names: snapshot.names.map((n) => ({ name: n.name, formula: n.ref.startsWith('=') ? n.ref : `=${n.ref}` })),
  };
}

/**
 * Evaluates one formula against a workbook (default: an empty one), as if typed into `at`
 * (default: the last cell of the first sheet, out of the way of the cells it reads).
 */
export function evaluateFormula(formula: string, workbook: CalcWorkbook = { sheets: [], names: [] }, at: { sheet?: string; address?: string } = {}): Scalar {
  const address = at.address ?? 'XFD1048576';
  const { row, col } = parseCellAddress(address);
  const host = at.sheet ?? workbook.sheets[0]?.name ?? 'Sheet1';
  const sheets = workbook.sheets.some((s) => s.name === host) ? workbook.sheets : [...workbook.sheets, { name: host, cells: () => [] }];
  const wrapped: CalcWorkbook = {
    names: workbook.names,
    sheets: sheets.map((s) =>
      s.name !== host
        ? s
        : {
            name: s.name,
            *cells(): Iterable<CalcCell> {
              for (const c of s.cells()) if (c.row !== row || c.col !== col) yield c;
              yield { row, col, value: null, formula: formula.startsWith('=') ? formula : `=${formula}` };
            },
          },
    ),
  };
  return calculate(wrapped).valueAt(host, address);
}
