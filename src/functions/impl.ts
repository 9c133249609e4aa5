/**
 * What each KH.* function computes, free of the Excel runtime so it can be tested in Node:
 * arguments as Excel hands them over (numbers, strings, "" or null for empty cells, 2-D arrays for
 * ranges) in, values or `FunctionError`s out. functions.ts turns those into CustomFunctions.Error.
 */
import { Lang, MessageKey, MessageParams, translate } from '../core/i18n';
import { amountsEqual, differenceExact, formatAmount, parseAmount, findAmount, sumExact, convertUnit, AmountParse } from '../core/money';
import { MoneyUnit, parseUnit } from '../core/units';
import { buildOutline, canonicalCode } from '../core/outline';
import { Amount, rollupTree, rollupCodeInTree } from '../core/rollup';
import { amountToWords, WordsOptions } from '../core/words';
import { Programme, DEFAULT_PROGRAMME, parseProgramme } from '../core/programme';
import { getCatalog, findByCode, matchName, bestMatch } from '../core/catalog';
import { detectEncoding, convertLegacy } from '../core/text';
import { checkCounterpart, describeGap, parseCounterpartMinimum } from '../core/sources';
import { ambiguousAmount } from '../core/ambiguity';

export type ErrorKind = 'value' | 'na' | 'num';

/** An error a function returns in place of a value: Excel shows #VALUE!, #N/A or #NUM! with the message. */
export class FunctionError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
}

export type Cell = number | string | boolean | null | undefined;
export type Out = number | string | FunctionError;

// The task pane and the functions are separate bundles on one page (shared runtime), each with
// its own copy of this module: the language lives on the page's global object so both see it.
const LANG_KEY = Symbol.for('kh.functions.lang');
type LangHolder = { [LANG_KEY]?: Lang };

function currentLang(): Lang {
  return (globalThis as LangHolder)[LANG_KEY] ?? 'vi';
}

/** The task pane switches the language of function messages. */
export function setFunctionLanguage(next: Lang): void {
  (globalThis as LangHolder)[LANG_KEY] = next;
}

function fail(kind: ErrorKind, key: MessageKey, params?: MessageParams): FunctionError {
  return new FunctionError(kind, translate(key, params, currentLang()));
}

function fmt(value: number): string {
  return formatAmount(value, { maxDecimals: 6, locale: currentLang() });
}

/**
 * A number Excel can hold, or #NUM! with a sentence: sums and conversions of values Excel holds
 * (9e307 + 9e307, 1e300 tỷ in đồng) can pass 1.8 × 10^308, which Excel cannot show.
 */
function finite(value: number): number | FunctionError {
  return Number.isFinite(value) ? value : fail('num', 'function.overflow');
}

function isEmpty(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function optionalText(arg: Cell): string | null {
  return isEmpty(arg) ? null : String(arg).trim();
}

function readProgramme(arg: Cell): Programme | FunctionError {
  const text = optionalText(arg);
  if (text === null) return DEFAULT_PROGRAMME;
  return parseProgramme(text) ?? fail('value', 'programme.unknown', { text });
}

function readUnit(arg: Cell, fallback: MoneyUnit): MoneyUnit | FunctionError {
  const text = optionalText(arg);
  if (text === null) return fallback;
  return parseUnit(text) ?? fail('value', 'unit.unknown', { unit: text });
}

function amountError(parsed: AmountParse & { ok: false }, text: string): FunctionError {
  switch (parsed.error) {
    case 'ambiguous':
      return fail('value', 'amount.ambiguous', ambiguousAmount(text, parsed.candidates).params);
    case 'unknown-unit':
      return fail('value', 'amount.unknownUnit', { unit: parsed.unitText ?? '' });
    case 'empty':
      return fail('value', 'amount.empty');
    default:
      return fail('value', 'amount.invalid', { text });
  }
}

/** A column argument (n × 1) as a flat list; a single row is not accepted, to avoid silent transposition. */
function columnOf(range: Cell[][] | Cell): Cell[] {
  if (!Array.isArray(range)) return [range];
  return range.map((row) => (Array.isArray(row) ? row[0] : row));
}

function matrixOf(range: Cell[][] | Cell): Cell[][] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * Checks a values block in place: numbers stay, empty cells become null, anything else is an
 * error naming its row and column. No copy: ROLLUP on 100k × 8 cells must not allocate twice.
 */
function readAmounts(block: Cell[][]): Amount[][] | FunctionError {
  for (let r = 0; r < block.length; r++) {
    const row = block[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) return fail('value', 'range.notNumber', { row: r + 1, column: c + 1, text: String(cell) });
      } else if (isEmpty(cell)) row[c] = null;
      else return fail('value', 'range.notNumber', { row: r + 1, column: c + 1, text: String(cell) });
    }
  }
  return block as Amount[][];
}

// ---------- KH.ROLLUP ----------

export function rollupImpl(codes: Cell[][], values: Cell[][], code?: Cell): Out[][] | FunctionError {
  const codeColumn = columnOf(codes);
  const block = matrixOf(values);
  if (codeColumn.length !== block.length) {
    return fail('value', 'range.sizeMismatch', { what: 'codes', a: codeColumn.length, other: 'values', b: block.length });
  }
  const amounts = readAmounts(block);
  if (amounts instanceof FunctionError) return amounts;
  const tree = buildOutline(codeColumn);
  const malformed = tree.issues.find((i) => i.kind === 'malformed');
  if (malformed && malformed.kind === 'malformed') return fail('value', 'rollup.malformedCode', { code: malformed.text });
  const wanted = optionalText(code ?? null);
  if (wanted !== null) {
    if (canonicalCode(wanted) === null) return fail('value', 'rollup.malformedCode', { code: wanted });
    const totals = rollupCodeInTree(tree, amounts, wanted);
    if (totals === null) return fail('na', 'rollup.codeNotFound', { code: wanted });
    return [totals.map((v) => (v === null ? '' : finite(v)))];
  }
  const out: Out[][] = rollupTree(tree, amounts).values as Out[][];
  // Excel shows null as 0 in a spill; an empty input cell stays visibly empty; a sum past what
  // Excel holds is #NUM! in its cell, the others stay
  for (const row of out) for (let c = 0; c < row.length; c++) row[c] = row[c] === null ? '' : typeof row[c] === 'number' ? finite(row[c] as number) : row[c];
  return out;
}

// ---------- KH.CHECK_SOURCES ----------

function readTolerance(arg: Cell): number | FunctionError {
  if (isEmpty(arg)) return 0;
  if (typeof arg === 'number' && arg >= 0 && Number.isFinite(arg)) return arg;
  const parsed = typeof arg === 'string' ? parseAmount(arg) : null;
  // a tolerance of 310 digits is past what Excel holds: #NUM!, never a thrown RangeError
  if (parsed && parsed.ok && parsed.value >= 0) return Number.isFinite(parsed.value) ? parsed.value : fail('num', 'sources.toleranceTooLarge', { text: String(arg).slice(0, 40) });
  return fail('value', 'sources.tolerance', { text: String(arg) });
}

export function checkSourcesImpl(total: Cell[][], sources: Cell[][], tolerance?: Cell): Out[][] | FunctionError {
  const totals = columnOf(total);
  const parts = matrixOf(sources);
  if (totals.length !== parts.length) {
    return fail('value', 'range.sizeMismatch', { what: 'total', a: totals.length, other: 'sources', b: parts.length });
  }
  const tol = readTolerance(tolerance ?? null);
  if (tol instanceof FunctionError) return tol;
  return totals.map((cell, r) => {
    const row = parts[r];
    if (isEmpty(cell) && row.every(isEmpty)) return [''];
    if (!isEmpty(cell) && typeof cell !== 'number') return [fail('value', 'sources.totalNotNumber', { row: r + 1, text: String(cell) })];
    const block = readAmounts([row]);
    if (block instanceof FunctionError) return [fail('value', 'range.notNumber', { row: r + 1, column: row.findIndex((c) => !isEmpty(c) && typeof c !== 'number') + 1, text: String(row.find((c) => !isEmpty(c) && typeof c !== 'number')) })];
    const stated = typeof cell === 'number' ? cell : 0;
    const computed = sumExact(block[0].filter((v): v is number => v !== null));
    if (!Number.isFinite(computed)) return [fail('num', 'sources.overflow', { row: r + 1 })];
    if (amountsEqual(stated, computed, tol)) return [translate('sources.ok', {}, currentLang())];
    const difference = differenceExact(stated, computed);
    if (!Number.isFinite(difference)) return [fail('num', 'sources.overflow', { row: r + 1 })];
    return [describeGap({ whole: 'total', stated, computed, difference, parts: [] }, currentLang())];
  });
}

// ---------- KH.BANGCHU ----------

function readWordsStyle(arg: Cell): WordsOptions | FunctionError {
  const options: WordsOptions = {};
  const text = optionalText(arg);
  if (text === null) return options;
  const folded = text.normalize('NFC').toLowerCase();
  let rest = folded;
  const take = (pattern: RegExp): boolean => {
    const found = pattern.test(rest);
    rest = rest.replace(pattern, ' ');
    return found;
  };
  if (take(/không\s*đồng|khong\s*dong/g)) options.currency = false;
  if (take(/lẻ|le\b/g)) options.zeroTens = 'lẻ';
  if (take(/linh/g)) options.zeroTens = 'linh';
  if (take(/ngàn|ngan\b/g)) options.thousand = 'ngàn';
  if (take(/nghìn|nghin/g)) options.thousand = 'nghìn';
  if (take(/chẵn|chan\b/g)) options.chan = true;
  if (rest.replace(/[\s,;]+/g, '') !== '') return fail('value', 'words.unknownStyle', { style: text });
  return options;
}

export function bangChuImpl(amount: Cell, unit?: Cell, style?: Cell): string | FunctionError {
  if (isEmpty(amount)) return fail('value', 'amount.empty');
  const options = readWordsStyle(style ?? null);
  if (options instanceof FunctionError) return options;
  let value: number;
  let inputUnit: MoneyUnit | FunctionError = readUnit(unit ?? null, 'dong');
  if (inputUnit instanceof FunctionError) return inputUnit;
  if (typeof amount === 'number') value = amount;
  else {
    const parsed = parseAmount(String(amount));
    if (!parsed.ok) return amountError(parsed, String(amount));
    value = parsed.value;
    if (parsed.unit && isEmpty(unit ?? null)) inputUnit = parsed.unit;
  }
  const result = amountToWords(value, { ...options, unit: inputUnit });
  if (!result.ok) return result.error === 'too-large' ? fail('value', 'words.tooLarge') : fail('value', 'words.notANumber', { text: String(amount) });
  return result.text;
}

// ---------- KH.SOTIEN ----------

export function soTienImpl(text: Cell, unit?: Cell): number | FunctionError {
  if (isEmpty(text)) return fail('value', 'amount.empty');
  if (typeof text === 'number') return finite(text);
  const source = String(text);
  let parsed = parseAmount(source);
  if (!parsed.ok && parsed.error === 'invalid') parsed = findAmount(source) ?? parsed;
  if (!parsed.ok) return parsed.error === 'invalid' ? fail('value', 'amount.notFound', { text: source }) : amountError(parsed, source);
  const target = optionalText(unit ?? null);
  if (target === null || parsed.unit === null || !Number.isFinite(parsed.value)) return finite(parsed.value);
  const to = parseUnit(target);
  if (to === null) return fail('value', 'unit.unknown', { unit: target });
  return finite(convertUnit(parsed.value, parsed.unit, to));
}

// ---------- KH.DOIDONVI ----------

export function doiDonViImpl(values: Cell[][], from: Cell, to: Cell): Out[][] | FunctionError {
  const fromUnit = readUnit(from, 'dong');
  if (fromUnit instanceof FunctionError) return fromUnit;
  if (isEmpty(from)) return fail('value', 'unit.unknown', { unit: '' });
  const toUnit = readUnit(to, 'dong');
  if (toUnit instanceof FunctionError) return toUnit;
  if (isEmpty(to)) return fail('value', 'unit.unknown', { unit: '' });
  return matrixOf(values).map((row) =>
    row.map((cell): Out => {
      if (isEmpty(cell)) return '';
      if (typeof cell === 'number') return Number.isFinite(cell) ? finite(convertUnit(cell, fromUnit, toUnit)) : fail('num', 'function.overflow');
      const parsed = parseAmount(String(cell));
      if (!parsed.ok) return amountError(parsed, String(cell));
      return Number.isFinite(parsed.value) ? finite(convertUnit(parsed.value, parsed.unit ?? fromUnit, toUnit)) : fail('num', 'function.overflow');
    }),
  );
}

// ---------- KH.TENDA / KH.MADA ----------

export function tenDaImpl(code: Cell, programme?: Cell): string | FunctionError {
  const prog = readProgramme(programme ?? null);
  if (prog instanceof FunctionError) return prog;
  const text = optionalText(code);
  if (text === null) return fail('value', 'catalog.codeUnknown', { code: '', programme: prog });
  const entry = findByCode(getCatalog(prog), text);
  return entry ? entry.name : fail('na', 'catalog.codeUnknown', { code: text, programme: prog });
}

export function maDaImpl(name: Cell, programme?: Cell): string | FunctionError {
  const prog = readProgramme(programme ?? null);
  if (prog instanceof FunctionError) return prog;
  const text = optionalText(name);
  if (text === null) return fail('value', 'catalog.nameUnknown', { name: '', programme: prog });
  const catalog = getCatalog(prog);
  const best = bestMatch(catalog, text);
  if (best) return best.entry.code;
  const candidates = matchName(catalog, text).slice(0, 3);
  if (candidates.length > 1) {
    return fail('na', 'catalog.nameAmbiguous', { name: text, candidates: candidates.map((c) => c.entry.code).join(', ') });
  }
  return fail('na', 'catalog.nameUnknown', { name: text, programme: prog });
}

// ---------- KH.CHUYENMA ----------

export function chuyenMaImpl(texts: Cell[][] | Cell, encoding?: Cell): Out[][] | FunctionError {
  const wanted = optionalText(encoding ?? null);
  let forced: 'tcvn3' | 'vni' | null = null;
  if (wanted !== null) {
    const key = wanted.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (key === 'tcvn3' || key === 'abc' || key === 'tcvn') forced = 'tcvn3';
    else if (key === 'vni' || key === 'vniwindows') forced = 'vni';
    else return fail('value', 'text.unknownEncoding', { text: wanted });
  }
  return matrixOf(texts).map((row) =>
    row.map((cell): Out => {
      if (isEmpty(cell)) return '';
      if (typeof cell !== 'string') return cell as number;
      const encodingUsed = forced ?? detectEncoding(cell).encoding;
      return encodingUsed === 'unicode' ? cell : convertLegacy(cell, encodingUsed);
    }),
  );
}

// ---------- KH.DOIUNG ----------

function percent(ratio: number): string {
  return `${formatAmount(ratio * 100, { maxDecimals: 2, locale: currentLang() })}%`;
}

export function doiUngImpl(nsdp: Cell, nstw: Cell, group?: Cell): number | string | FunctionError {
  const local = isEmpty(nsdp) ? 0 : nsdp;
  const central = isEmpty(nstw) ? 0 : nstw;
  if (typeof local !== 'number') return fail('value', 'range.notNumber', { row: 1, column: 1, text: String(local) });
  if (typeof central !== 'number') return fail('value', 'range.notNumber', { row: 1, column: 2, text: String(central) });
  if (central === 0) return fail('na', 'counterpart.noCentral');
  if (!Number.isFinite(local) || !Number.isFinite(central)) return fail('num', 'function.overflow');
  // 1e308 ÷ 1e-308: a ratio past what Excel holds
  const ratio = finite(local / central);
  if (ratio instanceof FunctionError) return ratio;
  if (isEmpty(group ?? null)) return ratio;
  const minimum = parseCounterpartMinimum(group);
  if (minimum === null) return fail('value', 'counterpart.badGroup', { text: String(group) });
  const result = checkCounterpart(local, central, minimum);
  // the sentence shows the ratio as a percentage: 9e307 × 100 is past what a number holds
  if (!Number.isFinite(result.shortfall) || !Number.isFinite((result.ratio ?? 0) * 100)) return fail('num', 'function.overflow');
  const params = { ratio: percent(result.ratio ?? 0), minimum: percent(minimum), shortfall: fmt(result.shortfall) };
  return translate(result.ok ? 'counterpart.ok' : 'counterpart.low', params, currentLang());
}
