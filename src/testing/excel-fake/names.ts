/** Defined names: `workbook.names` (workbook scope) and `worksheet.names` (sheet scope). */
import { formatAddress } from './address';
import type { Execution, FakeRequestContext } from './context';
import { excelError } from './errors';
import { ClientResult, FakeCollection, FakeObject } from './proxy';
import { Range, assertSameContext } from './range';
import { addName, findName, nameTarget, nameType, nameValue, parseReferenceFormula, type NameState } from './state';
import type { Worksheet } from './worksheet';

type SheetOfRange = (range: Range) => Worksheet;
type NameLocator = (exec: Execution) => NameState | null;

export class NamedItem extends FakeObject {
  readonly _typeName = 'NamedItem';
  private readonly _locate: NameLocator;
  private readonly _nullable: boolean;
  private readonly _sheetOfRange: SheetOfRange;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, locate: NameLocator, nullable: boolean, sheetOfRange: SheetOfRange) {
    super(context, path);
    this._locate = locate;
    this._nullable = nullable;
    this._sheetOfRange = sheetOfRange;
  }

  /** @internal */
  _state(exec: Execution): NameState | null {
    const n = this._locate(exec);
    if (!n && !this._nullable) throw excelError('ItemNotFound', undefined, 'NamedItem');
    return n;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._state(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['name', 'formula', 'type', 'value', 'visible', 'comment', 'scope'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const n = this._state(exec) as NameState;
    switch (name) {
      case 'name':
        return n.name;
      case 'formula':
        return n.formula;
      case 'type':
        return nameType(exec.wb, n);
      case 'value':
        return nameValue(exec.wb, n);
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      case 'scope':
        return n.sheetId === null ? 'Workbook' : 'Worksheet';
      default:
        return super._readScalar(exec, name);
    }
  }

  private _write(name: string, v: unknown, apply: (n: NameState) => void): void {
    this._setProperty(name, v, (exec) => {
      const n = this._state(exec);
      if (n) apply(n);
    });
  }

  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): string | number | boolean {
    return this._get('value');
  }
  get scope(): 'Workbook' | 'Worksheet' {
    this._require('NamedItem.scope');
    return this._get('scope');
  }
  /** "='Thông tin'!$B$3" */
  get formula(): string {
    this._require('NamedItem.formula');
    return this._get('formula');
  }
  set formula(v: string) {
    this._require('NamedItem.formula');
    this._write('formula', v, (n) => {
      if (typeof v !== 'string' || v === '' || v === '=') throw excelError('InvalidArgument', 'A name needs a reference or formula.', 'NamedItem.formula');
      n.formula = v.startsWith('=') ? v : '=' + v;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._write('visible', v, (n) => {
      n.visible = v === true;
    });
  }
  get comment(): string {
    this._require('NamedItem.comment');
    return this._get('comment');
  }
  set comment(v: string) {
    this._require('NamedItem.comment');
    this._write('comment', v, (n) => {
      n.comment = String(v);
    });
  }

  private _rangeOf(nullable: boolean): Range {
    const location = nullable ? 'NamedItem.getRangeOrNullObject' : 'NamedItem.getRange';
    const range: Range = new Range(
      this._context,
      `${this._path}.${nullable ? 'getRangeOrNullObject' : 'getRange'}()`,
      (exec) => {
        const n = this._state(exec);
        if (!n) return null;
        const t = nameTarget(exec.wb, n);
        if (t) return t;
        if (nullable) return null;
        if (!parseReferenceFormula(n.formula)) throw excelError('InvalidOperation', `The name ${n.name} does not refer to a range.`, location);
        throw excelError('InvalidReference', `The name ${n.name} refers to a missing sheet.`, location);
      },
      () => this._sheetOfRange(range),
      nullable || this._nullable,
    );
    return range;
  }

  getRange(): Range {
    return this._rangeOf(false);
  }

  getRangeOrNullObject(): Range {
    this._require('NamedItem.getRangeOrNullObject');
    const r = this._rangeOf(true);
    this._instantiate(r);
    return r;
  }

  delete(): void {
    this._require('NamedItem.delete');
    this._enqueue('method', 'delete', [], true, (exec) => {
      const n = this._state(exec);
      if (n) exec.wb.names = exec.wb.names.filter((x) => x !== n);
    });
  }
}

export class NamedItemCollection extends FakeCollection<NamedItem> {
  readonly _typeName = 'NamedItemCollection';
  private readonly _scope: Worksheet | null;
  private readonly _sheetOfRange: SheetOfRange;

  /** @internal */
  constructor(context: FakeRequestContext, path: string, scope: Worksheet | null, sheetOfRange: SheetOfRange) {
    super(context, path);
    this._scope = scope;
    this._sheetOfRange = sheetOfRange;
  }

  /** @internal The sheet id of the scope (null: workbook); undefined when the scope sheet is a null object. */
  _scopeId(exec: Execution): string | null | undefined {
    if (!this._scope) return null;
    const s = this._scope._sheet(exec);
    return s ? s.id : undefined;
  }

  private _item(path: string, name: string, nullable: boolean): NamedItem {
    return new NamedItem(
      this._context,
      `${this._path}.${path}`,
      (exec) => {
        const scope = this._scopeId(exec);
        return scope === undefined ? null : (findName(exec.wb, name, scope) ?? null);
      },
      nullable,
      this._sheetOfRange,
    );
  }

  /** @internal */
  override _itemsAt(exec: Execution): NamedItem[] {
    const scope = this._scopeId(exec);
    if (scope === undefined) return [];
    return exec.wb.names.filter((n) => n.sheetId === scope).map((n) => this._item(`getItem(${JSON.stringify(n.name)})`, n.name, false));
  }

  /** `reference`: a Range, or a formula such as "='Thông tin'!$B$3". */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this._require('NamedItemCollection.add');
    assertSameContext(this._context, reference, 'NamedItemCollection.add');
    this._enqueue('method', 'add', [name, reference, comment ?? null], true, (exec) => {
      const scope = this._scopeId(exec);
      if (scope === undefined) return;
      let formula: string;
      if (reference instanceof Range) {
        const t = reference._target(exec);
        if (!t) throw excelError('InvalidArgument', 'The reference is a null range.', 'NamedItemCollection.add');
        formula = '=' + formatAddress(t.sheet.name, t.rect, true);
      } else {
        formula = reference;
      }
      addName(exec.wb, scope, name, formula, comment, 'NamedItemCollection.add');
    });
    return this._item(`getItem(${JSON.stringify(name)})`, name, false);
  }

  getItem(name: string): NamedItem {
    return this._item(`getItem(${JSON.stringify(name)})`, name, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    this._require('NamedItemCollection.getItemOrNullObject');
    const item = this._item(`getItemOrNullObject(${JSON.stringify(name)})`, name, true);
    this._instantiate(item);
    return item;
  }

  getCount(): ClientResult<number> {
    this._require('NamedItemCollection.getCount');
    const result = new ClientResult<number>();
    this._enqueue('method', 'getCount', [], false, (exec) => {
      const scope = this._scopeId(exec);
      exec.stageResult(result, scope === undefined ? 0 : exec.wb.names.filter((n) => n.sheetId === scope).length);
    });
    return result;
  }
}
