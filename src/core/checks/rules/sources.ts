/**
 * SRC_SPLIT (Tổng ≠ Σ sources), SRC_NSTW (NSTW ≠ ĐTPT + SN) and SRC_NSDP (NSĐP ≠ its ĐTPT + SN),
 * on the rows where an imbalance starts, in every table read — KH's and the officer's. Sources
 * listed under "Trong đó" (of which) need not add up to the whole: there only parts larger than
 * the whole are an error, parts smaller a warning.
 */
import { amountsEqual, sumExact } from '../../money';
import { Finding, RuleId } from '../finding';
import { AmountCell, AmountKey, BudgetTable, TableRow } from '../model';
import { Rule, RuleContext } from '../rule';
import { gapParams } from './helpers';

type Part = { key: AmountKey; split?: [AmountKey, AmountKey] };

const TOTAL_PARTS: Part[] = [
  { key: 'central', split: ['centralInvestment', 'centralRecurrent'] },
  { key: 'local', split: ['localInvestment', 'localRecurrent'] },
  { key: 'integrated' },
  { key: 'credit' },
  { key: 'mobilised' },
];

function identity(ctx: RuleContext, id: RuleId, whole: AmountKey, parts: (t: BudgetTable, r: TableRow) => AmountCell[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of ctx.model.tables) {
    const tolerance = ctx.toleranceFor(table);
    const columns = new Set(table.columns.filter((c) => c.role === 'amount').map((c) => c.col));
    const ofWhich = table.columns.some((c) => c.ofWhich && c.source !== null && c.source !== whole && columns.has(c.col));
    for (const row of table.rows) {
      const cell = row.cells[whole];
      if (!cell || cell.number === null) continue;
      // an aggregate row whose cell is a formula only repeats an imbalance found on the rows it sums
      // (or a wrong formula, which ROLLUP and FORMULA_SHAPE report): one finding per root cause
      const aggregate = table.role === 'summary' || row.kind === 'group' || row.kind === 'total';
      if (aggregate && cell.formula !== null) continue;
      const cells = parts(table, row);
      const numbers = cells.map((c) => c.number);
      if (numbers.every((n) => n === null)) continue;
      const computed = sumExact(numbers.map((n) => n ?? 0));
      if (amountsEqual(cell.number, computed, tolerance)) continue;
      // "Trong đó": the parts named need not be all of the whole
      const partial = id === 'SRC_SPLIT' && ofWhich && computed < cell.number;
      const typedOver = cell.formula === null && cell.expected !== null;
      findings.push({
        rule: id,
        severity: partial ? 'warning' : 'error',
        sheet: table.name,
        cell: cell.address,
        related: cells.map((c) => c.address),
        message: { key: id === 'SRC_SPLIT' && ofWhich && !partial ? 'rule.SRC_SPLIT.ofWhich' : `rule.${id as 'SRC_SPLIT' | 'SRC_NSTW' | 'SRC_NSDP'}.message`, params: gapParams(cell.number, computed) },
        hint: { key: `rule.${id as 'SRC_SPLIT' | 'SRC_NSTW' | 'SRC_NSDP'}.hint`, params: {} },
        fix: typedOver && cell.expected ? { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected } : undefined,
      });
    }
  }
  return findings;
}

const present = (table: BudgetTable, row: TableRow, keys: AmountKey[]): AmountCell[] =>
  keys.filter((k) => table.amountCols[k] !== undefined).map((k) => row.cells[k]).filter((c): c is AmountCell => c !== undefined);

export const SRC_SPLIT: Rule = {
  id: 'SRC_SPLIT',
  severity: 'error',
  needsLayout: false,
  figures: true,
  run: (ctx) => identity(ctx, 'SRC_SPLIT', 'total', (t, r) => TOTAL_PARTS.flatMap((p) => (t.amountCols[p.key] !== undefined ? present(t, r, [p.key]) : present(t, r, p.split ?? [])))),
};

export const SRC_NSTW: Rule = {
  id: 'SRC_NSTW',
  severity: 'error',
  needsLayout: false,
  figures: true,
  run: (ctx) => identity(ctx, 'SRC_NSTW', 'central', (t, r) => present(t, r, ['centralInvestment', 'centralRecurrent'])),
};

export const SRC_NSDP: Rule = {
  id: 'SRC_NSDP',
  severity: 'error',
  needsLayout: false,
  figures: true,
  run: (ctx) => identity(ctx, 'SRC_NSDP', 'local', (t, r) => present(t, r, ['localInvestment', 'localRecurrent'])),
};

