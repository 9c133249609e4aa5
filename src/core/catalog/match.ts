/**
 * Tolerant matching of item names written in plans to catalogue entries. Plans abbreviate and
 * vary names ("Phát triển giáo dục nghề nghiệp vùng khó khăn"), mix "hoá"/"hóa", NFC/NFD, and
 * sometimes drop diacritics; the official name is reported back.
 */
import { foldForMatch, toNFC } from '../text/normalize';
import { findByCode, parseCodeReference } from './catalog';
import type { Catalog, CatalogEntry } from './types';

export interface NameMatch {
  readonly entry: CatalogEntry;
  /** 1 exact official name, 0.95 alias, ≤ 0.9 token similarity, 0.9 a bare code reference. */
  readonly confidence: number;
  /** The folded text equals the official name. */
  readonly exact: boolean;
}

export interface MatchOptions {
  /** Candidates at or below this are dropped (default 0.5). */
  readonly minConfidence?: number;
  /** At most this many candidates (default 5). */
  readonly limit?: number;
}

const EXACT = 1;
const ALIAS = 0.95;
const CODE_ONLY = 0.9;
const SIMILARITY_SCALE = 0.9;
const BEST_MIN = 0.6;
const BEST_MARGIN = 0.08;

// Words that carry no meaning for telling items apart.
const STOP_PHRASES = [' thuc hien ', ' chuong trinh '];
const STOP_WORDS = new Set(['va', 'cac', 'cua', 'cho', 'o', 'nhung']);

function contentTokens(folded: string): string[] {
  let s = ` ${folded} `;
  for (const p of STOP_PHRASES) while (s.includes(p)) s = s.replace(p, ' ');
  return s.split(' ').filter((t) => t !== '' && !STOP_WORDS.has(t));
}

/** Dice coefficient over token multisets. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

interface IndexedEntry {
  readonly entry: CatalogEntry;
  readonly depth: number;
  readonly name: string;
  readonly nameTokens: readonly string[];
  readonly aliases: readonly string[];
  readonly aliasTokens: ReadonlyArray<readonly string[]>;
}

const INDEX = new WeakMap<Catalog, IndexedEntry[]>();

function indexOf(catalog: Catalog): IndexedEntry[] {
  let idx = INDEX.get(catalog);
  if (idx) return idx;
  const byCode = new Map(catalog.entries.map((e) => [e.code.toUpperCase(), e]));
  const depth = (e: CatalogEntry): number => {
    let d = 0;
    let p = e.parent;
    while (p !== null && d <= catalog.entries.length) {
      d++;
      p = byCode.get(p.toUpperCase())?.parent ?? null;
    }
    return d;
  };
  idx = catalog.entries.map((entry) => {
    const name = foldForMatch(entry.name);
    const aliases = entry.aliases.map(foldForMatch);
    return {
      entry,
      depth: depth(entry),
      name,
      nameTokens: contentTokens(name),
      aliases,
      aliasTokens: aliases.map(contentTokens),
    };
  });
  INDEX.set(catalog, idx);
  return idx;
}

// Leading outline numbering: "4.1.", "IV.", "a)", "-", "+".
const NUMBERING_RE = /^\s*(?:[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+*•–—])\s*/iu;
// Leading code references, on folded text: "du an 3", "tieu du an 1", "da3 tda2", "hop phan thu nhat", "thuoc".
const PREFIX_RE = /^(?:(?:tieu du an|du an|hop phan(?: thu)?|noi dung thanh phan|ndtp|tda|da|hp|nd) ?(?:\d+|nhat|hai|ii|i)|\d+|thuoc)(?: |$)/;

interface Parsed {
  /** Folded name without numbering and code prefix. */
  readonly folded: string;
  /** The stripped code prefix, folded ('' when none). */
  readonly prefix: string;
}

function parseName(name: string): Parsed {
  let s = toNFC(name);
  for (let i = 0; i < 5; i++) {
    const next = s.replace(NUMBERING_RE, '');
    if (next === s) break;
    s = next;
  }
  let f = foldForMatch(s);
  let prefix = '';
  for (let i = 0; i < 6; i++) {
    const m = f.match(PREFIX_RE);
    if (!m) break;
    prefix += m[0];
    f = f.slice(m[0].length);
  }
  return { folded: f, prefix: prefix.trim() };
}

interface Ranked extends NameMatch {
  readonly depth: number;
  readonly folded: string;
  /** How well the entry agrees with the code prefix written before the name (0 none). */
  readonly hint: number;
}

function prefixHint(prefix: string, entry: CatalogEntry, depth: number): number {
  if (prefix === '') return 0;
  const code = parseCodeReference(prefix);
  if (code !== null && code.toUpperCase() === entry.code.toUpperCase()) return 2;
  // "Tiểu dự án 1:" alone says it is a sub-level item.
  const saysSub = /\b(?:tieu du an|tda ?\d*|noi dung thanh phan|ndtp|nd ?\d*)\b/.test(prefix);
  return saysSub === depth > 0 ? 1 : 0;
}

function rank(catalog: Catalog, name: string, minConfidence: number): Ranked[] {
  if (typeof name !== 'string') return [];
  const { folded, prefix } = parseName(name);
  const idx = indexOf(catalog);
  if (folded === '') {
    // The text is only a code reference ("Dự án 3"): report the entry it names.
    const entry = prefix === '' ? null : findByCode(catalog, prefix);
    const hit = entry ? idx.find((i) => i.entry === entry) : undefined;
    return hit ? [{ entry: hit.entry, confidence: CODE_ONLY, exact: false, depth: hit.depth, folded: hit.name, hint: 2 }] : [];
  }
  const tokens = contentTokens(folded);
  const out: Ranked[] = [];
  for (const i of idx) {
    let confidence: number;
    let exact = false;
    if (i.name === folded) {
      confidence = EXACT;
      exact = true;
    } else if (i.aliases.includes(folded)) {
      confidence = ALIAS;
    } else {
      let sim = dice(tokens, i.nameTokens);
      for (const a of i.aliasTokens) sim = Math.max(sim, dice(tokens, a));
      confidence = Math.round(sim * SIMILARITY_SCALE * 1000) / 1000;
    }
    if (confidence <= minConfidence) continue;
    out.push({ entry: i.entry, confidence, exact, depth: i.depth, folded: i.name, hint: prefixHint(prefix, i.entry, i.depth) });
  }
  return out.sort((a, b) => b.confidence - a.confidence || b.hint - a.hint || a.depth - b.depth);
}

function strip(r: Ranked): NameMatch {
  return { entry: r.entry, confidence: r.confidence, exact: r.exact };
}

/**
 * Candidate entries for a name written in a plan, best first: exact official name after
 * folding (1), alias (0.95), then token similarity (Dice over folded tokens, scaled to ≤ 0.9).
 * A leading "Dự án 3:", "Tiểu dự án 1:", "DA3.", "4.1." is ignored for the name comparison.
 */
export function matchName(catalog: Catalog, name: string, opts: MatchOptions = {}): NameMatch[] {
  const limit = opts.limit ?? 5;
  return rank(catalog, name, opts.minConfidence ?? 0.5).slice(0, Math.max(0, limit)).map(strip);
}

function isDescendant(catalog: Catalog, child: CatalogEntry, ancestor: CatalogEntry): boolean {
  let p = child.parent;
  for (let i = 0; p !== null && i <= catalog.entries.length; i++) {
    if (p.toUpperCase() === ancestor.code.toUpperCase()) return true;
    p = catalog.entries.find((e) => e.code.toUpperCase() === p?.toUpperCase())?.parent ?? null;
  }
  return false;
}

/**
 * The entry a name refers to, or null when no candidate reaches 0.6 or the top two are too
 * close to tell apart. A tie between an entry and a sub-entry carrying the same name (DA1 and
 * its TDA1) goes to the one the written prefix points at, else to the parent.
 */
export function bestMatch(catalog: Catalog, name: string): NameMatch | null {
  const ranked = rank(catalog, name, 0.5);
  const [top, second] = ranked;
  if (!top || top.confidence < BEST_MIN) return null;
  if (!second || top.confidence - second.confidence >= BEST_MARGIN) return strip(top);
  if (top.confidence === second.confidence) {
    if (top.hint > second.hint) return strip(top);
    if (top.hint === second.hint && top.folded === second.folded && isDescendant(catalog, second.entry, top.entry)) {
      return strip(top);
    }
  }
  return null;
}
