/**
 * COUNTERPART: NSĐP of the grand total below the minimum share of NSTW for the province group
 * (QĐ 02/2022/QĐ-TTg: group 1 ≥ 3%, 2 ≥ 10%, 3 ≥ 15%). The rule binds the province's total: an
 * error in a province plan, information in a district or commune plan.
 *
 * Programme 2026–2035: the ratios are in QĐ 16/2026/QĐ-TTg, whose values we do not have. The rule
 * runs only when Thông tin gives a province group (KH_NhomTinh), which the officer then vouches
 * for; without one it stays silent rather than guess.
 */
import { sheetRef } from '../../book/address';
import { COUNTERPART_MINIMUM_2021, checkCounterpart } from '../../sources';
import { Finding } from '../finding';
import { Rule } from '../rule';

/** Shares as percentage numbers (0.025 → 2.5); the message adds "%" and each language its separators. */
function percent(share: number): number {
  return Math.round(share * 10000) / 100;
}

export const COUNTERPART: Rule = {
  id: 'COUNTERPART',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const { model } = ctx;
    const group = model.provinceGroup;
    if (group === null) return [];
    const summary = model.tables.find((t) => t.role === 'summary');
    const total = summary?.rows.find((r) => r.rawCode === 'TONG');
    if (!summary || !total) return [];
    const central = total.cells.central.number;
    const local = total.cells.local.number ?? 0;
    if (central === null || central <= 0) return [];
    const result = checkCounterpart(local, central, COUNTERPART_MINIMUM_2021[group]);
    if (result.ok) return [];
    const groupField = model.info?.fields.provinceGroup;
    const finding: Finding = {
      rule: 'COUNTERPART',
      severity: model.level === 'tinh' ? 'error' : 'info',
      sheet: summary.name,
      cell: total.cells.local.address,
      related: [total.cells.central.address, ...(model.info && groupField ? [sheetRef(model.info.sheet, groupField.address)] : [])],
      message: { key: 'rule.COUNTERPART.message', params: { ratio: percent(result.ratio ?? 0), minimum: percent(result.minimum), group, shortfall: result.shortfall } },
      hint: { key: 'rule.COUNTERPART.hint', params: {} },
    };
    return [finding];
  },
};
