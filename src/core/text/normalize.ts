/**
 * Unicode normalisation, tone-mark placement and folding for tolerant matching of Vietnamese
 * text. Real plans mix NFC/NFD and "hoá"/"hóa", "thuỷ"/"thủy": the same word in different strings.
 */
import { MODIFIED_VOWELS, composeLetter, parseSyllable, wordParts, type Syllable } from './letters';

/** Old style puts the mark on the first vowel of open oa/oe/uy ("hóa", "thủy"); new style on the second. */
export type ToneStyle = 'old' | 'new';

/** NFC normalisation; non-strings become ''. */
export function toNFC(s: string): string {
  if (typeof s !== 'string') return '';
  return s.normalize('NFC');
}

// A word: letters and any combining marks left over after NFC.
const WORD_RE = /[\p{L}\p{M}]+/gu;

/** Index inside the word where the tone mark belongs. */
function tonePosition(lower: readonly string[], syl: Syllable, style: ToneStyle): number {
  const { vowelStart: s, vowelEnd: e } = syl;
  const cluster = lower.slice(s, e).join('');
  const uo = cluster.indexOf('ươ');
  if (uo >= 0) return s + uo + 1;
  // A modified vowel always takes the mark ("tiếng", "cửa", "thuyết").
  for (let i = e - 1; i >= s; i--) if (MODIFIED_VOWELS.includes(lower[i])) return i;
  const n = e - s;
  if (n === 3) return s + 1; // "ngoại", "khuỷu"
  if (n === 2) {
    if (syl.hasFinal) return s + 1; // "hoàn", "toán", "huỳnh"
    if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return style === 'old' ? s : s + 1;
    return s; // "mùa", "hài", "mía", "túi"
  }
  return s;
}

function normalizeWord(word: string, style: ToneStyle): string {
  const chars = [...word];
  const w = wordParts(chars);
  if (!w || w.toned.length !== 1) return word;
  const syl = parseSyllable(w.lower);
  if (!syl) return word;
  const from = w.toned[0];
  const to = tonePosition(w.lower, syl, style);
  if (from === to) return word;
  const tone = w.parts[from].tone;
  chars[from] = w.parts[from].base; // each letter keeps its own case
  chars[to] = composeLetter(w.parts[to].base, tone);
  return chars.join('');
}

/**
 * Moves tone marks to the canonical vowel of each Vietnamese-looking word; other words are
 * left alone. Output is NFC. Never throws.
 */
export function normalizeTone(s: string, style: ToneStyle = 'old'): string {
  const text = toNFC(s);
  return text.replace(WORD_RE, (word) => normalizeWord(word, style));
}

/**
 * Folded key for tolerant name matching: NFC, canonical tones, lower case, no diacritics
 * (đ → d), punctuation and whitespace collapsed to single spaces, trimmed.
 */
export function foldForMatch(s: string): string {
  // every mark is removed below, so where a tone sits (hoá / hóa) cannot matter: no normalizeTone
  return toNFC(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
