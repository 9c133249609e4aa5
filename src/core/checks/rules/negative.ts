/**
 * NEGATIVE: a negative amount typed in a plan table. Only the leaf inputs are reported: a computed
 * cell is negative because an input below it is, and that input is the one to fix.
 */
import { Finding } from '../finding';
import { AMOUNT_KEYS } from '../model';
import { Rule } from '../rule';

export const NEGATIVE: Rule = {
  id: 'NEGATIVE',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        if (row.kind !== 'leaf') continue;
        for (const key of AMOUNT_KEYS) {
          const cell = row.cells[key];
          // a computed cell is negative because an input is: KH's formula, or the officer's own
          if (!cell || cell.expected !== null || (table.origin !== 'kh' && cell.formula !== null) || cell.number === null || !(cell.number < 0)) continue;
          out.push({
            rule: 'NEGATIVE',
            severity: 'error',
            sheet: table.name,
            cell: cell.address,
            message: { key: 'rule.NEGATIVE.message', params: { cell: cell.address, value: cell.number } },
            hint: { key: 'rule.NEGATIVE.hint', params: {} },
          });
        }
      }
    }
    return out;
  },
};
