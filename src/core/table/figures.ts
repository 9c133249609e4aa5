/**
 * A plan file's figures for a province's roll-up: money by project (Dự án, or Nội dung thành phần)
 * and source, by catalogue item (Tiểu dự án), and by locality, in triệu đồng — from KH's Tổng hợp,
 * or from the detail rows of the officer's own table. Detail rows only are added (a typed total
 * never counts twice); a row outside any catalogue item is kept under "other", never dropped. A
 * file whose table is not read, or whose unit nobody wrote, gives no figures and says why — never
 * zeros.
 */
import { convertUnit, sumExact } from '../money';
import { MoneyUnit } from '../units';
import { Catalog, CatalogEntry, findByCode, getCatalog } from '../catalog';
import { cellAddress } from '../book/address';
import { AMOUNT_KEYS, AmountKey, BudgetTable, leavesUnder } from './model';

/** The unit a province adds its communes in. */
export const SUMMARY_UNIT: MoneyUnit = 'trieu';

/** Rows outside any catalogue item. */
export const OTHER_ITEM = 'KHAC';

export type Amounts = Record<AmountKey, number>;

export interface TableRef {
  sheet: string;
  range: string;
}

export interface FileFigures {
  from: 'kh' | 'recognised' | 'none';
  /** The unit the file's figures were read in. */
  unit: MoneyUnit | null;
  table: TableRef | null;
  /**
   * By project catalogue code (DA3, HP1.ND4; KHAC for rows outside any item), in triệu — the code
   * an allocation names, never the outline code KH's rows carry (HP1.4), so the two meet.
   */
  projects: Map<string, { name: string; amounts: Amounts }>;
  /**
   * The money of each catalogue item the detail rows sit under (DA3.TDA1, or DA2 for a Dự án
   * without Tiểu dự án), in triệu — what an allocation given for one Tiểu dự án is compared with:
   * KH's project sheets, or the rows of an officer's table the recogniser matched to the catalogue
   * (rows outside any item are under "other" in `projects` only). The same money as `projects`, at
   * a finer level: never added to it.
   */
  parts?: Map<string, { name: string; amounts: Amounts }>;
  /** By locality name, in triệu (a table whose rows are xã / huyện). */
  localities: Map<string, Amounts>;
  total: Amounts | null;
  /** Why there are no figures. */
  problem: 'noTable' | 'unitUnknown' | null;
  /** Other tables of the file, not added (they would count the same money again). */
  notAdded: TableRef[];
}

export const zeroAmounts = (): Amounts => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, 0])) as Amounts;

export function tableRef(table: BudgetTable): TableRef {
  return { sheet: table.name, range: `${cellAddress(table.header.top, table.left)}:${cellAddress(table.data.bottom, table.right)}` };
}

/** The catalogue level KH gives a sheet of its own: a Dự án (2021–2025), a Nội dung thành phần (2026+). */
function projectOf(catalog: Catalog, code: string | null): CatalogEntry | null {
  let e = code ? findByCode(catalog, code) : null;
  while (e && e.kind !== 'project' && e.kind !== 'content' && e.parent) e = findByCode(catalog, e.parent);
  return e && (e.kind === 'project' || e.kind === 'content') ? e : null;
}

function add(into: Amounts, row: BudgetTable['rows'][number], unit: MoneyUnit): void {
  for (const k of AMOUNT_KEYS) {
    const n = row.cells[k]?.number;
    if (n !== null && n !== undefined && n !== 0) into[k] = sumExact([into[k], convertUnit(n, unit, SUMMARY_UNIT)]);
  }
}

/** The figures of one file's tables (all read from the same snapshot). */
export function fileFigures(tables: readonly BudgetTable[]): FileFigures {
  const none: FileFigures = { from: 'none', unit: null, table: null, projects: new Map(), localities: new Map(), total: null, problem: 'noTable', notAdded: [] };
  const summary = tables.find((t) => t.origin === 'kh' && t.role === 'summary');
  if (summary && summary.unit) {
    const projects = new Map<string, { name: string; amounts: Amounts }>();
    const total = zeroAmounts();
    for (const row of summary.rows) {
      if (!row.code || row.kind !== 'leaf') continue;
      // Tổng hợp's rows carry the outline code (HP1.4); the row's item is its catalogue code (HP1.ND4)
      const key = row.item ?? row.code;
      const entry = projects.get(key) ?? { name: row.label || key, amounts: zeroAmounts() };
      add(entry.amounts, row, summary.unit);
      projects.set(key, entry);
      add(total, row, summary.unit);
    }
    const parts = new Map<string, { name: string; amounts: Amounts }>();
    for (const t of tables) {
      if (t.origin !== 'kh' || t.role === 'summary' || !t.primary || !t.unit) continue;
      for (const row of t.rows) {
        const key = row.item ?? t.entryCode;
        if (row.kind !== 'leaf' || !key) continue;
        const entry = parts.get(key) ?? { name: row.label || key, amounts: zeroAmounts() };
        // the row that is the item itself names it; detail rows under it do not
        if (row.code === key) entry.name = row.label || key;
        add(entry.amounts, row, t.unit);
        parts.set(key, entry);
      }
    }
    return { from: 'kh', unit: summary.unit, table: tableRef(summary), projects, parts, localities: new Map(), total, problem: null, notAdded: [] };
  }
  const candidates = tables.filter((t) => t.origin === 'recognised' && t.primary && t.rows.length > 0);
  if (candidates.length === 0) return none;
  // the table with the most detail is the plan; the others repeat or summarise it
  const pick = (list: BudgetTable[]): BudgetTable | null => [...list].sort((a, b) => b.rows.length - a.rows.length)[0] ?? null;
  const itemTable = pick(candidates.filter((t) => t.rowAxis === 'items')) ?? pick(candidates);
  const localityTable = pick(candidates.filter((t) => t.rowAxis === 'localities'));
  const used = [itemTable, localityTable].filter((t): t is BudgetTable => t !== null);
  const notAdded = candidates.filter((t) => !used.includes(t)).map(tableRef);
  const main = itemTable as BudgetTable;
  if (used.some((t) => t.unit === null)) return { ...none, from: 'recognised', table: tableRef(main), problem: 'unitUnknown', notAdded };

  const projects = new Map<string, { name: string; amounts: Amounts }>();
  const parts = new Map<string, { name: string; amounts: Amounts }>();
  const total = zeroAmounts();
  const catalog = getCatalog(main.programme);
  const roots = main.rows.map((_, i) => i).filter((i) => main.rows[i].parent === null && main.rows[i].kind !== 'total');
  for (const root of roots) {
    for (const i of leavesUnder(main, root)) {
      const row = main.rows[i];
      const project = projectOf(catalog, row.item);
      const key = project?.code ?? OTHER_ITEM;
      const entry = projects.get(key) ?? { name: project?.name ?? 'Nội dung khác', amounts: zeroAmounts() };
      add(entry.amounts, row, main.unit as MoneyUnit);
      projects.set(key, entry);
      if (row.item) {
        const part = parts.get(row.item) ?? { name: findByCode(catalog, row.item)?.name ?? row.item, amounts: zeroAmounts() };
        add(part.amounts, row, main.unit as MoneyUnit);
        parts.set(row.item, part);
      }
      add(total, row, main.unit as MoneyUnit);
    }
  }
  const localities = new Map<string, Amounts>();
  if (localityTable) {
    for (const row of localityTable.rows) {
      if (row.kind !== 'leaf' || !row.locality) continue;
      const amounts = localities.get(row.locality) ?? zeroAmounts();
      add(amounts, row, localityTable.unit as MoneyUnit);
      localities.set(row.locality, amounts);
    }
  }
  if (main.rowAxis === 'localities') {
    projects.clear();
    parts.clear();
  }
  return { from: 'recognised', unit: main.unit, table: tableRef(main), projects, parts, localities, total, problem: null, notAdded };
}
