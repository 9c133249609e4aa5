/**
 * Exact decimal arithmetic for money. A value is `digits / 10^scale` with a BigInt mantissa, so
 * 0.1 + 0.2 is 0.3 and a total never carries binary drift. Numbers coming from Excel are read
 * through their shortest round-trip decimal form, which is what the user typed or saw.
 */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { digits: 0n, scale: 0 };

const POW10_BIG: bigint[] = [1n];
export function pow10n(n: number): bigint {
  for (let i = POW10_BIG.length; i <= n; i++) POW10_BIG.push(POW10_BIG[i - 1] * 10n);
  return POW10_BIG[n];
}

/**
 * A decimal text taken apart without building any number: sign, digits and power of ten
 * (value = ±mantissa · 10^exponent). "1e+21" and "1.5e-7" (what String(x) gives) are read too.
 * The one parser of decimal text: the money arithmetic below and the words (which must decide
 * an astronomically large exponent before building it) both start here.
 */
export interface DecimalParts {
  negative: boolean;
  mantissa: string;
  exponent: number;
}

export function decimalParts(text: string): DecimalParts | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  return { negative: m[1] === '-', mantissa: intPart + fracPart, exponent: exp - fracPart.length };
}

/** Parses a plain decimal string ("-1728.5", "1e-7", "0.05"); null if it is not one. */
export function decimalFromString(text: string): Decimal | null {
  const parts = decimalParts(text);
  if (!parts) return null;
  // past 10^±400 (beyond any double) no value is built: the BigInt would be astronomically large
  if (!Number.isFinite(parts.exponent) || parts.exponent > 400 || parts.exponent < -(400 + parts.mantissa.length)) return null;
  let digits = BigInt(parts.mantissa) * (parts.negative ? -1n : 1n);
  let scale = -parts.exponent;
  if (scale < 0) {
    digits *= pow10n(-scale);
    scale = 0;
  }
  return normalize({ digits, scale });
}

/** The exact decimal a double stands for, read through its shortest round-trip form. */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number');
  if (Number.isSafeInteger(value)) return { digits: BigInt(value), scale: 0 };
  return decimalFromString(String(value)) as Decimal;
}

/** Drops trailing zeros of the fraction so equal values compare equal field by field. */
export function normalize(d: Decimal): Decimal {
  let { digits, scale } = d;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  return digits === d.digits && scale === d.scale ? d : { digits, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.digits, b.digits, a.scale];
  if (a.scale > b.scale) return [a.digits, b.digits * pow10n(a.scale - b.scale), a.scale];
  return [a.digits * pow10n(b.scale - a.scale), b.digits, b.scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalize({ digits: x + y, scale });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalize({ digits: x - y, scale });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalize({ digits: a.digits * b.digits, scale: a.scale + b.scale });
}

export function negate(a: Decimal): Decimal {
  return { digits: -a.digits, scale: a.scale };
}

export function abs(a: Decimal): Decimal {
  return a.digits < 0n ? negate(a) : a;
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Multiplies by 10^places (negative places divide): exact, used for unit conversion. */
export function shift(a: Decimal, places: number): Decimal {
  if (places === 0) return a;
  if (places > 0) {
    if (a.scale >= places) return normalize({ digits: a.digits, scale: a.scale - places });
    return { digits: a.digits * pow10n(places - a.scale), scale: 0 };
  }
  return normalize({ digits: a.digits, scale: a.scale - places });
}

/** Rounds to `places` decimals, half away from zero (the way officers round money). */
export function round(a: Decimal, places: number): Decimal {
  if (a.scale <= places) return a;
  const drop = pow10n(a.scale - places);
  const negative = a.digits < 0n;
  const magnitude = negative ? -a.digits : a.digits;
  let q = magnitude / drop;
  if ((magnitude % drop) * 2n >= drop) q += 1n;
  return normalize({ digits: negative ? -q : q, scale: places });
}

/** Plain decimal string with '.' as the point and no grouping ("-1728.5"). */
export function toPlainString(a: Decimal): string {
  const negative = a.digits < 0n;
  let s = (negative ? -a.digits : a.digits).toString();
  if (a.scale > 0) {
    s = s.padStart(a.scale + 1, '0');
    s = `${s.slice(0, s.length - a.scale)}.${s.slice(s.length - a.scale)}`;
  }
  return negative && a.digits !== 0n ? `-${s}` : s;
}

/** The nearest double (the conversion is correctly rounded by the JS number parser). */
export function toNumber(a: Decimal): number {
  return Number(toPlainString(a));
}

export function isZero(a: Decimal): boolean {
  return a.digits === 0n;
}

const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Decimal places of a double's shortest form (0.1 → 1, 76.47 → 2, 1728 → 0), or -1 when it needs
 * more than 20 or cannot be scaled into the safe integer range. Cheap enough for hot loops.
 */
export function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  for (let k = 1; k <= 20; k++) {
    const scaled = value * POW10[k];
    if (Math.abs(scaled) >= 2 ** 53) return -1;
    if (Math.round(scaled) / POW10[k] === value) return k;
  }
  return -1;
}

/**
 * Exact sum of doubles as decimals, returned as the nearest double. Fast path: scale every value
 * to an integer with a common number of places, add as integers while provably exact; otherwise
 * fall back to BigInt.
 */
export function sumExact(values: Iterable<number>): number {
  const list = Array.isArray(values) ? (values as number[]) : Array.from(values);
  let places = 0;
  for (const v of list) {
    const k = decimalPlaces(v);
    if (k < 0) return sumExactBig(list);
    if (k > places) places = k;
  }
  const factor = POW10[places];
  let total = 0;
  let bound = 0;
  for (const v of list) {
    const m = Math.round(v * factor);
    bound += Math.abs(m);
    total += m;
  }
  if (bound >= 2 ** 53) return sumExactBig(list);
  return total / factor;
}

function sumExactBig(values: readonly number[]): number {
  let acc = ZERO;
  for (const v of values) acc = add(acc, decimalFromNumber(v));
  return toNumber(acc);
}

/** a − b computed exactly on the decimal forms, as the nearest double. */
export function differenceExact(a: number, b: number): number {
  return toNumber(subtract(decimalFromNumber(a), decimalFromNumber(b)));
}

export { POW10 };
