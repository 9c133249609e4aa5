/**
 * Cell content and Excel's input rules: what a value written through `values` / `formulas`
 * becomes (formula, number, boolean, date, text), and how values read back (`values`,
 * `formulas`, `text`, `valueTypes`).
 */
import { excelError } from './errors';
import { evaluateConstantFormula, formulaLooksMalformed } from './formula';

export type CellValue = string | number | boolean;
/** What tests and adapters may write into a cell (null = leave the cell unchanged). */
export type CellInput = CellValue | null | undefined;
export type RangeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Unknown';

export interface CellContent {
  /** The constant ('' never stored: an empty cell has no content). */
  value?: CellValue;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  /** The text was entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  /** The value of the formula as set by `fake.setComputedValue`. */
  computed?: CellValue;
}

export type InputResult =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'set'; content: CellContent; numberFormat?: string };

export interface InputOptions {
  /** Year used for dates typed without one ("3/4"). */
  year: number;
}

export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;
export const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BUSY!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!'];

const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Excel keeps 15 significant digits. */
export function toExcelNumber(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  return toExcelNumber(Number(text.replace(/,/g, '')));
}

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return Math.round((ms - EPOCH) / DAY_MS);
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** en-US date entry: "2024-03-05", "3/5/2024", "3-5-24", "12/2024", "3/5". */
function parseDate(text: string, options: InputOptions): { serial: number; format: string } | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const s = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === undefined ? undefined : { serial: s, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const s = dateSerial(fullYear(m[4]), Number(m[1]), Number(m[3]));
    return s === undefined ? undefined : { serial: s, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const s = dateSerial(Number(m[2]), Number(m[1]), 1);
    return s === undefined ? undefined : { serial: s, format: 'mmm-yy' };
  }
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) {
    const s = dateSerial(options.year, Number(m[1]), Number(m[2]));
    return s === undefined ? undefined : { serial: s, format: 'd-mmm' };
  }
  return undefined;
}

function isTextFormat(numberFormat: string): boolean {
  return numberFormat === '@';
}

/**
 * What Excel stores when `raw` is written to a cell whose number format is `numberFormat`
 * (through `values` or `formulas`: Excel treats both as typed input).
 */
export function parseInput(raw: unknown, numberFormat: string, options: InputOptions, location?: string): InputResult {
  if (raw === null || raw === undefined) return { kind: 'skip' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw excelError('InvalidArgument', `${raw} cannot be stored in a cell.`, location);
    return { kind: 'set', content: { value: toExcelNumber(raw) } };
  }
  if (typeof raw === 'boolean') return { kind: 'set', content: { value: raw } };
  if (typeof raw !== 'string') {
    throw excelError('InvalidArgument', `Cells hold strings, numbers or booleans, not ${Array.isArray(raw) ? 'arrays' : typeof raw}.`, location);
  }
  if (raw === '') return { kind: 'clear' };
  if (raw.length > MAX_CELL_TEXT) throw excelError('InvalidArgument', `A cell holds at most ${MAX_CELL_TEXT} characters.`, location);
  if (isTextFormat(numberFormat)) return { kind: 'set', content: { value: raw } };
  if (raw.startsWith("'")) {
    const text = raw.slice(1);
    return { kind: 'set', content: text === '' ? { quotePrefix: true } : { value: text, quotePrefix: true } };
  }
  if (raw.startsWith('=') && raw.length > 1) return formulaResult(raw, location);

  const trimmed = raw.trim();
  const n = parseNumber(trimmed);
  if (n !== undefined) return { kind: 'set', content: { value: n } };
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'set', content: { value: trimmed.toLowerCase() === 'true' } };
  if (trimmed.endsWith('%')) {
    const p = parseNumber(trimmed.slice(0, -1).trim());
    if (p !== undefined) {
      const decimals = /\.(\d+)/.exec(trimmed)?.[1].length ?? 0;
      return { kind: 'set', content: { value: toExcelNumber(p / 100) }, numberFormat: generalOr(numberFormat, decimals ? '0.00%' : '0%') };
    }
  }
  const date = parseDate(trimmed, options);
  if (date) return { kind: 'set', content: { value: date.serial }, numberFormat: generalOr(numberFormat, date.format) };
  if ((raw.startsWith('+') || raw.startsWith('-')) && raw.length > 1) return formulaResult('=' + raw, location);
  const upper = trimmed.toUpperCase();
  if (ERROR_VALUES.includes(upper)) return { kind: 'set', content: { value: upper } };
  return { kind: 'set', content: { value: raw } };
}

function generalOr(current: string, coerced: string): string | undefined {
  return current === 'General' ? coerced : undefined;
}

function formulaResult(formula: string, location?: string): InputResult {
  if (formula.length > MAX_FORMULA_LENGTH) throw excelError('InvalidArgument', `A formula holds at most ${MAX_FORMULA_LENGTH} characters.`, location);
  if (formulaLooksMalformed(formula)) throw excelError('InvalidArgument', `The formula ${formula} is malformed.`, location);
  return { kind: 'set', content: { formula } };
}

/** `Range.values` of one cell: '' when empty, null for a formula whose value is unknown. */
export function readValue(content: CellContent | undefined): CellValue | null {
  if (!content) return '';
  if (content.formula !== undefined) {
    if (content.computed !== undefined) return content.computed;
    const v = evaluateConstantFormula(content.formula);
    return v === undefined ? null : v;
  }
  return content.value ?? '';
}

/** `Range.formulas` of one cell: the formula, else the constant (without any quote prefix). */
export function readFormula(content: CellContent | undefined): CellValue {
  if (!content) return '';
  return content.formula ?? content.value ?? '';
}

export function isErrorValue(v: unknown): boolean {
  return typeof v === 'string' && ERROR_VALUES.includes(v);
}

export function valueType(content: CellContent | undefined): RangeValueType {
  const v = readValue(content);
  if (v === null) return 'Unknown';
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (isErrorValue(v) && !content?.quotePrefix) return 'Error';
  return 'String';
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(n: number, decimals: number, grouping: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [int, frac] = s.split('.');
  const body = (grouping ? group(int) : int) + (frac !== undefined ? '.' + frac : '');
  return (n < 0 && Number(s) !== 0 ? '-' : '') + body;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDate(serial: number, fmt: string): string {
  const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const pad = (x: number): string => String(x).padStart(2, '0');
  switch (fmt) {
    case 'm/d/yyyy':
      return `${m}/${day}/${y}`;
    case 'yyyy-mm-dd':
      return `${y}-${pad(m)}-${pad(day)}`;
    case 'dd/mm/yyyy':
      return `${pad(day)}/${pad(m)}/${y}`;
    case 'd-mmm':
      return `${day}-${MONTHS[m - 1]}`;
    case 'mmm-yy':
      return `${MONTHS[m - 1]}-${pad(y % 100)}`;
    default:
      return String(serial);
  }
}

/**
 * `Range.text`: a deliberately small formatter. Numbers: General/"@" → String(n); "0", "0.00",
 * "#,##0", "#,##0.00", "0%", "0.00%" and the date formats the input rules produce; any other
 * format → String(n). Booleans → TRUE/FALSE.
 */
export function formatText(value: CellValue | null, numberFormat: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  let m = /^(#,##)?0(?:\.(0+))?$/.exec(numberFormat);
  if (m) return fixed(value, m[2]?.length ?? 0, m[1] !== undefined);
  m = /^0(?:\.(0+))?%$/.exec(numberFormat);
  if (m) return fixed(value * 100, m[1]?.length ?? 0, false) + '%';
  if (/^(m\/d\/yyyy|yyyy-mm-dd|dd\/mm\/yyyy|d-mmm|mmm-yy)$/.test(numberFormat)) return formatDate(value, numberFormat);
  return String(value);
}
