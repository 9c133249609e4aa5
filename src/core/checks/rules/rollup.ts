/**
 * ROLLUP: a group or total row ≠ the sum of the rows below it, in any amount column — a typed
 * total off by 100, children left out or counted twice; on KH's layout also Tổng hợp ≠ the project
 * sheets. A row is off only when it matches neither its direct children nor its leaves, with or
 * without numbers stored as text: a total that counts a text amount (reported by TEXT_NUMBER) or a
 * wrong sub-total (reported on that sub-total) is not a cause of its own.
 */
import { amountsEqual, sumExact } from '../../money';
import { Finding } from '../finding';
import { AmountCell, AmountKey, BudgetTable, TableRow, amountKeysOf, leavesUnder } from '../model';
import { Rule } from '../rule';
import { summarySource } from '../../table/kh-reader';
import { columnLabel, gapParams, textAmount } from './helpers';

function finding(table: BudgetTable, row: TableRow, key: AmountKey, cell: AmountCell, computed: number, related: string[]): Finding {
  const fix = cell.expected && cell.formula !== cell.expected ? { kind: 'formula' as const, sheet: table.name, cell: cell.address, formula: cell.expected } : undefined;
  const column = columnLabel(table.programme, key);
  if (table.origin === 'kh') {
    return {
      rule: 'ROLLUP',
      severity: 'error',
      sheet: table.name,
      cell: cell.address,
      related,
      message: { key: 'rule.ROLLUP.message', params: { code: row.kind === 'total' ? 'TỔNG CỘNG' : (row.code as string), column, ...gapParams(cell.number as number, computed) } },
      hint: { key: 'rule.ROLLUP.hint', params: {} },
      fix,
    };
  }
  return {
    rule: 'ROLLUP',
    severity: 'error',
    sheet: table.name,
    cell: cell.address,
    related,
    message: { key: 'rule.ROLLUP.row', params: { row: row.row + 1, label: row.label || String(row.stt ?? ''), column, ...gapParams(cell.number as number, computed) } },
    hint: { key: 'rule.ROLLUP.rowHint', params: { children: related.slice(0, 6).join(', ') + (related.length > 6 ? '…' : '') } },
  };
}

const PARTS: Partial<Record<AmountKey, AmountKey[]>> = {
  total: ['central', 'local', 'integrated', 'credit', 'mobilised'],
  central: ['centralInvestment', 'centralRecurrent'],
  local: ['localInvestment', 'localRecurrent'],
};

/** The sums a row may rightly equal: of its children or of its leaves, text amounts left out or counted. */
function candidates(table: BudgetTable, index: number, key: AmountKey): { children: number; all: number[] } {
  const row = table.rows[index];
  const sum = (rows: number[], withText: boolean): number =>
    sumExact(rows.map((i) => {
      const c = table.rows[i].cells[key];
      if (!c) return 0;
      if (c.number !== null) return c.number;
      return withText ? textAmount(c.value, table.unit) ?? 0 : 0;
    }));
  const leaves = leavesUnder(table, index).filter((i) => i !== index);
  const children = sum(row.children, false);
  // a child whose own Tổng (or NSTW) is off its sources is SRC_SPLIT's: add it up from them
  const fromParts = (rows: number[]): number =>
    sumExact(rows.map((i) => {
      const r = table.rows[i];
      const parts = (PARTS[key] ?? []).filter((k) => table.amountCols[k] !== undefined).map((k) => r.cells[k]?.number ?? 0);
      return parts.length > 0 ? sumExact(parts) : r.cells[key]?.number ?? 0;
    }));
  return { children, all: [children, sum(leaves, false), sum(row.children, true), sum(leaves, true), fromParts(row.children), fromParts(leaves)] };
}

export const ROLLUP: Rule = {
  id: 'ROLLUP',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables) {
      const tolerance = ctx.toleranceFor(table);
      const keys = amountKeysOf(table);
      table.rows.forEach((row, i) => {
        if (row.children.length === 0 || row.kind === 'leaf' || row.kind === null) return;
        // KH's Tổng hợp: project rows are checked against their sheets below, the total against them
        for (const key of keys) {
          const cell = row.cells[key];
          if (!cell || cell.number === null) continue;
          const { children, all } = candidates(table, i, key);
          if (all.some((v) => amountsEqual(cell.number as number, v, tolerance))) continue;
          const related = row.kind === 'total' || table.origin !== 'kh' ? row.children.map((k) => table.rows[k].cells[key]?.address ?? '') : leavesUnder(table, i).filter((k) => k !== i).map((k) => table.rows[k].cells.total?.address ?? '');
          out.push(finding(table, row, key, cell, table.origin === 'kh' && row.kind === 'group' ? all[1] : children, related.filter(Boolean)));
        }
      });
      if (table.origin === 'kh' && table.role === 'summary') {
        for (const row of table.rows) {
          if (row.kind !== 'leaf') continue;
          const source = summarySource(ctx.model.tables, row.code);
          if (!source) continue;
          for (const key of keys) {
            const cell = row.cells[key];
            const computed = source.rows[0].cells[key]?.number ?? null;
            if (!cell || cell.number === null || computed === null || amountsEqual(cell.number, computed, tolerance)) continue;
            out.push(finding(table, row, key, cell, computed, [`'${source.name}'!${source.rows[0].cells[key]?.address ?? ''}`]));
          }
        }
      }
    }
    return out;
  },
};
