/**
 * The plan at a glance: money by Dự án (or Nội dung thành phần) and source, read from Tổng hợp
 * with the same effective numbers the checks use (cached values, or KH's own formulas computed
 * for a file no spreadsheet has calculated). What the pane's chart and totals show.
 */
import { WorkbookSnapshot } from './book/snapshot';
import { AMOUNT_KEYS, AmountKey, readPlanModel } from './checks/model';
import { Programme } from './programme';
import { MoneyUnit } from './units';
import { amountToWords, WordsOptions } from './words';
import { sumExact } from './money';
import { findByCode } from './catalog';

/** The sources a chart stacks: the parts of Tổng, NSTW split into ĐTPT and SN. */
export const CHART_SOURCES = ['centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'] as const satisfies readonly AmountKey[];
export type ChartSource = (typeof CHART_SOURCES)[number];

export interface ProjectMoney {
  /** Outline code of the Tổng hợp row: DA4, HP1.4. */
  code: string;
  /** Catalogue code when known: DA4, HP1.ND4. */
  catalogCode: string | null;
  name: string;
  /** Row of Tổng hợp (0-based), for the native chart's ranges. */
  row: number;
  amounts: Record<AmountKey, number>;
}

export interface PlanOverview {
  programme: Programme;
  unit: MoneyUnit;
  summarySheet: string;
  projects: ProjectMoney[];
  total: Record<AmountKey, number>;
  /** The Tổng hợp cell of the grand total. */
  totalCell: string | null;
  /** Sources with money anywhere in the plan, in table order. */
  sourcesInUse: ChartSource[];
}

const zero = (): Record<AmountKey, number> => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, 0])) as Record<AmountKey, number>;

/** Null when the workbook is not a KH plan (no Tổng hợp of KH's). */
export function planOverview(snapshot: WorkbookSnapshot): PlanOverview | null {
  const model = readPlanModel(snapshot);
  const summary = model.tables.find((t) => t.origin === 'kh' && t.role === 'summary');
  if (!model.khLayout || !summary) return null;
  const totalRow = summary.rows.find((r) => r.kind === 'total') ?? null;
  const projects: ProjectMoney[] = summary.rows
    .filter((r) => r !== totalRow && r.code !== null && r.kind === 'leaf')
    .map((r) => {
      const entry = model.catalog.entries.find((e) => e.outline === r.code) ?? findByCode(model.catalog, r.code as string);
      return {
        code: r.code as string,
        catalogCode: entry?.code ?? null,
        name: typeof r.content === 'string' ? r.content : entry?.name ?? (r.code as string),
        row: r.row,
        amounts: Object.fromEntries(AMOUNT_KEYS.map((k) => [k, r.cells[k]?.number ?? 0])) as Record<AmountKey, number>,
      };
    });
  const total = zero();
  for (const key of AMOUNT_KEYS) {
    const cached = totalRow?.cells[key]?.number;
    total[key] = cached ?? sumExact(projects.map((p) => p.amounts[key]));
  }
  return {
    programme: model.programme,
    unit: model.unit,
    summarySheet: summary.name,
    projects,
    total,
    totalCell: totalRow?.cells.total?.address ?? null,
    sourcesInUse: CHART_SOURCES.filter((k) => projects.some((p) => p.amounts[k] !== 0)),
  };
}

/** "Một tỷ bảy trăm hai mươi tám triệu đồng" for the grand total; null when it cannot be read. */
export function totalInWords(overview: PlanOverview, style: Omit<WordsOptions, 'unit'> = {}): string | null {
  const r = amountToWords(overview.total.total, { ...style, unit: overview.unit });
  return r.ok ? r.text : null;
}
