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
import { AmountCell, AmountKey, BudgetTable, PlanModel, TableRow } from '../model';
import { Rule } from '../rule';

/** Shares as percentage numbers (0.025 → 2.5); the message adds "%" and each language its separators. */
function percent(share: number): number {
  return Math.round(share * 10000) / 100;
}

/** The grand total of a table: its total row, else its top rows added up (pointing at the NSĐP header). */
/** A budget of a row: its own column, else its two halves (NSTW = ĐTPT + SN). */
function budget(row: TableRow, own: AmountKey, halves: [AmountKey, AmountKey]): { value: number | null; cell: AmountCell | undefined } {
  const cell = row.cells[own];
  if (cell) return { value: cell.number, cell };
  const parts = halves.map((k) => row.cells[k]).filter((c): c is AmountCell => c !== undefined);
  if (parts.length === 0) return { value: null, cell: undefined };
  return { value: sumExact(parts.map((c) => c.number ?? 0)), cell: parts[0] };
}

function grandTotal(table: BudgetTable): { central: number | null; local: number; cell: string; centralCell: string } | null {
  const has = (keys: AmountKey[]): boolean => keys.some((k) => table.amountCols[k] !== undefined);
  if (!has(['central', 'centralInvestment', 'centralRecurrent']) || !has(['local', 'localInvestment', 'localRecurrent'])) return null;
  const rows = table.rows.filter((r) => r.kind === 'total');
  const top = rows.length > 0 ? rows.slice(0, 1) : table.rows.filter((r) => r.parent === null);
  const centralOf = (r: TableRow) => budget(r, 'central', ['centralInvestment', 'centralRecurrent']);
  const localOf = (r: TableRow) => budget(r, 'local', ['localInvestment', 'localRecurrent']);
  const central = sumExact(top.map((r) => centralOf(r).value ?? 0));
  const local = sumExact(top.map((r) => localOf(r).value ?? 0));
  if (rows.length > 0) return { central, local, cell: localOf(rows[0]).cell?.address ?? '', centralCell: centralOf(rows[0]).cell?.address ?? '' };
  const localCol = table.amountCols.local ?? table.amountCols.localInvestment ?? table.amountCols.localRecurrent;
  const centralCol = table.amountCols.central ?? table.amountCols.centralInvestment ?? table.amountCols.centralRecurrent;
  const header = (col: number | undefined): string => table.columns.find((c) => c.col === col)?.headerCell ?? (col === undefined ? '' : cellAddress(table.header.bottom, col));
  return { central, local, cell: header(localCol), centralCell: header(centralCol) };
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
