/**
 * Criteria of SUMIF(S) / COUNTIF(S), as Excel reads them:
 * - an optional operator (= <> < > <= >=), then a number, TRUE/FALSE, an error or text;
 * - text with = or <> matches whole cells, case-insensitively, with * and ? wildcards and ~
 *   escaping them; < > on text compare case-insensitively;
 * - a numeric criterion ("5", 5, "=5", "<>5") with = / <> also matches numeric text ("5"),
 *   while < > <= >= match numbers only;
 * - "" matches blank cells and cells holding ""; "=" only blank cells; "<>" every non-blank cell;
 *   a criterion that is a blank cell is 0 (Microsoft documents this for COUNTIFS).
 * Criteria carry an index key where a column index can answer them without a scan.
 */
import { CalcError, Scalar, errorFromText, numberFromText, round15 } from './values';

export type IndexKey =
  | { kind: 'text'; key: string }
  | { kind: 'number'; key: number }
  | { kind: 'prefix'; prefix: string };

export interface Criterion {
  /** Whether a blank cell matches (then no index can list the matches). */
  matchesBlank: boolean;
  test(v: Scalar): boolean;
  /** Set when the matching non-blank constants are exactly an index lookup. */
  index?: IndexKey;
}

type Op = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** Number of a cell for numeric = / <>: numbers, and text that reads as a number. */
function numericValue(v: Scalar): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numberFromText(v);
  return undefined;
}

function compare(op: Op, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
}

/** A wildcard pattern: a literal (wildcards unescaped), a prefix ("DA4.*"), or a regular expression. */
export function compilePattern(pattern: string): { literal: string } | { prefix: string } | { regex: RegExp } {
  // most criteria are plain codes ("DA4.3", "chi tiết") or a code prefix ("DA4.*")
  if (!/[*?~]/.test(pattern)) return { literal: pattern.toLowerCase() };
  const star = pattern.indexOf('*');
  if (star === pattern.length - 1 && !/[?~]/.test(pattern)) return { prefix: pattern.slice(0, -1).toLowerCase() };
  const escape = (ch: string): string => ch.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let literal = '';
  let source = '';
  let wild = false;
  let trailingStarOnly = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && (pattern[i + 1] === '*' || pattern[i + 1] === '?' || pattern[i + 1] === '~')) {
      const next = pattern[++i];
      literal += next;
      source += escape(next);
      trailingStarOnly = false;
    } else if (ch === '*' || ch === '?') {
      trailingStarOnly = ch === '*' && !wild && i === pattern.length - 1;
      wild = true;
      // the text is lower-cased before the test; lower-casing the whole source would turn \S into \s
      source += ch === '*' ? '[\\s\\S]*' : '[\\s\\S]';
    } else {
      literal += ch;
      source += escape(ch);
    }
  }
  if (!wild) return { literal: literal.toLowerCase() };
  if (trailingStarOnly) return { prefix: literal.toLowerCase() };
  return { regex: new RegExp(`^${source}$`) };
}

function textMatcher(pattern: string): { test: (text: string) => boolean; index?: IndexKey } {
  const p = compilePattern(pattern);
  if ('literal' in p) return { test: (t) => t.toLowerCase() === p.literal, index: { kind: 'text', key: p.literal } };
  if ('prefix' in p) return { test: (t) => t.toLowerCase().startsWith(p.prefix), index: { kind: 'prefix', prefix: p.prefix } };
  return { test: (t) => p.regex.test(t.toLowerCase()) };
}

export function parseCriterion(raw: Scalar): Criterion {
  if (raw === null) raw = 0;
  if (typeof raw === 'number') return numberCriterion('=', raw);
  if (typeof raw === 'boolean') return booleanCriterion('=', raw);
  if (raw instanceof CalcError) return errorCriterion('=', raw);
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(raw)!;
  const op = (m[1] ?? '=') as Op;
  const operand = m[2];
  if (operand === '') {
    if (m[1] === undefined) return { matchesBlank: true, test: (v) => v === null || v === '' };
    if (op === '=') return { matchesBlank: true, test: (v) => v === null };
    if (op === '<>') return { matchesBlank: false, test: (v) => v !== null };
    return { matchesBlank: false, test: () => false };
  }
  const n = numberFromText(operand);
  if (n !== undefined) return numberCriterion(op, n);
  const upper = operand.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return booleanCriterion(op, upper === 'TRUE');
  const err = errorFromText(operand);
  if (err) return errorCriterion(op, err);
  return textCriterion(op, operand);
}

function numberCriterion(op: Op, n: number): Criterion {
  const target = round15(n);
  if (op === '=') {
    return { matchesBlank: false, test: (v) => { const x = numericValue(v); return x !== undefined && round15(x) === target; }, index: { kind: 'number', key: target } };
  }
  if (op === '<>') return { matchesBlank: true, test: (v) => { const x = numericValue(v); return x === undefined || round15(x) !== target; } };
  return { matchesBlank: false, test: (v) => typeof v === 'number' && compare(op, Math.sign(round15(v) - target)) };
}

function booleanCriterion(op: Op, b: boolean): Criterion {
  if (op === '=') return { matchesBlank: false, test: (v) => v === b };
  if (op === '<>') return { matchesBlank: true, test: (v) => v !== b };
  return { matchesBlank: false, test: (v) => typeof v === 'boolean' && compare(op, Number(v) - Number(b)) };
}

function errorCriterion(op: Op, e: CalcError): Criterion {
  if (op === '=') return { matchesBlank: false, test: (v) => v === e };
  if (op === '<>') return { matchesBlank: true, test: (v) => v !== e };
  return { matchesBlank: false, test: () => false };
}

function textCriterion(op: Op, text: string): Criterion {
  if (op === '=' || op === '<>') {
    const m = textMatcher(text);
    if (op === '=') return { matchesBlank: false, test: (v) => typeof v === 'string' && m.test(v), index: m.index };
    return { matchesBlank: true, test: (v) => !(typeof v === 'string' && m.test(v)) };
  }
  const key = text.toLowerCase();
  return {
    matchesBlank: false,
    test: (v) => {
      if (typeof v !== 'string') return false;
      const t = v.toLowerCase();
      return compare(op, t === key ? 0 : t < key ? -1 : 1);
    },
  };
}
