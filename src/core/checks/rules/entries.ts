/** Catalogue look-ups the plan-content rules share: a row's own entry, its nearest catalogue ancestor. */
import { CatalogEntry, findByCode, getCatalog } from '../../catalog';
import { CellValue } from '../../book/model';
import { PlanModel, DataRow, TableModel } from '../model';

const INDEX = new WeakMap<object, Map<string, CatalogEntry>>();

function outlineIndex(model: PlanModel): Map<string, CatalogEntry> {
  let idx = INDEX.get(model.catalog);
  if (!idx) {
    idx = new Map();
    for (const e of model.catalog.entries) idx.set(e.outline.toUpperCase(), e);
    INDEX.set(model.catalog, idx);
  }
  return idx;
}

/** The entry whose outline code is exactly this machine code ("DA4.1" → DA4.TDA1), else null. */
export function entryAt(model: PlanModel, code: string | null): CatalogEntry | null {
  return code ? outlineIndex(model).get(code.toUpperCase()) ?? null : null;
}

/** The row's own entry, or for an activity row ("DA4.1.3") the nearest catalogue ancestor. */
export function nearestEntry(model: PlanModel, code: string | null): CatalogEntry | null {
  let c = code;
  while (c) {
    const e = entryAt(model, c);
    if (e) return e;
    const cut = c.lastIndexOf('.');
    c = cut > 0 ? c.slice(0, cut) : null;
  }
  return null;
}

/** Entries with children in the catalogue (Dự án 4 has Tiểu dự án; Dự án 2 has none). */
const PARENTS = new WeakMap<object, Set<string>>();

export function hasCatalogChildren(model: PlanModel, entry: CatalogEntry): boolean {
  let parents = PARENTS.get(model.catalog);
  if (!parents) {
    parents = new Set(model.catalog.entries.filter((e) => e.parent !== null).map((e) => (e.parent as string).toUpperCase()));
    PARENTS.set(model.catalog, parents);
  }
  return parents.has(entry.code.toUpperCase());
}

export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** The row carries money: some amount cell is a non-zero number. */
export function hasMoney(row: DataRow): boolean {
  return Object.values(row.cells).some((c) => c !== undefined && c.number !== null && c.number !== 0);
}

/** The Ghi chú text of a row. */
export function noteOf(_model: PlanModel, _table: TableModel, row: DataRow): string {
  return textOf(row.note);
}

/** The catalogue item a row is or belongs to (its own entry, or the nearest above it). */
export function itemOf(model: PlanModel, table: TableModel, row: DataRow): CatalogEntry | null {
  if (row.item === null) return null;
  const catalog = table.programme === model.catalog.programme ? model.catalog : getCatalog(table.programme);
  return findByCode(catalog, row.item);
}
