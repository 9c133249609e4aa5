/** SRC_SPLIT (Tổng ≠ Σ sources) and SRC_NSTW (NSTW ≠ ĐTPT + SN), on the rows where an imbalance starts. */
import { amountsEqual, sumExact } from '../../money';
import { Finding } from '../finding';
import { AmountCell, DataRow } from '../model';
import { Rule, RuleContext } from '../rule';
import { gapParams } from './helpers';

function identity(ctx: RuleContext, id: 'SRC_SPLIT' | 'SRC_NSTW', whole: (r: DataRow) => AmountCell, parts: (r: DataRow) => AmountCell[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of ctx.model.tables) {
    for (const row of table.rows) {
      const cell = whole(row);
      if (cell.number === null) continue;
      // an aggregate row whose cell is a formula only repeats an imbalance found on the rows it sums
      // (or a wrong formula, which ROLLUP and FORMULA_SHAPE report): one finding per root cause
      const aggregate = table.role === 'summary' || row.kind === 'group';
      if (aggregate && cell.formula !== null) continue;
      const numbers = parts(row).map((c) => c.number);
      if (numbers.every((n) => n === null)) continue;
      const computed = sumExact(numbers.map((n) => n ?? 0));
      if (amountsEqual(cell.number, computed, ctx.tolerance)) continue;
      const typedOver = cell.formula === null && cell.expected !== null;
      findings.push({
        rule: id,
        severity: 'error',
        sheet: table.name,
        cell: cell.address,
        related: parts(row).map((c) => c.address),
        message: { key: `rule.${id}.message`, params: gapParams(cell.number, computed) },
        hint: { key: `rule.${id}.hint`, params: {} },
        fix: typedOver && cell.expected ? { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected } : undefined,
      });
    }
  }
  return findings;
}

export const SRC_SPLIT: Rule = {
  id: 'SRC_SPLIT',
  severity: 'error',
  needsLayout: true,
  run: (ctx) => identity(ctx, 'SRC_SPLIT', (r) => r.cells.total, (r) => [r.cells.central, r.cells.local, r.cells.integrated, r.cells.credit, r.cells.mobilised]),
};

export const SRC_NSTW: Rule = {
  id: 'SRC_NSTW',
  severity: 'error',
  needsLayout: true,
  run: (ctx) => identity(ctx, 'SRC_NSTW', (r) => r.cells.central, (r) => [r.cells.centralInvestment, r.cells.centralRecurrent]),
};
