/**
 * What this Excel can do for KH, said by the Excel an officer knows (Excel 2019, 2021…), never by
 * requirement-set numbers. The pane itself needs ExcelApi 1.7 (Excel 2019; the manifest asks for
 * it); the KH.* functions and the Kế hoạch buttons on the Home tab need the shared runtime
 * (SharedRuntime 1.1: Excel 2021 and later, Microsoft 365, Excel on the web); the rest is detected
 * and, where missing, disabled with a one-line reason.
 */
import type { MessageKey } from '../core/i18n';
import type { ApiSupport } from '../workbook/office';
import { CHART_API } from '../workbook/overview';
import { WATCH_API } from '../workbook/watch';

export type Feature = 'core' | 'functions' | 'ribbon' | 'charts' | 'autoCheck' | 'validation' | 'pageLayout' | 'fonts';

interface FeatureNeed {
  feature: Feature;
  label: MessageKey;
  /** Every set listed must be there. */
  sets: ReadonlyArray<readonly [name: string, version: string]>;
}

export const FEATURES: readonly FeatureNeed[] = [
  { feature: 'core', label: 'pane.cap.core', sets: [['ExcelApi', '1.7']] },
  { feature: 'functions', label: 'experience.cap.functions', sets: [['SharedRuntime', '1.1'], ['CustomFunctionsRuntime', '1.1']] },
  { feature: 'ribbon', label: 'experience.cap.ribbon', sets: [['SharedRuntime', '1.1']] },
  { feature: 'charts', label: 'pane.cap.charts', sets: [['ExcelApi', CHART_API]] },
  { feature: 'autoCheck', label: 'pane.cap.autoCheck', sets: [['ExcelApi', WATCH_API]] },
  { feature: 'validation', label: 'pane.cap.validation', sets: [['ExcelApi', '1.8']] },
  { feature: 'pageLayout', label: 'pane.cap.pageLayout', sets: [['ExcelApi', '1.9']] },
  { feature: 'fonts', label: 'pane.cap.fonts', sets: [['ExcelApi', '1.9']] },
];

function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/** The oldest Excel that has a requirement set, as officers name it. */
export function excelFor(name: string, version: string): MessageKey {
  if (name !== 'ExcelApi') return 'experience.excel.2021';
  const v = minor(version);
  if (v <= 8) return 'experience.excel.2019';
  if (v <= 14) return 'experience.excel.2021';
  if (v <= 17) return 'experience.excel.2024';
  return 'experience.excel.365';
}

export interface Capability {
  ok: boolean;
  /** The Excel it needs ("Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web"). */
  needs: MessageKey;
}

export type Capabilities = Record<Feature, Capability>;

export function capabilities(support: ApiSupport): Capabilities {
  return Object.fromEntries(
    FEATURES.map((f) => {
      const missing = f.sets.filter(([name, version]) => !support.isSetSupported(name, version));
      const [name, version] = missing[0] ?? f.sets[0];
      return [f.feature, { ok: missing.length === 0, needs: excelFor(name, version) }];
    }),
  ) as Capabilities;
}
