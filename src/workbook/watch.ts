/**
 * Hearing the officer edit the workbook, for "check again on change". ExcelApi 1.9 has one event
 * for every sheet; 1.7 (Office 2019) one per sheet, so sheets made later are added on the next
 * `watch`. Handlers stay registered for the session (removing them needs the context they were
 * registered in); the pane turns listening on and off with `listener`.
 */
import { REPORT_SHEET } from '../core/checks/report';
import { MARKS_SHEET } from '../core/checks/marks';
import { ApiSupport } from './office';
import type { ExcelRun } from './operations';

/** KH's own output sheets: writing them must not start another check. */
const IGNORED = new Set([REPORT_SHEET, MARKS_SHEET].map((n) => n.toLowerCase()));

export const WATCH_API = '1.7';

export class ChangeWatcher {
  /** Called with the sheet's name after each change; null: not listening. */
  listener: ((sheet: string) => void) | null = null;
  /** Sheet id → name; a sheet made after `watch` is learnt when its first change arrives. */
  private readonly names = new Map<string, string>();
  private readonly registered = new Set<string>();
  private whole = false;

  constructor(
    private readonly run: ExcelRun,
    private readonly support: ApiSupport,
  ) {}

  get available(): boolean {
    return this.support.isSetSupported('ExcelApi', WATCH_API);
  }

  private async nameOf(id: string): Promise<string | null> {
    if (!this.names.has(id)) {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/id,items/name');
        await context.sync();
        for (const s of sheets.items) this.names.set(s.id, s.name);
      });
    }
    return this.names.get(id) ?? null;
  }

  /** Registers on what is not watched yet: one sync for the list, one for the registrations. */
  async watch(): Promise<void> {
    if (!this.available || this.whole) return;
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      await context.sync();
      for (const s of sheets.items) this.names.set(s.id, s.name);
      const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
        if (!this.listener) return;
        const name = await this.nameOf(args.worksheetId);
        if (name && !IGNORED.has(name.toLowerCase())) this.listener?.(name);
      };
      if (this.support.isSetSupported('ExcelApi', '1.9')) {
        sheets.onChanged.add(handler);
        this.whole = true;
      } else {
        for (const s of sheets.items) {
          if (this.registered.has(s.id)) continue;
          s.onChanged.add(handler);
          this.registered.add(s.id);
        }
      }
      await context.sync();
    });
  }
}
