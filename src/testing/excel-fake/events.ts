/**
 * Worksheet events: `worksheet.onChanged` (ExcelApi 1.7) and `worksheets.onChanged` (1.9). A
 * handler is registered by the sync after `add`, and called after a sync that changed values or
 * formulas (API writes fire too, as in Excel) or after `fake.userEdit` (the officer typing), always
 * asynchronously, never inside the sync that caused it.
 */
import type { Execution, FakeRequestContext } from './context';
import { ExcelFakeError, MESSAGES } from './errors';
import type { Rect } from './address';

export interface ChangedEventArgs {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  worksheetId: string;
  address: string;
}

export type ChangedHandler = (args: ChangedEventArgs) => Promise<unknown> | void;

/** A registration: a sheet's handler, or the collection's (every sheet). */
export interface Registration {
  sheetId: string | null;
  handler: ChangedHandler;
  active: boolean;
}

/** What the fake keeps for events (outside the workbook state: handlers cannot be cloned). */
export interface EventHost {
  _registrations: Registration[];
}

/** A change a sync or a user edit made, fired to the handlers afterwards. */
export interface CellChange {
  sheetId: string;
  rect: Rect;
}

export class EventHandlerResult {
  /** @internal */
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly registration: Registration,
  ) {}

  get context(): FakeRequestContext {
    return this.ctx;
  }

  /** Unregisters at the next sync of the context that registered it (as in Office.js). */
  remove(): void {
    if (this.ctx._closed) {
      throw new ExcelFakeError('InvalidObjectPath', `${MESSAGES.InvalidObjectPath} (EventHandlerResult.remove called after its Excel.run batch ended)`, 'EventHandlerResult.remove');
    }
    this.ctx._enqueue({
      kind: 'method',
      path: 'eventHandler',
      name: 'remove',
      args: null,
      write: false,
      location: 'EventHandlerResult.remove',
      run: (exec: Execution) => exec.afterCommit(() => (this.registration.active = false)),
    });
  }
}

export class EventHandlers {
  /** @internal */
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly path: string,
    private readonly sheetIdAt: (exec: Execution) => string | null,
  ) {}

  add(handler: ChangedHandler): EventHandlerResult {
    if (typeof handler !== 'function') throw new ExcelFakeError('InvalidArgument', 'An event handler is a function.', 'EventHandlers.add');
    const registration: Registration = { sheetId: null, handler, active: false };
    this.ctx._enqueue({
      kind: 'method',
      path: this.path,
      name: 'add',
      args: null,
      write: false,
      location: 'EventHandlers.add',
      run: (exec: Execution) => {
        registration.sheetId = this.sheetIdAt(exec);
        exec.afterCommit(() => {
          registration.active = true;
          exec.events._registrations.push(registration);
        });
      },
    });
    return new EventHandlerResult(this.ctx, registration);
  }
}
