/**
 * The native chart KH puts in Tổng hợp: money by Dự án (bars) and source (stacked), its series
 * pointing at the Tổng hợp cells, so it follows the figures and travels with the file. Renderer-
 * neutral like the sheets; titles and series names are document content (Vietnamese, as the
 * table headers are).
 */
import type { PlanOverview, ChartSource } from '../overview';
import { planColumns } from './layout';
import { cellAddress, quoteSheet } from './address';
import { UNIT_LABEL_VI } from '../units';
import { maxOf, minOf } from '../arrays';

export const SUMMARY_CHART_NAME = 'KH_BieuDo';

export interface ChartSeriesSpec {
  source: ChartSource;
  name: string;
  /** "'Tổng hợp'!$E$8:$E$12" */
  values: string;
  color: string;
}

export interface ChartSpec {
  sheet: string;
  name: string;
  type: 'BarStacked';
  title: string;
  categories: string;
  series: ChartSeriesSpec[];
  /** Cells it covers, below the table. */
  anchor: { start: string; end: string };
}

/** Print-friendly colours: the two NSTW parts in blues, the other sources clearly apart (the pane's chart uses them too). */
export const SOURCE_COLOURS: Record<ChartSource, string> = {
  centralInvestment: '#1F4E79',
  centralRecurrent: '#5B9BD5',
  local: '#C55A11',
  integrated: '#7F6000',
  credit: '#548235',
  mobilised: '#7030A0',
};

const NAMES: Record<ChartSource, (recurrent: string) => string> = {
  centralInvestment: () => 'NSTW - Đầu tư phát triển',
  centralRecurrent: (recurrent) => `NSTW - ${recurrent}`,
  local: () => 'Ngân sách địa phương',
  integrated: () => 'Vốn lồng ghép',
  credit: () => 'Vốn tín dụng chính sách',
  mobilised: () => 'Vốn huy động khác',
};

/** Null when there is nothing to chart (no project, or no money yet). */
export function summaryChartSpec(overview: PlanOverview): ChartSpec | null {
  if (overview.projects.length === 0 || overview.sourcesInUse.length === 0) return null;
  const { index: I, defs } = planColumns(overview.programme).summary;
  const first = minOf(overview.projects.map((p) => p.row));
  const last = maxOf(overview.projects.map((p) => p.row));
  const sheet = quoteSheet(overview.summarySheet);
  const column = (col: number): string => `${sheet}!${cellAddress(first, col, true)}:${cellAddress(last, col, true)}`;
  const recurrent = defs[I.centralRecurrent].header;
  // the chart sits under the table, as wide as the money columns, tall enough for each bar to read
  const top = last + 3;
  const height = Math.max(14, 4 + overview.projects.length * 2);
  return {
    sheet: overview.summarySheet,
    name: SUMMARY_CHART_NAME,
    type: 'BarStacked',
    title: `Vốn theo dự án và nguồn vốn (${UNIT_LABEL_VI[overview.unit]})`,
    categories: column(I.content),
    series: overview.sourcesInUse.map((source) => ({ source, name: NAMES[source](recurrent), values: column(I[source]), color: SOURCE_COLOURS[source] })),
    anchor: { start: cellAddress(top, I.content), end: cellAddress(top + height, I.note) },
  };
}
