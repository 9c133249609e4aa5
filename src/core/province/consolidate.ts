/**
 * The province's plan from its communes' plans: a plan spec whose activity rows are the communes —
 * under each catalogue item, one row per commune that plans money there, its amounts as the
 * commune's file says them, its note citing the file and the fingerprint of its figures. The
 * existing plan builder then makes the workbook: project sheets, Tổng hợp with native formulas
 * over the communes' rows, Biểu 01–03.
 *
 * Detail rows are added by the catalogue item they belong to. A commune's row outside any item,
 * and a file whose figures cannot be read (no table, no unit), are not guessed into the plan: they
 * are listed as left out, with the reason.
 */
import { convertUnit, sumExact } from '../money';
import { Activity, AdminLevel, INPUT_SOURCES, InputSource, PlanItem, PlanSpec } from '../plan';
import { Programme } from '../programme';
import { MoneyUnit } from '../units';
import { Catalog, findByCode, getCatalog } from '../catalog';
import { BudgetTable } from '../table/model';
import { fingerprintOf, fingerprintTables } from './fingerprint';

export interface CommuneFile {
  /** The file's name as the province sees it (relative to the folder). */
  file: string;
  /** The commune's name: Thông tin's Địa bàn, else the file's name. */
  commune: string;
  tables: readonly BudgetTable[];
}

export type LeftOut = { file: string; reason: 'noTable' | 'unitUnknown' } | { file: string; reason: 'outsideCatalogue'; rows: number; sheet: string };

export interface Consolidation {
  spec: PlanSpec;
  /** Per file: its fingerprint and how many rows it gave. */
  files: Array<{ file: string; commune: string; fingerprint: string; rows: number }>;
  leftOut: LeftOut[];
}

export interface ConsolidateOptions {
  province: string;
  year: number;
  programme?: Programme;
  unit?: MoneyUnit;
  level?: AdminLevel;
  issuer?: string;
}

/** The item a detail row's money goes under: the deepest catalogue entry that takes activity rows. */
function itemOf(catalog: Catalog, code: string | null): string | null {
  if (!code) return null;
  return findByCode(catalog, code) ? code : null;
}

export function consolidate(communes: readonly CommuneFile[], options: ConsolidateOptions): Consolidation {
  const programme = options.programme ?? '2021-2025';
  const unit = options.unit ?? 'trieu';
  const catalog = getCatalog(programme);
  const activities: Activity[] = [];
  const itemCodes = new Set<string>();
  const files: Consolidation['files'] = [];
  const leftOut: LeftOut[] = [];
  for (const c of communes) {
    const tables = fingerprintTables(c.tables);
    if (tables.length === 0) {
      leftOut.push({ file: c.file, reason: 'noTable' });
      continue;
    }
    if (tables.some((t) => t.unit === null)) {
      leftOut.push({ file: c.file, reason: 'unitUnknown' });
      continue;
    }
    const fingerprint = fingerprintOf(c.tables).value;
    // the commune's money by item and source, in the province's unit
    const byItem = new Map<string, Partial<Record<InputSource, number[]>>>();
    for (const t of tables) {
      let outside = 0;
      for (const row of t.rows) {
        if (row.kind !== 'leaf') continue;
        const item = itemOf(catalog, row.item);
        const money = INPUT_SOURCES.filter((k) => (row.cells[k]?.number ?? 0) !== 0);
        if (!item) {
          if (money.length > 0) outside++;
          continue;
        }
        const into = byItem.get(item) ?? {};
        for (const k of money) (into[k] ??= []).push(convertUnit(row.cells[k]?.number as number, t.unit as MoneyUnit, unit));
        byItem.set(item, into);
      }
      if (outside > 0) leftOut.push({ file: c.file, reason: 'outsideCatalogue', rows: outside, sheet: t.name });
    }
    let rows = 0;
    for (const [item, sums] of [...byItem.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      const amounts = Object.fromEntries(Object.entries(sums).map(([k, list]) => [k, sumExact(list as number[])]));
      if (Object.keys(amounts).length === 0) continue;
      itemCodes.add(item);
      activities.push({ parent: item, name: c.commune, unitName: `UBND ${c.commune}`, note: `${c.file} · ${fingerprint}`, amounts });
      rows++;
    }
    files.push({ file: c.file, commune: c.commune, fingerprint, rows });
  }
  // an item whose sub-items hold the money is not also an activity parent (the builder nests them)
  const codes = [...itemCodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const items: PlanItem[] = codes.map((code) => ({ code }));
  const spec: PlanSpec = {
    programme,
    level: options.level ?? 'tinh',
    issuer: options.issuer ?? `UBND tỉnh ${options.province}`,
    area: `tỉnh ${options.province}`,
    province: options.province,
    year: options.year,
    unit,
    poorDistrict: false,
    items,
    activities: activities.sort((a, b) => a.parent.localeCompare(b.parent, 'en', { numeric: true })),
  };
  return { spec, files, leftOut };
}
