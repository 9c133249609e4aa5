/**
 * Reading the money of a funding statement ("Vốn và nguồn vốn") as officers write it:
 *
 *   Tổng nhu cầu vốn thực hiện: 1.300 triệu đồng (vốn sự nghiệp), trong đó: Ngân sách Trung ương:
 *   1.200 triệu đồng; vốn huy động hợp pháp khác: 100 triệu đồng.
 *
 * becomes a tree of figures — 1.300 with the parts 1.200 and 100 — each with the words that name
 * it (before it: "Ngân sách Trung ương"; after it: "(vốn sự nghiệp)"), its unit and its exact
 * value. "trong đó", "gồm", a parenthesis after a figure and the source hierarchy (ĐTPT and SN
 * under NSTW, NSĐP beside it) decide what is a part of what. Nothing is guessed: an amount
 * without a unit takes the unit of the figures around it or stays unread; "1,728" (one thousand
 * seven hundred twenty-eight, or 1.728?) stays unread with both readings.
 */
import { Decimal, decimalFromNumber } from '../decimal';
import { parseAmount } from '../money';
import { MoneyUnit, parseUnit } from '../units';
import { wordsToAmount } from '../words';
import { readSourceWords, SourceWords } from './source-words';
import { pushAll } from '../arrays';

export type FigureProblem = 'ambiguous' | 'no-unit' | 'invalid';

export interface Figure {
  /** The amount as written, with its unit: "1.200 triệu đồng", "Không". */
  text: string;
  /** The words before it since the previous figure or separator: "Ngân sách Trung ương:". */
  label: string;
  /** Words right after it: a parenthesis without figures, or the rest of its clause. */
  qualifier: string;
  value: number | null;
  decimal: Decimal | null;
  unit: MoneyUnit | null;
  /** The unit was not written after this amount but taken from the figures around it. */
  unitBorrowed: boolean;
  /** The unit borrowed is the one the document declares ("Đơn vị tính: triệu đồng"), not a neighbour's. */
  unitDeclared?: boolean;
  /** "Không": the document says there is none of this money. */
  none: boolean;
  problem: FigureProblem | null;
  /** For an ambiguous amount, its two readings. */
  candidates?: [number, number];
  /** The amount in words next to it ("(Bốn mươi lăm triệu đồng)"), in đồng. */
  words: { text: string; dong: bigint } | null;
  /** The source words of label + qualifier. */
  named: SourceWords;
  parts: Figure[];
  /** Character offset in the statement. */
  at: number;
}

export interface FundingStatement {
  text: string;
  figures: Figure[];
  /** Amounts per unit of something ("10 triệu đồng/hộ"): rates, never totals. */
  rates: string[];
}

type Token =
  | { t: 'open' | 'close' | 'semi' | 'stop' | 'comma' | 'colon' | 'of'; at: number; text: string }
  | { t: 'word'; at: number; text: string }
  | { t: 'amount'; at: number; text: string; number: string; unit: string | null; none: boolean; rate: boolean };

const UNIT_RE = /^(?:tỷ|tỉ|triệu|nghìn|ngàn|trđ|tr\.đ|tr\.|tr|đồng|đ|vnđ|vnd)(?:\s+đồng)?(?![\p{L}\p{N}])/iu;
const NUMBER_RE = /^\d[\d.,]*\d|^\d/;
const OF_RE = /^(?:trong\s+đó|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể(?:\s+như\s+sau)?|chia\s+ra|phân\s+ra)(?![\p{L}\p{N}])/iu;
const NONE_RE = /^(?:không(?:\s+có)?|chưa\s+có)(?=\s*(?:[;.,)\n]|$))/iu;
/** Words right before a number that make it something other than money (a year, a date, a count). */
const NOT_MONEY_BEFORE = /(?:năm|ngày|tháng|số|giai đoạn|quyết định|nghị quyết|thông tư|khoản|điều|mục|lần|đợt|khóa|khoá|lớp|tại|theo|đến|từ)\s*$/iu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let lastSignificant: Token | null = null;
  const push = (tok: Token): void => {
    tokens.push(tok);
    lastSignificant = tok;
  };
  while (i < text.length) {
    const ch = text[i];
    const rest = text.slice(i);
    if (/\s/.test(ch) && ch !== '\n') {
      i++;
      continue;
    }
    if (ch === '\n') {
      push({ t: 'semi', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      push({ t: 'open', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === ')' || ch === ']') {
      push({ t: 'close', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === ';') {
      push({ t: 'semi', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === ',') {
      push({ t: 'comma', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === ':') {
      push({ t: 'colon', at: i, text: ch });
      i++;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      push({ t: 'stop', at: i, text: ch });
      i++;
      continue;
    }
    const prev = lastSignificant as Token | null;
    const noneMatch = prev && prev.t === 'colon' ? NONE_RE.exec(rest) : null;
    if (noneMatch) {
      push({ t: 'amount', at: i, text: noneMatch[0], number: '0', unit: null, none: true, rate: false });
      i += noneMatch[0].length;
      continue;
    }
    const num = /\d/.test(ch) ? NUMBER_RE.exec(rest) : null;
    if (num) {
      // a number glued to letters or a slash ("5114/UBND", "QĐ-90", "2a") is a reference, not money
      const before = i > 0 ? text[i - 1] : ' ';
      const digits = num[0].replace(/[.,]+$/, '');
      const after = text.slice(i + digits.length);
      if (/[\p{L}/\-–]/u.test(before) || /^[\p{L}/]/u.test(after) || /^[.,]\d/.test(after)) {
        const word = /^[^\s;,:()[\]]+/.exec(rest)?.[0] ?? ch;
        push({ t: 'word', at: i, text: word });
        i += word.length;
        continue;
      }
      const spaced = after.replace(/^\s+/, '');
      const unit = UNIT_RE.exec(spaced);
      const tail = unit ? spaced.slice(unit[0].length) : spaced;
      const rate = Boolean(unit) && /^\s*(?:\/|mỗi(?![\p{L}])|một\s+(?:hộ|người|lượt|lớp|khóa|khoá|mô hình|xã|thôn|bản)(?![\p{L}]))/iu.test(tail);
      const consumed = digits.length + (unit ? after.length - spaced.length + unit[0].length : 0);
      push({ t: 'amount', at: i, text: text.slice(i, i + consumed), number: digits, unit: unit ? unit[0] : null, none: false, rate });
      i += consumed;
      continue;
    }
    const of = OF_RE.exec(rest);
    if (of && (i === 0 || /[\s(;:,.]/.test(text[i - 1]))) {
      push({ t: 'of', at: i, text: of[0] });
      i += of[0].length;
      continue;
    }
    const word = /^[^\s;,:()[\].!?…]+/.exec(rest)?.[0] ?? ch;
    push({ t: 'word', at: i, text: word });
    i += word.length;
  }
  return tokens;
}

/** An amount token is money when a unit follows it or it stands alone after a label ("NSTW: 1.200;"). */
function isMoney(tokens: Token[], k: number, text: string): boolean {
  const tok = tokens[k] as Extract<Token, { t: 'amount' }>;
  if (tok.none) return true;
  if (NOT_MONEY_BEFORE.test(text.slice(Math.max(0, tok.at - 16), tok.at))) return false;
  const next = tokens[k + 1];
  if (/^\s*%/.test(text.slice(tok.at + tok.text.length))) return false;
  if (tok.unit) return true;
  // without a unit: only right after a colon or a source word, and closing its clause
  const prev = tokens[k - 1];
  const closes = !next || next.t === 'semi' || next.t === 'stop' || next.t === 'comma' || next.t === 'close' || next.t === 'open';
  if (!closes) return false;
  if (prev?.t === 'colon') return true;
  if (prev?.t === 'word') {
    const w = readSourceWords(text.slice(Math.max(0, prev.at - 40), prev.at + prev.text.length).split(/[;,:().]/).pop() ?? '');
    return w.budget !== null || w.kind !== null || w.other !== null;
  }
  return false;
}

function newFigure(tok: Extract<Token, { t: 'amount' }>, label: string): Figure {
  return {
    text: tok.text.trim(),
    label: label.trim(),
    qualifier: '',
    value: null,
    decimal: null,
    unit: tok.unit ? parseUnit(tok.unit) : null,
    unitBorrowed: false,
    none: tok.none,
    problem: null,
    words: null,
    named: readSourceWords(label),
    parts: [],
    at: tok.at,
  };
}

interface Level {
  figures: Figure[];
  label: string;
  last: Figure | null;
  /** A separator came after `last`: words now belong to the next figure's label. */
  separated: boolean;
}

/** Builds the figure tree of one run of tokens (until a closing parenthesis when `inParen`). */
function build(tokens: Token[], start: number, text: string, rates: string[], inParen: boolean): { figures: Figure[]; end: number; words: string } {
  const level: Level = { figures: [], label: '', last: null, separated: true };
  let words = '';
  let k = start;
  const appendWords = (w: string): void => {
    words += (words ? ' ' : '') + w;
    if (level.last && !level.separated) level.last.qualifier = `${level.last.qualifier} ${w}`.trim();
    else level.label = `${level.label} ${w}`.trim();
  };
  while (k < tokens.length) {
    const tok = tokens[k];
    if (tok.t === 'close') {
      if (inParen) return { figures: level.figures, end: k + 1, words };
      k++;
      continue;
    }
    if (tok.t === 'open') {
      const inner = build(tokens, k + 1, text, rates, true);
      k = inner.end;
      if (inner.figures.length > 0) {
        if (level.last && !level.separated) pushAll(level.last.parts, inner.figures);
        else pushAll(level.figures, inner.figures);
      } else if (inner.words) {
        // "(Bằng chữ: Bốn trăm năm mươi sáu triệu đồng)": the words after the lead
        const amountInWords = wordsToAmount(inner.words.replace(/^bằng chữ\s*:?\s*/iu, ''));
        if (level.last && !level.separated && amountInWords.ok && /[\p{L}]/u.test(inner.words)) level.last.words = { text: inner.words, dong: amountInWords.dong };
        else appendWords(`(${inner.words})`);
      }
      continue;
    }
    if (tok.t === 'of') {
      // "trong đó" / "gồm": what follows, to the end of this run, is made of parts of the last figure
      const target = level.last;
      const inner = build(tokens, k + 1, text, rates, inParen);
      if (target) pushAll(target.parts, inner.figures);
      else pushAll(level.figures, inner.figures);
      return { figures: level.figures, end: inner.end, words: `${words} ${inner.words}`.trim() };
    }
    if (tok.t === 'semi' || tok.t === 'stop') {
      adoptTrailing(level);
      level.separated = true;
      level.label = '';
      k++;
      continue;
    }
    if (tok.t === 'comma') {
      level.separated = true;
      k++;
      continue;
    }
    if (tok.t === 'colon') {
      if (!(level.last && !level.separated)) level.label = `${level.label}:`;
      k++;
      continue;
    }
    if (tok.t === 'amount') {
      if (tok.rate) {
        rates.push(tok.text.trim());
        k++;
        continue;
      }
      if (isMoney(tokens, k, text)) {
        const figure = newFigure(tok, level.label.replace(/^[\s:;,.]+/, ''));
        level.figures.push(figure);
        level.last = figure;
        level.separated = false;
        level.label = '';
        const parsed = tok.none ? null : parseAmount(`${tok.number}${tok.unit ? ` ${tok.unit}` : ''}`);
        if (tok.none) {
          figure.value = 0;
          figure.decimal = { digits: 0n, scale: 0 };
        } else if (parsed && parsed.ok) {
          figure.value = parsed.value;
          figure.decimal = parsed.decimal;
        } else if (parsed && !parsed.ok && parsed.error === 'ambiguous' && figure.unit === 'ty') {
          // "1,285 tỷ đồng": in tỷ three decimals are whole triệu, and a Vietnamese text's comma is its decimal mark
          // (a thousand tỷ would be written "1.285 tỷ"); in triệu "1,728" stays a question
          figure.value = parsed.candidates[0];
          figure.decimal = decimalFromNumber(parsed.candidates[0]);
        } else if (parsed && !parsed.ok && parsed.error === 'ambiguous') {
          figure.problem = 'ambiguous';
          figure.candidates = parsed.candidates;
        } else figure.problem = 'invalid';
        k++;
        continue;
      }
      appendWords(tok.text);
      k++;
      continue;
    }
    appendWords(tok.text);
    k++;
  }
  adoptTrailing(level);
  return { figures: level.figures, end: k, words };
}

/**
 * Source words left at the end of a clause with no figure after them belong to the figure before
 * them: "45.000.000 đồng từ nguồn ngân sách trung ương, vốn sự nghiệp."
 */
function adoptTrailing(level: Level): void {
  if (!level.last || level.label === '') return;
  const w = readSourceWords(level.label);
  if (w.budget !== null || w.kind !== null || w.other !== null) {
    level.last.qualifier = `${level.last.qualifier} ${level.label}`.trim();
    level.label = '';
  }
}

/** Can `part` be a part of `whole` by what their words say? */
function fits(whole: SourceWords, part: SourceWords): boolean {
  if (whole.budget === 'central' || whole.budget === 'local') {
    if (part.other !== null) return false;
    if (part.budget !== null && part.budget !== whole.budget) return false;
    return true;
  }
  if (whole.budget === 'state') return part.other === null && (part.budget === null || part.budget !== 'state');
  if (whole.other !== null) return part.budget === null && (part.other === null || part.other === whole.other);
  if (whole.kind !== null && whole.budget === null) return true;
  return true;
}

function wordsOf(f: Figure): SourceWords {
  return readSourceWords(`${f.label} ${f.qualifier}`);
}

/**
 * "Tổng: 1.300; NSTW: 1.200; NSĐP: 100" — a total followed by figures that name sources, at one
 * level and without "trong đó": the figures after it are its parts.
 */
function adoptParts(figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const w = wordsOf(f);
    const bare = w.whole && w.budget === null && w.kind === null && w.other === null && f.parts.length === 0;
    const next = figures.slice(i + 1);
    if (bare && next.length > 0 && next.every((n) => { const nw = wordsOf(n); return !nw.whole && (nw.budget !== null || nw.kind !== null || nw.other !== null); })) {
      f.parts = next;
      out.push(f);
      break;
    }
    out.push(f);
  }
  return out;
}

/** Parts that cannot belong to their whole by their words move up beside it (NSĐP after NSTW's ĐTPT and SN). */
function regroup(input: Figure[]): Figure[] {
  const figures = adoptParts(input);
  const out: Figure[] = [];
  for (const f of figures) {
    f.named = wordsOf(f);
    f.parts = regroup(f.parts);
    const own = f.named;
    const stay: Figure[] = [];
    const lifted: Figure[] = [];
    for (const p of f.parts) {
      if (lifted.length > 0 || !fits(own, p.named)) lifted.push(p);
      else stay.push(p);
    }
    f.parts = stay;
    out.push(f);
    pushAll(out, lifted);
  }
  return out;
}

/**
 * One budget named once for a list of kinds: "Kinh phí (ngân sách trung ương): vốn đầu tư phát triển
 * 2.000 triệu đồng; vốn sự nghiệp 800 triệu đồng", or "Vốn đầu tư phát triển: 2.000 triệu đồng; vốn
 * sự nghiệp: 800 triệu đồng (ngân sách trung ương)." — every figure of the list is that budget's.
 */
function shareBudget(figures: Figure[]): void {
  for (const f of figures) shareBudget(f.parts);
  if (figures.length < 2) return;
  const kindOnly = (f: Figure): boolean => f.named.kind !== null && f.named.budget === null && f.named.other === null && !f.named.people;
  const first = figures[0];
  const colon = first.label.lastIndexOf(':');
  const lead = colon > 0 ? readSourceWords(first.label.slice(0, colon)) : null;
  const last = figures[figures.length - 1];
  const tail = readSourceWords(last.qualifier);
  let budget: SourceWords['budget'] = null;
  // the lead before the list's colon names the budget and no kind; the first figure's own words after the colon name its kind
  if (lead && lead.budget !== null && lead.kind === null && lead.other === null && readSourceWords(first.label.slice(colon + 1)).kind !== null) {
    if (figures.slice(1).every(kindOnly)) budget = lead.budget;
  } else if (tail.budget !== null && tail.kind === null && tail.other === null && readSourceWords(last.label).kind !== null && figures.slice(0, -1).every(kindOnly)) {
    budget = tail.budget;
  }
  if (budget === null) return;
  for (const f of figures) if (f.named.budget === null && f.named.other === null) f.named = { ...f.named, budget };
}

/** Every figure of a tree, depth first. */
export function allFigures(figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  const walk = (fs: readonly Figure[]): void => {
    for (const f of fs) {
      out.push(f);
      walk(f.parts);
    }
  };
  walk(figures);
  return out;
}

/**
 * An amount written without its unit takes the unit of its whole, else of the nearest figure
 * beside it, else of its parts, else the statement's own ("(ĐVT: triệu đồng)"), else the
 * document's. What is left has no unit and stays unread.
 */
function lendUnits(figures: Figure[], fallback: MoneyUnit | null): void {
  const visit = (fs: Figure[], parentUnit: MoneyUnit | null): void => {
    fs.forEach((f, i) => {
      if (f.unit === null && !f.none) {
        const sibling = [...fs.slice(i + 1), ...fs.slice(0, i).reverse()].find((s) => s.unit !== null && !s.unitBorrowed)?.unit ?? null;
        const part = allFigures(f.parts).find((p) => p.unit !== null)?.unit ?? null;
        const unit = parentUnit ?? sibling ?? part ?? fallback;
        if (unit) {
          f.unit = unit;
          f.unitBorrowed = true;
          if (!parentUnit && !sibling && !part) f.unitDeclared = true;
        } else if (f.problem === null) f.problem = 'no-unit';
      }
      visit(f.parts, f.unit);
    });
  };
  visit(figures, null);
}

const UNIT_NOTE = /(?:đơn vị(?: tính)?|đvt)\s*:?\s*(tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)/iu;

/**
 * Reads a funding statement. `defaultUnit` is the unit the document declares for amounts written
 * without one (its "Đơn vị tính"), if any.
 */
export function parseFunding(input: string, defaultUnit: MoneyUnit | null = null): FundingStatement {
  const text = input.normalize('NFC').replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
  const tokens = tokenize(text);
  const rates: string[] = [];
  const { figures } = build(tokens, 0, text, rates, false);
  const grouped = regroup(figures);
  shareBudget(grouped);
  const note = UNIT_NOTE.exec(text);
  lendUnits(grouped, note ? parseUnit(note[1]) : defaultUnit);
  return { text, figures: grouped, rates };
}

/** Figures written with their money: a unit after them, or the unit the document declares for amounts written bare. */
export function hasWrittenMoney(statement: FundingStatement): boolean {
  return allFigures(statement.figures).some((f) => (!f.unitBorrowed || f.unitDeclared === true) && f.unit !== null && !f.none);
}
