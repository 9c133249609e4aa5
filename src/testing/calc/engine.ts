/**
 * The evaluation engine: cells of every sheet, per-column indexes, on-demand evaluation of formula
 * cells with memoisation, and circular-reference handling.
 *
 * - A formula cell is computed when something needs it (another formula, or the final sweep), once.
 * - A reference into a cell being computed is a circular reference: every cell on that loop gets 0
 *   (what Excel shows after its warning, iteration off) and is reported.
 * - Deep chains (A2=A1+1 … A5000=A4999+1) never overflow the JavaScript stack: past a depth limit
 *   the current attempt is abandoned, the deepest cell is computed first on its own, and the
 *   attempt is retried, so the work stays linear.
 * - Ranges are read through per-column sorted cell lists, so E8:E1048576 costs the cells that
 *   exist, not a million; criteria columns get hash and prefix indexes (built once per
 *   calculation, from constants only: formula cells in a criteria column are evaluated only where
 *   a criteria range covers them, so an index never invents a dependency).
 */
import { IndexKey } from './criteria';
import { Area, Node, FormulaSyntaxError, parseFormula, cellAddress, quoteSheetName } from './parser';
import {
  CalcError, ERR, Scalar, approxAdd, compareScalars, finite, isError, numberFromText, round15, toNumber, toText,
} from './values';

export interface RefValue {
  kind: 'ref';
  sheet: SheetModel;
  area: Area;
}

/** A lazily computed 2-D array (array constants, operators over ranges, CHOOSE({…})). */
export interface ArrayValue {
  kind: 'array';
  rows: number;
  cols: number;
  get(r: number, c: number): Scalar;
}

export type Value = Scalar | RefValue | ArrayValue;

export function isRef(v: Value): v is RefValue {
  return typeof v === 'object' && v !== null && !(v instanceof CalcError) && v.kind === 'ref';
}

export function isArray(v: Value): v is ArrayValue {
  return typeof v === 'object' && v !== null && !(v instanceof CalcError) && v.kind === 'array';
}

export function arrayOfRows(rows: Scalar[][]): ArrayValue {
  return { kind: 'array', rows: rows.length, cols: rows[0]?.length ?? 0, get: (r, c) => rows[r][c] };
}

const NEW = 0;
const ACTIVE = 1;
const DONE = 2;
/** Waiting for a deeper cell to be computed first (see the driver). */
const PENDING = 3;
/** Cells computed inside one another before the driver restarts from the deepest. */
const MAX_DEPTH = 120;

export class CellRec {
  state = NEW;
  value: Scalar = null;
  node: Node | null | undefined;
  constructor(
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly constant: Scalar,
    readonly formula: string | null,
  ) {}

  get address(): string {
    return `${quoteSheetName(this.sheet.name)}!${cellAddress(this.row, this.col)}`;
  }
}

export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cells of one column, by row, with lazily built indexes of its constants. */
export class Column {
  readonly rows: number[] = [];
  readonly recs: CellRec[] = [];
  readonly formulaRows: number[] = [];
  readonly formulaRecs: CellRec[] = [];
  private text?: Map<string, number[]>;
  private numbers?: Map<number, number[]>;
  private sorted?: { keys: string[]; rows: number[] };
  private readonly prefixes = new Map<string, number[]>();
  private readonly bitmaps = new Map<string, Uint8Array>();

  add(rec: CellRec): void {
    this.rows.push(rec.row);
    this.recs.push(rec);
    if (rec.formula !== null) {
      this.formulaRows.push(rec.row);
      this.formulaRecs.push(rec);
    }
  }

  /** Rows (ascending) of constant cells that an index key matches. */
  lookup(key: IndexKey): readonly number[] {
    if (key.kind === 'text') return this.textIndex().get(key.key) ?? [];
    if (key.kind === 'number') return this.numberIndex().get(key.key) ?? [];
    let rows = this.prefixes.get(key.prefix);
    if (!rows) {
      const { keys, rows: at } = this.sortedIndex();
      rows = [];
      for (let i = lowerBound2(keys, key.prefix); i < keys.length && keys[i].startsWith(key.prefix); i++) rows.push(at[i]);
      rows.sort((a, b) => a - b);
      this.prefixes.set(key.prefix, rows);
    }
    return rows;
  }

  /** 1 at each row whose constant an index key matches (membership tests for the second criterion of SUMIFS). */
  members(key: IndexKey): Uint8Array {
    const id = key.kind === 'prefix' ? `p${key.prefix}` : key.kind === 'text' ? `t${key.key}` : `n${key.key}`;
    let bits = this.bitmaps.get(id);
    if (!bits) {
      bits = new Uint8Array((this.rows[this.rows.length - 1] ?? 0) + 1);
      for (const row of this.lookup(key)) bits[row] = 1;
      this.bitmaps.set(id, bits);
    }
    return bits;
  }

  private textIndex(): Map<string, number[]> {
    if (!this.text) {
      this.text = new Map();
      for (const rec of this.recs) {
        if (rec.formula !== null || typeof rec.constant !== 'string') continue;
        const k = rec.constant.toLowerCase();
        const list = this.text.get(k);
        if (list) list.push(rec.row);
        else this.text.set(k, [rec.row]);
      }
    }
    return this.text;
  }

  private numberIndex(): Map<number, number[]> {
    if (!this.numbers) {
      this.numbers = new Map();
      for (const rec of this.recs) {
        if (rec.formula !== null) continue;
        const v = rec.constant;
        const n = typeof v === 'number' ? v : typeof v === 'string' ? numberFromText(v) : undefined;
        if (n === undefined) continue;
        const k = round15(n);
        const list = this.numbers.get(k);
        if (list) list.push(rec.row);
        else this.numbers.set(k, [rec.row]);
      }
    }
    return this.numbers;
  }

  private sortedIndex(): { keys: string[]; rows: number[] } {
    if (!this.sorted) {
      const pairs: Array<[string, number]> = [];
      for (const rec of this.recs) if (rec.formula === null && typeof rec.constant === 'string') pairs.push([rec.constant.toLowerCase(), rec.row]);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
      this.sorted = { keys: pairs.map((p) => p[0]), rows: pairs.map((p) => p[1]) };
    }
    return this.sorted;
  }
}

function lowerBound2(xs: string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SheetModel {
  /** Cells by column, then row: small-integer keys keep Map lookups fast (row × 16384 + col is not a small integer). */
  private readonly byColumn = new Map<number, Map<number, CellRec>>();
  readonly columns = new Map<number, Column>();
  /** Column numbers with cells, ascending. */
  colNums: number[] = [];
  readonly formulaCells: CellRec[] = [];
  constructor(readonly name: string) {}

  get(row: number, col: number): CellRec | undefined {
    return this.byColumn.get(col)?.get(row);
  }

  addCell(row: number, col: number, constant: Scalar, formula: string | null): CellRec {
    const rec = new CellRec(this, row, col, constant, formula);
    let column = this.byColumn.get(col);
    if (!column) {
      column = new Map();
      this.byColumn.set(col, column);
    }
    if (column.has(row)) throw new Error(`calc: ${rec.address} given twice`);
    column.set(row, rec);
    if (formula !== null) this.formulaCells.push(rec);
    return rec;
  }

  /** Builds the column lists once every cell is in. */
  finish(): void {
    this.colNums = [...this.byColumn.keys()].sort((a, b) => a - b);
    for (const col of this.colNums) {
      const column = new Column();
      const recs = [...(this.byColumn.get(col) as Map<number, CellRec>).values()];
      // cells usually come row by row: sort only when they did not
      if (recs.some((r, i) => i > 0 && recs[i - 1].row > r.row)) recs.sort((a, b) => a.row - b.row);
      for (const rec of recs) column.add(rec);
      this.columns.set(col, column);
    }
  }
}

/** Where a formula is evaluated: its sheet and cell (for sheet-less references and ROW()). */
export interface Ctx {
  sheet: SheetModel;
  row: number;
  col: number;
}

export interface DefinedName {
  name: string;
  formula: string;
  /** null: workbook scope. */
  scope: SheetModel | null;
  node?: Node | null;
}

export type FunctionImpl = (engine: Engine, args: Node[], ctx: Ctx) => Value;

class TooDeep {
  constructor(
    readonly rec: CellRec,
    /** The chain that was abandoned, from the cell the driver ran down to rec's caller. */
    readonly path: CellRec[],
  ) {}
}

export class Engine {
  readonly sheets: SheetModel[] = [];
  private readonly byName = new Map<string, SheetModel>();
  private readonly names = new Map<string, DefinedName[]>();
  readonly circular = new Set<CellRec>();
  /** Upper-cased names of functions called but not computed here (they give #NAME?). */
  readonly unsupported = new Set<string>();
  private readonly stack: CellRec[] = [];
  private readonly pending: CellRec[] = [];
  /** For a pending cell, the abandoned chain that led to it (those cells are on any loop through it). */
  private readonly reachedVia = new Map<CellRec, CellRec[]>();
  private readonly namesInUse = new Set<DefinedName>();

  constructor(private readonly functions: Record<string, FunctionImpl>) {}

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    this.byName.set(name.toLowerCase(), s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.byName.get(name.toLowerCase());
  }

  addName(name: string, formula: string, scope: string | null): void {
    const key = name.toLowerCase();
    const list = this.names.get(key) ?? [];
    list.push({ name, formula, scope: scope === null ? null : (this.sheet(scope) ?? null) });
    this.names.set(key, list);
  }

  /* ------------------------------------------------------------------ cells */

  /** The value of a cell (computing its formula if needed); null when blank. */
  valueOf(rec: CellRec): Scalar {
    if (rec.formula === null) return rec.constant;
    if (rec.state === DONE) return rec.value;
    if (rec.state === ACTIVE || rec.state === PENDING) {
      this.markCycle(rec);
      return 0;
    }
    if (this.stack.length >= MAX_DEPTH) throw new TooDeep(rec, this.stack.slice());
    return this.run(rec);
  }

  cellValue(sheet: SheetModel, row: number, col: number): Scalar {
    const rec = sheet.get(row, col);
    return rec ? this.valueOf(rec) : null;
  }

  private run(rec: CellRec): Scalar {
    rec.state = ACTIVE;
    this.stack.push(rec);
    let v: Scalar;
    try {
      v = this.compute(rec);
    } catch (e) {
      this.stack.pop();
      rec.state = NEW;
      throw e;
    }
    this.stack.pop();
    rec.state = DONE;
    rec.value = this.circular.has(rec) ? 0 : v;
    return rec.value;
  }

  /** Computes a cell from the top level, restarting from the deepest cell when a chain is too deep. */
  demand(target: CellRec): Scalar {
    if (target.formula === null || target.state === DONE) return this.valueOf(target);
    const pending = this.pending;
    pending.push(target);
    while (pending.length > 0) {
      const rec = pending[pending.length - 1];
      if (rec.state === DONE) {
        pending.pop();
        continue;
      }
      try {
        this.run(rec);
        pending.pop();
      } catch (e) {
        if (!(e instanceof TooDeep)) throw e;
        rec.state = PENDING;
        e.rec.state = PENDING;
        this.reachedVia.set(e.rec, e.path);
        pending.push(e.rec);
      }
    }
    return target.value;
  }

  private markCycle(rec: CellRec): void {
    this.circular.add(rec);
    if (rec.state === ACTIVE) {
      for (let i = this.stack.length - 1; i >= 0 && this.stack[i] !== rec; i--) this.circular.add(this.stack[i]);
      return;
    }
    // a pending cell: the loop runs through the current chain and the pending cells above it
    for (const r of this.stack) this.circular.add(r);
    for (let i = this.pending.length - 1; i >= 0 && this.pending[i] !== rec; i--) {
      this.circular.add(this.pending[i]);
      for (const r of this.reachedVia.get(this.pending[i]) ?? []) this.circular.add(r);
    }
  }

  private compute(rec: CellRec): Scalar {
    if (rec.node === undefined) rec.node = parseOrNull(rec.formula as string);
    if (rec.node === null) return ERR.name;
    return this.topValue(this.evalNode(rec.node, { sheet: rec.sheet, row: rec.row, col: rec.col }));
  }

  /** A formula's result as a cell holds it: a reference gives its value, an array its top-left (no spill), blank gives 0. */
  topValue(v: Value): Scalar {
    const s = this.scalar(v);
    if (s === null) return 0;
    if (typeof s === 'number') return finite(s);
    return s;
  }

  /* ------------------------------------------------------------- evaluation */

  evalNode(node: Node, ctx: Ctx): Value {
    switch (node.t) {
      case 'lit':
        return node.v;
      case 'missing':
        return null;
      case 'array':
        return arrayOfRows(node.rows);
      case 'ref': {
        const sheet = node.sheet === null ? ctx.sheet : this.sheet(node.sheet);
        return sheet ? { kind: 'ref', sheet, area: node.area } : ERR.ref;
      }
      case 'name':
        return this.evalName(node.name, node.sheet, ctx);
      case 'fn': {
        const impl = this.functions[node.name];
        if (!impl) {
          this.unsupported.add(node.name);
          return ERR.name;
        }
        return impl(this, node.args, ctx);
      }
      case 'neg':
        return this.map1(this.evalNode(node.arg, ctx), (x) => {
          const n = toNumber(x);
          return isError(n) ? n : finite(-n);
        });
      case 'pct':
        return this.map1(this.evalNode(node.arg, ctx), (x) => {
          const n = toNumber(x);
          return isError(n) ? n : n / 100;
        });
      case 'range': {
        const a = this.evalNode(node.left, ctx);
        const b = this.evalNode(node.right, ctx);
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (!isRef(a) || !isRef(b)) return ERR.value;
        if (a.sheet !== b.sheet) return ERR.ref;
        const area = {
          top: Math.min(a.area.top, b.area.top),
          left: Math.min(a.area.left, b.area.left),
          bottom: Math.max(a.area.bottom, b.area.bottom),
          right: Math.max(a.area.right, b.area.right),
        };
        return { kind: 'ref', sheet: a.sheet, area };
      }
      case 'bin': {
        const op = node.op;
        return this.map2(this.evalNode(node.left, ctx), this.evalNode(node.right, ctx), (x, y) => binary(op, x, y));
      }
    }
  }

  private evalName(name: string, sheetName: string | null, ctx: Ctx): Value {
    const list = this.names.get(name.toLowerCase());
    let found: DefinedName | undefined;
    if (list) {
      if (sheetName !== null) {
        const sheet = this.sheet(sheetName);
        found = list.find((n) => n.scope !== null && n.scope === sheet);
      } else {
        found = list.find((n) => n.scope === ctx.sheet) ?? list.find((n) => n.scope === null);
      }
    }
    if (!found || this.namesInUse.has(found)) return ERR.name;
    if (found.node === undefined) found.node = parseOrNull(found.formula);
    if (found.node === null) return ERR.name;
    this.namesInUse.add(found);
    try {
      return this.evalNode(found.node, found.scope ? { sheet: found.scope, row: 0, col: 0 } : ctx);
    } finally {
      this.namesInUse.delete(found);
    }
  }

  /** A reference as its value (one cell) or a lazy array (several); other values unchanged. */
  deref(v: Value): Scalar | ArrayValue {
    if (!isRef(v)) return v;
    const { sheet, area } = v;
    if (area.top === area.bottom && area.left === area.right) return this.cellValue(sheet, area.top, area.left);
    return {
      kind: 'array',
      rows: area.bottom - area.top + 1,
      cols: area.right - area.left + 1,
      get: (r, c) => this.cellValue(sheet, area.top + r, area.left + c),
    };
  }

  /** One value: a range or array gives its top-left element. */
  scalar(v: Value): Scalar {
    const d = this.deref(v);
    return isArray(d) ? (d.rows > 0 && d.cols > 0 ? d.get(0, 0) : ERR.value) : d;
  }

  /** Evaluates one argument to a single value. */
  arg(node: Node | undefined, ctx: Ctx): Scalar {
    return node === undefined ? null : this.scalar(this.evalNode(node, ctx));
  }

  /** Applies a scalar function to one value, element by element over arrays and ranges. */
  map1(v: Value, fn: (x: Scalar) => Scalar): Scalar | ArrayValue {
    const d = this.deref(v);
    if (!isArray(d)) return fn(d);
    return { kind: 'array', rows: d.rows, cols: d.cols, get: (r, c) => fn(d.get(r, c)) };
  }

  map2(a: Value, b: Value, fn: (x: Scalar, y: Scalar) => Scalar): Scalar | ArrayValue {
    const x = this.deref(a);
    const y = this.deref(b);
    // the common case without allocating: two single values
    if (!isArray(x) && !isArray(y)) return fn(x, y);
    return this.mapN([x, y], (xs) => fn(xs[0], xs[1]));
  }

  /** Excel's array broadcasting: 1-row or 1-column arrays stretch, out-of-range elements are #N/A. */
  mapN(values: Value[], fn: (xs: Scalar[]) => Scalar): Scalar | ArrayValue {
    const ds = values.map((v) => this.deref(v));
    if (!ds.some(isArray)) return fn(ds as Scalar[]);
    let rows = 1;
    let cols = 1;
    for (const d of ds) {
      if (!isArray(d)) continue;
      rows = Math.max(rows, d.rows);
      cols = Math.max(cols, d.cols);
    }
    const at = (d: Scalar | ArrayValue, r: number, c: number): Scalar => {
      if (!isArray(d)) return d;
      const rr = d.rows === 1 ? 0 : r;
      const cc = d.cols === 1 ? 0 : c;
      return rr < d.rows && cc < d.cols ? d.get(rr, cc) : ERR.na;
    };
    return { kind: 'array', rows, cols, get: (r, c) => fn(ds.map((d) => at(d, r, c))) };
  }

  /**
   * Visits the non-blank cells of a reference (column by column), computing formulas; stop by
   * returning false.
   */
  forEachCell(ref: RefValue, fn: (v: Scalar, row: number, col: number) => boolean | void): void {
    const { sheet, area } = ref;
    const cols = sheet.colNums;
    for (let k = lowerBound(cols, area.left); k < cols.length && cols[k] <= area.right; k++) {
      const column = sheet.columns.get(cols[k]) as Column;
      const { rows, recs } = column;
      for (let i = lowerBound(rows, area.top); i < rows.length && rows[i] <= area.bottom; i++) {
        const v = this.valueOf(recs[i]);
        if (v === null) continue;
        if (fn(v, rows[i], cols[k]) === false) return;
      }
    }
  }

  /** The column of a one-column reference, if any cell exists in it. */
  columnOf(ref: RefValue): Column | undefined {
    return ref.area.left === ref.area.right ? ref.sheet.columns.get(ref.area.left) : undefined;
  }
}

function parseOrNull(formula: string): Node | null {
  try {
    return parseFormula(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return null;
    throw e;
  }
}

/** One binary operator on two single values, with Excel's coercions and error propagation. */
export function binary(op: string, x: Scalar, y: Scalar): Scalar {
  if (op === '&') {
    const a = toText(x);
    if (isError(a)) return a;
    const b = toText(y);
    if (isError(b)) return b;
    return a + b;
  }
  if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
    if (isError(x)) return x;
    if (isError(y)) return y;
    const c = compareScalars(x, y);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const a = toNumber(x);
  if (isError(a)) return a;
  const b = toNumber(y);
  if (isError(b)) return b;
  switch (op) {
    case '+':
      return finite(approxAdd(a, b));
    case '-':
      return finite(approxAdd(a, -b));
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? ERR.div0 : finite(a / b);
    case '^':
      if (a === 0 && b === 0) return ERR.num;
      if (a < 0 && !Number.isInteger(b)) return ERR.num;
      if (a === 0 && b < 0) return ERR.div0;
      return finite(Math.pow(a, b));
    default:
      return ERR.value;
  }
}
