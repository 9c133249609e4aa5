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
      // the fields this sheet has (Tổng hợp has no Đơn vị thực hiện), with their columns
      const fields = (['content', 'unitName'] as const).flatMap((key) => {
        const col = I[key];
        return col === undefined ? [] : [{ key, col, header: layout.defs[col]?.header ?? key }];
      });
      for (const row of table.rows) {
        if (row.kind !== 'leaf' || !hasMoney(row)) continue;
        const missing = fields.filter((f) => textOf(f.key === 'content' ? row.content : row.unitName) === '');
        if (missing.length === 0) continue;
        const field = missing.map((f) => f.header).join(', ');
        out.push({
          rule: 'BLANK_REQUIRED',
          severity: 'warning',
          sheet: table.name,
          cell: cellAddress(row.row, missing[0].col),
          related: missing.slice(1).map((f) => cellAddress(row.row, f.col)),
          message: { key: 'rule.BLANK_REQUIRED.message', params: { row: row.row + 1, field } },
          hint: { key: 'rule.BLANK_REQUIRED.hint', params: { field } },
        });
      }
    }
    return out;
  },
};
