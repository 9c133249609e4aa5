/**
 * ROLLUP: a parent row ≠ the sum of the leaves below it, in any amount column (children left out
 * or counted twice); Tổng hợp ≠ the project sheets; the grand total ≠ its project rows.
 */
import { amountsEqual, sumExact } from '../../money';
import { rollup } from '../../rollup';
import { Finding } from '../finding';
import { AMOUNT_KEYS, AmountCell, TableModel } from '../model';
import { Rule, RuleContext } from '../rule';
import { columnLabel, gapParams } from './helpers';

function finding(ctx: RuleContext, table: TableModel, code: string, key: (typeof AMOUNT_KEYS)[number], cell: AmountCell, computed: number, related: string[]): Finding {
  return {
    rule: 'ROLLUP',
    severity: 'error',
    sheet: table.name,
    cell: cell.address,
    related,
    message: { key: 'rule.ROLLUP.message', params: { code, column: columnLabel(ctx.model.programme, key), ...gapParams(cell.number as number, computed) } },
    hint: { key: 'rule.ROLLUP.hint', params: {} },
    fix: cell.expected && cell.formula !== cell.expected ? { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected } : undefined,
  };
}

export const ROLLUP: Rule = {
  id: 'ROLLUP',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const out: Finding[] = [];
    const projects = ctx.model.tables.filter((t) => t.role === 'project');
    for (const table of projects) {
      const rows = table.rows.filter((r) => r.code !== null && r.kind !== null);
      const values = rows.map((r) => AMOUNT_KEYS.map((k) => (r.kind === 'leaf' ? r.cells[k].number : null)));
      const rolled = rollup(rows.map((r) => r.code), values);
      rows.forEach((row, i) => {
        if (row.kind !== 'group' || !rolled.tree.hasChildren[i]) return;
        const leafAddresses = rows.filter((r) => r.kind === 'leaf' && r.code?.startsWith(`${row.code}.`)).map((r) => r.cells.total.address);
        AMOUNT_KEYS.forEach((key, c) => {
          const cell = row.cells[key];
          const computed = rolled.values[i][c] ?? 0;
          if (cell.number === null || amountsEqual(cell.number, computed, ctx.tolerance)) return;
          out.push(finding(ctx, table, row.code as string, key, cell, computed, leafAddresses));
        });
      });
    }
    const summary = ctx.model.tables.find((t) => t.role === 'summary');
    if (summary) {
      const total = summary.rows.find((r) => r.rawCode === 'TONG');
      const projectRows = summary.rows.filter((r) => r !== total && r.kind === 'leaf');
      for (const row of projectRows) {
        const source = projects.find((p) => p.rows[0]?.code === row.code);
        if (!source) continue;
        for (const key of AMOUNT_KEYS) {
          const cell = row.cells[key];
          const computed = source.rows[0].cells[key].number;
          if (cell.number === null || computed === null || amountsEqual(cell.number, computed, ctx.tolerance)) continue;
          out.push(finding(ctx, summary, row.code as string, key, cell, computed, [`'${source.name}'!${source.rows[0].cells[key].address}`]));
        }
      }
      if (total) {
        for (const key of AMOUNT_KEYS) {
          const cell = total.cells[key];
          const parts = projectRows.map((r) => r.cells[key].number).filter((n): n is number => n !== null);
          const computed = sumExact(parts);
          if (cell.number === null || amountsEqual(cell.number, computed, ctx.tolerance)) continue;
          out.push(finding(ctx, summary, 'TỔNG CỘNG', key, cell, computed, projectRows.map((r) => r.cells[key].address)));
        }
      }
    }
    return out;
  },
};
