/** ExcelFake: the in-memory Excel that runs batches, counts syncs and injects faults. */
import { formatRef, parseAddress } from './address';
import type { CellInput } from './cells';
import { Execution, FakeRequestContext, type Host, type OperationInfo } from './context';
import { ExcelFakeError, FAULTS, MESSAGES, excelError, type Fault } from './errors';
import { SheetView, nameViews, type NameView } from './inspect';
import type { CellChange, ChangedEventArgs, EventHost, Registration } from './events';
import { payloadJson, utf8Length } from './proxy';
import { compareVersions, requiredVersion } from './requirements';
import { activeSheet, addSheet, findSheetByName, newWorkbook, setComputed, writeContent, type Env, type WorkbookState } from './state';
import { maxOf } from '../../core/arrays';

export interface ExcelFakeOptions {
  /** Name of the sheet a new workbook has (default "Sheet1"). */
  firstSheet?: string;
  /** ExcelApi version the fake supports (default "1.17"). */
  supportedApi?: string;
  /** Year given to dates typed without one ("3/4"); default: the current year. */
  year?: number;
}

export interface SyncLogEntry {
  /** 1-based round-trip number (same as `syncCount` after it). */
  index: number;
  /** Queued operations (loads, property sets, method calls, null-object instantiations). */
  operations: number;
  /** Writes among them. */
  writes: number;
  /** Approximate request size: UTF-8 bytes of the JSON of the queued operations. */
  bytes: number;
  /** Approximate response size: UTF-8 bytes of the JSON of the loaded values. */
  responseBytes: number;
  ok: boolean;
  errorCode?: string;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

export interface SyncInfo {
  index: number;
  bytes: number;
  operations: OperationInfo[];
}

export interface FaultSpec extends Fault {
  /** Operations of the sync applied before the failure (matters when `atomicSyncs` is false). Default 0. */
  afterOperations?: number;
}

export type SeedRows = CellInput[][];

const MB = 1024 * 1024;

export class ExcelFake implements Host, EventHost {
  /** Round trips: syncs that had at least one queued operation (an empty sync costs nothing in Office.js). */
  syncCount = 0;
  /** Every `context.sync()` call, including the implicit one at the end of `run` and empty ones. */
  syncCalls = 0;
  readonly syncLog: SyncLogEntry[] = [];
  /** `application.calculate()` calls applied. */
  calculations = 0;
  /** true: a failed sync applies nothing; false (default, Excel's real worst case): operations before the failing one stay applied. */
  atomicSyncs = false;
  /** Excel on the web refuses requests over 5 MB; Infinity disables the check. */
  requestLimitBytes = 5 * MB;
  /** Excel on the web refuses responses over 5 MB; Infinity disables the check. */
  responseLimitBytes = 5 * MB;
  /** Every write fails with AccessDenied (a read-only or view-mode workbook); loads still work. */
  readOnly = false;
  /** Highest ExcelApi requirement set the host supports. */
  supportedApi: string;
  /** Error code for changes to locked cells of a protected sheet (Excel's exact code is not documented). */
  protectedCellErrorCode = 'InvalidOperation';
  year: number;

  /** @internal */ _state: WorkbookState;
  /** @internal onChanged handlers registered by add-in code. */ readonly _registrations: Registration[] = [];
  /** Event calls still running (tests await `fake.settled()`). */
  private readonly pendingEvents = new Set<Promise<unknown>>();
  private readonly nextFaults: FaultSpec[] = [];
  private readonly conditionalFaults: Array<{ predicate: (sync: SyncInfo) => boolean; fault: FaultSpec }> = [];

  constructor(options: ExcelFakeOptions = {}) {
    this._state = newWorkbook(options.firstSheet ?? 'Sheet1');
    this.supportedApi = options.supportedApi ?? '1.17';
    this.year = options.year ?? new Date().getFullYear();
  }

  /** Mirrors `Excel.run`: a fresh context, the batch, then a final sync of anything still queued. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this);
    try {
      const pending = batch(context) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== 'function') throw excelError('RunMustReturnPromise');
      const result = await (pending as Promise<T>);
      await context.sync();
      return result;
    } finally {
      context._queue = [];
      context._closed = true;
    }
  }

  /**
   * `run` typed as Office.js's `Excel.run`, for code written against @types/office-js
   * (types only; members outside the fake's subset are simply missing at run time).
   */
  excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run(batch as unknown as (context: FakeRequestContext) => Promise<T>);
  }

  /**
   * Stand-ins for the globals an add-in touches (`Excel.run`,
   * `Office.context.requirements.isSetSupported`), e.g. `Object.assign(globalThis, fake.hostGlobals())`
   * on a playground page.
   */
  hostGlobals(): {
    Excel: { run: <T>(batch: (context: FakeRequestContext) => Promise<T>) => Promise<T> };
    Office: { context: { requirements: { isSetSupported: (name: string, minVersion?: string) => boolean } } };
  } {
    return {
      Excel: { run: (batch) => this.run(batch) },
      Office: { context: { requirements: { isSetSupported: (name, minVersion) => this.isSetSupported(name, minVersion) } } },
    };
  }

  /** A context that is never closed (for tests that drive syncs by hand). */
  createContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** `Office.context.requirements.isSetSupported` for ExcelApi; other sets are unsupported. */
  isSetSupported(name: string, minVersion = '1.1'): boolean {
    return name === 'ExcelApi' && compareVersions(minVersion, this.supportedApi) <= 0;
  }

  /** The next round trip fails with this error. */
  failNextSync(fault: FaultSpec): void {
    this.nextFaults.push(fault);
  }

  /**
   * Every round trip for which `predicate` is true fails (default error: cell-edit mode);
   * returns a function that removes the rule.
   */
  failSyncWhen(predicate: (sync: SyncInfo) => boolean, fault: FaultSpec = FAULTS.cellEditMode): () => void {
    const rule = { predicate, fault };
    this.conditionalFaults.push(rule);
    return () => {
      const i = this.conditionalFaults.indexOf(rule);
      if (i >= 0) this.conditionalFaults.splice(i, 1);
    };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.syncCalls = 0;
    this.syncLog.length = 0;
    this.calculations = 0;
  }

  /** The value Excel would have computed for formula cells (a value, or a 2-D array for a block). */
  setComputedValue(sheet: string, address: string, value: CellInput | CellInput[][]): void {
    setComputed(this.requireSheet(sheet), parseAddress(address).rect, value);
  }

  /**
   * Builds a starting workbook: each sheet gets the rows from A1, with Excel's input rules
   * ("=…" formulas, "'…" text). A pristine default Sheet1 not named in `sheets` is removed.
   */
  seed(sheets: Record<string, SeedRows>): this {
    const wb = this._state;
    const env: Env = { ...this.env(), bypassProtection: true };
    const names = Object.keys(sheets);
    const pristine =
      wb.sheets.length === 1 && wb.names.length === 0 && wb.sheets[0].cells.size === 0 && wb.sheets[0].formats.cells.size === 0 &&
      wb.sheets[0].formats.bands.length === 0 && !names.some((n) => n.toLowerCase() === wb.sheets[0].name.toLowerCase());
    const first = wb.sheets[0];
    for (const name of names) {
      const sheet = findSheetByName(wb, name) ?? addSheet(wb, name);
      const rows = sheets[name];
      const width = maxOf(rows.map((r) => r.length), 0);
      if (rows.length === 0 || width === 0) continue;
      const padded = rows.map((r) => [...r, ...Array<CellInput>(width - r.length).fill(null)]);
      writeContent(env, sheet, { top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }, padded, 'ExcelFake.seed');
    }
    if (pristine && names.length > 0) {
      wb.sheets = wb.sheets.filter((s) => s !== first);
      wb.activeSheetId = wb.sheets[0].id;
    }
    return this;
  }

  /**
   * The officer typing into cells (the playground grid, tests of "re-check on change"): Excel's
   * input rules and sheet protection apply as for the API; onChanged handlers fire afterwards.
   */
  userEdit(sheet: string, address: string, value: CellInput | CellInput[][]): void {
    const s = this.requireSheet(sheet);
    const r = parseAddress(address).rect;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const data = Array.isArray(value) ? value : Array.from({ length: rows }, () => new Array<CellInput>(cols).fill(value));
    writeContent(this.env(), s, r, data, 'ExcelFake.userEdit');
    this.fireChanged([{ sheetId: s.id, rect: r }]);
  }

  /** The officer clicking a cell or dragging over a range (the playground grid): the sheet becomes active. */
  userSelect(sheet: string, address: string): void {
    const s = this.requireSheet(sheet);
    if (s.visibility !== 'Visible') throw new Error(`excel-fake: ${sheet} is hidden and cannot be selected`);
    this._state.activeSheetId = s.id;
    s.selection = parseAddress(address).rect;
  }

  /** Resolves when every event handler called so far has finished. */
  async settled(): Promise<void> {
    while (this.pendingEvents.size > 0) await Promise.allSettled([...this.pendingEvents]);
  }

  private fireChanged(changes: CellChange[]): void {
    if (changes.length === 0) return;
    const active = this._registrations.filter((r) => r.active);
    if (active.length === 0) return;
    for (const change of changes) {
      const sheet = this._state.sheets.find((x) => x.id === change.sheetId);
      if (!sheet) continue;
      const args: ChangedEventArgs = { type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: sheet.id, address: formatRef(change.rect) };
      for (const reg of active) {
        if (reg.sheetId !== null && reg.sheetId !== sheet.id) continue;
        // Excel calls handlers later, never inside the request that caused the change
        const call: Promise<unknown> = new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => (reg.active ? reg.handler(args) : undefined))
          .catch(() => undefined)
          .finally(() => this.pendingEvents.delete(call));
        this.pendingEvents.add(call);
      }
    }
  }

  /** A live view of a sheet for assertions. */
  sheet(name: string): SheetView {
    return new SheetView(() => this._state, this.requireSheet(name).id);
  }

  sheetNames(): string[] {
    return this._state.sheets.map((s) => s.name);
  }

  /** All defined names (workbook and sheet scope). */
  names(): NameView[] {
    return nameViews(this._state);
  }

  get activeSheet(): string {
    return activeSheet(this._state).name;
  }

  /** The active sheet and its selection. */
  get selection(): { sheet: string; address: string } {
    const s = activeSheet(this._state);
    return { sheet: s.name, address: formatRef(s.selection) };
  }

  get calculationMode(): string {
    return this._state.calculationMode;
  }

  private requireSheet(name: string) {
    const s = findSheetByName(this._state, name);
    if (!s) throw new Error(`excel-fake: no sheet named ${name} (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }

  private env(): Env {
    return { protectedCellErrorCode: this.protectedCellErrorCode, responseLimitBytes: this.responseLimitBytes, year: this.year };
  }

  private takeFault(info: SyncInfo): FaultSpec | undefined {
    const next = this.nextFaults.shift();
    if (next) return next;
    return this.conditionalFaults.find((r) => r.predicate(info))?.fault;
  }

  /** @internal */
  _requireApi(api: string): void {
    const needed = requiredVersion(api);
    if (compareVersions(needed, this.supportedApi) > 0) {
      throw new ExcelFakeError('ApiNotFound', `${MESSAGES.ApiNotFound} (${api} needs ExcelApi ${needed}; this host has ${this.supportedApi}.)`, api);
    }
  }

  /** @internal */
  async _sync(context: FakeRequestContext): Promise<void> {
    this.syncCalls++;
    const ops = context._take();
    await Promise.resolve();
    if (ops.length === 0) return;
    this.syncCount++;
    const bytes = utf8Length(payloadJson(ops.map((o) => ({ path: o.path, [o.kind]: o.name, args: o.args }))));
    const entry: SyncLogEntry = {
      index: this.syncCount,
      operations: ops.length,
      writes: ops.filter((o) => o.write).length,
      bytes,
      responseBytes: 0,
      ok: false,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.syncLog.push(entry);
    try {
      if (bytes > this.requestLimitBytes) throw excelError('RequestPayloadSizeLimitExceeded');
      const info: SyncInfo = {
        index: entry.index,
        bytes,
        operations: ops.map(({ kind, path, name, write, location }) => ({ kind, path, name, write, location })),
      };
      const fault = this.takeFault(info);
      const failAt = fault ? Math.max(0, fault.afterOperations ?? 0) : Infinity;
      const exec = new Execution(this._state, this.env(), this);
      const snapshot = this.atomicSyncs ? structuredClone(this._state) : undefined;
      try {
        ops.forEach((op, i) => {
          if (i === failAt && fault) throw new ExcelFakeError(fault.code, fault.message, op.location);
          if (op.write && this.readOnly) throw excelError('AccessDenied', 'The workbook is read-only.', op.location);
          try {
            op.run(exec);
          } catch (e) {
            if (e instanceof ExcelFakeError) {
              e.debugInfo.errorLocation ??= op.location;
              e.debugInfo.statement = `${op.path}.${op.name}`;
            }
            throw e;
          }
        });
        if (fault && failAt >= ops.length) throw new ExcelFakeError(fault.code, fault.message);
        entry.responseBytes = exec.responseBytes;
        if (exec.responseBytes > this.responseLimitBytes) throw excelError('ResponsePayloadSizeLimitExceeded');
      } catch (e) {
        if (snapshot) this._state = snapshot;
        throw e;
      }
      exec.commit();
      this.fireChanged(exec.changes);
      this.calculations += exec.calculations;
      entry.calculationSuspended = exec.calculationSuspended;
      entry.screenUpdatingSuspended = exec.screenUpdatingSuspended;
      entry.ok = true;
    } catch (e) {
      entry.errorCode = (e as { code?: string }).code ?? 'Error';
      throw e;
    }
  }
}
