/**
 * HARDCODED_TOTAL: a typed number where KH's formula belongs. FORMULA_SHAPE: a formula that is not
 * the one the layout calls for (a SUM one row short, a range that leaves a row out).
 */
import { Finding } from '../finding';
import { AMOUNT_KEYS, AmountCell, TableModel, sameFormula } from '../model';
import { Rule, RuleContext } from '../rule';
import { isBlank } from '../../book/snapshot';

/** Every amount cell where the layout calls for a formula, with its table. */
function* formulaCells(ctx: RuleContext): Generator<[TableModel, AmountCell & { expected: string }]> {
  for (const table of ctx.model.tables) {
    for (const row of table.rows) {
      for (const key of AMOUNT_KEYS) {
        const cell = row.cells[key];
        if (cell && cell.expected !== null) yield [table, cell as AmountCell & { expected: string }];
      }
    }
  }
}

export const HARDCODED_TOTAL: Rule = {
  id: 'HARDCODED_TOTAL',
  severity: 'warning',
  needsLayout: true,
  run(ctx) {
    const out: Finding[] = [];
    for (const [table, cell] of formulaCells(ctx)) {
      if (cell.formula !== null || isBlank(cell.value)) continue;
      out.push({
        rule: 'HARDCODED_TOTAL',
        severity: 'warning',
        sheet: table.name,
        cell: cell.address,
        message: { key: 'rule.HARDCODED_TOTAL.message', params: { cell: cell.address, value: typeof cell.value === 'number' ? cell.value : String(cell.value) } },
        hint: { key: 'rule.HARDCODED_TOTAL.hint', params: {} },
        fix: { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected },
      });
    }
    return out;
  },
};

export const FORMULA_SHAPE: Rule = {
  id: 'FORMULA_SHAPE',
  severity: 'warning',
  needsLayout: true,
  run(ctx) {
    const out: Finding[] = [];
    for (const [table, cell] of formulaCells(ctx)) {
      if (cell.formula === null || sameFormula(cell.formula, cell.expected)) continue;
      out.push({
        rule: 'FORMULA_SHAPE',
        severity: 'warning',
        sheet: table.name,
        cell: cell.address,
        message: { key: 'rule.FORMULA_SHAPE.message', params: { cell: cell.address, actual: cell.formula } },
        hint: { key: 'rule.FORMULA_SHAPE.hint', params: { expected: cell.expected } },
        fix: { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected },
      });
    }
    return out;
  },
};
