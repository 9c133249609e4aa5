/**
 * FORMULA_RANGE: on an officer's table, a total written as a sum of cells (=SUM(D10:D12),
 * =SUBTOTAL(9,…), =D10+D11) whose range leaves out a row below it that carries money (a SUM one
 * row short), counts a row twice (a sub-total and its own rows), or counts a row of another group.
 * KH's own layout has exact expected formulas instead (FORMULA_SHAPE).
 */
import { sumExact } from '../../money';
import { Finding } from '../finding';
import { AmountKey, BudgetTable, TableRow, amountKeysOf } from '../model';
import { Rule } from '../rule';
import { formulaRefs, withoutStrings } from './cells';
import { pushAll } from '../../arrays';

/** Only sums: SUM / SUBTOTAL(9|109) over references joined by + and commas. */
const SUM_LIKE = /^=\s*(?:(?:SUM|SUBTOTAL)\s*\(|[A-Z$]{1,4}\$?\d)/i;

function isPlainSum(formula: string): boolean {
  if (!SUM_LIKE.test(formula)) return false;
  const rest = withoutStrings(formula)
    .replace(/'(?:[^']|'')+'!/g, '')
    .replace(/[A-Za-z0-9_.\u00C0-\uFFFF]+!/g, '')
    .replace(/\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?/g, '')
    .replace(/SUBTOTAL\s*\(\s*(?:9|109)\s*,/gi, '(')
    .replace(/SUM\s*\(/gi, '(')
    .replace(/[=()+,;\s]/g, '');
  return rest === '';
}

function isSubtotal(formula: string | null): boolean {
  return formula !== null && /^=\s*SUBTOTAL\s*\(/i.test(formula);
}

interface Issue {
  kind: 'missing' | 'double' | 'outside';
  rows: number[];
}

/** What a sum formula on row g covers, against the rows that add into g. */
function issuesOf(table: BudgetTable, g: number, key: AmountKey, formula: string): Issue | null {
  const col = table.amountCols[key] as number;
  const subtotal = isSubtotal(formula);
  const byRow = new Map<number, number>();
  table.rows.forEach((r, i) => byRow.set(r.row, i));
  const weight = new Array<number>(table.rows.length).fill(0);
  let vertical = false;
  for (const ref of formulaRefs(formula)) {
    if (ref.sheet !== null && ref.sheet.toLowerCase() !== table.name.toLowerCase()) return null;
    if (col < ref.left || col > ref.right) continue;
    if (ref.left !== ref.right) return null; // a range across columns is not a column total
    vertical = true;
    const bottom = Math.min(ref.bottom, table.data.bottom);
    for (let r = ref.top; r <= bottom; r++) {
      const i = byRow.get(r);
      if (i === undefined) continue;
      // SUBTOTAL leaves out the SUBTOTALs inside its range: that is how officers nest them
      if (subtotal && isSubtotal(table.rows[i].cells[key]?.formula ?? null)) continue;
      weight[i]++;
    }
  }
  if (!vertical) return null;
  const value = (i: number): number => table.rows[i].cells[key]?.number ?? 0;
  const inside = new Set<number>();
  const stack = [...table.rows[g].children];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    inside.add(i);
    pushAll(stack, table.rows[i].children);
  }
  // rows covered through a referenced row above them (a sub-total that holds them)
  const through = (i: number): number => {
    let w = 0;
    for (let p = table.rows[i].parent; p !== null && p !== g; p = table.rows[p].parent) w += weight[p];
    return w;
  };
  const missing: number[] = [];
  const double: number[] = [];
  for (const i of inside) {
    const above = through(i);
    if (weight[i] > 0 && above + weight[i] > 1) double.push(i);
    if (above > 0 || weight[i] > 0) continue;
    // a row nothing covers: counts only where neither it nor anything below it is referenced
    const below: number[] = [];
    const s = [...table.rows[i].children];
    let coveredBelow = false;
    while (s.length > 0) {
      const k = s.pop() as number;
      if (weight[k] > 0) coveredBelow = true;
      below.push(k);
      pushAll(s, table.rows[k].children);
    }
    if (!coveredBelow && value(i) !== 0) missing.push(i);
  }
  const outside = weight.map((w, i) => (w > 0 && i !== g && !inside.has(i) && value(i) !== 0 ? i : -1)).filter((i) => i >= 0);
  // report the highest rows only (a missing Tiểu dự án, not also each of its rows)
  const top = (list: number[]): number[] => list.filter((i) => !list.some((k) => k !== i && isAncestor(table.rows, k, i))).sort((a, b) => a - b);
  if (missing.length > 0) return { kind: 'missing', rows: top(missing) };
  if (double.length > 0) return { kind: 'double', rows: top(double) };
  if (outside.length > 0) return { kind: 'outside', rows: outside };
  return null;
}

function isAncestor(rows: readonly TableRow[], a: number, b: number): boolean {
  for (let p = rows[b].parent; p !== null; p = rows[p].parent) if (p === a) return true;
  return false;
}

export const FORMULA_RANGE: Rule = {
  id: 'FORMULA_RANGE',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables) {
      if (table.origin === 'kh') continue;
      const keys = amountKeysOf(table);
      table.rows.forEach((row, g) => {
        if (row.children.length === 0) return;
        for (const key of keys) {
          const cell = row.cells[key];
          if (!cell || cell.formula === null || !isPlainSum(cell.formula)) continue;
          const issue = issuesOf(table, g, key, cell.formula);
          if (!issue) continue;
          const amount = sumExact(issue.rows.map((i) => table.rows[i].cells[key]?.number ?? 0));
          const first = table.rows[issue.rows[0]];
          out.push({
            rule: 'FORMULA_RANGE',
            severity: 'error',
            sheet: table.name,
            cell: cell.address,
            related: issue.rows.map((i) => table.rows[i].cells[key]?.address ?? ''),
            message: {
              key: `rule.FORMULA_RANGE.${issue.kind}`,
              params: { formula: cell.formula, cell: cell.address, rows: issue.rows.map((i) => table.rows[i].row + 1).join(', '), label: first.label || String(first.stt ?? ''), amount: Math.abs(amount) },
            },
            hint: { key: 'rule.FORMULA_RANGE.hint', params: { row: row.row + 1 } },
          });
        }
      });
    }
    return out;
  },
};
