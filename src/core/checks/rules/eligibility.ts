/**
 * ELIGIBILITY: an item only for poor districts / xã ĐBKK bãi ngang (Dự án 1, Dự án 4 Tiểu dự án 2,
 * Dự án 5; QĐ 90, TT 55) carries money where the locality is not one — as Thông tin says, or as the
 * officer told KH for a workbook of their own layout. When nobody said, KH says it cannot tell.
 */
import { cellAddress, sheetRef } from '../../book/address';
import { CatalogEntry, findByCode, getCatalog } from '../../catalog';
import { Finding } from '../finding';
import { DataRow } from '../model';
import { Rule } from '../rule';
import { hasMoney, itemOf } from './entries';

export const ELIGIBILITY: Rule = {
  id: 'ELIGIBILITY',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const { model } = ctx;
    if (model.poorDistrict === true) return [];
    const out: Finding[] = [];
    const field = model.info?.fields.poorDistrict;
    for (const table of model.tables.filter((t) => t.role === 'project')) {
      const catalog = table.programme === model.catalog.programme ? model.catalog : getCatalog(table.programme);
      // one finding per item: the highest poor-area-only ancestor (DA1, not also its Tiểu dự án)
      const roots = new Map<string, { entry: CatalogEntry; rows: DataRow[] }>();
      for (const row of table.rows) {
        let entry = itemOf(model, table, row);
        if (!entry?.poorAreaOnly) continue;
        for (let p = entry.parent ? findByCode(catalog, entry.parent) : null; p?.poorAreaOnly; p = p.parent ? findByCode(catalog, p.parent) : null) entry = p;
        const item = roots.get(entry.code) ?? { entry, rows: [] };
        item.rows.push(row);
        roots.set(entry.code, item);
      }
      for (const { entry, rows } of roots.values()) {
        if (!rows.some(hasMoney)) continue;
        const at = rows.find((r) => r.item === entry.code && r.code === entry.outline) ?? rows[0];
        const code = table.origin === 'kh' ? (at.code as string) : entry.outline;
        const cell = cellAddress(at.row, table.contentCol);
        if (model.poorDistrict === null) {
          out.push({ rule: 'ELIGIBILITY', severity: 'info', sheet: table.name, cell, message: { key: 'rule.ELIGIBILITY.unknown', params: { code } }, hint: { key: 'rule.ELIGIBILITY.unknownHint', params: {} } });
          continue;
        }
        const fromInfo = model.factSources.poorDistrict === 'info' && model.info && field;
        out.push({
          rule: 'ELIGIBILITY',
          severity: 'error',
          sheet: table.name,
          cell,
          related: fromInfo && model.info && field ? [sheetRef(model.info.sheet, field.address)] : [],
          message: { key: fromInfo ? 'rule.ELIGIBILITY.message' : 'rule.ELIGIBILITY.officer', params: { code } },
          hint: { key: 'rule.ELIGIBILITY.hint', params: {} },
        });
      }
    }
    return out;
  },
};
