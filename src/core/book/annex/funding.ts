/**
 * How Biểu 03 part C counts a policy of Biểu 02: its Kinh phí goes to the column of its Nguồn vốn,
 * found the way the SUMIFS formulas find it — the cell's text equal to one of the labels ("NSTW",
 * "Lồng ghép"…), case aside, and only a number counted. A policy without such a source is not in
 * Biểu 03. KH's own totals and words use this, so they say what the formulas compute.
 */
import type { CellValue } from '../model';
import type { PolicySource } from '../../plan';
import { POLICY_SOURCES } from '../../plan';
import { sumExact } from '../../money';
import { POLICY_SOURCE_LABEL } from './layout';

const LABELS = new Map(POLICY_SOURCES.map((s) => [POLICY_SOURCE_LABEL[s].toLocaleLowerCase('vi'), s]));

/** The source a Biểu 03 SUMIFS finds for this Nguồn vốn cell; null when none does. */
export function sumifsSource(value: CellValue): PolicySource | null {
  return typeof value === 'string' ? LABELS.get(value.toLocaleLowerCase('vi')) ?? null : null;
}

export interface PolicyMoney {
  /** Biểu 02's total: every policy's Kinh phí (SUM counts numbers only). */
  total: number;
  /** What Biểu 03 part C counts: the policies whose source SUMIFS finds. */
  funded: number;
  /** The rest: Kinh phí of policies without a source Biểu 03 knows. */
  unfunded: number;
}

export function policyMoney(rows: ReadonlyArray<{ amount: CellValue; source: CellValue }>): PolicyMoney {
  const amounts = rows.map((r) => ({ amount: typeof r.amount === 'number' && Number.isFinite(r.amount) ? r.amount : 0, funded: sumifsSource(r.source) !== null }));
  const total = sumExact(amounts.map((a) => a.amount));
  const funded = sumExact(amounts.filter((a) => a.funded).map((a) => a.amount));
  return { total, funded, unfunded: sumExact(amounts.filter((a) => !a.funded).map((a) => a.amount)) };
}
