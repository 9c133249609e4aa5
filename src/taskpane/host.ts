/**
 * What the pane talks to: Excel.run and the requirement-set check. Inside Excel (and on the
 * playground page, which puts the strict fake behind the same globals) they come from office.js;
 * outside, workbook actions are off and the pane says so.
 */
import type { ApiSupport } from '../workbook/office';
import type { ExcelRun } from '../workbook/operations';

export interface Host {
  run: ExcelRun;
  support: ApiSupport;
  inExcel: boolean;
  /** The highest ExcelApi version the host reports (for the settings view). */
  apiVersion: string | null;
  /** The playground page: the workbook is the fake shown beside the pane. */
  playground: boolean;
}

/** ExcelApi versions KH knows of, newest first (for telling the officer what this Excel has). */
const VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${20 - i}`);

export function hostFromGlobals(globals: { Excel?: { run?: unknown }; Office?: { context?: { requirements?: ApiSupport } } }, playground = false): Host {
  const run = globals.Excel?.run;
  const requirements = globals.Office?.context?.requirements;
  if (typeof run !== 'function' || !requirements) return NO_HOST;
  const support: ApiSupport = { isSetSupported: (name, version) => requirements.isSetSupported(name, version) };
  return {
    run: (batch) => (run as ExcelRun)(batch),
    support,
    inExcel: true,
    apiVersion: VERSIONS.find((v) => support.isSetSupported('ExcelApi', v)) ?? null,
    playground,
  };
}

export const NO_HOST: Host = {
  run: () => Promise.reject(new Error('Excel is not available')),
  support: { isSetSupported: () => false },
  inExcel: false,
  apiVersion: null,
  playground: false,
};
