/**
 * ELIGIBILITY: an item only for poor districts / xã ĐBKK bãi ngang (Dự án 1, Dự án 4 Tiểu dự án 2,
 * Dự án 5; QĐ 90, TT 55) carries money in a plan whose Thông tin says the locality is not one.
 */
import { cellAddress, sheetRef } from '../../book/address';
import { CatalogEntry } from '../../catalog';
import { Finding } from '../finding';
import { DataRow } from '../model';
import { Rule } from '../rule';
import { entryAt, hasMoney, nearestEntry } from './entries';

export const ELIGIBILITY: Rule = {
  id: 'ELIGIBILITY',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const { model } = ctx;
    if (model.poorDistrict !== false || !model.info) return [];
    const out: Finding[] = [];
    const field = model.info.fields.poorDistrict;
    for (const table of model.tables.filter((t) => t.role === 'project')) {
      // one finding per item: the highest poor-area-only ancestor (DA1, not also its Tiểu dự án)
      const roots = new Map<string, { entry: CatalogEntry; rows: DataRow[] }>();
      for (const row of table.rows) {
        let entry = nearestEntry(model, row.code);
        if (!entry?.poorAreaOnly) continue;
        for (let p = entry.parent ? model.catalog.entries.find((e) => e.code === entry?.parent) : undefined; p?.poorAreaOnly; p = p.parent ? model.catalog.entries.find((e) => e.code === p?.parent) : undefined) entry = p;
        const item = roots.get(entry.code) ?? { entry, rows: [] };
        item.rows.push(row);
        roots.set(entry.code, item);
      }
      for (const { entry, rows } of roots.values()) {
        if (!rows.some(hasMoney)) continue;
        const at = rows.find((r) => entryAt(model, r.code) === entry) ?? rows[0];
        out.push({
          rule: 'ELIGIBILITY',
          severity: 'error',
          sheet: table.name,
          cell: cellAddress(at.row, table.columns.index.content),
          related: field ? [sheetRef(model.info.sheet, field.address)] : [],
          message: { key: 'rule.ELIGIBILITY.message', params: { code: at.code as string } },
          hint: { key: 'rule.ELIGIBILITY.hint', params: {} },
        });
      }
    }
    return out;
  },
};
