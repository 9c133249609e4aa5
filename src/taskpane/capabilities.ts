/**
 * What this Excel can do for KH. The core path (create, check, annexes) needs ExcelApi 1.7
 * (Office 2019); the rest is detected and, where missing, disabled with a one-line reason.
 */
import type { MessageKey } from '../core/i18n';
import type { ApiSupport } from '../workbook/office';
import { CHART_API } from '../workbook/overview';
import { WATCH_API } from '../workbook/watch';

export type Feature = 'core' | 'charts' | 'autoCheck' | 'validation' | 'pageLayout' | 'fonts';

export const FEATURES: ReadonlyArray<{ feature: Feature; label: MessageKey; version: string }> = [
  { feature: 'core', label: 'pane.cap.core', version: '1.7' },
  { feature: 'charts', label: 'pane.cap.charts', version: CHART_API },
  { feature: 'autoCheck', label: 'pane.cap.autoCheck', version: WATCH_API },
  { feature: 'validation', label: 'pane.cap.validation', version: '1.8' },
  { feature: 'pageLayout', label: 'pane.cap.pageLayout', version: '1.9' },
  { feature: 'fonts', label: 'pane.cap.fonts', version: '1.9' },
];

export type Capabilities = Record<Feature, { ok: boolean; version: string }>;

export function capabilities(support: ApiSupport): Capabilities {
  return Object.fromEntries(FEATURES.map((f) => [f.feature, { ok: support.isSetSupported('ExcelApi', f.version), version: f.version }])) as Capabilities;
}
