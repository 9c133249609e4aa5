/**
 * MONEY_TYPE: vốn đầu tư phát triển on an item that takes only vốn sự nghiệp (TT 55/2023: ĐTPT only
 * for Dự án 1 and Dự án 4 Tiểu dự án 1, 3). An activity row takes the rule of its catalogue item.
 */
import { Finding } from '../finding';
import { AmountCell } from '../model';
import { Rule } from '../rule';
import { itemOf } from './entries';

/** ĐTPT columns: NSTW's, and NSĐP's where a layout splits it. */
const INVESTMENT_KEYS = ['centralInvestment', 'localInvestment'] as const;

export const MONEY_TYPE: Rule = {
  id: 'MONEY_TYPE',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const { model } = ctx;
    const out: Finding[] = [];
    // the project sheets hold the root cause; Tổng hợp only repeats their totals
    for (const table of model.tables.filter((t) => t.role === 'project')) {
      for (const row of table.rows) {
        const entry = itemOf(model, table, row);
        if (!entry || entry.money.investment) continue;
        for (const key of INVESTMENT_KEYS) {
          const cell = (row.cells as Partial<Record<string, AmountCell>>)[key];
          if (!cell || cell.number === null || cell.number <= 0) continue;
          // a group's formula repeats the rows it sums; a number typed on a group is a cause of its own
          // (typed, it still only repeats its rows when they carry the money themselves)
          if (row.kind !== 'leaf' && (cell.formula !== null || row.children.some((k) => (table.rows[k].cells[key]?.number ?? 0) > 0))) continue;
          out.push({
            rule: 'MONEY_TYPE',
            severity: 'error',
            sheet: table.name,
            cell: cell.address,
            message: { key: 'rule.MONEY_TYPE.message', params: { code: row.code ?? entry.outline, value: cell.number } },
            hint: { key: 'rule.MONEY_TYPE.hint', params: {} },
          });
        }
      }
    }
    return out;
  },
};
