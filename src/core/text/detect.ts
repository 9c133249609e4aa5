/**
 * Detects whether cell text is Unicode, TCVN3 or VNI, and converts legacy text. Font name
 * first (".Vn…" → TCVN3, "VNI-…" → VNI), character statistics second (domain.md §8).
 */
import { isVietnameseLetter, isVietnameseSyllable, isVowelBase, letterParts } from './letters';
import { tcvn3ToUnicode } from './tcvn3';
import { vniToUnicode } from './vni';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';
export type LegacyEncoding = Exclude<TextEncoding, 'unicode'>;

export interface EncodingGuess {
  readonly encoding: TextEncoding;
  /** 0..1 */
  readonly confidence: number;
  /** TCVN3 text in a capitals font (".VnTimeH"): the user sees it upper-cased. */
  readonly capitals?: boolean;
}

/** What a font name says about its encoding; null when the name says nothing. */
export function fontEncoding(font: string | null | undefined): { encoding: TextEncoding; capitals?: boolean } | null {
  if (typeof font !== 'string') return null;
  const name = font.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: /h$/i.test(name) };
  if (/^vni[-\s_]/i.test(name)) return { encoding: 'vni' };
  if (KNOWN_UNICODE_FONTS.test(name)) return { encoding: 'unicode' };
  return null;
}

const KNOWN_UNICODE_FONTS =
  /^(times new roman|arial|calibri|cambria|tahoma|verdana|segoe ui|aptos|courier new|georgia|helvetica|liberation |dejavu |noto |roboto)/i;

/** A letter in U+0080–U+024F that is not part of the Vietnamese alphabet: a sign of legacy bytes. */
function isForeign(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x80 && cp <= 0x24f && !isVietnameseLetter(ch);
}

/** Vietnamese letters neither legacy encoding can produce (ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9). */
function isUnicodeOnlyLetter(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x100 && isVietnameseLetter(ch)) || (cp >= 0x1ea0 && cp <= 0x1ef9);
}

interface Stats {
  readonly foreign: number;
  readonly valid: number;
  readonly invalid: number;
}

const TOKEN_RE = /[\p{L}\p{M}]+/gu;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Foreign characters, and words with non-ASCII letters that are / are not Vietnamese syllables. */
function stats(text: string): Stats {
  let foreign = 0;
  for (const ch of text) if (isForeign(ch)) foreign++;
  let valid = 0;
  let invalid = 0;
  for (const token of text.match(TOKEN_RE) ?? []) {
    if (!hasNonAscii(token)) continue;
    // Words without a vowel are abbreviations ("LĐ-TB&XH"): no evidence either way.
    if (![...token].some((ch) => isVowelBase(letterParts(ch)?.base.toLowerCase() ?? ''))) continue;
    if (isVietnameseSyllable(token)) valid++;
    else invalid++;
  }
  return { foreign, valid, invalid };
}

function clamp01(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

const net = (s: Stats): number => s.valid - s.invalid;

/** Character statistics alone. */
function detectByStatistics(text: string): EncodingGuess {
  if (!hasNonAscii(text)) return { encoding: 'unicode', confidence: 1 };
  for (const ch of text) if (isUnicodeOnlyLetter(ch)) return { encoding: 'unicode', confidence: 0.95 };
  const base = stats(text);
  if (base.foreign === 0 && base.invalid === 0) return { encoding: 'unicode', confidence: 0.9 };
  const readings = (['tcvn3', 'vni'] as const).map((encoding) => ({
    encoding,
    s: stats(encoding === 'tcvn3' ? tcvn3ToUnicode(text) : vniToUnicode(text)),
  }));
  if (base.foreign === 0) {
    // Only Latin-1 letters, but words Vietnamese cannot have ("Yeâu caàu"): a legacy reading
    // wins only when it makes every such word a real syllable.
    const clean = readings.filter((r) => r.s.invalid === 0 && r.s.valid >= base.invalid);
    if (clean.length === 1) return { encoding: clean[0].encoding, confidence: 0.6 };
    return { encoding: 'unicode', confidence: 0.7 };
  }
  let best: (typeof readings)[number] | null = null;
  for (const r of readings) {
    const { s } = r;
    // A legacy reading must remove foreign characters and yield mostly real syllables.
    if (s.foreign >= base.foreign || s.valid === 0 || s.valid <= s.invalid) continue;
    if (!best || net(s) > net(best.s) || (net(s) === net(best.s) && s.foreign < best.s.foreign)) best = r;
  }
  if (!best) return { encoding: 'unicode', confidence: 0.6 };
  const { s } = best;
  const validShare = s.valid / (s.valid + s.invalid);
  const cleared = 1 - s.foreign / base.foreign;
  // Statistics alone never reach the certainty of a font name.
  return { encoding: best.encoding, confidence: clamp01(0.3 + 0.3 * validShare + 0.3 * cleared) };
}

/** Guesses the encoding of cell text, using the font name when there is one. Never throws. */
export function detectEncoding(text: string, font?: string | null): EncodingGuess {
  if (typeof text !== 'string' || text === '') return { encoding: 'unicode', confidence: 1 };
  const byFont = fontEncoding(font);
  if (byFont && byFont.encoding !== 'unicode') {
    // Unicode text left in a legacy font: letters like "ộ", "ư" cannot come from 8-bit bytes.
    for (const ch of text) if (isUnicodeOnlyLetter(ch)) return { encoding: 'unicode', confidence: 0.8 };
    const guess: EncodingGuess = { encoding: byFont.encoding, confidence: 0.95 };
    return byFont.encoding === 'tcvn3' ? { ...guess, capitals: byFont.capitals === true } : guess;
  }
  return detectByStatistics(text);
}

export interface ConvertOptions {
  /** TCVN3 only: text was in a capitals font. */
  readonly capitals?: boolean;
}

/** Converts text in the given encoding to Unicode NFC ('unicode' only normalises to NFC). */
export function convertLegacy(text: string, encoding: TextEncoding, opts: ConvertOptions = {}): string {
  if (typeof text !== 'string') return '';
  switch (encoding) {
    case 'tcvn3':
      return tcvn3ToUnicode(text, opts).normalize('NFC');
    case 'vni':
      return vniToUnicode(text).normalize('NFC');
    default:
      return text.normalize('NFC');
  }
}

export interface CellText {
  readonly value: unknown;
  readonly formula?: string | null;
  readonly font?: string | null;
}

/** Why a cell was left alone. */
export type CellSkipReason = 'formula' | 'not-text';

export interface CellConversion {
  readonly changed: boolean;
  readonly value: unknown;
  /** The encoding the cell text was read as. */
  readonly encoding: TextEncoding;
  readonly skipped?: CellSkipReason;
}

function isFormula(cell: CellText): boolean {
  return (typeof cell.formula === 'string' && cell.formula.trimStart().startsWith('=')) ||
    (typeof cell.value === 'string' && cell.value.startsWith('='));
}

/**
 * Converts one cell's text to Unicode. Never touches formulas or non-text values; `forced`
 * overrides detection (the user said which encoding the sheet is in).
 */
export function convertCellText(cell: CellText, forced?: LegacyEncoding): CellConversion {
  const value = cell?.value;
  if (typeof value !== 'string') return { changed: false, value, encoding: 'unicode', skipped: 'not-text' };
  if (isFormula(cell)) return { changed: false, value, encoding: 'unicode', skipped: 'formula' };
  let encoding: TextEncoding;
  let capitals = false;
  if (forced === 'tcvn3' || forced === 'vni') {
    encoding = forced;
    capitals = forced === 'tcvn3' && fontEncoding(cell.font)?.capitals === true;
  } else {
    const guess = detectEncoding(value, cell.font);
    encoding = guess.encoding;
    capitals = guess.capitals === true;
  }
  if (encoding === 'unicode') return { changed: false, value, encoding };
  const converted = convertLegacy(value, encoding, { capitals });
  return { changed: converted !== value, value: converted, encoding };
}
