/**
 * Vietnamese letters split into base letter (with its vowel modifier: â ă ê ô ơ ư) and tone
 * mark, plus a syllable parser. Shared by tone normalisation and encoding detection.
 */

/** Tone marks as combining characters, index 1..5 (0 = no tone, "thanh ngang"). */
export const TONE_MARKS: readonly string[] = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Tone index: 1 huyền (grave), 2 sắc (acute), 3 hỏi (hook), 4 ngã (tilde), 5 nặng (dot below). */
export type ToneIndex = 0 | 1 | 2 | 3 | 4 | 5;

export interface LetterParts {
  /** The letter without its tone, same case: 'ệ' → 'ê', 'Ắ' → 'Ă', 'b' → 'b'. */
  readonly base: string;
  readonly tone: ToneIndex;
}

const VOWEL_BASES_LOWER = 'aăâeêioôơuưy';
export const MODIFIED_VOWELS = 'ăâêôơư';

// Built once from NFC composition so the table cannot drift from Unicode.
const LETTERS = new Map<string, LetterParts>();
const COMPOSE = new Map<string, string>(); // base + tone index → letter
(() => {
  const bases = VOWEL_BASES_LOWER + VOWEL_BASES_LOWER.toUpperCase();
  for (const base of bases) {
    for (let t = 0; t < TONE_MARKS.length; t++) {
      const letter = (base + TONE_MARKS[t]).normalize('NFC');
      LETTERS.set(letter, { base, tone: t as ToneIndex });
      COMPOSE.set(base + t, letter);
    }
  }
  for (const c of 'bcdđfghjklmnpqrstvwxzBCDĐFGHJKLMNPQRSTVWXZ') LETTERS.set(c, { base: c, tone: 0 });
})();

/** Parts of a Vietnamese (or ASCII) letter; null for anything else. */
export function letterParts(ch: string): LetterParts | null {
  return LETTERS.get(ch) ?? null;
}

/** Compose a base letter ('ê', 'A') with a tone index. */
export function composeLetter(base: string, tone: ToneIndex): string {
  return COMPOSE.get(base + tone) ?? base;
}

/** True for letters of the Vietnamese alphabet with or without tone, and ASCII letters. */
export function isVietnameseLetter(ch: string): boolean {
  return LETTERS.has(ch);
}

export function isVowelBase(lowerBase: string): boolean {
  return lowerBase.length === 1 && VOWEL_BASES_LOWER.includes(lowerBase);
}

const INITIALS = new Set([
  'ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
// Vowel clusters (nuclei with glides) that may be followed by a final consonant.
const CLUSTERS_CLOSED = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uy', 'iê', 'yê', 'uô', 'ươ', 'uyê',
]);
// Clusters that end the syllable (they already end in a glide or cannot close).
const CLUSTERS_OPEN = new Set([
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uê', 'ui', 'uơ', 'uy', 'ưa', 'ưi', 'ưu',
  'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu', 'yêu',
]);

export interface Syllable {
  /** Index of the first vowel of the cluster (after the initial consonant, "qu"/"gi" included). */
  readonly vowelStart: number;
  /** Index after the last vowel of the cluster. */
  readonly vowelEnd: number;
  readonly hasFinal: boolean;
}

/**
 * Parses lower-case base letters (tones removed) as one Vietnamese syllable:
 * initial consonant, vowel cluster, final consonant. Null when it is not one.
 */
export function parseSyllable(lower: readonly string[]): Syllable | null {
  const n = lower.length;
  if (n === 0 || n > 8) return null;
  let start = 0;
  for (const len of [3, 2, 1]) {
    if (len > n) continue;
    const head = lower.slice(0, len).join('');
    if (!INITIALS.has(head)) continue;
    // "gi" and "qu" are consonants only when a vowel follows ("gì" = g + i, "quý" = qu + y).
    if ((head === 'gi' || head === 'qu') && !(len < n && isVowelBase(lower[len]))) continue;
    start = len;
    break;
  }
  let end = start;
  while (end < n && isVowelBase(lower[end])) end++;
  if (end === start) return null;
  const cluster = lower.slice(start, end).join('');
  const final = lower.slice(end).join('');
  if (!FINALS.has(final)) return null;
  const ok = final === '' ? CLUSTERS_OPEN.has(cluster) : CLUSTERS_CLOSED.has(cluster);
  if (!ok) return null;
  return { vowelStart: start, vowelEnd: end, hasFinal: final !== '' };
}

export interface WordParts {
  readonly parts: readonly LetterParts[];
  readonly lower: readonly string[];
  /** Indices of letters carrying a tone mark. */
  readonly toned: readonly number[];
}

/** Splits a word (array of NFC characters) into letter parts; null if any character is not a letter. */
export function wordParts(chars: readonly string[]): WordParts | null {
  const parts: LetterParts[] = [];
  const toned: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const p = LETTERS.get(chars[i]);
    if (!p) return null;
    parts.push(p);
    if (p.tone !== 0) toned.push(i);
  }
  return { parts, lower: parts.map((p) => p.base.toLowerCase()), toned };
}

/** True when the word (NFC) is one well-formed Vietnamese syllable with at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const w = wordParts([...word]);
  if (!w || w.toned.length > 1) return false;
  return parseSyllable(w.lower) !== null;
}
