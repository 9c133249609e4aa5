/**
 * The worksheet functions the calculator computes. Each follows Excel's rules for its arguments:
 * ranges inside SUM / MIN / MAX / AVERAGE / COUNT / AND / OR count only numbers (and booleans for
 * AND / OR) while values typed directly as arguments are coerced; errors propagate; scalar
 * functions given a range or array work element by element (Excel 365's array evaluation).
 * Anything else — KH.* (no add-in here), TEXT, VLOOKUP, dates … — gives #NAME? and is reported.
 */
import { Criterion, parseCriterion } from './criteria';
import { ArrayValue, Ctx, Engine, FunctionImpl, RefValue, Value, isArray, isRef, lowerBound } from './engine';
import { Node } from './parser';
import { CalcError, ERR, Scalar, Sum, finite, isError, numberFromText, round15, toBoolean, toNumber, toText } from './values';

type Impl = FunctionImpl;

/* ------------------------------------------------------------ helpers */

function arity(args: Node[], min: number, max: number): boolean {
  return args.length >= min && args.length <= max;
}

/** A function of single values, lifted over ranges and arrays. */
function lifted(min: number, max: number, fn: (xs: Scalar[], ctx: Ctx) => Scalar): Impl {
  return (e, args, ctx) => {
    if (!arity(args, min, max)) return ERR.value;
    return e.mapN(args.map((a) => e.evalNode(a, ctx)), (xs) => fn(xs, ctx));
  };
}

function numeric(fn: (n: number) => Scalar): Impl {
  return lifted(1, 1, ([x]) => {
    const n = toNumber(x);
    return isError(n) ? n : fn(n);
  });
}

function text1(fn: (s: string) => Scalar): Impl {
  return lifted(1, 1, ([x]) => {
    const s = toText(x);
    return isError(s) ? s : fn(s);
  });
}

/** Every element of an array value, row by row. */
function eachElement(a: ArrayValue, fn: (v: Scalar) => boolean | void): void {
  for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) if (fn(a.get(r, c)) === false) return;
}

/**
 * SUM-style arguments: numbers in ranges and arrays (text, booleans and blanks skipped), values
 * given directly coerced to numbers; the first error wins.
 */
function eachNumber(e: Engine, args: Node[], ctx: Ctx, visit: (n: number) => void): CalcError | undefined {
  for (const node of args) {
    const v = e.evalNode(node, ctx);
    let err: CalcError | undefined;
    const take = (x: Scalar): boolean => {
      if (typeof x === 'number') visit(x);
      else if (isError(x)) {
        err = x;
        return false;
      }
      return true;
    };
    if (isRef(v)) e.forEachCell(v, take);
    else if (isArray(v)) eachElement(v, take);
    else {
      const n = toNumber(v);
      if (isError(n)) return n;
      visit(n);
    }
    if (err) return err;
  }
  return undefined;
}

/** Decimal shift of a number's 15 significant digits: shift(1.005, 2) is exactly 100.5. */
function shift(x: number, digits: number): number {
  const [m, exp] = x.toExponential(14).split('e');
  return Number(`${m}e${Number(exp) + digits}`);
}

/** ROUND / ROUNDUP / ROUNDDOWN on the decimal digits Excel shows, not the binary value. */
function rounder(mode: (x: number) => number): Impl {
  return lifted(2, 2, ([x, d]) => {
    const n = toNumber(x);
    if (isError(n)) return n;
    const dn = toNumber(d);
    if (isError(dn)) return dn;
    const digits = Math.trunc(dn);
    if (n === 0) return 0;
    const abs = Math.abs(n);
    if (abs >= 1e15 && digits >= 0) return n;
    const r = mode(shift(abs, digits));
    const back = r === 0 ? 0 : shift(r, -digits);
    return finite(n < 0 ? -back : back);
  });
}

function logical(init: boolean, combine: (acc: boolean, b: boolean) => boolean): Impl {
  return (e, args, ctx) => {
    if (args.length === 0) return ERR.value;
    let acc: boolean | undefined;
    let err: CalcError | undefined;
    const take = (x: Scalar): boolean => {
      if (typeof x === 'boolean' || typeof x === 'number') acc = combine(acc ?? init, typeof x === 'boolean' ? x : x !== 0);
      else if (isError(x)) {
        err = x;
        return false;
      }
      return true;
    };
    for (const node of args) {
      const v = e.evalNode(node, ctx);
      if (isRef(v)) e.forEachCell(v, take);
      else if (isArray(v)) eachElement(v, take);
      else {
        const b = toBoolean(v);
        if (isError(b)) return b;
        acc = combine(acc ?? init, b);
      }
      if (err) return err;
    }
    return acc === undefined ? ERR.value : acc;
  };
}

/* ------------------------------------------------- conditional aggregates */

interface Pair {
  ref: RefValue;
  crit: Criterion;
}

function height(ref: RefValue): number {
  return ref.area.bottom - ref.area.top + 1;
}

function width(ref: RefValue): number {
  return ref.area.right - ref.area.left + 1;
}

function valueAtOffset(e: Engine, ref: RefValue, cols: number, offset: number): Scalar {
  const r = Math.floor(offset / cols);
  const c = offset - r * cols;
  return e.cellValue(ref.sheet, ref.area.top + r, ref.area.left + c);
}

/** How many constants an index lists for a criterion: a cheap size estimate to pick the driver. */
function estimate(e: Engine, pair: Pair): number {
  if (pair.crit.matchesBlank) return Infinity;
  if (pair.ref.area.left !== pair.ref.area.right) return Number.MAX_SAFE_INTEGER;
  const column = e.columnOf(pair.ref);
  if (!column) return 0;
  return pair.crit.index ? column.lookup(pair.crit.index).length + column.formulaRows.length : column.rows.length;
}

/** Whether a criterion holds at an offset: a bitmap lookup for an indexed one-column criterion, else the cell's value tested. */
function holds(e: Engine, { ref, crit }: Pair, cols: number, offset: number): boolean {
  const { top, left, right } = ref.area;
  if (left === right && crit.index) {
    const column = e.columnOf(ref);
    if (!column) return false;
    const row = top + offset;
    if (column.members(crit.index)[row] === 1) return true;
    const rec = ref.sheet.get(row, left);
    return rec !== undefined && rec.formula !== null && crit.test(e.valueOf(rec));
  }
  return crit.test(valueAtOffset(e, ref, cols, offset));
}

/** Offsets (row × width + column inside the range) of the non-blank cells a criterion matches, ascending. */
function matchingOffsets(e: Engine, { ref, crit }: Pair): number[] {
  const { top, bottom, left, right } = ref.area;
  const out: number[] = [];
  if (left === right) {
    const column = e.columnOf(ref);
    if (!column) return out;
    if (crit.index) {
      const rows = column.lookup(crit.index);
      for (let i = lowerBound(rows, top); i < rows.length && rows[i] <= bottom; i++) out.push(rows[i] - top);
      const fr = column.formulaRows;
      let added = false;
      for (let i = lowerBound(fr, top); i < fr.length && fr[i] <= bottom; i++) {
        const v = e.valueOf(column.formulaRecs[i]);
        if (v !== null && crit.test(v)) {
          out.push(fr[i] - top);
          added = true;
        }
      }
      if (added) out.sort((a, b) => a - b);
      return out;
    }
  }
  const w = right - left + 1;
  e.forEachCell(ref, (v, row, col) => {
    if (crit.test(v)) out.push((row - top) * w + (col - left));
  });
  if (w > 1) out.sort((a, b) => a - b);
  return out;
}

/** Offsets of the non-blank cells of a range, ascending. */
function filledOffsets(e: Engine, ref: RefValue): number[] {
  const { top, left } = ref.area;
  const w = width(ref);
  const out: number[] = [];
  e.forEachCell(ref, (_v, row, col) => {
    out.push((row - top) * w + (col - left));
  });
  if (w > 1) out.sort((a, b) => a - b);
  return out;
}

/**
 * The offsets, in order, where every criterion holds. With a criterion that rejects blanks, only
 * its matches are candidates (an index lookup for KH's code and kind columns); otherwise the
 * non-blank cells of `within` are (blank cells there add nothing to a sum).
 */
function matches(e: Engine, pairs: Pair[], cols: number, within: RefValue): number[] {
  let driver = -1;
  let best = Infinity;
  for (let i = 0; i < pairs.length; i++) {
    const size = estimate(e, pairs[i]);
    if (size < best) {
      best = size;
      driver = i;
    }
  }
  const candidates = driver >= 0 ? matchingOffsets(e, pairs[driver]) : filledOffsets(e, within);
  if (pairs.length === 1 && driver === 0) return candidates;
  const out: number[] = [];
  next: for (const offset of candidates) {
    for (let i = 0; i < pairs.length; i++) if (i !== driver && !holds(e, pairs[i], cols, offset)) continue next;
    out.push(offset);
  }
  return out;
}

/** Evaluates a range argument; anything but a reference is #VALUE! (Excel refuses arrays there). */
function rangeArg(e: Engine, node: Node, ctx: Ctx): RefValue | CalcError {
  const v = e.evalNode(node, ctx);
  if (isRef(v)) return v;
  return isError(v) ? v : ERR.value;
}

/** Criteria are immutable: one parse per distinct text ("DA4.*" recurs in every amount column of a row). */
const CRITERIA = new Map<string, Criterion>();
function criterionOf(v: Scalar): Criterion {
  if (typeof v !== 'string') return parseCriterion(v);
  let c = CRITERIA.get(v);
  if (!c) {
    if (CRITERIA.size > 100000) CRITERIA.clear();
    c = parseCriterion(v);
    CRITERIA.set(v, c);
  }
  return c;
}

/**
 * The shared shape of SUMIFS, COUNTIFS and AVERAGEIFS: checks the ranges (all the shape of the
 * first, or of `shape`), and maps over criteria given as arrays (COUNTIF(A:A,{"a","b"}) is an
 * array of two counts).
 */
function withCriteria(e: Engine, rangeNodes: Node[], critNodes: Node[], ctx: Ctx, shape: RefValue | null, compute: (pairs: Pair[]) => Scalar): Value {
  const refs: RefValue[] = [];
  for (const n of rangeNodes) {
    const r = rangeArg(e, n, ctx);
    if (isError(r)) return r;
    refs.push(r);
  }
  const like = shape ?? refs[0];
  for (const r of refs) if (height(r) !== height(like) || width(r) !== width(like)) return ERR.value;
  const crits: Array<Scalar | ArrayValue> = [];
  let arrays = false;
  for (const n of critNodes) {
    const c = e.deref(e.evalNode(n, ctx));
    if (isArray(c)) arrays = true;
    crits.push(c);
  }
  const pairsOf = (values: Scalar[]): Pair[] => refs.map((ref, i) => ({ ref, crit: criterionOf(values[i]) }));
  if (!arrays) return compute(pairsOf(crits as Scalar[]));
  return e.mapN(crits, (values) => compute(pairsOf(values)));
}

function sumIfs(e: Engine, sumRef: RefValue, pairs: Pair[], mode: 'sum' | 'average'): Scalar {
  const cols = width(sumRef);
  const total = new Sum();
  let count = 0;
  for (const offset of matches(e, pairs, cols, sumRef)) {
    const v = valueAtOffset(e, sumRef, cols, offset);
    if (typeof v === 'number') {
      total.add(v);
      count++;
    } else if (isError(v)) return v;
  }
  if (mode === 'average') return count === 0 ? ERR.div0 : finite(total.value / count);
  return finite(total.value);
}

function countIfs(e: Engine, pairs: Pair[]): Scalar {
  const first = pairs[0].ref;
  const cols = width(first);
  if (pairs.some((p) => !p.crit.matchesBlank)) return matches(e, pairs, cols, first).length;
  // every criterion accepts blanks: count the cells where some criterion fails, among the non-blank ones
  const seen = new Set<number>();
  for (const p of pairs) for (const offset of filledOffsets(e, p.ref)) seen.add(offset);
  let failures = 0;
  for (const offset of seen) if (!pairs.every((p) => p.crit.test(valueAtOffset(e, p.ref, cols, offset)))) failures++;
  return height(first) * cols - failures;
}

/** SUMIF's sum range: its top-left cell, stretched to the criteria range's shape. */
function resized(ref: RefValue, like: RefValue): RefValue {
  const { top, left } = ref.area;
  return { kind: 'ref', sheet: ref.sheet, area: { top, left, bottom: top + height(like) - 1, right: left + width(like) - 1 } };
}

function ifsFunction(mode: 'sum' | 'average'): Impl {
  return (e, args, ctx) => {
    if (args.length < 3 || args.length % 2 === 0) return ERR.value;
    const target = rangeArg(e, args[0], ctx);
    if (isError(target)) return target;
    const ranges = args.filter((_, i) => i % 2 === 1);
    const crits = args.filter((_, i) => i > 0 && i % 2 === 0);
    return withCriteria(e, ranges, crits, ctx, target, (pairs) => sumIfs(e, target, pairs, mode));
  };
}

function sumIfLike(mode: 'sum' | 'average'): Impl {
  return (e, args, ctx) => {
    if (!arity(args, 2, 3)) return ERR.value;
    const range = rangeArg(e, args[0], ctx);
    if (isError(range)) return range;
    let target = range;
    if (args.length === 3 && args[2].t !== 'missing') {
      const s = rangeArg(e, args[2], ctx);
      if (isError(s)) return s;
      target = resized(s, range);
    }
    return withCriteria(e, [args[0]], [args[1]], ctx, null, (pairs) => sumIfs(e, target, pairs, mode));
  };
}

const COUNTIFS: Impl = (e, args, ctx) => {
  if (args.length < 2 || args.length % 2 === 1) return ERR.value;
  const ranges = args.filter((_, i) => i % 2 === 0);
  const crits = args.filter((_, i) => i % 2 === 1);
  return withCriteria(e, ranges, crits, ctx, null, (pairs) => countIfs(e, pairs));
};

/* --------------------------------------------------------------- library */

export const FUNCTIONS: Record<string, Impl> = {
  SUM: (e, args, ctx) => {
    const s = new Sum();
    return eachNumber(e, args, ctx, (n) => s.add(n)) ?? finite(s.value);
  },
  SUMIF: sumIfLike('sum'),
  SUMIFS: ifsFunction('sum'),
  AVERAGEIF: sumIfLike('average'),
  AVERAGEIFS: ifsFunction('average'),
  COUNTIF: (e, args, ctx) => (arity(args, 2, 2) ? COUNTIFS(e, args, ctx) : ERR.value),
  COUNTIFS,
  AVERAGE: (e, args, ctx) => {
    const s = new Sum();
    let n = 0;
    const err = eachNumber(e, args, ctx, (x) => {
      s.add(x);
      n++;
    });
    return err ?? (n === 0 ? ERR.div0 : finite(s.value / n));
  },
  MIN: (e, args, ctx) => {
    let m = Infinity;
    return eachNumber(e, args, ctx, (x) => (m = Math.min(m, x))) ?? (m === Infinity ? 0 : m);
  },
  MAX: (e, args, ctx) => {
    let m = -Infinity;
    return eachNumber(e, args, ctx, (x) => (m = Math.max(m, x))) ?? (m === -Infinity ? 0 : m);
  },
  COUNT: (e, args, ctx) => {
    let n = 0;
    for (const node of args) {
      const v = e.evalNode(node, ctx);
      if (isRef(v)) e.forEachCell(v, (x) => void (typeof x === 'number' && n++));
      else if (isArray(v)) eachElement(v, (x) => void (typeof x === 'number' && n++));
      else if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && numberFromText(v) !== undefined)) n++;
    }
    return n;
  },
  COUNTA: (e, args, ctx) => {
    let n = 0;
    for (const node of args) {
      const v = e.evalNode(node, ctx);
      if (isRef(v)) e.forEachCell(v, () => void n++);
      else if (isArray(v)) eachElement(v, (x) => void (x !== null && n++));
      else if (node.t !== 'missing') n++;
    }
    return n;
  },
  COUNTBLANK: (e, args, ctx) => {
    if (!arity(args, 1, 1)) return ERR.value;
    const ref = rangeArg(e, args[0], ctx);
    if (isError(ref)) return ref;
    let filled = 0;
    e.forEachCell(ref, (x) => void (x !== '' && filled++));
    return height(ref) * width(ref) - filled;
  },
  SUMPRODUCT: (e, args, ctx) => {
    if (args.length === 0) return ERR.value;
    const arrays = args.map((a) => e.deref(e.evalNode(a, ctx)));
    const shape = (x: Scalar | ArrayValue): [number, number] => (isArray(x) ? [x.rows, x.cols] : [1, 1]);
    const [rows, cols] = shape(arrays[0]);
    if (arrays.some((a) => shape(a)[0] !== rows || shape(a)[1] !== cols)) return ERR.value;
    const s = new Sum();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let p = 1;
        for (const a of arrays) {
          const x = isArray(a) ? a.get(r, c) : a;
          if (isError(x)) return x;
          p *= typeof x === 'number' ? x : 0;
        }
        s.add(p);
      }
    }
    return finite(s.value);
  },

  IF: (e, args, ctx) => {
    if (!arity(args, 2, 3)) return ERR.value;
    const cond = e.deref(e.evalNode(args[0], ctx));
    const branch = (b: boolean): Value => {
      const node = args[b ? 1 : 2];
      if (node === undefined) return false;
      return node.t === 'missing' ? 0 : e.evalNode(node, ctx);
    };
    if (!isArray(cond)) {
      const b = toBoolean(cond);
      return isError(b) ? b : branch(b);
    }
    return e.mapN([cond, branch(true), branch(false)], ([c, t, f]) => {
      const b = toBoolean(c);
      return isError(b) ? b : b ? t : f;
    });
  },
  IFERROR: (e, args, ctx) => {
    if (!arity(args, 2, 2)) return ERR.value;
    const v = e.evalNode(args[0], ctx);
    const d = e.deref(v);
    if (!isArray(d)) return isError(d) ? e.evalNode(args[1], ctx) : v;
    return e.mapN([d, e.evalNode(args[1], ctx)], ([x, alt]) => (isError(x) ? alt : x));
  },
  IFNA: (e, args, ctx) => {
    if (!arity(args, 2, 2)) return ERR.value;
    const v = e.evalNode(args[0], ctx);
    const d = e.deref(v);
    if (!isArray(d)) return d === ERR.na ? e.evalNode(args[1], ctx) : v;
    return e.mapN([d, e.evalNode(args[1], ctx)], ([x, alt]) => (x === ERR.na ? alt : x));
  },
  AND: logical(true, (a, b) => a && b),
  OR: logical(false, (a, b) => a || b),
  NOT: lifted(1, 1, ([x]) => {
    const b = toBoolean(x);
    return isError(b) ? b : !b;
  }),
  TRUE: (_e, args) => (args.length === 0 ? true : ERR.value),
  FALSE: (_e, args) => (args.length === 0 ? false : ERR.value),
  CHOOSE: (e, args, ctx) => {
    if (args.length < 2) return ERR.value;
    const index = e.deref(e.evalNode(args[0], ctx));
    const pick = (x: Scalar): number | CalcError => {
      const n = toNumber(x);
      if (isError(n)) return n;
      const i = Math.trunc(n);
      return i >= 1 && i < args.length ? i : ERR.value;
    };
    if (!isArray(index)) {
      const i = pick(index);
      return isError(i) ? i : e.evalNode(args[i], ctx);
    }
    // CHOOSE({1,2,3},F8,I8,J8): an array of the chosen values, each argument evaluated once
    const chosen = new Map<number, Scalar | ArrayValue>();
    const valueOf = (i: number): Scalar | ArrayValue => {
      if (!chosen.has(i)) chosen.set(i, e.deref(e.evalNode(args[i], ctx)));
      return chosen.get(i) as Scalar | ArrayValue;
    };
    return {
      kind: 'array',
      rows: index.rows,
      cols: index.cols,
      get: (r, c) => {
        const i = pick(index.get(r, c));
        if (isError(i)) return i;
        const v = valueOf(i);
        if (!isArray(v)) return v;
        const rr = v.rows === 1 ? 0 : r;
        const cc = v.cols === 1 ? 0 : c;
        return rr < v.rows && cc < v.cols ? v.get(rr, cc) : ERR.na;
      },
    };
  },

  ABS: numeric((n) => Math.abs(n)),
  INT: numeric((n) => Math.floor(n)),
  ROUND: rounder((x) => Math.floor(x + 0.5)),
  ROUNDUP: rounder((x) => Math.ceil(round15(x))),
  ROUNDDOWN: rounder((x) => Math.floor(round15(x))),
  MOD: lifted(2, 2, ([x, y]) => {
    const a = toNumber(x);
    if (isError(a)) return a;
    const b = toNumber(y);
    if (isError(b)) return b;
    if (b === 0) return ERR.div0;
    return finite(a - b * Math.floor(a / b));
  }),

  LEN: text1((s) => s.length),
  TRIM: text1((s) => s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ')),
  UPPER: text1((s) => s.toUpperCase()),
  LOWER: text1((s) => s.toLowerCase()),
  LEFT: lifted(1, 2, ([x, n]) => {
    const s = toText(x);
    if (isError(s)) return s;
    const k = n === undefined ? 1 : toNumber(n);
    if (isError(k)) return k;
    return k < 0 ? ERR.value : s.slice(0, Math.trunc(k));
  }),
  RIGHT: lifted(1, 2, ([x, n]) => {
    const s = toText(x);
    if (isError(s)) return s;
    const k = n === undefined ? 1 : toNumber(n);
    if (isError(k)) return k;
    if (k < 0) return ERR.value;
    const t = Math.trunc(k);
    return t === 0 ? '' : s.slice(-t);
  }),
  MID: lifted(3, 3, ([x, start, n]) => {
    const s = toText(x);
    if (isError(s)) return s;
    const a = toNumber(start);
    if (isError(a)) return a;
    const k = toNumber(n);
    if (isError(k)) return k;
    if (a < 1 || k < 0) return ERR.value;
    return s.substr(Math.trunc(a) - 1, Math.trunc(k));
  }),
  CONCATENATE: lifted(1, 255, (xs) => {
    let out = '';
    for (const x of xs) {
      const s = toText(x);
      if (isError(s)) return s;
      out += s;
    }
    return out;
  }),
  VALUE: lifted(1, 1, ([x]) => {
    if (typeof x === 'number' || isError(x)) return x;
    if (x === null) return 0;
    if (typeof x === 'string') return numberFromText(x) ?? ERR.value;
    return ERR.value;
  }),
  HYPERLINK: lifted(1, 2, ([link, friendly], _ctx) => (friendly !== undefined ? friendly : link)),

  ISNUMBER: lifted(1, 1, ([x]) => typeof x === 'number'),
  ISTEXT: lifted(1, 1, ([x]) => typeof x === 'string'),
  ISLOGICAL: lifted(1, 1, ([x]) => typeof x === 'boolean'),
  ISBLANK: lifted(1, 1, ([x]) => x === null),
  ISERROR: lifted(1, 1, ([x]) => isError(x)),
  ISERR: lifted(1, 1, ([x]) => isError(x) && x !== ERR.na),
  ISNA: lifted(1, 1, ([x]) => x === ERR.na),
  NA: (_e, args) => (args.length === 0 ? ERR.na : ERR.value),

  ROW: (e, args, ctx) => refPosition(e, args, ctx, (ref) => ref.area.top, ctx.row),
  COLUMN: (e, args, ctx) => refPosition(e, args, ctx, (ref) => ref.area.left, ctx.col),
  ROWS: (e, args, ctx) => extent(e, args, ctx, 0),
  COLUMNS: (e, args, ctx) => extent(e, args, ctx, 1),
};

function refPosition(e: Engine, args: Node[], ctx: Ctx, at: (ref: RefValue) => number, own: number): Scalar {
  if (args.length === 0) return own + 1;
  if (args.length > 1) return ERR.value;
  const v = e.evalNode(args[0], ctx);
  if (isError(v)) return v;
  return isRef(v) ? at(v) + 1 : ERR.value;
}

function extent(e: Engine, args: Node[], ctx: Ctx, which: 0 | 1): Scalar {
  if (!arity(args, 1, 1)) return ERR.value;
  const v = e.evalNode(args[0], ctx);
  if (isError(v)) return v;
  if (isRef(v)) return which === 0 ? height(v) : width(v);
  if (isArray(v)) return which === 0 ? v.rows : v.cols;
  return 1;
}
