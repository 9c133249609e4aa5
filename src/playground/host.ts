/**
 * The playground's Excel: the strict fake behind the globals office.js would set (`Excel.run`,
 * `Office.context.requirements`, `Office.onReady`), so the built task pane runs unchanged. Every
 * run and every edit ends with `changed()`, which recalculates (when a calculator is given) and
 * tells the grid to draw again.
 */
import { ExcelFake } from '../testing/excel-fake';

export type Listener = () => void;

export interface PlaygroundHost {
  fake: ExcelFake;
  /** Redraws after the pane or the officer changed something. */
  subscribe(listener: Listener): () => void;
  changed(): void;
}

export interface PlaygroundOptions {
  api: string;
  /** Computes formula values into the fake (the grid shows totals as Excel would). */
  calculate?: (fake: ExcelFake) => void;
}

export function createPlaygroundHost(options: PlaygroundOptions): PlaygroundHost {
  const fake = new ExcelFake({ supportedApi: options.api, firstSheet: 'Sheet1' });
  const listeners = new Set<Listener>();
  const changed = (): void => {
    try {
      options.calculate?.(fake);
    } finally {
      for (const l of listeners) l();
    }
  };
  const globals = fake.hostGlobals();
  const w = globalThis as unknown as Record<string, unknown>;
  w.Excel = {
    run: async <T>(batch: Parameters<ExcelFake['run']>[0]): Promise<T> => {
      try {
        return (await fake.run(batch)) as T;
      } finally {
        changed();
      }
    },
  };
  w.Office = {
    ...globals.Office,
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  w.__KH_PLAYGROUND__ = true;
  // the KH.* functions are not registered on this page: there is no custom-functions runtime
  return {
    fake,
    changed,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
