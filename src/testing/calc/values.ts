/**
 * Values of the calculator and Excel's coercions between them: numbers, text, booleans, blank
 * (null: an empty cell, not the text "") and errors (CalcError, never a string, so the text
 * "#N/A" typed into a cell stays text).
 */

export const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class CalcError {
  private static readonly all = new Map<string, CalcError>();
  private constructor(readonly code: ErrorCode) {}

  /** One instance per code, so errors compare with ===. */
  static of(code: ErrorCode): CalcError {
    let e = CalcError.all.get(code);
    if (!e) {
      e = new CalcError(code);
      CalcError.all.set(code, e);
    }
    return e;
  }

  toString(): string {
    return this.code;
  }
}

/** The error an Excel error literal ("#n/a", "#REF!") stands for, else undefined. */
export function errorFromText(text: string): CalcError | undefined {
  const upper = text.trim().toUpperCase();
  return (ERROR_CODES as readonly string[]).includes(upper) ? CalcError.of(upper as ErrorCode) : undefined;
}

export const ERR = {
  null: CalcError.of('#NULL!'),
  div0: CalcError.of('#DIV/0!'),
  value: CalcError.of('#VALUE!'),
  ref: CalcError.of('#REF!'),
  name: CalcError.of('#NAME?'),
  num: CalcError.of('#NUM!'),
  na: CalcError.of('#N/A'),
} as const;

/** A single value; null is a blank cell (or a missing argument). */
export type Scalar = number | string | boolean | null | CalcError;

export function isError(v: unknown): v is CalcError {
  return v instanceof CalcError;
}

/** A finite double, else #NUM! (Excel has no NaN or infinity); -0 becomes 0. */
export function finite(n: number): number | CalcError {
  if (!Number.isFinite(n)) return ERR.num;
  return n === 0 ? 0 : n;
}

const NUMBER_TEXT = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Text Excel (en-US) reads as a number in arithmetic, VALUE and criteria: "1,234.5", " 12 ",
 * "1e3", "12%". Dates and currencies are not read (the fake's input rules turn typed dates into
 * serials already).
 */
export function numberFromText(text: string): number | undefined {
  let t = text.trim();
  let scale = 1;
  if (t.endsWith('%')) {
    t = t.slice(0, -1).trim();
    scale = 100;
  }
  if (!NUMBER_TEXT.test(t)) return undefined;
  const n = Number(t.replace(/,/g, '')) / scale;
  return Number.isFinite(n) ? n : undefined;
}

/** Excel's number coercion for operators and scalar arguments. */
export function toNumber(v: Scalar): number | CalcError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return numberFromText(v) ?? ERR.value;
  return v;
}

/** Excel's text coercion (the & operator, text functions). */
export function toText(v: Scalar): string | CalcError {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  return v;
}

/** Excel's boolean coercion (IF, AND, NOT). */
export function toBoolean(v: Scalar): boolean | CalcError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return ERR.value;
  }
  return v;
}

/** 15 significant digits, as Excel keeps and compares numbers. */
export function round15(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/**
 * A number as the General format writes it into text: up to 15 significant digits, scientific
 * ("1E+15", "1.5E-08") outside the range where General shows plain digits.
 */
export function numberText(n: number): string {
  const r = round15(n);
  const abs = Math.abs(r);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-7)) {
    const [mantissa, exponent] = r.toExponential(14).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(r);
}

/**
 * a + b, snapped to 0 when the operands cancel to within binary noise (Excel and LibreOffice both
 * do this, so 76.4 - (76.3 + 0.1) is 0, not 1.4E-14).
 */
export function approxAdd(a: number, b: number): number {
  const sum = a + b;
  if (sum !== 0 && a !== 0 && Math.sign(a) !== Math.sign(b) && Math.abs(sum) <= Math.abs(a) * 2 ** -48) return 0;
  return sum;
}

/** Compensated (Neumaier) summation: LibreOffice sums this way, and it keeps money exact longer. */
export class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Excel's ordering of kinds in comparisons: numbers < text < booleans. */
function rank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Compares two non-error scalars as Excel's = < > do: a blank takes the other side's kind (0, "",
 * FALSE), text is case-insensitive, numbers are equal when their 15 significant digits are.
 */
export function compareScalars(a: Exclude<Scalar, CalcError>, b: Exclude<Scalar, CalcError>): number {
  const blankAs = (other: Exclude<Scalar, CalcError>): number | string | boolean =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number') {
    const p = round15(x);
    const q = round15(y as number);
    return p === q ? 0 : p < q ? -1 : 1;
  }
  if (typeof x === 'string') {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p === q ? 0 : p < q ? -1 : 1;
  }
  return x === y ? 0 : x ? 1 : -1;
}
