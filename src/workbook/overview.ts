/**
 * The plan's money by project and source, read from the open workbook, and the native chart of it
 * in Tổng hợp. Reading costs the sheet list and one snapshot; drawing one more write, with the
 * old chart of KH's replaced (a chart the officer made is never touched: KH's has its own name).
 */
import { PlanOverview, planOverview } from '../core/overview';
import { REPORT_SHEET } from '../core/checks/report';
import { ChartSpec, summaryChartSpec } from '../core/book/chart';
import { ApiSupport, KH_PROTECTION, readSnapshot } from './office';
import type { ExcelRun } from './operations';

async function readOverview(context: Excel.RequestContext, support: ApiSupport): Promise<{ overview: PlanOverview | null; protectedSheets: Set<string>; syncs: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const read = await readSnapshot(context, sheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET), support);
  return { overview: planOverview(read.snapshot), protectedSheets: new Set(read.allSheets.filter((s) => s.protected).map((s) => s.name)), syncs: 1 + read.syncs };
}

export async function readOverviewInExcel(run: ExcelRun, support: ApiSupport): Promise<{ overview: PlanOverview | null; syncs: number }> {
  return run(async (context) => {
    const { overview, syncs } = await readOverview(context, support);
    return { overview, syncs };
  });
}

/** Series from ranges need ExcelApi 1.7 (Office 2019): below that the pane says so instead. */
export const CHART_API = '1.7';

export type ChartOutcome = { drawn: true; chart: ChartSpec; overview: PlanOverview; syncs: number } | { drawn: false; overview: PlanOverview | null; syncs: number };

/** Draws (or redraws) KH's chart of money by project and source under the Tổng hợp table. */
export async function drawSummaryChartInExcel(run: ExcelRun, support: ApiSupport): Promise<ChartOutcome> {
  return run(async (context) => {
    const { overview, protectedSheets, syncs } = await readOverview(context, support);
    const spec = overview ? summaryChartSpec(overview) : null;
    if (!overview || !spec) return { drawn: false, overview, syncs };
    const ws = context.workbook.worksheets.getItem(spec.sheet);
    // a protected sheet refuses objects: open it for the chart, then protect it as KH does
    const wasProtected = protectedSheets.has(spec.sheet);
    if (wasProtected) ws.protection.unprotect();
    const old = ws.charts.getItemOrNullObject(spec.name);
    await context.sync();
    if (!old.isNullObject) old.delete();
    const first = spec.series[0];
    const chart = ws.charts.add('BarStacked', ws.getRange(first.values.replace(/^.*!/, '')), 'Columns');
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(spec.anchor.start, spec.anchor.end);
    spec.series.forEach((s, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (i === 0) series.name = s.name;
      else series.setValues(ws.getRange(s.values.replace(/^.*!/, '')));
      series.setXAxisValues(ws.getRange(spec.categories.replace(/^.*!/, '')));
      series.format.fill.setSolidColor(s.color);
    });
    if (wasProtected) {
      ws.protection.protect(KH_PROTECTION);
    }
    await context.sync();
    return { drawn: true, chart: spec, overview, syncs: syncs + 2 };
  });
}
