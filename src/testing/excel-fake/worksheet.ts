/** Worksheet, the worksheet collection, freeze panes, sheet protection, page layout. */
import { LAST_COLUMN, LAST_ROW, formatRef, inBounds, isEntireColumns, isEntireRows, rect, type Rect } from './address';
import type { Execution, FakeRequestContext } from './context';
import { excelError } from './errors';
import { normaliseColor } from './formats';
import { NamedItemCollection } from './names';
import { ChartCollection } from './charts';
import { EventHandlers } from './events';
import { ClientResult, FakeCollection, FakeObject } from './proxy';
import { Range, assertSameContext, resolveAddressOn, resolveRangeArg, type RangeOrAddress } from './range';
import {
  DEFAULT_PROTECTION_OPTIONS, PAPER_SIZES, activateSheet, activeSheet, addSheet, deleteSheet, findSheet, findSheetById, renameSheet,
  setPosition, setVisibility, usedRect, type PageLayoutState, type PageZoom, type ProtectionOptions, type SheetState, type Visibility,
} from './state';

export type SheetLocator = (exec: Execution) => SheetState | null;

function quoteArg(s: unknown): string {
  return JSON.stringify(s) ?? 'undefined';
}

export class Worksheet extends FakeObject {
  readonly _typeName = 'Worksheet';
  private _boundId: string | null | undefined;
  private readonly _locate: SheetLocator;
  private readonly _nullable: boolean;
  private _freezePanes?: WorksheetFreezePanes;
  private _protection?: WorksheetProtection;
  private _pageLayout?: PageLayout;
  private _names?: NamedItemCollection;
  private _charts?: ChartCollection;
  private _onChanged?: EventHandlers;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, locate: SheetLocator, nullable = false) {
    super(context, path);
    this._locate = locate;
    this._nullable = nullable;
  }

  /** @internal Binds the proxy to a sheet (by id, so a rename keeps it). */
  _bind(id: string): void {
    this._boundId = id;
  }

  /** @internal */
  _sheet(exec: Execution): SheetState | null {
    if (this._boundId === null) return null;
    if (this._boundId !== undefined) {
      const s = findSheetById(exec.wb, this._boundId);
      if (!s) throw excelError('ItemNotFound', 'The worksheet was deleted.', 'Worksheet');
      return s;
    }
    const s = this._locate(exec);
    if (!s) {
      if (!this._nullable) throw excelError('ItemNotFound', undefined, 'Worksheet');
      this._boundId = null;
      return null;
    }
    this._boundId = s.id;
    return s;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._sheet(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'];
  }

  /** @internal */
  override _childNames(): readonly string[] {
    return ['protection', 'freezePanes', 'pageLayout', 'names'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const s = this._sheet(exec) as SheetState;
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return exec.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      case 'showGridlines':
        return s.showGridlines;
      default:
        return super._readScalar(exec, name);
    }
  }

  private _write(name: string, value: unknown, apply: (s: SheetState, exec: Execution) => void, write = true): void {
    this._setProperty(name, value, (exec) => {
      const s = this._sheet(exec);
      if (s) apply(s, exec);
    }, write);
  }

  private _method(name: string, args: unknown[], write: boolean, apply: (s: SheetState, exec: Execution) => void): void {
    this._enqueue('method', name, args, write, (exec) => {
      const s = this._sheet(exec);
      if (s) apply(s, exec);
    });
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  /** Renames the sheet (names referring to it follow; formulas in cells do not, in the fake). */
  set name(v: string) {
    this._write('name', v, (s, exec) => renameSheet(exec.wb, s, v, 'Worksheet.name'));
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._write('position', v, (s, exec) => setPosition(exec.wb, s, v, 'Worksheet.position'));
  }
  get visibility(): Visibility {
    return this._get('visibility');
  }
  set visibility(v: Visibility) {
    this._require('Worksheet.visibility(set)');
    this._write('visibility', v, (s, exec) => setVisibility(exec.wb, s, v, 'Worksheet.visibility'));
  }
  get tabColor(): string {
    this._require('Worksheet.tabColor');
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._require('Worksheet.tabColor');
    this._write('tabColor', v, (s) => {
      if (v === '') {
        s.tabColor = '';
        return;
      }
      const c = normaliseColor(v);
      if (!c) throw excelError('InvalidArgument', `"${String(v)}" is not a colour.`, 'Worksheet.tabColor');
      s.tabColor = c;
    });
  }
  get showGridlines(): boolean {
    this._require('Worksheet.showGridlines');
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._require('Worksheet.showGridlines');
    this._write('showGridlines', v, (s) => {
      if (typeof v !== 'boolean') throw excelError('InvalidArgument', 'showGridlines is true or false.', 'Worksheet.showGridlines');
      s.showGridlines = v;
    });
  }

  get freezePanes(): WorksheetFreezePanes {
    this._require('Worksheet.freezePanes');
    return (this._freezePanes ??= new WorksheetFreezePanes(this._context, `${this._path}.freezePanes`, this));
  }
  get protection(): WorksheetProtection {
    this._require('Worksheet.protection');
    return (this._protection ??= new WorksheetProtection(this._context, `${this._path}.protection`, this));
  }
  get pageLayout(): PageLayout {
    this._require('Worksheet.pageLayout');
    return (this._pageLayout ??= new PageLayout(this._context, `${this._path}.pageLayout`, this));
  }
  get names(): NamedItemCollection {
    this._require('Worksheet.names');
    return (this._names ??= new NamedItemCollection(this._context, `${this._path}.names`, this, worksheetOfRange));
  }

  get charts(): ChartCollection {
    return (this._charts ??= new ChartCollection(this._context, `${this._path}.charts`, this));
  }
  /** Values or formulas changed on this sheet (ExcelApi 1.7). */
  get onChanged(): EventHandlers {
    this._require('Worksheet.onChanged');
    return (this._onChanged ??= new EventHandlers(this._context, `${this._path}.onChanged`, (exec) => this._sheet(exec)?.id ?? null));
  }

  /** @internal A range on this sheet, its cells decided at the first sync that uses it. */
  _range(desc: string, rectOf: (s: SheetState, exec: Execution) => Rect | null, nullable = false): Range {
    return new Range(
      this._context,
      `${this._path}.${desc}`,
      (exec) => {
        const s = this._sheet(exec);
        if (!s) return null;
        const r = rectOf(s, exec);
        return r ? { sheet: s, rect: r } : null;
      },
      () => this,
      nullable || this._nullable,
    );
  }

  /** "A1", "A1:C5", "B:B", "3:7" (with or without $), a name, or nothing for the whole sheet. */
  getRange(address?: string): Range {
    return this._range(`getRange(${address === undefined ? '' : quoteArg(address)})`, (s, exec) => resolveAddressOn(exec, s, address, 'Worksheet.getRange'));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    this._require('Worksheet.getRangeByIndexes');
    return this._range(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, () => {
      const r = rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
      if (!inBounds(r) || rowCount < 1 || columnCount < 1) {
        throw excelError('InvalidArgument', 'The indexes are outside the worksheet or the size is below 1.', 'Worksheet.getRangeByIndexes');
      }
      return r;
    });
  }

  getCell(row: number, column: number): Range {
    return this._range(`getCell(${row}, ${column})`, () => {
      const r = rect(row, column);
      if (!inBounds(r)) throw excelError('InvalidArgument', 'The cell is outside the worksheet.', 'Worksheet.getCell');
      return r;
    });
  }

  /** The block from the first to the last used cell; A1 on an empty sheet (as Excel). */
  getUsedRange(valuesOnly?: boolean): Range {
    if (valuesOnly !== undefined) this._require('Worksheet.getUsedRange(valuesOnly)');
    return this._range(`getUsedRange(${valuesOnly ?? ''})`, (s) => usedRect(s, valuesOnly === true) ?? rect(0, 0));
  }

  /** A null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this._require('Worksheet.getUsedRangeOrNullObject');
    const r = this._range(`getUsedRangeOrNullObject(${valuesOnly ?? ''})`, (s) => usedRect(s, valuesOnly === true), true);
    this._instantiate(r);
    return r;
  }

  delete(): void {
    this._method('delete', [], true, (s, exec) => deleteSheet(exec.wb, s, 'Worksheet.delete'));
  }

  activate(): void {
    this._method('activate', [], false, (s, exec) => activateSheet(exec.wb, s, 'Worksheet.activate'));
  }
}

/** The Worksheet proxy of a range known only at sync (ranges from names, the selection). */
export function worksheetOfRange(range: Range): Worksheet {
  return new Worksheet(range._context, `${range._path}.worksheet`, (exec) => range._target(exec)?.sheet ?? null, range._nullable);
}

export class WorksheetCollection extends FakeCollection<Worksheet> {
  readonly _typeName = 'WorksheetCollection';
  private _onChanged?: EventHandlers;

  /** Values or formulas changed on any sheet (ExcelApi 1.9). */
  get onChanged(): EventHandlers {
    this._require('WorksheetCollection.onChanged');
    return (this._onChanged ??= new EventHandlers(this._context, `${this._path}.onChanged`, () => null));
  }

  /** @internal */
  override _itemsAt(exec: Execution): Worksheet[] {
    return exec.wb.sheets.map((s) => this._byId(s.id));
  }

  private _byId(id: string): Worksheet {
    const w = new Worksheet(this._context, `${this._path}.getItem(${quoteArg(id)})`, (exec) => findSheetById(exec.wb, id) ?? null);
    w._bind(id);
    return w;
  }

  /** Adds a sheet at the end (not activated); no name → "SheetN". */
  add(name?: string): Worksheet {
    const w = new Worksheet(this._context, `${this._path}.add(${name === undefined ? '' : quoteArg(name)})`, () => null);
    this._enqueue('method', 'add', [name ?? null], true, (exec) => {
      const s = addSheet(exec.wb, name, 'WorksheetCollection.add');
      w._bind(s.id);
    });
    return w;
  }

  /** By name (case-insensitive) or id; ItemNotFound at sync when missing. */
  getItem(key: string): Worksheet {
    return new Worksheet(this._context, `${this._path}.getItem(${quoteArg(key)})`, (exec) => {
      const s = findSheet(exec.wb, key);
      if (!s) throw excelError('ItemNotFound', undefined, 'WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    this._require('WorksheetCollection.getItemOrNullObject');
    const w = new Worksheet(this._context, `${this._path}.getItemOrNullObject(${quoteArg(key)})`, (exec) => findSheet(exec.wb, key) ?? null, true);
    this._instantiate(w);
    return w;
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this._context, `${this._path}.getActiveWorksheet()`, (exec) => activeSheet(exec.wb));
  }

  getFirst(visibleOnly = false): Worksheet {
    this._require('WorksheetCollection.getFirst');
    return new Worksheet(this._context, `${this._path}.getFirst(${visibleOnly})`, (exec) => {
      const s = exec.wb.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw excelError('ItemNotFound', undefined, 'WorksheetCollection.getFirst');
      return s;
    });
  }

  getLast(visibleOnly = false): Worksheet {
    this._require('WorksheetCollection.getLast');
    return new Worksheet(this._context, `${this._path}.getLast(${visibleOnly})`, (exec) => {
      const s = [...exec.wb.sheets].reverse().find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw excelError('ItemNotFound', undefined, 'WorksheetCollection.getLast');
      return s;
    });
  }

  getCount(visibleOnly = false): ClientResult<number> {
    this._require('WorksheetCollection.getCount');
    const result = new ClientResult<number>();
    this._enqueue('method', 'getCount', [visibleOnly], false, (exec) =>
      exec.stageResult(result, exec.wb.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length),
    );
    return result;
  }
}

abstract class SheetPart extends FakeObject {
  /** @internal */ readonly _sheetProxy: Worksheet;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, sheet: Worksheet) {
    super(context, path);
    this._sheetProxy = sheet;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._sheetProxy._exists(exec);
  }

  protected _s(exec: Execution): SheetState {
    return this._sheetProxy._sheet(exec) as SheetState;
  }

  protected _method(name: string, args: unknown[], write: boolean, apply: (s: SheetState, exec: Execution) => void): void {
    this._enqueue('method', name, args, write, (exec) => {
      const s = this._sheetProxy._sheet(exec);
      if (s) apply(s, exec);
    });
  }
}

function count(n: unknown, max: number, location: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) throw excelError('InvalidArgument', `Expected a whole number from 0 to ${max}.`, location);
  return n;
}

export class WorksheetFreezePanes extends SheetPart {
  readonly _typeName = 'WorksheetFreezePanes';

  /** Freezes the top rows (and unfreezes columns). */
  freezeRows(count_ = 1): void {
    this._method('freezeRows', [count_], true, (s) => {
      s.frozen = { rows: count(count_, LAST_ROW, 'WorksheetFreezePanes.freezeRows'), columns: 0 };
    });
  }

  /** Freezes the left columns (and unfreezes rows). */
  freezeColumns(count_ = 1): void {
    this._method('freezeColumns', [count_], true, (s) => {
      s.frozen = { rows: 0, columns: count(count_, LAST_COLUMN, 'WorksheetFreezePanes.freezeColumns') };
    });
  }

  /** Freezes everything above and left of the range's bottom-right corner ("A1:B2" → 2 rows, 2 columns). */
  freezeAt(frozenRange: RangeOrAddress): void {
    assertSameContext(this._context, frozenRange, 'WorksheetFreezePanes.freezeAt');
    this._method('freezeAt', [frozenRange], true, (s, exec) => {
      const r = resolveRangeArg(exec, s, frozenRange, 'WorksheetFreezePanes.freezeAt');
      s.frozen = { rows: isEntireColumns(r) ? 0 : r.bottom + 1, columns: isEntireRows(r) ? 0 : r.right + 1 };
    });
  }

  unfreeze(): void {
    this._method('unfreeze', [], true, (s) => {
      s.frozen = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): Range {
    const r = this._sheetProxy._range(
      'freezePanes.getLocationOrNullObject()',
      (s) => {
        const { rows, columns } = s.frozen;
        if (rows === 0 && columns === 0) return null;
        if (columns === 0) return rect(0, 0, rows - 1, LAST_COLUMN);
        if (rows === 0) return rect(0, 0, LAST_ROW, columns - 1);
        return rect(0, 0, rows - 1, columns - 1);
      },
      true,
    );
    this._instantiate(r);
    return r;
  }
}

const PROTECTION_KEYS = Object.keys(DEFAULT_PROTECTION_OPTIONS);

export class WorksheetProtection extends SheetPart {
  readonly _typeName = 'WorksheetProtection';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const s = this._s(exec);
    if (name === 'protected') return s.protection.protected;
    if (name === 'options') return { ...s.protection.options };
    return super._readScalar(exec, name);
  }

  get protected(): boolean {
    return this._get('protected');
  }
  get options(): ProtectionOptions {
    return this._get('options');
  }

  /** Fails (AccessDenied) when the sheet is already protected, as the docs say. */
  protect(options?: Partial<ProtectionOptions> | null, password?: string): void {
    if (password !== undefined) this._require('WorksheetProtection.protect(password)');
    this._method('protect', [options ?? null, password === undefined ? null : '***'], true, (s) => {
      if (s.protection.protected) throw excelError('AccessDenied', 'The worksheet is already protected.', 'WorksheetProtection.protect');
      const given = options ?? {};
      for (const key of Object.keys(given)) {
        if (!PROTECTION_KEYS.includes(key)) throw excelError('InvalidArgument', `Unknown protection option ${key}.`, 'WorksheetProtection.protect');
      }
      s.protection = { protected: true, options: { ...DEFAULT_PROTECTION_OPTIONS, ...given }, password: password ?? null };
    });
  }

  /** No-op on an unprotected sheet; a wrong password fails with InvalidArgument. */
  unprotect(password?: string): void {
    if (password !== undefined) this._require('WorksheetProtection.unprotect(password)');
    this._method('unprotect', [password === undefined ? null : '***'], true, (s) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== null && s.protection.password !== password) {
        throw excelError('InvalidArgument', 'The password you supplied is not correct.', 'WorksheetProtection.unprotect');
      }
      s.protection = { ...s.protection, protected: false, password: null };
    });
  }
}

type LayoutKey = Exclude<keyof PageLayoutState, 'printTitleRows' | 'printTitleColumns' | 'printArea'>;

const MARGIN = (v: unknown, location: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1440) throw excelError('InvalidArgument', 'A margin is a number of points from 0 to 1440.', location);
  return v;
};
const BOOL = (v: unknown, location: string): boolean => {
  if (typeof v !== 'boolean') throw excelError('InvalidArgument', 'Expected true or false.', location);
  return v;
};
const oneOf =
  (allowed: readonly string[]) =>
  (v: unknown, location: string): string => {
    if (typeof v !== 'string' || !allowed.includes(v)) throw excelError('InvalidArgument', `Expected one of ${allowed.join(', ')}.`, location);
    return v;
  };

const LAYOUT_CHECKS: Record<LayoutKey, (v: unknown, location: string) => unknown> = {
  orientation: oneOf(['Portrait', 'Landscape']),
  paperSize: oneOf(PAPER_SIZES),
  leftMargin: MARGIN,
  rightMargin: MARGIN,
  topMargin: MARGIN,
  bottomMargin: MARGIN,
  headerMargin: MARGIN,
  footerMargin: MARGIN,
  centerHorizontally: BOOL,
  centerVertically: BOOL,
  printGridlines: BOOL,
  printHeadings: BOOL,
  blackAndWhite: BOOL,
  draftMode: BOOL,
  printOrder: oneOf(['DownThenOver', 'OverThenDown']),
  zoom: (v, location) => {
    if (!v || typeof v !== 'object') throw excelError('InvalidArgument', 'zoom is { scale } or { horizontalFitToPages, verticalFitToPages }.', location);
    const z = v as PageZoom;
    const out: PageZoom = {};
    for (const key of Object.keys(z) as (keyof PageZoom)[]) {
      const n = z[key];
      if (n === undefined || n === null) continue;
      if (!['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(key)) throw excelError('InvalidArgument', `Unknown zoom option ${key}.`, location);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw excelError('InvalidArgument', `zoom.${key} is a whole number.`, location);
      if (key === 'scale' && (n < 10 || n > 400)) throw excelError('InvalidArgument', 'zoom.scale is from 10 to 400.', location);
      out[key] = n;
    }
    if (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined) delete out.scale;
    return out;
  },
};

export class PageLayout extends SheetPart {
  readonly _typeName = 'PageLayout';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return Object.keys(LAYOUT_CHECKS);
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (!(name in LAYOUT_CHECKS)) return super._readScalar(exec, name);
    const v = this._s(exec).pageLayout[name as LayoutKey];
    return typeof v === 'object' ? { ...v } : v;
  }

  private _layout(name: LayoutKey, v: unknown): void {
    const location = `PageLayout.${name}`;
    this._setProperty(name, v, (exec) => {
      const s = this._sheetProxy._sheet(exec);
      if (s) (s.pageLayout as unknown as Record<string, unknown>)[name] = LAYOUT_CHECKS[name](v, location);
    });
  }

  get orientation(): PageLayoutState['orientation'] {
    return this._get('orientation');
  }
  set orientation(v: PageLayoutState['orientation']) {
    this._layout('orientation', v);
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._layout('paperSize', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._layout('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._layout('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._layout('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._layout('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this._layout('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this._layout('footerMargin', v);
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._layout('centerHorizontally', v);
  }
  get centerVertically(): boolean {
    return this._get('centerVertically');
  }
  set centerVertically(v: boolean) {
    this._layout('centerVertically', v);
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this._layout('printGridlines', v);
  }
  get printHeadings(): boolean {
    return this._get('printHeadings');
  }
  set printHeadings(v: boolean) {
    this._layout('printHeadings', v);
  }
  get blackAndWhite(): boolean {
    return this._get('blackAndWhite');
  }
  set blackAndWhite(v: boolean) {
    this._layout('blackAndWhite', v);
  }
  get draftMode(): boolean {
    return this._get('draftMode');
  }
  set draftMode(v: boolean) {
    this._layout('draftMode', v);
  }
  get printOrder(): PageLayoutState['printOrder'] {
    return this._get('printOrder');
  }
  set printOrder(v: PageLayoutState['printOrder']) {
    this._layout('printOrder', v);
  }
  get zoom(): PageZoom {
    return this._get('zoom');
  }
  set zoom(v: PageZoom) {
    this._layout('zoom', v);
  }

  private _setRef(name: string, arg: RangeOrAddress, apply: (s: SheetState, r: Rect) => void): void {
    assertSameContext(this._context, arg, `PageLayout.${name}`);
    this._method(name, [arg], true, (s, exec) => apply(s, resolveRangeArg(exec, s, arg, `PageLayout.${name}`)));
  }

  /** Rows repeated at the top of each printed page: stored as "$1:$3". */
  setPrintTitleRows(titleRows: RangeOrAddress): void {
    this._setRef('setPrintTitleRows', titleRows, (s, r) => {
      s.pageLayout.printTitleRows = formatRef(rect(r.top, 0, r.bottom, LAST_COLUMN), true);
    });
  }

  /** Columns repeated at the left of each printed page: stored as "$A:$B". */
  setPrintTitleColumns(titleColumns: RangeOrAddress): void {
    this._setRef('setPrintTitleColumns', titleColumns, (s, r) => {
      s.pageLayout.printTitleColumns = formatRef(rect(0, r.left, LAST_ROW, r.right), true);
    });
  }

  /** Stored as "$A$1:$H$40". */
  setPrintArea(printArea: RangeOrAddress): void {
    this._setRef('setPrintArea', printArea, (s, r) => {
      s.pageLayout.printArea = formatRef(r, true);
    });
  }
}
