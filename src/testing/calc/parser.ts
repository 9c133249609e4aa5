/**
 * Formula text → syntax tree. The grammar is Excel's A1 formula language as KH and officers write
 * it: literals, array constants, references (cells, ranges, whole columns and rows, sheet-qualified
 * with quoted names), defined names, function calls, and the operators with Excel's precedence
 * (":" > unary sign > % > ^ > * / > + - > & > comparisons; ^ is left-associative and -2^2 is 4).
 * Not parsed (a syntax error, shown as #NAME?): the intersection (space) and union operators,
 * 3-D references (Sheet1:Sheet3!A1), R1C1, structured table references.
 */
import { CalcError, Scalar, errorFromText } from './values';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Node =
  | { t: 'lit'; v: Scalar }
  | { t: 'ref'; sheet: string | null; area: Area }
  | { t: 'name'; sheet: string | null; name: string }
  | { t: 'array'; rows: Scalar[][] }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'neg'; arg: Node }
  | { t: 'pct'; arg: Node }
  | { t: 'bin'; op: BinaryOp; left: Node; right: Node }
  | { t: 'range'; left: Node; right: Node }
  | { t: 'missing' };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export class FormulaSyntaxError extends Error {}

type Token =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet: string | null; area: Area }
  | { k: 'name'; sheet: string | null; name: string }
  | { k: 'fn'; name: string }
  | { k: 'op'; v: string };

/** "A" → 0, "XFD" → 16383; undefined beyond XFD. */
export function columnIndex(letters: string): number | undefined {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLS ? n - 1 : undefined;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B3" → { row: 2, col: 1 }. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  const col = m ? columnIndex(m[1]) : undefined;
  const row = m ? Number(m[2]) - 1 : -1;
  if (!m || col === undefined || row < 0 || row >= MAX_ROWS) throw new Error(`not a cell address: ${address}`);
  return { row, col };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A sheet name as a formula writes it: quoted unless plain letters, digits, _ and . that cannot be read as a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

const ERROR_LITERAL = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)/iy;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const UNICODE_WORD = /[\p{L}\p{N}]/u;
const UNICODE_LETTER = /\p{L}/u;
const SINGLE_OPERATORS = new Set(['+', '-', '*', '/', '^', '&', '=', '%', '(', ')', ',', ';', ':', '{', '}']);

function operatorAt(src: string, i: number): string | undefined {
  const ch = src[i];
  if (ch === '<') return src[i + 1] === '>' ? '<>' : src[i + 1] === '=' ? '<=' : '<';
  if (ch === '>') return src[i + 1] === '=' ? '>=' : '>';
  return SINGLE_OPERATORS.has(ch) ? ch : undefined;
}

// char-code tests: formulas are mostly ASCII, and Unicode regexes per character are slow
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function isSpace(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && /\s/.test(src[i]));
}

/** A letter (any script), "_" or "\": what a name or a plain sheet name starts with. */
function isIdentStart(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || c === 95 || c === 92;
  return UNICODE_LETTER.test(src[i]);
}

/** Letters, digits, "_", "." (and in names "\" and "?"). */
function isWordChar(src: string, i: number, inName: boolean): boolean {
  const c = src.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || isDigit(c) || c === 95 || c === 46 || (inName && (c === 92 || c === 63));
  return !Number.isNaN(c) && UNICODE_WORD.test(src[i]);
}

/** The reference ends here: A1 is not the start of A1B, LOG10( or the sheet name in C4:DA4!C5. */
function endsWord(src: string, at: number): boolean {
  if (at >= src.length) return true;
  const c = src.charCodeAt(at);
  return !(isWordChar(src, at, true) || c === 40 || c === 33);
}

function sticky(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

/** The position found by the last successful scanCell (module scratch: scanning allocates nothing). */
let scannedRow = 0;
let scannedCol = 0;

/** Scans $?LETTERS$?DIGITS (A1 … XFD1048576) at i: the index after it, or -1. */
function scanCell(src: string, i: number): number {
  let j = i;
  if (src.charCodeAt(j) === 36) j++;
  const letters = j;
  let col = 0;
  while (j - letters < 4 && isAsciiLetter(src.charCodeAt(j))) col = col * 26 + ((src.charCodeAt(j++) | 32) - 96);
  if (j === letters || j - letters > 3) return -1;
  if (src.charCodeAt(j) === 36) j++;
  const digits = j;
  let row = 0;
  while (j - digits < 8 && isDigit(src.charCodeAt(j))) row = row * 10 + (src.charCodeAt(j++) - 48);
  if (j === digits || j - digits > 7 || col > MAX_COLS || row < 1 || row > MAX_ROWS) return -1;
  scannedRow = row - 1;
  scannedCol = col - 1;
  return j;
}

/** Scans $?LETTERS (a column) or $?DIGITS (a row) at i: [index after, 0-based number] or -1. */
function scanLine(src: string, i: number, kind: 'col' | 'row'): number {
  let j = i;
  if (src.charCodeAt(j) === 36) j++;
  const start = j;
  let n = 0;
  if (kind === 'col') {
    while (j - start < 4 && isAsciiLetter(src.charCodeAt(j))) n = n * 26 + ((src.charCodeAt(j++) | 32) - 96);
    if (j === start || j - start > 3 || n > MAX_COLS) return -1;
  } else {
    while (j - start < 8 && isDigit(src.charCodeAt(j))) n = n * 10 + (src.charCodeAt(j++) - 48);
    if (j === start || j - start > 7 || n < 1 || n > MAX_ROWS) return -1;
  }
  scannedLine = n - 1;
  return j;
}
let scannedLine = 0;

function normalise(a: Area): Area {
  return { top: Math.min(a.top, a.bottom), bottom: Math.max(a.top, a.bottom), left: Math.min(a.left, a.right), right: Math.max(a.left, a.right) };
}

/** A reference at src[at…] (after any sheet prefix): [area, length] or undefined. */
function readReference(src: string, at: number): [Area, number] | undefined {
  const end = scanCell(src, at);
  if (end >= 0) {
    const row = scannedRow;
    const col = scannedCol;
    if (src.charCodeAt(end) === 58) {
      const end2 = scanCell(src, end + 1);
      if (end2 >= 0 && endsWord(src, end2)) return [normalise({ top: row, left: col, bottom: scannedRow, right: scannedCol }), end2 - at];
    }
    if (endsWord(src, end)) return [{ top: row, left: col, bottom: row, right: col }, end - at];
  }
  return readSpan(src, at, 'col') ?? readSpan(src, at, 'row');
}

/** Whole columns (E:E, $A:$C) or whole rows (3:7). */
function readSpan(src: string, at: number, kind: 'col' | 'row'): [Area, number] | undefined {
  const a = scanLine(src, at, kind);
  if (a < 0 || src.charCodeAt(a) !== 58) return undefined;
  const first = scannedLine;
  const b = scanLine(src, a + 1, kind);
  if (b < 0 || !endsWord(src, b)) return undefined;
  const lo = Math.min(first, scannedLine);
  const hi = Math.max(first, scannedLine);
  return [kind === 'col' ? { top: 0, bottom: MAX_ROWS - 1, left: lo, right: hi } : { top: lo, bottom: hi, left: 0, right: MAX_COLS - 1 }, b - at];
}

/** "3:7" or "$3:$7" at i (a row span, not the number 3). */
function isRowSpan(src: string, i: number): boolean {
  const a = scanLine(src, i, 'row');
  return a >= 0 && src.charCodeAt(a) === 58 && scanLine(src, a + 1, 'row') >= 0;
}

/** Quoted text: "a""b" → a"b; returns the text and the index after the closing quote. */
function readQuoted(src: string, start: number, quote: string, what: string): [string, number] {
  let text = '';
  let j = start + 1;
  for (;;) {
    const close = src.indexOf(quote, j);
    if (close < 0) throw new FormulaSyntaxError(`unterminated ${what}`);
    text += src.slice(j, close);
    if (src[close + 1] === quote) {
      text += quote;
      j = close + 2;
      continue;
    }
    return [text, close + 1];
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    if (isSpace(src, i)) {
      i++;
      continue;
    }
    const ch = src[i];
    if (ch === '"') {
      const [text, next] = readQuoted(src, i, '"', 'text');
      tokens.push({ k: 'lit', v: text });
      i = next;
      continue;
    }
    if (ch === '#') {
      const m = sticky(ERROR_LITERAL, src, i);
      if (!m) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      tokens.push({ k: 'lit', v: errorFromText(m[0]) as CalcError });
      i += m[0].length;
      continue;
    }
    // a sheet prefix: a quoted name ('Tổng hợp'!, 'It''s'!) or a plain one (Sheet1!)
    let sheet: string | null = null;
    let at = i;
    if (ch === "'") {
      const [name, next] = readQuoted(src, i, "'", 'sheet name');
      if (src[next] !== '!') throw new FormulaSyntaxError('a quoted name must be a sheet name');
      sheet = name;
      at = next + 1;
    } else if (isIdentStart(src, i)) {
      let j = i + 1;
      while (j < src.length && isWordChar(src, j, false)) j++;
      if (src[j] === '!') {
        sheet = src.slice(i, j);
        at = j + 1;
      }
    }
    const c0 = src.charCodeAt(at);
    if (sheet !== null || c0 === 36 || isAsciiLetter(c0) || (isDigit(c0) && isRowSpan(src, at))) {
      const ref = readReference(src, at);
      if (ref) {
        tokens.push({ k: 'ref', sheet, area: ref[0] });
        i = at + ref[1];
        continue;
      }
    }
    if (sheet === null && (isDigit(c0) || c0 === 46)) {
      const m = sticky(NUMBER, src, i);
      if (m) {
        tokens.push({ k: 'lit', v: Number(m[0]) });
        i += m[0].length;
        continue;
      }
    }
    if (at < src.length && isIdentStart(src, at)) {
      let j = at + 1;
      while (j < src.length && isWordChar(src, j, true)) j++;
      const word = src.slice(at, j);
      let k = j;
      while (k < src.length && isSpace(src, k)) k++;
      const upper = word.length <= 5 || src[k] === '(' ? word.toUpperCase() : '';
      if (sheet === null && src[k] === '(') tokens.push({ k: 'fn', name: upper.startsWith('_XLFN.') || upper.startsWith('_XLWS.') ? upper.slice(6) : upper });
      else if (sheet === null && (upper === 'TRUE' || upper === 'FALSE')) tokens.push({ k: 'lit', v: upper === 'TRUE' });
      else tokens.push({ k: 'name', sheet, name: word });
      i = j;
      continue;
    }
    if (sheet !== null) {
      // a reference whose target was deleted: 'DA4'!#REF!
      if (src.slice(at, at + 5).toUpperCase() === '#REF!') {
        tokens.push({ k: 'lit', v: errorFromText('#REF!') as CalcError });
        i = at + 5;
        continue;
      }
      throw new FormulaSyntaxError(`nothing after ${sheet}!`);
    }
    const op = operatorAt(src, i);
    if (op === undefined) throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
    tokens.push({ k: 'op', v: op });
    i += op.length;
  }
  return tokens;
}

const PRECEDENCE = new Map<string, number>([
  ['=', 1], ['<>', 1], ['<', 1], ['>', 1], ['<=', 1], ['>=', 1],
  ['&', 2],
  ['+', 3], ['-', 3],
  ['*', 4], ['/', 4],
  ['^', 5],
]);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The operator token here if it is `a` or `b`. */
  private peekOp(a: string, b?: string): string | undefined {
    const t = this.tokens[this.pos];
    return t !== undefined && t.k === 'op' && (t.v === a || t.v === b) ? t.v : undefined;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new FormulaSyntaxError(`expected "${op}"`);
    this.pos++;
  }

  parseFormula(): Node {
    const node = this.comparison();
    if (this.pos !== this.tokens.length) throw new FormulaSyntaxError('unexpected text after the formula');
    return node;
  }

  /** Binary operators by precedence climbing (all left-associative, ^ included, as in Excel). */
  private comparison(minPrecedence = 1): Node {
    let left = this.unary();
    for (;;) {
      const t = this.tokens[this.pos];
      if (t === undefined || t.k !== 'op') return left;
      const precedence = PRECEDENCE.get(t.v);
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.pos++;
      left = { t: 'bin', op: t.v as BinaryOp, left, right: this.comparison(precedence + 1) };
    }
  }

  private unary(): Node {
    const op = this.peekOp('-', '+');
    if (op) {
      this.pos++;
      const arg = this.unary();
      return op === '-' ? { t: 'neg', arg } : arg;
    }
    let node = this.range();
    while (this.peekOp('%')) {
      this.pos++;
      node = { t: 'pct', arg: node };
    }
    return node;
  }

  private range(): Node {
    let left = this.primary();
    while (this.peekOp(':')) {
      this.pos++;
      left = { t: 'range', left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    const t = this.tokens[this.pos];
    if (!t) throw new FormulaSyntaxError('the formula ends too early');
    this.pos++;
    switch (t.k) {
      case 'lit':
        return { t: 'lit', v: t.v };
      case 'ref':
        return { t: 'ref', sheet: t.sheet, area: t.area };
      case 'name':
        return { t: 'name', sheet: t.sheet, name: t.name };
      case 'fn':
        return { t: 'fn', name: t.name, args: this.args() };
      case 'op':
        if (t.v === '(') {
          const inner = this.comparison();
          this.expect(')');
          return inner;
        }
        if (t.v === '{') return this.arrayConstant();
        throw new FormulaSyntaxError(`unexpected "${t.v}"`);
    }
  }

  private args(): Node[] {
    this.expect('(');
    const args: Node[] = [];
    if (this.peekOp(')')) {
      this.pos++;
      return args;
    }
    for (;;) {
      if (this.peekOp(',', ')')) args.push({ t: 'missing' });
      else args.push(this.comparison());
      if (this.peekOp(')')) {
        this.pos++;
        return args;
      }
      this.expect(',');
    }
  }

  private arrayConstant(): Node {
    const rows: Scalar[][] = [[]];
    for (;;) {
      let sign = 1;
      for (let op = this.peekOp('-', '+'); op; op = this.peekOp('-', '+')) {
        this.pos++;
        if (op === '-') sign = -sign;
      }
      const t = this.tokens[this.pos++];
      if (!t || t.k !== 'lit') throw new FormulaSyntaxError('an array constant holds only constants');
      if (sign === -1 && typeof t.v !== 'number') throw new FormulaSyntaxError('a sign in an array constant needs a number');
      rows[rows.length - 1].push(typeof t.v === 'number' ? sign * t.v : t.v);
      if (this.peekOp(',')) this.pos++;
      else if (this.peekOp(';')) {
        this.pos++;
        rows.push([]);
      } else {
        this.expect('}');
        break;
      }
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError('array constant rows differ in length');
    return { t: 'array', rows };
  }
}

/** Parses "=…" (or the text after "="); throws FormulaSyntaxError. */
export function parseFormula(formula: string): Node {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return new Parser(tokenize(body)).parseFormula();
}
