/**
 * Vietnamese money amounts: reading what officers type ("1.728 triệu đồng", "76,47 tỷ"),
 * writing amounts for vi-VN, converting units exactly, and comparing with a stated tolerance.
 */
import {
  Decimal,
  decimalFromNumber,
  decimalFromString,
  negate,
  round,
  shift,
  subtract,
  toNumber,
  toPlainString,
  abs,
  compare,
} from './decimal';
import { MoneyUnit, UNIT_EXPONENT, UNIT_LABEL_VI, parseUnit } from './units';

export { sumExact, differenceExact } from './decimal';
export type { MoneyUnit } from './units';

/** How the separators of a parsed amount were read. */
export type Notation = 'plain' | 'vi' | 'en';

export type AmountParse =
  | { ok: true; value: number; decimal: Decimal; unit: MoneyUnit | null; notation: Notation }
  | { ok: false; error: 'empty' | 'invalid' | 'unknown-unit'; unitText?: string }
  | { ok: false; error: 'ambiguous'; candidates: [number, number] };

const SPACES = /[\u00a0\u202f\u2007\u2009]/g;
// number part: digits with '.', ',' or single spaces between three-digit groups, then the rest
const AMOUNT_SHAPE = /^(\d[\d.,]*(?: \d{3}(?![\d]))*)\s*(.*)$/;

function validGroups(groups: string[]): boolean {
  if (groups[0].length < 1 || groups[0].length > 3) return false;
  return groups.slice(1).every((g) => g.length === 3);
}

type NumberRead =
  | { ok: true; plain: string; notation: Notation }
  | { ok: false; ambiguous?: [string, string] };

/** Reads the digits-and-separators part. Dot groups thousands and comma is the decimal mark (vi-VN). */
function readNumberPart(raw: string): NumberRead {
  const s = raw.replace(/ /g, '.');
  const spaced = raw.includes(' ');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (/[.,]$/.test(s) || /[.,]{2}/.test(s)) return { ok: false };
  if (dots === 0 && commas === 0) return { ok: true, plain: s, notation: 'plain' };

  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    const vi = lastComma > lastDot;
    const [groupSep, decimalSep] = vi ? ['.', ','] : [',', '.'];
    const parts = s.split(decimalSep);
    if (parts.length !== 2 || (spaced && !vi)) return { ok: false };
    if (!validGroups(parts[0].split(groupSep))) return { ok: false };
    return { ok: true, plain: `${parts[0].split(groupSep).join('')}.${parts[1]}`, notation: vi ? 'vi' : 'en' };
  }

  if (dots > 0) {
    const groups = s.split('.');
    const looksGrouped = validGroups(groups) && !groups[0].startsWith('0');
    if (dots > 1 || spaced) return looksGrouped ? { ok: true, plain: groups.join(''), notation: 'vi' } : { ok: false };
    // one dot: "1.728" is one thousand seven hundred twenty-eight in vi-VN; "76.47" can only be a decimal point
    if (looksGrouped) return { ok: true, plain: groups.join(''), notation: 'vi' };
    return { ok: true, plain: s, notation: 'en' };
  }

  const groups = s.split(',');
  if (commas > 1) {
    return validGroups(groups) && !groups[0].startsWith('0')
      ? { ok: true, plain: groups.join(''), notation: 'en' }
      : { ok: false };
  }
  // one comma: "76,47" and "0,05" are decimals; "1,728" could be 1,728 (vi) or 1728 (en-US) — do not guess
  const plainDecimal = `${groups[0]}.${groups[1]}`;
  if (validGroups(groups) && !groups[0].startsWith('0')) return { ok: false, ambiguous: [plainDecimal, groups.join('')] };
  return { ok: true, plain: plainDecimal, notation: 'vi' };
}

/**
 * Parses an amount as officers write it: "1.728", "1.728 triệu đồng", "76,47 tỷ đồng", "0,05 tỷ",
 * "11.266,56", "(1.728)" for a negative. The value is exact; the unit is the one written, if any.
 */
export function parseAmount(input: unknown): AmountParse {
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input, decimal: decimalFromNumber(input), unit: null, notation: 'plain' }
      : { ok: false, error: 'invalid' };
  }
  if (typeof input !== 'string') return { ok: false, error: input == null ? 'empty' : 'invalid' };
  let text = input.normalize('NFC').replace(SPACES, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, error: 'empty' };

  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1].trim();
  } else if (/^[-−–]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }

  const m = AMOUNT_SHAPE.exec(text);
  if (!m) return { ok: false, error: 'invalid' };
  const unitText = m[2].trim();
  let unit: MoneyUnit | null = null;
  if (unitText !== '') {
    unit = parseUnit(unitText);
    if (unit === null) return { ok: false, error: 'unknown-unit', unitText };
  }
  const read = readNumberPart(m[1]);
  if (!read.ok) {
    if (read.ambiguous) {
      const [a, b] = read.ambiguous.map((p) => (negative ? -Number(p) : Number(p)));
      return { ok: false, error: 'ambiguous', candidates: [a, b] };
    }
    return { ok: false, error: 'invalid' };
  }
  let decimal = decimalFromString(read.plain);
  if (!decimal) return { ok: false, error: 'invalid' };
  if (negative) decimal = negate(decimal);
  return { ok: true, value: toNumber(decimal), decimal, unit, notation: read.notation };
}

const AMOUNT_IN_TEXT = /(?:^|[^\d.,])([-−]?\d[\d.,]*(?: \d{3}(?![\d]))*)(\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|trđ|tr\.?đ?|đồng|đ|VNĐ|VND)(?:\s+đồng)?)?/giu;

/**
 * Finds the one amount in a sentence ("Nguồn vốn thực hiện: Dự kiến 530 triệu đồng."). Null when
 * there is none or more than one, so a caller never picks a number by luck.
 */
export function findAmount(text: string): AmountParse | null {
  const matches = [...text.normalize('NFC').replace(SPACES, ' ').matchAll(AMOUNT_IN_TEXT)];
  if (matches.length !== 1) return null;
  const [, number, unit] = matches[0];
  return parseAmount(`${number.replace(/[.,]+$/, '')}${unit ?? ''}`);
}

export interface FormatOptions {
  /** Fixed number of decimals; default: as many as needed, at most `maxDecimals`. */
  decimals?: number;
  maxDecimals?: number;
  /** Append the unit label ("triệu đồng"). */
  unit?: MoneyUnit;
  /** 'vi' (default): 1.728,5 — 'en': 1,728.5 */
  locale?: 'vi' | 'en';
}

/** Formats an amount for display ("1.728", "76,47 tỷ đồng"); rounding is half away from zero. */
export function formatAmount(value: number | Decimal, options: FormatOptions = {}): string {
  const d = typeof value === 'number' ? decimalFromNumber(value) : value;
  const places = options.decimals ?? options.maxDecimals ?? 3;
  const rounded = round(d, places);
  let plain = toPlainString(abs(rounded));
  let [intPart, fracPart = ''] = plain.split('.');
  if (options.decimals !== undefined) fracPart = fracPart.padEnd(options.decimals, '0');
  const [group, point] = options.locale === 'en' ? [',', '.'] : ['.', ','];
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  plain = fracPart ? `${intPart}${point}${fracPart}` : intPart;
  const sign = rounded.digits < 0n ? '-' : '';
  const label = options.unit ? ` ${UNIT_LABEL_VI[options.unit]}` : '';
  return `${sign}${plain}${label}`;
}

/** Converts between đồng, nghìn, triệu and tỷ exactly (a shift of the decimal point). */
export function convertUnitDecimal(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return shift(value, UNIT_EXPONENT[from] - UNIT_EXPONENT[to]);
}

export function convertUnit(value: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return value;
  return toNumber(convertUnitDecimal(decimalFromNumber(value), from, to));
}

/**
 * The tolerance rule used by every comparison: |a − b| ≤ tolerance (in the amounts' own unit),
 * computed on exact decimals, plus a relative allowance of 1e-10 for the binary noise that
 * Excel's own SUM leaves in cached values (0.30000000000000004).
 */
export const RELATIVE_NOISE = 1e-10;

/** One đồng, in the given unit: the default tolerance ("correct to the last đồng"). */
export function defaultTolerance(unit: MoneyUnit): number {
  return 10 ** -UNIT_EXPONENT[unit];
}

export function amountsEqual(a: number, b: number, tolerance = 0): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = abs(subtract(decimalFromNumber(a), decimalFromNumber(b)));
  if (compare(diff, decimalFromNumber(Math.abs(tolerance))) <= 0) return true;
  return toNumber(diff) <= RELATIVE_NOISE * Math.max(Math.abs(a), Math.abs(b));
}
