/**
 * The base of every proxy (Range, Worksheet, …): queued operations, `load` paths, loaded
 * values that throw PropertyNotLoaded until a sync delivered them, `isNullObject`, `set`, `toJSON`.
 */
import type { Execution, FakeRequestContext, OperationKind } from './context';
import { ExcelFakeError, MESSAGES, excelError, propertyNotLoaded } from './errors';
import { pushAll } from '../../core/arrays';

export type LoadOption = string | string[] | LoadObject;
export interface LoadObject {
  select?: string | string[];
  expand?: string | string[];
  [key: string]: unknown;
}

function splitList(s: string | string[]): string[][] {
  const items = Array.isArray(s) ? s.flatMap((x) => x.split(',')) : s.split(',');
  return items.map((x) => x.trim()).filter((x) => x !== '').map((x) => x.split('/').map((p) => p.trim()));
}

/** "values, format/font/bold" | ["values"] | { select, expand } | { values: true, format: { font: { bold: true } } } → paths. */
export function loadPaths(option: LoadOption | undefined | null): string[][] {
  if (option === undefined || option === null) return [];
  if (typeof option === 'string' || Array.isArray(option)) return splitList(option);
  const paths: string[][] = [];
  if (option.select !== undefined) pushAll(paths, splitList(option.select));
  if (option.expand !== undefined) pushAll(paths, splitList(option.expand));
  const walk = (obj: Record<string, unknown>, prefix: string[]): void => {
    for (const [key, value] of Object.entries(obj)) {
      if (prefix.length === 0 && (key === 'select' || key === 'expand' || key === 'top' || key === 'skip')) continue;
      if (key === '$all' && value === true) {
        paths.push(prefix);
        continue;
      }
      if (value === true) paths.push([...prefix, key]);
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, [...prefix, key]);
    }
  };
  walk(option, []);
  return paths;
}

export interface LoadPlan {
  target: FakeObject;
  /** Load every scalar property. */
  all: boolean;
  scalars: string[];
  unknown: string[];
  children: LoadPlan[];
  /** For collections: the paths to load on each item ([] = all scalars). */
  items?: string[][];
}

let serialisingPayload = false;

/** JSON of an operation as it would travel to Excel (proxies become their object path). */
export function payloadJson(value: unknown): string {
  serialisingPayload = true;
  try {
    return JSON.stringify(value) ?? 'null';
  } finally {
    serialisingPayload = false;
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export abstract class FakeObject {
  /** @internal */ readonly _context: FakeRequestContext;
  /** @internal */ readonly _path: string;
  /** @internal Values delivered by a sync (or echoed by a setter, as Office.js does). */
  readonly _values = new Map<string, unknown>();
  /** @internal */ _nullState: boolean | undefined = undefined;
  /** @internal */ abstract readonly _typeName: string;

  constructor(context: FakeRequestContext, path: string) {
    this._context = context;
    this._path = path;
  }

  get context(): FakeRequestContext {
    return this._context;
  }

  /** Known after a sync that loaded or instantiated the object; throws PropertyNotLoaded before. */
  get isNullObject(): boolean {
    if (this._nullState === undefined) throw propertyNotLoaded(this._typeName, 'isNullObject');
    return this._nullState;
  }

  /** Queues a load; the properties become readable after the next `context.sync()`. */
  load(option?: LoadOption): this {
    const plan = this._plan(loadPaths(option));
    this._enqueue('load', 'load', option ?? null, false, (exec) => exec.runPlan(plan));
    return this;
  }

  /** Sets several properties at once, as Office.js's `set({...})`. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const child = this._childFor(key);
      if (child) {
        child.set(value as Record<string, unknown>);
        continue;
      }
      if (!this._scalarNames().includes(key) || !hasSetter(this, key)) {
        throw excelError('InvalidArgument', `${this._typeName}.${key} cannot be set.`, `${this._typeName}.set`);
      }
      (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  toJSON(): Record<string, unknown> {
    if (serialisingPayload) return { objectPath: this._path };
    return Object.fromEntries(this._values);
  }

  /** @internal */
  _plan(paths: string[][]): LoadPlan {
    const plan: LoadPlan = { target: this, all: paths.length === 0 || paths.some((p) => p.length === 0), scalars: [], unknown: [], children: [] };
    const groups = new Map<string, string[][]>();
    for (const [first, ...rest] of paths.filter((p) => p.length > 0)) {
      const list = groups.get(first) ?? [];
      list.push(rest);
      groups.set(first, list);
    }
    for (const [first, rests] of groups) {
      const child = this._childFor(first);
      if (child) plan.children.push(child._plan(rests));
      else if (this._scalarNames().includes(first)) plan.scalars.push(first);
      else plan.unknown.push(first);
    }
    return plan;
  }

  /** @internal Scalar properties loaded by `load()` without arguments. */
  _scalarNames(): readonly string[] {
    return [];
  }

  /** @internal Navigation properties that nested load paths may go through. */
  _childNames(): readonly string[] {
    return [];
  }

  /** @internal */
  _childFor(name: string): FakeObject | undefined {
    if (!this._childNames().includes(name)) return undefined;
    return (this as unknown as Record<string, FakeObject>)[name];
  }

  /** @internal Reads one scalar from the workbook at sync time. */
  _readScalar(_exec: Execution, name: string): unknown {
    throw excelError('InvalidArgument', `The property '${name}' does not exist on ${this._typeName}.`);
  }

  /** @internal Whether the object exists at sync time (false: a null object); throws ItemNotFound when it must exist. */
  abstract _exists(exec: Execution): boolean;

  /** @internal For collections. */
  _loadItems(_exec: Execution, _paths: string[][]): void {
    throw excelError('InvalidArgument', `${this._typeName} has no items.`);
  }

  protected _get<T>(name: string): T {
    if (this._nullState === true) return undefined as T;
    if (!this._values.has(name)) throw propertyNotLoaded(this._typeName, name);
    return this._values.get(name) as T;
  }

  protected _require(api: string): void {
    this._context._require(api);
  }

  protected _enqueue(kind: OperationKind, name: string, args: unknown, write: boolean, run: (exec: Execution) => void): void {
    const location = `${this._typeName}.${name}`;
    if (this._context._closed) {
      throw new ExcelFakeError('InvalidObjectPath', `${MESSAGES.InvalidObjectPath} (${location} called after its Excel.run batch ended)`, location);
    }
    this._context._enqueue({ kind, path: this._path, name, args, write, location, run });
  }

  /** Queues `set` of a property: echoes the value locally (as Office.js does) and applies it at sync. */
  protected _setProperty(name: string, value: unknown, run: (exec: Execution) => void, write = true): void {
    this._values.set(name, value);
    this._enqueue('set', name, value, write, run);
  }

  /** Queues an instantiate action (what Office.js sends for *OrNullObject) so isNullObject is known after sync. */
  protected _instantiate(target: FakeObject): void {
    this._enqueue('instantiate', 'instantiate', null, false, (exec) => exec.stageNull(target, !target._exists(exec)));
  }
}

function hasSetter(obj: object, key: string): boolean {
  for (let p: object | null = obj; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return typeof d.set === 'function';
  }
  return false;
}

/** Base of collections: `items` after a load; a bare property path means `items/<path>`. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  get items(): T[] {
    return this._get<T[]>('items');
  }

  /** @internal */
  override _plan(paths: string[][]): LoadPlan {
    const plan: LoadPlan = { target: this, all: false, scalars: [], unknown: [], children: [] };
    const itemPaths: string[][] = [];
    for (const p of paths.length === 0 ? [['items']] : paths) {
      if (p.length === 0) itemPaths.push([]);
      else if (p[0] === 'items') itemPaths.push(p.slice(1));
      else if (this._scalarNames().includes(p[0]) && p.length === 1) plan.scalars.push(p[0]);
      else itemPaths.push(p);
    }
    if (itemPaths.length > 0) plan.items = itemPaths;
    return plan;
  }

  /** @internal */
  override _exists(): boolean {
    return true;
  }

  /** @internal The items as they are at sync time. */
  abstract _itemsAt(exec: Execution): T[];

  /** @internal */
  override _loadItems(exec: Execution, paths: string[][]): void {
    const items = this._itemsAt(exec);
    for (const item of items) exec.runPlan(item._plan(paths));
    exec.stage(this, 'items', items);
  }
}

/** `getCount()` and friends: `value` is readable after the sync. */
export class ClientResult<T> {
  private _loaded = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._loaded) throw excelError('ValueNotLoaded', undefined, 'ClientResult.value');
    return this._value as T;
  }

  /** @internal */
  _resolve(value: T): void {
    this._loaded = true;
    this._value = value;
  }
}
