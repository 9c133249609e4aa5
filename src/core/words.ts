/**
 * Bằng chữ: amounts in Vietnamese words and back (domain.md §7).
 * Amounts are read in đồng; an amount in triệu/tỷ is scaled exactly (BigInt, no float multiplication)
 * because the words are printed on legal documents and must match the figure to the đồng.
 */
import { type MoneyUnit, UNIT_EXPONENT } from './units';
import { pushAll } from './arrays';
import { type DecimalParts, decimalParts } from './decimal';

export interface WordsOptions {
  /** Unit of the input amount, default 'dong'; 1728 with unit 'trieu' = 1.728.000.000 đồng. */
  unit?: MoneyUnit;
  /** Word for a zero tens digit after a read hundred, default 'linh' (105 → "một trăm linh năm"). */
  zeroTens?: 'linh' | 'lẻ';
  /** Default 'nghìn'. */
  thousand?: 'nghìn' | 'ngàn';
  /** Append " đồng", default true. */
  currency?: boolean;
  /** Append " chẵn" when the amount is a non-zero whole number of nghìn, default false. */
  chan?: boolean;
}

export type WordsError = 'not-a-number' | 'too-large';
export type WordsResult = { ok: true; text: string; dong: bigint } | { ok: false; error: WordsError };

export type WordsParseError = 'empty' | 'unknown-word' | 'bad-order';
/** `index` is the 0-based position of `word` among the words of the input (punctuation removed). */
export type WordsParse =
  | { ok: true; dong: bigint }
  | { ok: false; error: WordsParseError; word?: string; index?: number };

/** Amounts must satisfy |dong| < 10^27 ("tỷ tỷ tỷ" would be the next level, never seen in a plan). */
export const MAX_WORDS_EXPONENT = 27;
const LIMIT = 10n ** BigInt(MAX_WORDS_EXPONENT);
const BILLION = 1_000_000_000n;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

// ---------------------------------------------------------------------------------------------
// Exact scaling to đồng

function toDecimal(amount: unknown): DecimalParts | null {
  if (typeof amount === 'bigint') {
    return { negative: amount < 0n, mantissa: (amount < 0n ? -amount : amount).toString(), exponent: 0 };
  }
  if (typeof amount === 'number') {
    // The shortest round-trip string is the value the user typed; multiplying the float is not.
    return Number.isFinite(amount) ? decimalParts(String(amount)) : null;
  }
  if (typeof amount === 'string') return decimalParts(amount);
  return null;
}

type ScaleResult = { ok: true; dong: bigint } | { ok: false; error: WordsError };

/** Scales an amount in `unit` to whole đồng, rounding half away from zero. */
export function toDong(amount: number | bigint | string, unit: MoneyUnit = 'dong'): ScaleResult {
  const dec = toDecimal(amount);
  if (dec === null) return { ok: false, error: 'not-a-number' };
  const digits = dec.mantissa.replace(/^0+/, '');
  if (digits === '') return { ok: true, dong: 0n };
  const exponent = dec.exponent + UNIT_EXPONENT[unit];
  // Decide extreme exponents before building 10^exponent, which could be astronomically large.
  if (digits.length + exponent > MAX_WORDS_EXPONENT + 1) return { ok: false, error: 'too-large' };
  if (digits.length + exponent < -1) return { ok: true, dong: 0n };
  const mantissa = BigInt(digits);
  let magnitude: bigint;
  if (exponent >= 0) {
    magnitude = mantissa * 10n ** BigInt(exponent);
  } else {
    const divisor = 10n ** BigInt(-exponent);
    const quotient = mantissa / divisor;
    magnitude = 2n * (mantissa % divisor) >= divisor ? quotient + 1n : quotient;
  }
  if (magnitude >= LIMIT) return { ok: false, error: 'too-large' };
  return { ok: true, dong: dec.negative ? -magnitude : magnitude };
}

// ---------------------------------------------------------------------------------------------
// Number → words

interface Style {
  zeroTens: string;
  thousand: string;
}

/** One group of three digits; `full` reads the hundred even when it is zero (inner groups). */
function readGroup(group: number, full: boolean, style: Style): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const readHundred = full || hundreds > 0;
  if (readHundred) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (readHundred) words.push(style.zeroTens);
      words.push(DIGITS[units]);
    }
  } else if (tens === 1) {
    words.push('mười');
    if (units > 0) words.push(units === 5 ? 'lăm' : DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    if (units > 0) words.push(units === 1 ? 'mốt' : units === 4 ? 'tư' : units === 5 ? 'lăm' : DIGITS[units]);
  }
  return words;
}

/** 0 < n < 10^9; `leading` = first words of the whole amount, so no "không trăm" before it. */
function readBelowBillion(n: number, leading: boolean, style: Style): string[] {
  const groups: Array<[number, string | null]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, style.thousand],
    [n % 1000, null],
  ];
  const words: string[] = [];
  for (const [group, scale] of groups) {
    if (group === 0) continue;
    pushAll(words, readGroup(group, !(leading && words.length === 0), style));
    if (scale !== null) words.push(scale);
  }
  return words;
}

/** n > 0. Beyond tỷ the reading recurses on the part above 10^9: "nghìn tỷ", "triệu tỷ", "tỷ tỷ". */
function readPositive(n: bigint, leading: boolean, style: Style): string[] {
  if (n < BILLION) return readBelowBillion(Number(n), leading, style);
  const high = n / BILLION;
  const low = n % BILLION;
  const words = [...readPositive(high, leading, style), 'tỷ'];
  if (low > 0n) pushAll(words, readBelowBillion(Number(low), false, style));
  return words;
}

/** Reads an amount in words ("Một tỷ bảy trăm hai mươi tám triệu đồng"). */
export function amountToWords(amount: number | bigint | string, options: WordsOptions = {}): WordsResult {
  const scaled = toDong(amount, options.unit ?? 'dong');
  if (!scaled.ok) return scaled;
  const dong = scaled.dong;
  const style: Style = { zeroTens: options.zeroTens ?? 'linh', thousand: options.thousand ?? 'nghìn' };
  const magnitude = dong < 0n ? -dong : dong;
  const words = magnitude === 0n ? [DIGITS[0]] : readPositive(magnitude, true, style);
  if (dong < 0n) words.unshift('âm');
  if (options.currency ?? true) words.push('đồng');
  if (options.chan && magnitude !== 0n && magnitude % 1000n === 0n) words.push('chẵn');
  const text = words.join(' ').normalize('NFC');
  return { ok: true, text: text.charAt(0).toUpperCase() + text.slice(1), dong };
}

// ---------------------------------------------------------------------------------------------
// Words → number

type Kind = 'digit' | 'trăm' | 'mười' | 'mươi' | 'linh' | 'nghìn' | 'triệu' | 'tỷ' | 'âm' | 'ignore';

interface Lexeme {
  kind: Kind;
  digit?: number;
  /** mốt, tư, lăm: only valid as the unit digit after mười/mươi/linh. */
  unitOnly?: boolean;
}

const LEXICON: ReadonlyMap<string, Lexeme> = new Map<string, Lexeme>([
  ...DIGITS.map((word, digit): [string, Lexeme] => [word, { kind: 'digit', digit }]),
  ['bẩy', { kind: 'digit', digit: 7 }],
  ['mốt', { kind: 'digit', digit: 1, unitOnly: true }],
  ['tư', { kind: 'digit', digit: 4, unitOnly: true }],
  ['lăm', { kind: 'digit', digit: 5, unitOnly: true }],
  ['trăm', { kind: 'trăm' }],
  ['mười', { kind: 'mười' }],
  ['mươi', { kind: 'mươi' }],
  ['linh', { kind: 'linh' }],
  ['lẻ', { kind: 'linh' }],
  ['nghìn', { kind: 'nghìn' }],
  ['ngàn', { kind: 'nghìn' }],
  ['triệu', { kind: 'triệu' }],
  ['tỷ', { kind: 'tỷ' }],
  ['tỉ', { kind: 'tỷ' }],
  ['âm', { kind: 'âm' }],
  ['đồng', { kind: 'ignore' }],
  ['chẵn', { kind: 'ignore' }],
]);

interface Token extends Lexeme {
  word: string;
  index: number;
}

class ParseFailure {
  constructor(
    readonly error: WordsParseError,
    readonly token?: Token,
  ) {}
}

function badOrder(token: Token | undefined): ParseFailure {
  return new ParseFailure('bad-order', token);
}

/** A group below 1000: [d trăm] then linh d | mười [d] | d mươi [d] | d (only without a hundred). */
function parseGroup(tokens: readonly Token[]): number {
  let i = 0;
  let value = 0;
  const at = (k: number): Token | undefined => tokens[k];
  const unitAt = (k: number): number | null => {
    const t = at(k);
    return t?.kind === 'digit' && t.digit !== 0 ? (t.digit as number) : null;
  };
  const first = at(0);
  const hasHundred = first?.kind === 'digit' && !first.unitOnly && at(1)?.kind === 'trăm';
  if (hasHundred) {
    value = (first.digit as number) * 100;
    i = 2;
  }
  const t = at(i);
  if (t === undefined) {
    if (!hasHundred) throw badOrder(first);
    return value;
  }
  if (t.kind === 'linh') {
    const unit = unitAt(i + 1);
    if (!hasHundred) throw badOrder(t);
    if (unit === null) throw badOrder(at(i + 1) ?? t);
    value += unit;
    i += 2;
  } else if (t.kind === 'mười') {
    value += 10;
    i += 1;
    const unit = unitAt(i);
    if (unit !== null) {
      value += unit;
      i += 1;
    }
  } else if (t.kind === 'digit' && !t.unitOnly && (t.digit as number) >= 2 && at(i + 1)?.kind === 'mươi') {
    value += (t.digit as number) * 10;
    i += 2;
    const unit = unitAt(i);
    if (unit !== null) {
      value += unit;
      i += 1;
    }
  } else if (t.kind === 'digit' && !t.unitOnly && t.digit !== 0 && !hasHundred) {
    // "một trăm năm" is colloquially 150, so a bare digit right after trăm is refused, not guessed.
    value += t.digit as number;
    i += 1;
  } else {
    throw badOrder(t);
  }
  if (i < tokens.length) throw badOrder(at(i));
  return value;
}

/** Splits at the single occurrence of a scale word: [before, after], or null when absent. */
function splitAt(tokens: readonly Token[], kind: Kind): [Token[], Token[], Token] | null {
  const positions = tokens.flatMap((t, k) => (t.kind === kind ? [k] : []));
  if (positions.length === 0) return null;
  if (positions.length > 1) throw badOrder(tokens[positions[1]]);
  const k = positions[0];
  if (k === 0) throw badOrder(tokens[0]);
  return [tokens.slice(0, k), tokens.slice(k + 1), tokens[k]];
}

/** A part below 10^9: [group triệu] [group nghìn] [group]. */
function parseBelowBillion(tokens: readonly Token[]): bigint {
  let rest: readonly Token[] = tokens;
  let value = 0;
  const millions = splitAt(rest, 'triệu');
  if (millions) {
    value += parseGroup(millions[0]) * 1_000_000;
    rest = millions[1];
  }
  const thousands = splitAt(rest, 'nghìn');
  if (thousands) {
    value += parseGroup(thousands[0]) * 1000;
    rest = thousands[1];
  }
  if (rest.length > 0) value += parseGroup(rest);
  return BigInt(value);
}

/** Segments between tỷ: s0 tỷ s1 tỷ … sk = ((s0·10^9 + s1)·10^9 + …) — iterative, so no deep recursion. */
function parseNumber(tokens: readonly Token[]): bigint {
  if (tokens.length === 1 && tokens[0].kind === 'digit' && tokens[0].digit === 0) return 0n;
  const segments: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'tỷ') segments.push([]);
    else segments[segments.length - 1].push(t);
  }
  if (segments[0].length === 0) throw badOrder(tokens[0]);
  let value = 0n;
  for (const segment of segments) value = value * BILLION + parseBelowBillion(segment);
  return value;
}

function tokenize(text: string): Token[] | ParseFailure {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w !== '');
  const tokens: Token[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const lexeme = LEXICON.get(word);
    if (lexeme === undefined) return new ParseFailure('unknown-word', { kind: 'ignore', word, index });
    if (lexeme.kind !== 'ignore') tokens.push({ ...lexeme, word, index });
  }
  return tokens;
}

/**
 * Reads words back to đồng. Accepts linh/lẻ, nghìn/ngàn, tư/bốn, mốt/một, lăm/năm, tỷ/tỉ, any case,
 * NFC or NFD; ignores "đồng", "chẵn" and punctuation; a leading "âm" makes it negative.
 */
export function wordsToAmount(text: string): WordsParse {
  const tokens = tokenize(typeof text === 'string' ? text : '');
  try {
    if (tokens instanceof ParseFailure) throw tokens;
    let body: readonly Token[] = tokens;
    const negative = body[0]?.kind === 'âm';
    if (negative) body = body.slice(1);
    if (body.length === 0) return { ok: false, error: 'empty' };
    const minus = body.find((t) => t.kind === 'âm');
    if (minus) throw badOrder(minus);
    const dong = parseNumber(body);
    return { ok: true, dong: negative ? -dong : dong };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    return e.token
      ? { ok: false, error: e.error, word: e.token.word, index: e.token.index }
      : { ok: false, error: e.error };
  }
}
