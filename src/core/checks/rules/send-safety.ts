/**
 * SEND_SAFETY: what goes wrong once the file leaves the office — KH.* formulas (#NAME? without the
 * add-in; one finding per sheet), links to other workbooks (one per sheet and linked file), and
 * hidden leaf rows of a plan table that still count in its totals.
 */
import { cellAddress } from '../../book/address';
import { findSheet } from '../../book/snapshot';
import { usesKhFunction } from '../../book/sendsafe';
import { Finding } from '../finding';
import { AMOUNT_KEYS } from '../model';
import { Rule } from '../rule';
import { eachCell, withoutStrings } from './cells';

const WORKBOOK_REF = /\[([^[\]]+)\][^![\]()]*!/;
const PATH_REF = /'?((?:[A-Za-z]:\\|\\\\[^\\'"]+\\|https?:\/\/)[^'!"]*)'?!/i;

/** The other workbook a formula links to ("Other.xlsx", "C:\…\Other.xlsx"); null when none. */
export function externalTarget(formula: string | null): string | null {
  if (typeof formula !== 'string') return null;
  const code = withoutStrings(formula);
  const book = WORKBOOK_REF.exec(code);
  if (book) return book[1];
  const path = PATH_REF.exec(code);
  return path ? path[1] : null;
}

export const SEND_SAFETY: Rule = {
  id: 'SEND_SAFETY',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.model.snapshot.sheets) {
      const kh: string[] = [];
      const links = new Map<string, { cells: string[]; formula: string }>();
      eachCell(sheet, (row, col, _value, formula) => {
        if (formula === null) return;
        const cell = cellAddress(row, col);
        if (usesKhFunction(formula)) kh.push(cell);
        const target = externalTarget(formula);
        if (target === null) return;
        const link = links.get(target.toLowerCase()) ?? { cells: [], formula };
        links.set(target.toLowerCase(), link);
        link.cells.push(cell);
      });
      if (kh.length > 0) {
        out.push({
          rule: 'SEND_SAFETY',
          severity: 'info',
          sheet: sheet.name,
          cell: kh[0],
          message: { key: 'rule.SEND_SAFETY.kh', params: { count: kh.length, cell: kh[0] } },
          hint: { key: 'rule.SEND_SAFETY.khHint', params: {} },
        });
      }
      for (const link of links.values()) {
        out.push({
          rule: 'SEND_SAFETY',
          severity: 'warning',
          sheet: sheet.name,
          cell: link.cells[0],
          related: link.cells.slice(1),
          message: { key: 'rule.SEND_SAFETY.external', params: { cell: link.cells[0], formula: link.formula } },
          hint: { key: 'rule.SEND_SAFETY.externalHint', params: {} },
        });
      }
    }
    // hidden rows of an officer's own table: HIDDEN_ROW, which knows which totals count them
    for (const table of ctx.model.tables.filter((t) => t.origin === 'kh')) {
      const hidden = new Set(findSheet(ctx.model.snapshot, table.name)?.hiddenRows ?? []);
      if (hidden.size === 0) continue;
      for (const row of table.rows) {
        if (row.kind !== 'leaf' || !hidden.has(row.row)) continue;
        // a hidden row of zeros changes no total
        if (!AMOUNT_KEYS.some((k) => (row.cells[k]?.number ?? 0) !== 0) || !row.cells.total) continue;
        out.push({
          rule: 'SEND_SAFETY',
          severity: 'warning',
          sheet: table.name,
          cell: row.cells.total.address,
          message: { key: 'rule.SEND_SAFETY.hidden', params: { row: String(row.row + 1) } },
          hint: { key: 'rule.SEND_SAFETY.hiddenHint', params: {} },
        });
      }
    }
    return out;
  },
};
