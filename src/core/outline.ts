/**
 * Outline numbering. Plans number their items two ways:
 * - display labels in the STT column: I, II → 1, 2 → 1.1 → a), b), đ) → - → + (parts A, B on top);
 * - machine codes KH writes in its code column: DA3, DA3.1, DA3.1.2 (catalogue form DA3.TDA1 is
 *   accepted and read as DA3.1). The tree of machine codes drives roll-ups.
 */
import { maxOf } from './arrays';

// ---------- display labels ----------

export type LabelKind = 'part' | 'roman' | 'arabic' | 'letter' | 'dash' | 'plus';

export interface OutlineLabel {
  kind: LabelKind;
  /** Position within its kind: roman/letter/part value; for arabic every segment ("4.2" → [4, 2]). */
  numbers: number[];
  /** Nesting rank: smaller is higher. */
  rank: number;
  raw: string;
}

/** Vietnamese letter sequence for items: đ after d; f, j, w, z are not used. */
export const ITEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const PART_LETTERS = ['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'K', 'L', 'M', 'N'];

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

export function romanToNumber(text: string): number | null {
  if (text === '' || !ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function numberToRoman(n: number): string {
  const table: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

const RANK = { part: 0, roman: 1, arabicBase: 1, letter: 7, dash: 8, plus: 9 } as const;

/** Reads one STT label ("II", "4.2.", "đ)", "-", "+", "B"); null for anything else. Never throws. */
export function parseLabel(input: unknown): OutlineLabel | null {
  if (typeof input === 'number') {
    return Number.isInteger(input) && input > 0 ? { kind: 'arabic', numbers: [input], rank: RANK.arabicBase + 1, raw: String(input) } : null;
  }
  if (typeof input !== 'string') return null;
  const raw = input.normalize('NFC').trim();
  if (raw === '-' || raw === '–' || raw === '—') return { kind: 'dash', numbers: [], rank: RANK.dash, raw };
  if (raw === '+') return { kind: 'plus', numbers: [], rank: RANK.plus, raw };
  const body = raw.replace(/[.)]$/, '');
  if (body === '') return null;
  if (/^\d{1,4}(\.\d{1,4}){0,5}$/.test(body)) {
    const numbers = body.split('.').map(Number);
    if (numbers.some((n) => n === 0)) return null;
    return { kind: 'arabic', numbers, rank: RANK.arabicBase + numbers.length, raw };
  }
  const roman = romanToNumber(body);
  if (roman !== null) return { kind: 'roman', numbers: [roman], rank: RANK.roman, raw };
  const letter = ITEM_LETTERS.indexOf(body);
  if (letter >= 0 && raw !== body) return { kind: 'letter', numbers: [letter + 1], rank: RANK.letter, raw };
  const part = PART_LETTERS.indexOf(body);
  if (part >= 0) return { kind: 'part', numbers: [part + 1], rank: RANK.part, raw };
  return null;
}

const HEADING = /^\s*((?:[IVX]+|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ]|[A-HK-NĐ])[.)]|[-–+])\s+(.*)$/su;

/** Splits a heading line into its label and text ("4.1. Tiểu dự án 1: …" → "4.1.", "Tiểu dự án 1: …"). */
export function splitHeading(line: string): { label: OutlineLabel; text: string } | null {
  const m = HEADING.exec(line.normalize('NFC'));
  if (!m) return null;
  const label = parseLabel(m[1]);
  return label ? { label, text: m[2].trim() } : null;
}

/** The label a sequence position gets: 'roman' 4 → "IV", 'letter' 5 → "đ", 'part' 2 → "B". */
export function formatLabel(kind: LabelKind, numbers: number[]): string {
  switch (kind) {
    case 'roman': return numberToRoman(numbers[0]);
    case 'arabic': return numbers.join('.');
    case 'letter': return ITEM_LETTERS[numbers[0] - 1] ?? '?';
    case 'part': return PART_LETTERS[numbers[0] - 1] ?? '?';
    case 'dash': return '-';
    case 'plus': return '+';
  }
}

// ---------- machine codes ----------

export interface OutlineCode {
  /** Letters before the first number: 'DA', 'HP'; '' for plain dotted numbers ("1.2"). */
  prefix: string;
  path: number[];
}

/** Deeper than any plan goes (Dự án › Tiểu dự án › nội dung › hoạt động …); bounds the work per row. */
export const MAX_CODE_DEPTH = 12;

const CODE = /^([A-Za-z]{0,4})\s*(\d{1,4})((?:\s*\.\s*[A-Za-z]{0,4}\s*\d{1,4})*)$/;

/** Reads a machine code: "DA3.1.2", "DA3.TDA2" (= DA3.2), "HP1.ND4", "1.2". Null if malformed. */
export function parseCode(input: unknown): OutlineCode | null {
  if (typeof input === 'number') return Number.isInteger(input) && input > 0 ? { prefix: '', path: [input] } : null;
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text.length > 64) return null;
  const m = CODE.exec(text);
  if (!m) return null;
  const path = [Number(m[2])];
  for (const seg of m[3].split('.').slice(1)) path.push(Number(seg.replace(/[^\d]/g, '')));
  if (path.length > MAX_CODE_DEPTH) return null;
  return { prefix: m[1].toUpperCase(), path };
}

export function formatCode(code: OutlineCode): string {
  return `${code.prefix}${code.path.join('.')}`;
}

/** Canonical text of a code ("da3.tda2" → "DA3.2"), or null when it is not one. */
export function canonicalCode(input: unknown): string | null {
  const code = parseCode(input);
  return code ? formatCode(code) : null;
}

export function parentOf(code: OutlineCode): OutlineCode | null {
  return code.path.length > 1 ? { prefix: code.prefix, path: code.path.slice(0, -1) } : null;
}

// ---------- the tree of a code column ----------

export type OutlineIssue =
  | { kind: 'duplicate'; code: string; rows: number[] }
  | { kind: 'orphan'; code: string; row: number; missingParent: string; attachedTo: number }
  | { kind: 'gap'; parent: string; missing: string[]; rows: number[] }
  | { kind: 'malformed'; row: number; text: string };

export interface OutlineTree {
  /** Canonical code of each row, null where the row has none (blank, title, note). */
  codes: (string | null)[];
  /** Parent row of each row, -1 for roots and rows without a code. */
  parent: Int32Array;
  /** Depth in the tree (1 for roots), 0 for rows without a code. */
  depth: Int32Array;
  /** True where some row has this row as its parent. */
  hasChildren: Uint8Array;
  /** For a repeated code, the first row that holds it; else the row itself. */
  firstOf: Int32Array;
  /** Duplicates, orphans and malformed codes; gaps come from outlineGaps(). */
  issues: OutlineIssue[];
}

/**
 * Builds the tree of a code column in O(n · depth). A code whose parent row is missing hangs on its
 * nearest ancestor that exists (so DA3 still counts DA3.1.2 when DA3.1 is absent — as SUMIFS over
 * "DA3.*" would) and is reported as an orphan.
 */
export function buildOutline(column: ReadonlyArray<unknown>): OutlineTree {
  const n = column.length;
  const codes: (string | null)[] = new Array(n).fill(null);
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const hasChildren = new Uint8Array(n);
  const firstOf = new Int32Array(n);
  const issues: OutlineIssue[] = [];
  const rowOf = new Map<string, number>();
  const duplicates = new Map<string, number[]>();

  for (let r = 0; r < n; r++) {
    firstOf[r] = r;
    const cell = column[r];
    if (cell == null || cell === '' || (typeof cell === 'string' && cell.trim() === '')) continue;
    const text = canonicalText(cell);
    if (text === null) {
      issues.push({ kind: 'malformed', row: r, text: String(cell) });
      continue;
    }
    codes[r] = text;
    const first = rowOf.get(text);
    if (first === undefined) rowOf.set(text, r);
    else {
      firstOf[r] = first;
      const rows = duplicates.get(text) ?? [first];
      rows.push(r);
      duplicates.set(text, rows);
    }
  }
  for (const [code, rows] of duplicates) issues.push({ kind: 'duplicate', code, rows });

  // parents by cutting the last segment off the canonical text: no parsing in the hot loop
  for (let r = 0; r < n; r++) {
    const text = codes[r];
    if (text === null) continue;
    let ancestor = text;
    let cut = ancestor.lastIndexOf('.');
    let firstMissing: string | null = null;
    while (cut > 0) {
      ancestor = ancestor.slice(0, cut);
      const row = rowOf.get(ancestor);
      if (row !== undefined && row !== r) {
        parent[r] = row;
        break;
      }
      if (firstMissing === null) firstMissing = ancestor;
      cut = ancestor.lastIndexOf('.');
    }
    if (firstMissing !== null && firstOf[r] === r) {
      issues.push({ kind: 'orphan', code: text, row: r, missingParent: firstMissing, attachedTo: parent[r] });
    }
    if (parent[r] >= 0) hasChildren[parent[r]] = 1;
  }

  // depth: parents usually come first, so one look at the parent settles most rows
  for (let r = 0; r < n; r++) {
    if (codes[r] === null || depth[r] > 0) continue;
    const p = parent[r];
    if (p < 0) depth[r] = 1;
    else if (depth[p] > 0) depth[r] = depth[p] + 1;
    else {
      const chain: number[] = [];
      let x = r;
      while (x >= 0 && depth[x] === 0) {
        chain.push(x);
        x = parent[x];
      }
      let d = x >= 0 ? depth[x] : 0;
      for (let i = chain.length - 1; i >= 0; i--) depth[chain[i]] = ++d;
    }
  }

  return { codes, parent, depth, hasChildren, firstOf, issues };
}

// canonical codes (what KH writes) skip the full parser
const CANONICAL = /^[A-Z]{0,4}[1-9]\d{0,3}(?:\.[1-9]\d{0,3}){0,11}$/;

function canonicalText(cell: unknown): string | null {
  if (typeof cell === 'string' && CANONICAL.test(cell)) return cell;
  const code = parseCode(cell);
  return code ? formatCode(code) : null;
}

/**
 * Numbers missing among siblings (DA4.1, DA4.3 → DA4.2 missing). Separate from buildOutline because
 * roll-ups do not need it, and because a gap is often legitimate: sub-project numbers are fixed.
 */
export function outlineGaps(tree: OutlineTree): Array<OutlineIssue & { kind: 'gap' }> {
  const { codes, firstOf } = tree;
  // siblings keyed by their real parent code (not the attachment point) so orphans do not fake gaps
  const groups = new Map<string, { numbers: Set<number>; rows: number[] }>();
  codes.forEach((text, r) => {
    if (text === null || firstOf[r] !== r) return;
    const cut = text.lastIndexOf('.');
    const key = cut > 0 ? text.slice(0, cut) : `${/^[A-Z]*/.exec(text)?.[0] ?? ''}#root`;
    const number = Number(cut > 0 ? text.slice(cut + 1) : text.replace(/^[A-Z]*/, ''));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { numbers: new Set(), rows: [] }));
    g.numbers.add(number);
    g.rows.push(r);
  });
  const issues: Array<OutlineIssue & { kind: 'gap' }> = [];
  for (const [key, g] of groups) {
    const max = maxOf(g.numbers);
    if (max > 10_000) continue;
    const root = key.endsWith('#root');
    const base = root ? key.slice(0, -'#root'.length) : `${key}.`;
    const missing: string[] = [];
    for (let i = 1; i < max; i++) if (!g.numbers.has(i)) missing.push(`${base}${i}`);
    if (missing.length > 0) issues.push({ kind: 'gap', parent: root ? '' : key, missing, rows: g.rows });
  }
  return issues;
}

// ---------- the tree of an STT label column ----------

export type LabelIssue =
  | { kind: 'repeated'; row: number; label: string; previousRow: number }
  | { kind: 'skipped'; row: number; label: string; expected: string }
  | { kind: 'unknown'; row: number; text: string };

export interface LabelTree {
  labels: (OutlineLabel | null)[];
  parent: Int32Array;
  issues: LabelIssue[];
}

/**
 * Nests STT labels by rank (I ⊃ 1 ⊃ 1.1 ⊃ a) ⊃ - ⊃ +) and checks each sibling sequence:
 * a label used twice ("V." twice) or a number skipped (I, II, IV).
 */
export function buildLabelTree(column: ReadonlyArray<unknown>): LabelTree {
  const n = column.length;
  const labels: (OutlineLabel | null)[] = new Array(n).fill(null);
  const parent = new Int32Array(n).fill(-1);
  const issues: LabelIssue[] = [];
  const stack: number[] = [];
  // last sibling seen under each parent (key: parent row) per kind
  const lastSibling = new Map<string, number>();

  for (let r = 0; r < n; r++) {
    const cell = column[r];
    if (cell == null || (typeof cell === 'string' && cell.trim() === '')) continue;
    const label = parseLabel(cell);
    if (!label) {
      issues.push({ kind: 'unknown', row: r, text: String(cell) });
      continue;
    }
    labels[r] = label;
    while (stack.length > 0 && (labels[stack[stack.length - 1]] as OutlineLabel).rank >= label.rank) stack.pop();
    parent[r] = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(r);
    if (label.kind === 'dash' || label.kind === 'plus') continue;

    const key = `${parent[r]}|${label.kind}|${label.numbers.length}`;
    const prev = lastSibling.get(key);
    const current = label.numbers[label.numbers.length - 1];
    if (prev !== undefined) {
      const before = labels[prev] as OutlineLabel;
      const last = before.numbers[before.numbers.length - 1];
      if (current === last) issues.push({ kind: 'repeated', row: r, label: label.raw, previousRow: prev });
      else if (current > last + 1) {
        issues.push({ kind: 'skipped', row: r, label: label.raw, expected: formatLabel(label.kind, [...label.numbers.slice(0, -1), last + 1]) });
      }
    }
    lastSibling.set(key, r);
  }
  return { labels, parent, issues };
}
