/**
 * HIDDEN_ROW: on an officer's table, a hidden row — often a cancelled item hidden instead of
 * cleared — whose money a total still counts: its formula covers the row (SUM and SUBTOTAL(9) count
 * hidden rows; SUBTOTAL(109) does not), or the typed total equals the sum with it. The printed
 * table then shows a total its visible rows do not add up to. KH's own sheets: SEND_SAFETY.
 */
import { amountsEqual, sumExact } from '../../money';
import { Finding } from '../finding';
import { AmountCell, AmountKey, BudgetTable, amountKeysOf } from '../model';
import { Rule } from '../rule';
import { formulaRefs } from './cells';

/** The row a row adds into: its parent, or for a row at the top, the total row that sums it. */
function adder(table: BudgetTable, i: number): number | null {
  const p = table.rows[i].parent;
  if (p !== null) return p;
  const t = table.rows.findIndex((r, k) => k !== i && r.kind === 'total' && r.children.includes(i));
  return t >= 0 ? t : null;
}

function counts(table: BudgetTable, ancestor: number, hidden: number, key: AmountKey, tolerance: number): boolean {
  const cell = table.rows[ancestor].cells[key] as AmountCell;
  const target = table.rows[hidden].row;
  if (cell.formula !== null) {
    if (/^=\s*SUBTOTAL\s*\(\s*1\d\d\s*,/i.test(cell.formula)) return false;
    const col = table.amountCols[key] as number;
    // covered directly, or through a row between them that the formula covers
    const chain = new Set<number>([target]);
    for (let p = adder(table, hidden); p !== null && p !== ancestor; p = adder(table, p)) chain.add(table.rows[p].row);
    return formulaRefs(cell.formula).some((r) => (r.sheet === null || r.sheet.toLowerCase() === table.name.toLowerCase()) && col >= r.left && col <= r.right && [...chain].some((x) => x >= r.top && x <= r.bottom));
  }
  const kids = table.rows[ancestor].children;
  const sum = (withHidden: boolean): number => sumExact(kids.filter((k) => withHidden || (k !== hidden && !table.rows[k].hidden)).map((k) => table.rows[k].cells[key]?.number ?? 0));
  return amountsEqual(cell.number as number, sum(true), tolerance) && !amountsEqual(cell.number as number, sum(false), tolerance);
}

export const HIDDEN_ROW: Rule = {
  id: 'HIDDEN_ROW',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables) {
      if (table.origin === 'kh') continue;
      const tolerance = ctx.toleranceFor(table);
      const keys = amountKeysOf(table);
      table.rows.forEach((row, h) => {
        if (!row.hidden || row.kind === 'total') return;
        // a hidden row under a hidden group is the group's matter
        if (row.parent !== null && table.rows[row.parent].hidden) return;
        const totals: string[] = [];
        let amount: number | null = null;
        for (const key of keys) {
          const own = row.cells[key]?.number ?? 0;
          if (own === 0) continue;
          let a = adder(table, h);
          while (a !== null && (table.rows[a].cells[key]?.number ?? null) === null) a = adder(table, a);
          if (a === null || !counts(table, a, h, key, tolerance)) continue;
          totals.push(table.rows[a].cells[key]?.address ?? '');
          if (amount === null || key === 'total') amount = own;
        }
        if (totals.length === 0 || amount === null) return;
        const at = row.cells.total ?? keys.map((k) => row.cells[k]).find((c) => c && (c.number ?? 0) !== 0);
        if (!at) return;
        out.push({
          rule: 'HIDDEN_ROW',
          severity: 'warning',
          sheet: table.name,
          cell: at.address,
          related: totals,
          message: { key: 'rule.HIDDEN_ROW.message', params: { row: row.row + 1, label: row.label || String(row.stt ?? ''), amount, totals: totals.join(', ') } },
          hint: { key: 'rule.HIDDEN_ROW.hint', params: {} },
        });
      });
    }
    return out;
  },
};

