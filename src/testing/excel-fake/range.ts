/** Range and its parts: format (font, fill, borders, protection), data validation. */
import {
  LAST_COLUMN, LAST_ROW, WHOLE_SHEET, boundingRect, cellCount, cellKey, columnCount, containsRect, formatAddress, formatRef, inBounds,
  intersection, isEntireColumns, isEntireRows, rect, rowCount, tryParseAddress, type Rect,
} from './address';
import { formatText, readFormula, readValue, valueType, type CellValue, type RangeValueType } from './cells';
import type { Execution, FakeRequestContext } from './context';
import { excelError } from './errors';
import { defaultFormat, distinctFormats, getFormat, normaliseColor, uniformFormat, type BorderSide, type FormatValue } from './formats';
import { ClientResult, FakeObject } from './proxy';
import {
  assertEditable, clearRange, clearValidation, deleteCells, findSheetById, findSheetByName, insertCells, lookupNamedRange, mergeCells,
  setColumnWidth, setHidden, hiddenState, setRowHeight, setValidation, uniformColumnWidth, uniformRowHeight, unmergeCells, usedRect, validationsIn, writeContent,
  writeFormat, writeNumberFormat, type SheetState, type ValidationRule, type ValidationState,
} from './state';
import type { Worksheet } from './worksheet';
import { RangeAreas, mergedAreasOf } from './areas';
import { maxOf } from '../../core/arrays';

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}
export type RangeLocator = (exec: Execution) => RangeTarget | null;
/** What `values` reads back: null for a formula whose value the fake does not know. */
export type CellRead = CellValue | null;

function checked(r: Rect, location: string): Rect {
  if (!inBounds(r)) throw excelError('InvalidArgument', 'The resulting range is outside the worksheet.', location);
  return r;
}

function argInt(n: unknown, location: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw excelError('InvalidArgument', `${String(n)} is not an integer.`, location);
  return n;
}

/** An address given to a sheet method: A1 reference (optionally with this sheet's name), a name, or nothing (whole sheet). */
export function resolveAddressOn(exec: Execution, sheet: SheetState, address: string | undefined, location: string): Rect {
  if (address === undefined || address === null || address === '') return { ...WHOLE_SHEET };
  if (typeof address !== 'string') throw excelError('InvalidArgument', 'An address is a string.', location);
  const parsed = tryParseAddress(address);
  if (parsed) {
    if (parsed.sheet !== undefined && findSheetByName(exec.wb, parsed.sheet) !== sheet) {
      throw excelError('InvalidArgument', `"${address}" is not on sheet ${sheet.name}.`, location);
    }
    return parsed.rect;
  }
  const named = lookupNamedRange(exec.wb, sheet, address);
  if (named && named.sheet === sheet) return named.rect;
  throw excelError('InvalidArgument', `"${address}" is not a valid A1 address (at most XFD1048576) or a name of a range on ${sheet.name}.`, location);
}

/** A Range argument or an address string, resolved on `sheet` at sync. */
export type RangeOrAddress = Range | string;

export function assertSameContext(context: FakeRequestContext, arg: unknown, location: string): void {
  if (arg instanceof FakeObject && arg._context !== context) throw excelError('InvalidRequestContext', undefined, location);
}

export function resolveRangeArg(exec: Execution, sheet: SheetState, arg: RangeOrAddress, location: string): Rect {
  if (arg instanceof Range) {
    const t = arg._target(exec);
    if (!t) throw excelError('InvalidArgument', 'The range is a null object.', location);
    if (t.sheet !== sheet) throw excelError('InvalidArgument', `The range must be on sheet ${sheet.name}.`, location);
    return t.rect;
  }
  return resolveAddressOn(exec, sheet, arg, location);
}

function grid<T>(r: Rect, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(fn(row, col));
    out.push(line);
  }
  return out;
}

const RANGE_SCALARS = [
  'address', 'addressLocal', 'cellCount', 'columnCount', 'columnIndex', 'formulas', 'formulasLocal', 'isEntireColumn', 'isEntireRow',
  'numberFormat', 'numberFormatLocal', 'rowCount', 'rowIndex', 'text', 'valueTypes', 'values', 'rowHidden', 'columnHidden',
];

export class Range extends FakeObject {
  readonly _typeName = 'Range';
  private _cache: { sheetId: string; rect: Rect } | null | undefined;
  private _format?: RangeFormat;
  private _validation?: DataValidation;
  private readonly _locate: RangeLocator;
  /** @internal */ readonly _sheetProxy: () => Worksheet;
  /** @internal */ readonly _nullable: boolean;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, locate: RangeLocator, sheetProxy: () => Worksheet, nullable = false) {
    super(context, path);
    this._locate = locate;
    this._sheetProxy = sheetProxy;
    this._nullable = nullable;
  }

  /** @internal The sheet and cells, resolved at the first sync that uses the range, then fixed. */
  _target(exec: Execution): RangeTarget | null {
    if (this._cache === null) return null;
    if (this._cache) {
      const sheet = findSheetById(exec.wb, this._cache.sheetId);
      if (!sheet) throw excelError('ItemNotFound', 'The worksheet of this range was deleted.', 'Range');
      return { sheet, rect: this._cache.rect };
    }
    const t = this._locate(exec);
    if (!t) {
      if (!this._nullable) throw excelError('ItemNotFound', undefined, 'Range');
      this._cache = null;
      return null;
    }
    this._cache = { sheetId: t.sheet.id, rect: { ...t.rect } };
    return t;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._target(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  /** @internal */
  override _childNames(): readonly string[] {
    return ['format', 'dataValidation', 'worksheet'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const t = this._target(exec) as RangeTarget;
    const { sheet, rect: r } = t;
    const big = (): void => {
      if (cellCount(r) * 3 > exec.env.responseLimitBytes) throw excelError('ResponsePayloadSizeLimitExceeded', undefined, `Range.${name}`);
    };
    const content = (row: number, col: number) => sheet.cells.get(cellKey(row, col));
    switch (name) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, r);
      case 'cellCount':
        return cellCount(r);
      case 'rowCount':
        return rowCount(r);
      case 'columnCount':
        return columnCount(r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'isEntireRow':
        return isEntireRows(r);
      case 'isEntireColumn':
        return isEntireColumns(r);
      case 'values':
        big();
        return grid(r, (row, col) => readValue(content(row, col)));
      case 'formulas':
      case 'formulasLocal':
        big();
        return grid(r, (row, col) => readFormula(content(row, col)));
      case 'numberFormat':
      case 'numberFormatLocal':
        big();
        return grid(r, (row, col) => getFormat(sheet.formats, row, col, 'numberFormat'));
      case 'text':
        big();
        return grid(r, (row, col) => formatText(readValue(content(row, col)), String(getFormat(sheet.formats, row, col, 'numberFormat'))));
      case 'valueTypes':
        big();
        return grid(r, (row, col) => valueType(content(row, col)));
      case 'rowHidden':
        return hiddenState(sheet, r, 'rows');
      case 'columnHidden':
        return hiddenState(sheet, r, 'columns');
      default:
        return super._readScalar(exec, name);
    }
  }

  /* ---------------------------------------------------------- properties */

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get isEntireRow(): boolean {
    this._require('Range.isEntireRow');
    return this._get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    this._require('Range.isEntireColumn');
    return this._get('isEntireColumn');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): RangeValueType[][] {
    return this._get('valueTypes');
  }

  get values(): CellRead[][] {
    return this._get('values');
  }
  set values(v: CellRead[][] | CellRead) {
    this._writeContent('values', v);
  }
  get formulas(): CellValue[][] {
    return this._get('formulas');
  }
  set formulas(v: CellRead[][] | CellRead) {
    this._writeContent('formulas', v);
  }
  get formulasLocal(): CellValue[][] {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: CellRead[][] | CellRead) {
    this._writeContent('formulasLocal', v);
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: (string | null)[][] | string) {
    this._writeNumberFormat('numberFormat', v);
  }
  /** true: every row hidden; false: none; null: some (ExcelApi 1.2). */
  get rowHidden(): boolean | null {
    this._require('Range.rowHidden');
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._require('Range.rowHidden');
    this._setProperty('rowHidden', v, (exec) => {
      const t = this._target(exec);
      if (t) setHidden(exec.env, t.sheet, t.rect, 'rows', v, 'Range.rowHidden');
    });
  }
  get columnHidden(): boolean | null {
    this._require('Range.columnHidden');
    return this._get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this._require('Range.columnHidden');
    this._setProperty('columnHidden', v, (exec) => {
      const t = this._target(exec);
      if (t) setHidden(exec.env, t.sheet, t.rect, 'columns', v, 'Range.columnHidden');
    });
  }
  get numberFormatLocal(): string[][] {
    this._require('Range.numberFormatLocal');
    return this._get('numberFormatLocal');
  }
  set numberFormatLocal(v: (string | null)[][] | string) {
    this._require('Range.numberFormatLocal');
    this._writeNumberFormat('numberFormatLocal', v);
  }

  private _writeContent(name: string, v: unknown): void {
    this._require(`Range.${name}`);
    this._setProperty(name, v, (exec) => {
      const t = this._target(exec);
      if (!t) return;
      writeContent(exec.env, t.sheet, t.rect, v, `Range.${name}`);
      exec.changes.push({ sheetId: t.sheet.id, rect: { ...t.rect } });
    });
  }

  private _writeNumberFormat(name: string, v: unknown): void {
    this._setProperty(name, v, (exec) => {
      const t = this._target(exec);
      if (t) writeNumberFormat(exec.env, t.sheet, t.rect, v, `Range.${name}`);
    });
  }

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this._context, `${this._path}.format`, this));
  }

  get dataValidation(): DataValidation {
    this._require('Range.dataValidation');
    return (this._validation ??= new DataValidation(this._context, `${this._path}.dataValidation`, this));
  }

  get worksheet(): Worksheet {
    return this._sheetProxy();
  }

  /**
   * Per-cell formats (ExcelApi 1.9) for the properties asked for: `format.font.{name, size, bold,
   * italic, color}`, `format.fill.color`, `format.wrapText`, `format.horizontalAlignment`,
   * `format.indentLevel`.
   */
  getCellProperties(cellPropertiesLoadOptions: CellPropertiesLoad): ClientResult<CellProperties[][]> {
    this._require('Range.getCellProperties');
    const result = new ClientResult<CellProperties[][]>();
    this._enqueue('method', 'getCellProperties', [cellPropertiesLoadOptions], false, (exec) => {
      const t = this._target(exec);
      if (!t) return;
      const want = cellPropertiesLoadOptions?.format ?? {};
      const out: CellProperties[][] = [];
      for (let row = t.rect.top; row <= t.rect.bottom; row++) {
        const line: CellProperties[] = [];
        for (let col = t.rect.left; col <= t.rect.right; col++) {
          const fmt = (prop: string) => getFormat(t.sheet.formats, row, col, prop);
          const format: CellProperties['format'] = {};
          if (want.font) {
            const font: Record<string, FormatValue> = {};
            for (const key of ['name', 'size', 'bold', 'italic', 'color'] as const) if (want.font[key]) font[key] = fmt(`font.${key}`);
            format.font = font;
          }
          if (want.fill?.color) format.fill = { color: (fmt('fill.color') as string | null) ?? '#FFFFFF' };
          if (want.wrapText) format.wrapText = fmt('wrapText') as boolean;
          if (want.horizontalAlignment) format.horizontalAlignment = fmt('horizontalAlignment') as string;
          if (want.indentLevel) format.indentLevel = fmt('indentLevel') as number;
          line.push({ format });
        }
        out.push(line);
      }
      exec.stageResult(result, out);
    });
    return result;
  }

  /* ---------------------------------------------------------- navigation */

  private _derive(desc: string, fn: (t: RangeTarget, exec: Execution) => Rect | null, nullable = false): Range {
    return new Range(
      this._context,
      `${this._path}.${desc}`,
      (exec) => {
        const t = this._target(exec);
        if (!t) return null;
        const r = fn(t, exec);
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      this._sheetProxy,
      nullable || this._nullable,
    );
  }

  getCell(row: number, column: number): Range {
    const loc = 'Range.getCell';
    return this._derive(`getCell(${row}, ${column})`, ({ rect: r }) => checked(rect(r.top + argInt(row, loc), r.left + argInt(column, loc)), loc));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    const loc = 'Range.getOffsetRange';
    return this._derive(`getOffsetRange(${rowOffset}, ${columnOffset})`, ({ rect: r }) => {
      const dr = argInt(rowOffset, loc);
      const dc = argInt(columnOffset, loc);
      return checked(rect(r.top + dr, r.left + dc, r.bottom + dr, r.right + dc), loc);
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    this._require('Range.getResizedRange');
    const loc = 'Range.getResizedRange';
    return this._derive(`getResizedRange(${deltaRows}, ${deltaColumns})`, ({ rect: r }) =>
      checked(rect(r.top, r.left, r.bottom + argInt(deltaRows, loc), r.right + argInt(deltaColumns, loc)), loc),
    );
  }

  getRow(row: number): Range {
    const loc = 'Range.getRow';
    return this._derive(`getRow(${row})`, ({ rect: r }) => checked(rect(r.top + argInt(row, loc), r.left, r.top + row, r.right), loc));
  }

  getColumn(column: number): Range {
    const loc = 'Range.getColumn';
    return this._derive(`getColumn(${column})`, ({ rect: r }) => checked(rect(r.top, r.left + argInt(column, loc), r.bottom, r.left + column), loc));
  }

  getEntireRow(): Range {
    return this._derive('getEntireRow()', ({ rect: r }) => rect(r.top, 0, r.bottom, LAST_COLUMN));
  }

  getEntireColumn(): Range {
    return this._derive('getEntireColumn()', ({ rect: r }) => rect(0, r.left, LAST_ROW, r.right));
  }

  getLastRow(): Range {
    return this._derive('getLastRow()', ({ rect: r }) => rect(r.bottom, r.left, r.bottom, r.right));
  }

  getLastColumn(): Range {
    return this._derive('getLastColumn()', ({ rect: r }) => rect(r.top, r.right, r.bottom, r.right));
  }

  getLastCell(): Range {
    return this._derive('getLastCell()', ({ rect: r }) => rect(r.bottom, r.right));
  }

  getIntersection(anotherRange: RangeOrAddress): Range {
    assertSameContext(this._context, anotherRange, 'Range.getIntersection');
    return this._derive('getIntersection(…)', (t, exec) => {
      const cut = intersection(t.rect, resolveRangeArg(exec, t.sheet, anotherRange, 'Range.getIntersection'));
      if (!cut) throw excelError('ItemNotFound', 'The ranges do not intersect.', 'Range.getIntersection');
      return cut;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeOrAddress): Range {
    this._require('Range.getIntersectionOrNullObject');
    assertSameContext(this._context, anotherRange, 'Range.getIntersectionOrNullObject');
    const out = this._derive('getIntersectionOrNullObject(…)', (t, exec) => intersection(t.rect, resolveRangeArg(exec, t.sheet, anotherRange, 'Range.getIntersectionOrNullObject')), true);
    this._instantiate(out);
    return out;
  }

  getBoundingRect(anotherRange: RangeOrAddress): Range {
    assertSameContext(this._context, anotherRange, 'Range.getBoundingRect');
    return this._derive('getBoundingRect(…)', (t, exec) => boundingRect(t.rect, resolveRangeArg(exec, t.sheet, anotherRange, 'Range.getBoundingRect')));
  }

  getUsedRange(valuesOnly?: boolean): Range {
    if (valuesOnly !== undefined) this._require('Range.getUsedRange(valuesOnly)');
    return this._derive(`getUsedRange(${valuesOnly ?? ''})`, ({ sheet, rect: r }) => {
      const used = usedRect(sheet, valuesOnly === true);
      const cut = used && intersection(used, r);
      if (!cut) throw excelError('ItemNotFound', 'The range has no used cells.', 'Range.getUsedRange');
      return cut;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this._require('Range.getUsedRangeOrNullObject');
    const out = this._derive(
      `getUsedRangeOrNullObject(${valuesOnly ?? ''})`,
      ({ sheet, rect: r }) => {
        const used = usedRect(sheet, valuesOnly === true);
        return used && intersection(used, r);
      },
      true,
    );
    this._instantiate(out);
    return out;
  }

  /** The merged areas whose top-left cell is in this range (ExcelApi 1.13); a null object when none. */
  getMergedAreasOrNullObject(): RangeAreas {
    this._require('Range.getMergedAreasOrNullObject');
    const out = new RangeAreas(this._context, `${this._path}.getMergedAreasOrNullObject()`, (exec) => mergedAreasOf(this._target(exec)), this._sheetProxy);
    this._instantiate(out);
    return out;
  }

  /* ------------------------------------------------------------- methods */

  private _method(name: string, args: unknown[], write: boolean, fn: (t: RangeTarget, exec: Execution) => void): void {
    this._enqueue('method', name, args, write, (exec) => {
      const t = this._target(exec);
      if (t) fn(t, exec);
    });
  }

  merge(across = false): void {
    this._require('Range.merge');
    this._method('merge', [across], true, (t, exec) => mergeCells(exec.env, t.sheet, t.rect, across === true, 'Range.merge'));
  }

  unmerge(): void {
    this._require('Range.unmerge');
    this._method('unmerge', [], true, (t, exec) => unmergeCells(exec.env, t.sheet, t.rect, 'Range.unmerge'));
  }

  /** Inserts cells and shifts the others down or right; returns the inserted range. */
  insert(shift: 'Down' | 'Right'): Range {
    this._method('insert', [shift], true, (t, exec) => insertCells(exec.env, t.sheet, t.rect, shift, 'Range.insert'));
    return this._derive(`insert(${shift})`, ({ rect: r }) => r);
  }

  delete(shift: 'Up' | 'Left'): void {
    this._method('delete', [shift], true, (t, exec) => deleteCells(exec.env, t.sheet, t.rect, shift, 'Range.delete'));
  }

  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void {
    this._method('clear', [applyTo ?? 'All'], true, (t, exec) => {
      clearRange(exec.env, t.sheet, t.rect, applyTo, 'Range.clear');
      if (applyTo !== 'Formats') exec.changes.push({ sheetId: t.sheet.id, rect: { ...t.rect } });
    });
  }

  select(): void {
    this._method('select', [], false, (t, exec) => {
      if (t.sheet.visibility !== 'Visible') throw excelError('InvalidOperation', 'A range on a hidden sheet cannot be selected.', 'Range.select');
      exec.wb.activeSheetId = t.sheet.id;
      t.sheet.selection = { ...t.rect };
    });
  }
}

export interface CellPropertiesLoad {
  format?: {
    font?: Partial<Record<'name' | 'size' | 'bold' | 'italic' | 'color', boolean>>;
    fill?: { color?: boolean };
    wrapText?: boolean;
    horizontalAlignment?: boolean;
    indentLevel?: boolean;
  };
}

export interface CellProperties {
  format: { font?: Record<string, FormatValue>; fill?: { color: string }; wrapText?: boolean; horizontalAlignment?: string; indentLevel?: number };
}

/* ------------------------------------------------------------------ parts */

type Check = (v: unknown, location: string) => FormatValue;

const enumOf =
  (allowed: readonly string[]): Check =>
  (v, location) => {
    if (typeof v !== 'string' || !allowed.includes(v)) throw excelError('InvalidArgument', `Expected one of ${allowed.join(', ')}, got ${String(v)}.`, location);
    return v;
  };
const bool: Check = (v, location) => {
  if (typeof v !== 'boolean') throw excelError('InvalidArgument', `Expected true or false, got ${String(v)}.`, location);
  return v;
};
const color: Check = (v, location) => {
  const c = normaliseColor(v);
  if (!c) throw excelError('InvalidArgument', `"${String(v)}" is not a colour ("#RRGGBB" or an HTML colour name).`, location);
  return c;
};
const numberIn =
  (min: number, max: number): Check =>
  (v, location) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw excelError('InvalidArgument', `Expected a number from ${min} to ${max}, got ${String(v)}.`, location);
    return v;
  };
const nonEmptyString: Check = (v, location) => {
  if (typeof v !== 'string' || v.trim() === '') throw excelError('InvalidArgument', 'Expected a non-empty string.', location);
  return v;
};

abstract class RangePart extends FakeObject {
  /** @internal */ readonly _range: Range;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, range: Range) {
    super(context, path);
    this._range = range;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._range._exists(exec);
  }

  protected _t(exec: Execution): RangeTarget {
    return this._range._target(exec) as RangeTarget;
  }

  protected _setFormat(name: string, prop: string, value: unknown, check: Check): void {
    const location = `${this._typeName}.${name}`;
    this._setProperty(name, value, (exec) => {
      const t = this._range._target(exec);
      if (t) writeFormat(exec.env, t.sheet, t.rect, prop, check(value, location), location);
    });
  }

  protected _method(name: string, args: unknown[], write: boolean, fn: (t: RangeTarget, exec: Execution) => void): void {
    this._enqueue('method', name, args, write, (exec) => {
      const t = this._range._target(exec);
      if (t) fn(t, exec);
    });
  }
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class RangeFormat extends RangePart {
  readonly _typeName = 'RangeFormat';
  private _font?: RangeFont;
  private _fill?: RangeFill;
  private _borders?: RangeBorderCollection;
  private _protection?: FormatProtection;

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'indentLevel', 'columnWidth', 'rowHeight'];
  }
  /** @internal */
  override _childNames(): readonly string[] {
    return ['font', 'fill', 'borders', 'protection'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const { sheet, rect: r } = this._t(exec);
    if (name === 'columnWidth') return uniformColumnWidth(sheet, r);
    if (name === 'rowHeight') return uniformRowHeight(sheet, r);
    if (this._scalarNames().includes(name)) return uniformFormat(sheet.formats, r, name);
    return super._readScalar(exec, name);
  }

  get font(): RangeFont {
    return (this._font ??= new RangeFont(this._context, `${this._path}.font`, this._range));
  }
  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this._context, `${this._path}.fill`, this._range));
  }
  get borders(): RangeBorderCollection {
    return (this._borders ??= new RangeBorderCollection(this._context, `${this._path}.borders`, this._range));
  }
  get protection(): FormatProtection {
    this._require('RangeFormat.protection');
    return (this._protection ??= new FormatProtection(this._context, `${this._path}.protection`, this._range));
  }

  get horizontalAlignment(): string | null {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string | null) {
    this._setFormat('horizontalAlignment', 'horizontalAlignment', v, enumOf(H_ALIGN));
  }
  get verticalAlignment(): string | null {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string | null) {
    this._setFormat('verticalAlignment', 'verticalAlignment', v, enumOf(V_ALIGN));
  }
  get wrapText(): boolean | null {
    return this._get('wrapText');
  }
  set wrapText(v: boolean | null) {
    this._setFormat('wrapText', 'wrapText', v, bool);
  }
  get indentLevel(): number | null {
    return this._get('indentLevel');
  }
  set indentLevel(v: number | null) {
    this._setFormat('indentLevel', 'indentLevel', v, numberIn(0, 250));
  }

  /** Points; null when the columns differ. */
  get columnWidth(): number | null {
    this._require('RangeFormat.columnWidth');
    return this._get('columnWidth');
  }
  set columnWidth(v: number | null) {
    this._require('RangeFormat.columnWidth');
    this._setProperty('columnWidth', v, (exec) => {
      const t = this._range._target(exec);
      if (t) setColumnWidth(exec.env, t.sheet, t.rect, v, 'RangeFormat.columnWidth');
    });
  }
  /** Points; null when the rows differ. */
  get rowHeight(): number | null {
    this._require('RangeFormat.rowHeight');
    return this._get('rowHeight');
  }
  set rowHeight(v: number | null) {
    this._require('RangeFormat.rowHeight');
    this._setProperty('rowHeight', v, (exec) => {
      const t = this._range._target(exec);
      if (t) setRowHeight(exec.env, t.sheet, t.rect, v, 'RangeFormat.rowHeight');
    });
  }

  /** A rough autofit: 5.25 pt per character of the longest text plus 3.75 pt (Calibri 11 at 100%). */
  autofitColumns(): void {
    this._require('RangeFormat.autofitColumns');
    this._method('autofitColumns', [], true, ({ sheet, rect: r }, exec) => {
      const rows = isEntireColumns(r) ? [...new Set([...sheet.cells.keys()].map((k) => Math.floor(k / 16384)))] : null;
      for (let col = r.left; col <= r.right; col++) {
        let longest = 0;
        const each = (row: number): void => {
          const c = sheet.cells.get(cellKey(row, col));
          if (!c) return;
          const text = formatText(readValue(c), String(getFormat(sheet.formats, row, col, 'numberFormat')));
          longest = maxOf(text.split('\n').map((l) => l.length), longest);
        };
        if (rows) rows.forEach(each);
        else for (let row = r.top; row <= r.bottom; row++) each(row);
        if (longest > 0) setColumnWidth(exec.env, sheet, rect(0, col, LAST_ROW, col), Math.min(1800, longest * 5.25 + 3.75), 'RangeFormat.autofitColumns');
      }
    });
  }

  /** A rough autofit: 15 pt per line of the tallest wrapped text. */
  autofitRows(): void {
    this._require('RangeFormat.autofitRows');
    this._method('autofitRows', [], true, ({ sheet, rect: r }, exec) => {
      if (isEntireRows(r) && rowCount(r) > 10000) return;
      for (let row = r.top; row <= r.bottom; row++) {
        let lines = 1;
        for (const [key, c] of sheet.cells) {
          if (Math.floor(key / 16384) !== row) continue;
          lines = Math.max(lines, String(readValue(c) ?? '').split('\n').length);
        }
        setRowHeight(exec.env, sheet, rect(row, 0, row, LAST_COLUMN), Math.min(409, 15 * lines), 'RangeFormat.autofitRows');
      }
    });
  }
}

const FONT_CHECKS: Record<string, Check> = {
  name: nonEmptyString,
  size: numberIn(1, 409),
  bold: bool,
  italic: bool,
  color: color,
  underline: enumOf(['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant']),
  strikethrough: bool,
};

export class RangeFont extends RangePart {
  readonly _typeName = 'RangeFont';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['name', 'size', 'bold', 'italic', 'color', 'underline', 'strikethrough'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const { sheet, rect: r } = this._t(exec);
    if (name in FONT_CHECKS) return uniformFormat(sheet.formats, r, `font.${name}`);
    return super._readScalar(exec, name);
  }

  private _font(name: string, v: unknown): void {
    this._setFormat(name, `font.${name}`, v, FONT_CHECKS[name]);
  }

  get name(): string | null {
    return this._get('name');
  }
  set name(v: string | null) {
    this._font('name', v);
  }
  get size(): number | null {
    return this._get('size');
  }
  set size(v: number | null) {
    this._font('size', v);
  }
  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(v: boolean | null) {
    this._font('bold', v);
  }
  get italic(): boolean | null {
    return this._get('italic');
  }
  set italic(v: boolean | null) {
    this._font('italic', v);
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string | null) {
    this._font('color', v);
  }
  get underline(): string | null {
    return this._get('underline');
  }
  set underline(v: string | null) {
    this._font('underline', v);
  }
  get strikethrough(): boolean | null {
    this._require('RangeFont.strikethrough');
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean | null) {
    this._require('RangeFont.strikethrough');
    this._font('strikethrough', v);
  }
}

export class RangeFill extends RangePart {
  readonly _typeName = 'RangeFill';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['color'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name !== 'color') return super._readScalar(exec, name);
    const { sheet, rect: r } = this._t(exec);
    const values = distinctFormats(sheet.formats, r, 'fill.color', 2);
    if (values.length !== 1) return null;
    return values[0] ?? '#FFFFFF';
  }

  get color(): string | null {
    return this._get('color');
  }
  set color(v: string | null) {
    this._setFormat('color', 'fill.color', v, color);
  }

  /** Removes the fill. */
  clear(): void {
    this._method('clear', [], true, (t, exec) => writeFormat(exec.env, t.sheet, t.rect, 'fill.color', null, 'RangeFill.clear'));
  }
}

export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';
const BORDER_INDEXES: readonly BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

/** Which cell sides a border of the range is stored on. */
export function borderTargets(index: BorderIndex, r: Rect): Array<{ rect: Rect; side: BorderSide }> {
  switch (index) {
    case 'EdgeTop':
      return [{ rect: rect(r.top, r.left, r.top, r.right), side: 'top' }];
    case 'EdgeBottom':
      return [{ rect: rect(r.bottom, r.left, r.bottom, r.right), side: 'bottom' }];
    case 'EdgeLeft':
      return [{ rect: rect(r.top, r.left, r.bottom, r.left), side: 'left' }];
    case 'EdgeRight':
      return [{ rect: rect(r.top, r.right, r.bottom, r.right), side: 'right' }];
    case 'InsideHorizontal':
      return r.bottom > r.top
        ? [
            { rect: rect(r.top, r.left, r.bottom - 1, r.right), side: 'bottom' },
            { rect: rect(r.top + 1, r.left, r.bottom, r.right), side: 'top' },
          ]
        : [];
    case 'InsideVertical':
      return r.right > r.left
        ? [
            { rect: rect(r.top, r.left, r.bottom, r.right - 1), side: 'right' },
            { rect: rect(r.top, r.left + 1, r.bottom, r.right), side: 'left' },
          ]
        : [];
    case 'DiagonalDown':
      return [{ rect: r, side: 'diagonalDown' }];
    case 'DiagonalUp':
      return [{ rect: r, side: 'diagonalUp' }];
  }
}

export class RangeBorderCollection extends RangePart {
  readonly _typeName = 'RangeBorderCollection';
  private readonly _items = new Map<string, RangeBorder>();

  getItem(index: BorderIndex): RangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw excelError('InvalidArgument', `Border index must be one of ${BORDER_INDEXES.join(', ')}.`, 'RangeBorderCollection.getItem');
    let b = this._items.get(index);
    if (!b) {
      b = new RangeBorder(this._context, `${this._path}.getItem("${index}")`, this._range, index);
      this._items.set(index, b);
    }
    return b;
  }
}

const BORDER_CHECKS: Record<string, Check> = {
  style: enumOf(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']),
  weight: enumOf(['Hairline', 'Thin', 'Medium', 'Thick']),
  color: color,
};

export class RangeBorder extends RangePart {
  readonly _typeName = 'RangeBorder';
  /** @internal */ readonly _index: BorderIndex;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, range: Range, index: BorderIndex) {
    super(context, path, range);
    this._index = index;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['sideIndex', 'style', 'weight', 'color'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'sideIndex') return this._index;
    if (!(name in BORDER_CHECKS)) return super._readScalar(exec, name);
    const { sheet, rect: r } = this._t(exec);
    const first = borderTargets(this._index, r)[0];
    if (!first) return defaultFormat(`border.top.${name}`);
    return uniformFormat(sheet.formats, first.rect, `border.${first.side}.${name}`);
  }

  get sideIndex(): BorderIndex {
    return this._get('sideIndex');
  }
  get style(): string | null {
    return this._get('style');
  }
  set style(v: string | null) {
    this._border('style', v);
  }
  get weight(): string | null {
    return this._get('weight');
  }
  set weight(v: string | null) {
    this._border('weight', v);
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string | null) {
    this._border('color', v);
  }

  private _border(name: string, v: unknown): void {
    const location = `RangeBorder.${name}`;
    this._setProperty(name, v, (exec) => {
      const t = this._range._target(exec);
      if (!t) return;
      const value = BORDER_CHECKS[name](v, location);
      for (const target of borderTargets(this._index, t.rect)) {
        writeFormat(exec.env, t.sheet, target.rect, `border.${target.side}.${name}`, value, location);
        // Giving a weight or colour to an absent border draws it (continuous), as in Excel.
        if (name !== 'style' && uniformFormat(t.sheet.formats, target.rect, `border.${target.side}.style`) === 'None') {
          writeFormat(exec.env, t.sheet, target.rect, `border.${target.side}.style`, 'Continuous', location);
        }
      }
    });
  }
}

export class FormatProtection extends RangePart {
  readonly _typeName = 'FormatProtection';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['locked', 'formulaHidden'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (!this._scalarNames().includes(name)) return super._readScalar(exec, name);
    const { sheet, rect: r } = this._t(exec);
    return uniformFormat(sheet.formats, r, name);
  }

  get locked(): boolean | null {
    return this._get('locked');
  }
  set locked(v: boolean | null) {
    this._setFormat('locked', 'locked', v, bool);
  }
  get formulaHidden(): boolean | null {
    return this._get('formulaHidden');
  }
  set formulaHidden(v: boolean | null) {
    this._setFormat('formulaHidden', 'formulaHidden', v, bool);
  }
}

export interface ListRuleInput {
  inCellDropDown?: boolean;
  source: string | Range;
}
export interface DataValidationRuleInput {
  list?: ListRuleInput;
  wholeNumber?: Record<string, unknown>;
  decimal?: Record<string, unknown>;
  date?: Record<string, unknown>;
  time?: Record<string, unknown>;
  textLength?: Record<string, unknown>;
  custom?: Record<string, unknown>;
}

const RULE_TYPES: Record<string, string> = {
  list: 'List', wholeNumber: 'WholeNumber', decimal: 'Decimal', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom',
};

const DEFAULT_ERROR_ALERT = { showAlert: true, style: 'Stop', title: '', message: '' };
const DEFAULT_PROMPT = { showPrompt: false, title: '', message: '' };

export class DataValidation extends RangePart {
  readonly _typeName = 'DataValidation';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['rule', 'type', 'ignoreBlanks', 'errorAlert', 'prompt'];
  }
  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const { sheet, rect: r } = this._t(exec);
    const vs = validationsIn(sheet, r);
    const single: ValidationState | undefined = vs.length === 1 && containsRect(vs[0].rect, r) ? vs[0] : undefined;
    const none = vs.length === 0;
    switch (name) {
      case 'type':
        return none ? 'None' : single ? RULE_TYPES[Object.keys(single.rule)[0]] : 'Inconsistent';
      case 'rule':
        return none ? {} : single ? structuredClone(single.rule) : null;
      case 'ignoreBlanks':
        return none ? true : single ? single.ignoreBlanks : null;
      case 'errorAlert':
        return none ? { ...DEFAULT_ERROR_ALERT } : single ? { ...DEFAULT_ERROR_ALERT, ...single.errorAlert } : null;
      case 'prompt':
        return none ? { ...DEFAULT_PROMPT } : single ? { ...DEFAULT_PROMPT, ...single.prompt } : null;
      default:
        return super._readScalar(exec, name);
    }
  }

  get type(): string {
    return this._get('type');
  }
  get rule(): DataValidationRuleInput {
    return this._get('rule');
  }
  set rule(v: DataValidationRuleInput) {
    const source = v?.list?.source;
    assertSameContext(this._context, source, 'DataValidation.rule');
    this._setProperty('rule', v, (exec) => {
      const t = this._range._target(exec);
      if (!t) return;
      if (!v || typeof v !== 'object') throw excelError('InvalidArgument', 'A rule is an object such as { list: { source } }.', 'DataValidation.rule');
      let rule: ValidationRule = { ...(v as Record<string, unknown>) };
      if (v && v.list && v.list.source instanceof Range) {
        const src = v.list.source._target(exec);
        if (!src) throw excelError('InvalidArgument', 'The list source is a null range.', 'DataValidation.rule');
        const ref = src.sheet === t.sheet ? formatRef(src.rect, true) : formatAddress(src.sheet.name, src.rect, true);
        rule = { list: { inCellDropDown: v.list.inCellDropDown, source: '=' + ref } };
      }
      setValidation(exec.env, t.sheet, t.rect, rule, 'DataValidation.rule');
    });
  }
  get ignoreBlanks(): boolean | null {
    return this._get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean | null) {
    this._update('ignoreBlanks', v, (state) => {
      state.ignoreBlanks = bool(v, 'DataValidation.ignoreBlanks') as boolean;
    });
  }
  get errorAlert(): Record<string, unknown> | null {
    return this._get('errorAlert');
  }
  set errorAlert(v: Record<string, unknown> | null) {
    this._update('errorAlert', v, (state) => {
      state.errorAlert = { ...(state.errorAlert ?? {}), ...(v ?? {}) };
    });
  }
  get prompt(): Record<string, unknown> | null {
    return this._get('prompt');
  }
  set prompt(v: Record<string, unknown> | null) {
    this._update('prompt', v, (state) => {
      state.prompt = { ...(state.prompt ?? {}), ...(v ?? {}) };
    });
  }

  private _update(name: string, v: unknown, fn: (state: ValidationState) => void): void {
    this._setProperty(name, v, (exec) => {
      const t = this._range._target(exec);
      if (!t) return;
      assertEditable(exec.env, t.sheet, t.rect, 'validation', `DataValidation.${name}`);
      validationsIn(t.sheet, t.rect).forEach(fn);
    });
  }

  clear(): void {
    this._method('clear', [], true, (t, exec) => clearValidation(exec.env, t.sheet, t.rect, 'DataValidation.clear'));
  }
}

