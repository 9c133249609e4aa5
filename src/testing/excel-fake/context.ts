/** The request context (`context.workbook`, `context.sync()`), queued operations and their execution. */
import { excelError } from './errors';
import { payloadJson, utf8Length, type ClientResult, type FakeObject, type LoadPlan } from './proxy';
import type { Env, WorkbookState } from './state';
import type { CellChange, EventHost } from './events';
import { Application, Workbook } from './workbook';

export type OperationKind = 'load' | 'set' | 'method' | 'instantiate';

/** One queued action: what a sync sends to Excel. */
export interface Operation {
  kind: OperationKind;
  /** The object path, e.g. `workbook.worksheets.getItem("Tổng hợp").getRange("A1:C5")`. */
  path: string;
  /** Property or method name. */
  name: string;
  /** The argument(s) or written value (counted in the request size). */
  args: unknown;
  /** Changes the workbook (fails when `fake.readOnly`). */
  write: boolean;
  /** "Range.values": where errors say they happened. */
  location: string;
  /** @internal */
  run(exec: Execution): void;
}

export type OperationInfo = Omit<Operation, 'run' | 'args'>;

/** What the context needs from the fake. */
export interface Host {
  _sync(context: FakeRequestContext): Promise<void>;
  _requireApi(api: string): void;
}

/** One sync being applied: the workbook, settings, and what it delivers back on success. */
export class Execution {
  private readonly staged: Array<() => void> = [];
  responseBytes = 0;
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  calculations = 0;
  /** Values and formulas this sync changed: fired to onChanged handlers once it succeeded. */
  readonly changes: CellChange[] = [];

  constructor(
    readonly wb: WorkbookState,
    readonly env: Env,
    readonly events: EventHost = { _registrations: [] },
  ) {}

  /** Runs only if the whole sync succeeds (event registrations, for example). */
  afterCommit(apply: () => void): void {
    this.staged.push(apply);
  }

  /** A loaded value, delivered to the proxy only if the whole sync succeeds. */
  stage(obj: FakeObject, prop: string, value: unknown): void {
    if (prop !== 'items') this.responseBytes += utf8Length(payloadJson(value)) + prop.length + 4;
    this.staged.push(() => obj._values.set(prop, value));
  }

  stageNull(obj: FakeObject, isNull: boolean): void {
    this.staged.push(() => {
      obj._nullState = isNull;
    });
  }

  stageResult<T>(result: ClientResult<T>, value: T): void {
    this.responseBytes += utf8Length(payloadJson(value));
    this.staged.push(() => result._resolve(value));
  }

  runPlan(plan: LoadPlan): void {
    const target = plan.target;
    const exists = target._exists(this);
    this.stageNull(target, !exists);
    if (!exists) return;
    if (plan.unknown.length > 0) {
      throw excelError('InvalidArgument', `The property '${plan.unknown[0]}' does not exist on ${target._typeName}.`, `${target._typeName}.load`);
    }
    const names = plan.all ? [...new Set([...target._scalarNames(), ...plan.scalars])] : plan.scalars;
    for (const name of names) this.stage(target, name, target._readScalar(this, name));
    for (const child of plan.children) this.runPlan(child);
    if (plan.items) target._loadItems(this, plan.items);
  }

  commit(): void {
    for (const apply of this.staged) apply();
  }
}

/** Mirrors `Excel.RequestContext` for the members KH uses. */
export class FakeRequestContext {
  readonly workbook: Workbook;
  /** Office.js's tracked objects: no-ops here (proxies stay usable until their run ends). */
  readonly trackedObjects = {
    add: (_objects: unknown): void => undefined,
    remove: (_objects: unknown): void => undefined,
  };
  /** @internal */ _queue: Operation[] = [];
  /** @internal Set when the Excel.run batch that owns the context has ended. */
  _closed = false;
  /** @internal */ readonly _host: Host;

  constructor(host: Host) {
    this._host = host;
    this.workbook = new Workbook(this);
  }

  get application(): Application {
    return this.workbook.application;
  }

  /** Sends the queued operations; loaded properties become readable when it resolves. */
  sync<T = void>(passThroughValue?: T): Promise<T> {
    return this._host._sync(this).then(() => passThroughValue as T);
  }

  /** @internal */
  _enqueue(op: Operation): void {
    this._queue.push(op);
  }

  /** @internal */
  _take(): Operation[] {
    const ops = this._queue;
    this._queue = [];
    return ops;
  }

  /** @internal Throws ApiNotFound when the member is above the fake's supported ExcelApi version. */
  _require(api: string): void {
    this._host._requireApi(api);
  }
}
