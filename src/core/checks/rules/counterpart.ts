/**
 * COUNTERPART: NSĐP of the grand total below the minimum share of NSTW for the province group
 * (QĐ 02/2022/QĐ-TTg: group 1 ≥ 3%, 2 ≥ 10%, 3 ≥ 15%). The rule binds the province's total: an
 * error in a province plan, information in a district or commune plan. Without a province group a
 * share below 3% is still below every group's minimum, and is said as such.
 *
 * Programme 2026–2035: the ratios are in QĐ 16/2026/QĐ-TTg, whose values we do not have. The rule
 * runs only when Thông tin gives a province group (KH_NhomTinh), which the officer then vouches
 * for; without one it stays silent rather than guess.
 */
import { cellAddress, sheetRef } from '../../book/address';
import { COUNTERPART_MINIMUM_2021, checkCounterpart } from '../../sources';
import { sumExact } from '../../money';
import { Finding } from '../finding';
import { AmountCell, BudgetTable, PlanModel } from '../model';
import { Rule } from '../rule';

/** Shares as percentage numbers (0.025 → 2.5); the message adds "%" and each language its separators. */
function percent(share: number): number {
  return Math.round(share * 10000) / 100;
}

/** The grand total of a table: its total row, else its top rows added up (pointing at the NSĐP header). */
function grandTotal(table: BudgetTable): { central: number | null; local: number; cell: string; centralCell: string } | null {
  if (table.amountCols.central === undefined || table.amountCols.local === undefined) return null;
  const total = table.rows.find((r) => r.kind === 'total');
  if (total) {
    const central = total.cells.central as AmountCell;
    const local = total.cells.local as AmountCell;
    return { central: central.number, local: local.number ?? 0, cell: local.address, centralCell: central.address };
  }
  const top = table.rows.filter((r) => r.parent === null);
  const sum = (k: 'central' | 'local'): number => sumExact(top.map((r) => r.cells[k]?.number ?? 0));
  const header = table.columns.find((c) => c.col === table.amountCols.local)?.headerCell ?? cellAddress(table.header.bottom, table.amountCols.local);
  return { central: sum('central'), local: sum('local'), cell: header, centralCell: table.columns.find((c) => c.col === table.amountCols.central)?.headerCell ?? '' };
}

/** The tables that hold the plan's grand total: KH's Tổng hợp, else each recognised table read for its plan year. */
function totalTables(model: PlanModel): BudgetTable[] {
  const summary = model.tables.find((t) => t.origin === 'kh' && t.role === 'summary');
  if (summary) return [summary];
  return model.tables.filter((t) => t.origin === 'recognised' && t.primary);
}

export const COUNTERPART: Rule = {
  id: 'COUNTERPART',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const { model } = ctx;
    const group = model.provinceGroup;
    const out: Finding[] = [];
    for (const table of totalTables(model)) {
      if (table.origin === 'kh' && group === null) continue;
      const total = grandTotal(table);
      if (!total || total.central === null || total.central <= 0) continue;
      const lowest = COUNTERPART_MINIMUM_2021[1];
      const result = checkCounterpart(total.local, total.central, group === null ? lowest : COUNTERPART_MINIMUM_2021[group]);
      if (result.ok) continue;
      const groupField = model.info?.fields.provinceGroup;
      out.push({
        rule: 'COUNTERPART',
        severity: model.level === 'tinh' ? 'error' : 'info',
        sheet: table.name,
        cell: total.cell,
        related: [total.centralCell, ...(model.info && groupField && group !== null ? [sheetRef(model.info.sheet, groupField.address)] : [])].filter(Boolean),
        message:
          group === null
            ? { key: 'rule.COUNTERPART.belowAll', params: { ratio: percent(result.ratio ?? 0), minimum: percent(result.minimum), shortfall: result.shortfall } }
            : { key: 'rule.COUNTERPART.message', params: { ratio: percent(result.ratio ?? 0), minimum: percent(result.minimum), group, shortfall: result.shortfall } },
        hint: { key: 'rule.COUNTERPART.hint', params: {} },
      });
    }
    return out;
  },
};
