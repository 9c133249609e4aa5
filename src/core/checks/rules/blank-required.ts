/**
 * BLANK_REQUIRED: a detail row of a project sheet with money but no Nội dung or no Đơn vị thực
 * hiện — the plan must say what the money is for and who spends it. One finding per row.
 */
import { cellAddress } from '../../book/address';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { hasMoney, textOf } from './entries';
import { khColumns } from '../../table/kh-reader';

export const BLANK_REQUIRED: Rule = {
  id: 'BLANK_REQUIRED',
  severity: 'warning',
  needsLayout: true,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables.filter((t) => t.origin === 'kh' && t.role === 'project')) {
      const layout = khColumns(table);
      if (!layout) continue;
      const I = layout.index;
      const header = (key: string): string => layout.defs[I[key]]?.header ?? key;
      for (const row of table.rows) {
        if (row.kind !== 'leaf' || !hasMoney(row)) continue;
        const missing = (['content', 'unitName'] as const).filter((k) => I[k] !== undefined && textOf(k === 'content' ? row.content : row.unitName) === '');
        if (missing.length === 0) continue;
        const field = missing.map(header).join(', ');
        out.push({
          rule: 'BLANK_REQUIRED',
          severity: 'warning',
          sheet: table.name,
          cell: cellAddress(row.row, I[missing[0]]),
          related: missing.slice(1).map((k) => cellAddress(row.row, I[k])),
          message: { key: 'rule.BLANK_REQUIRED.message', params: { row: row.row + 1, field } },
          hint: { key: 'rule.BLANK_REQUIRED.hint', params: { field } },
        });
      }
    }
    return out;
  },
};
