/**
 * Adopting an officer's table: the recognised rows become a KH plan spec — catalogue rows become
 * the plan's items, the detail rows below them its activities, the typed grand total its stated
 * totals (so the KH workbook checks the officer's own total against the detail). Nothing is
 * guessed: a row outside any catalogue item, NSTW money with no split on an item that takes both
 * kinds, a unit or a year nobody wrote — each is a problem naming its cell, for the officer to
 * settle (a row's code, a column's source, the unit, the year) before anything is written.
 */
import { CatalogEntry, findByCode, getCatalog, childrenOf } from '../catalog';
import { cellAddress } from '../book/address';
import { Amounts, InputSource, PlanItem, PlanSpec, Activity, AdminLevel } from '../plan';
import { SourceKey } from '../sources';
import { MoneyUnit } from '../units';
import { sumExact } from '../money';
import { BudgetTable, TableRow } from './model';
import { Heading } from './heading';

/** What the officer settles before adopting (the pane's step, or `kh adopt` flags). */
export interface AdoptChoices {
  /** Where NSTW goes when the table does not split it and the item takes both kinds. */
  nstw?: 'centralInvestment' | 'centralRecurrent';
  issuer?: string;
  level?: AdminLevel;
  area?: string;
  province?: string;
  year?: number;
  poorDistrict?: boolean;
  provinceGroup?: 1 | 2 | 3;
}

export type AdoptProblem =
  | { kind: 'unitUnknown'; cell: string }
  | { kind: 'localities'; cell: string }
  | { kind: 'noSources'; cell: string }
  | { kind: 'outsideItem'; cell: string; label: string }
  | { kind: 'nstwUnsplit'; cell: string; label: string; code: string }
  | { kind: 'missingFact'; fact: 'year' | 'issuer' | 'level' | 'area' | 'province' | 'poorDistrict' };

export type AdoptResult = { ok: true; spec: PlanSpec; rows: number; items: number; activities: number } | { ok: false; problems: AdoptProblem[] };

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** A row's money as the plan's input sources; null with the reason when it cannot be split without guessing. */
function inputsOf(table: BudgetTable, row: TableRow, entry: CatalogEntry | null, choices: AdoptChoices): { amounts: Amounts } | { problem: 'nstwUnsplit' | 'noSources' } {
  const has = (k: SourceKey): boolean => table.amountCols[k] !== undefined;
  const n = (k: SourceKey): number => row.cells[k]?.number ?? 0;
  const amounts: Amounts = {};
  const put = (k: InputSource, v: number): void => {
    if (v !== 0) amounts[k] = sumExact([amounts[k] ?? 0, v]);
  };
  if (has('centralInvestment') || has('centralRecurrent')) {
    put('centralInvestment', n('centralInvestment'));
    put('centralRecurrent', n('centralRecurrent'));
  } else if (has('central') && n('central') !== 0) {
    const investmentOnly = entry !== null && entry.money.investment && !entry.money.recurrent;
    const recurrentOnly = entry !== null && entry.money.recurrent && !entry.money.investment;
    const to = investmentOnly ? 'centralInvestment' : recurrentOnly ? 'centralRecurrent' : choices.nstw;
    if (!to) return { problem: 'nstwUnsplit' };
    put(to, n('central'));
  }
  if (has('localInvestment') || has('localRecurrent')) put('local', sumExact([n('localInvestment'), n('localRecurrent')]));
  else put('local', n('local'));
  put('integrated', n('integrated'));
  put('credit', n('credit'));
  put('mobilised', n('mobilised'));
  if (Object.keys(amounts).length === 0 && n('total') !== 0) return { problem: 'noSources' };
  return { amounts };
}

/** The deepest catalogue item at or above a row. */
function itemEntry(table: BudgetTable, row: TableRow): CatalogEntry | null {
  return row.item ? findByCode(getCatalog(table.programme), row.item) : null;
}

export function adoptTable(table: BudgetTable, heading: Heading, choices: AdoptChoices = {}): AdoptResult {
  const problems: AdoptProblem[] = [];
  const first = cellAddress(table.header.top, table.left);
  if (table.unit === null) problems.push({ kind: 'unitUnknown', cell: first });
  if (table.rowAxis === 'localities') problems.push({ kind: 'localities', cell: first });
  const catalog = getCatalog(table.programme);
  const contentCell = (row: TableRow): string => cellAddress(row.row, table.contentCol);

  const items = new Map<string, PlanItem>();
  const activities: Activity[] = [];
  let used = 0;
  table.rows.forEach((row) => {
    if (row.kind === 'total') return;
    const own = row.code !== null ? findByCode(catalog, row.code) : null;
    if (own) {
      const item: PlanItem = { code: own.code };
      const unitName = text(row.unitName);
      const note = text(row.note);
      if (unitName) item.unitName = unitName;
      if (note) item.note = note;
      // a catalogue row with nothing below it carries its own money
      if (row.children.length === 0) {
        const read = inputsOf(table, row, own, choices);
        if ('problem' in read) problems.push(read.problem === 'nstwUnsplit' ? { kind: 'nstwUnsplit', cell: contentCell(row), label: row.label, code: own.code } : { kind: 'noSources', cell: contentCell(row) });
        else if (Object.keys(read.amounts).length > 0) item.amounts = read.amounts;
        used++;
      }
      // items with catalogue children in the table are groups: their selected children are the items
      const catalogKids = row.children.some((k) => table.rows[k].code !== null);
      if (!catalogKids) items.set(own.code, item);
      return;
    }
    if (row.children.length > 0) return;
    const hasMoney = Object.values(row.cells).some((c) => (c?.number ?? 0) !== 0);
    const entry = itemEntry(table, row);
    if (!entry) {
      if (hasMoney) problems.push({ kind: 'outsideItem', cell: contentCell(row), label: row.label });
      return;
    }
    const read = inputsOf(table, row, entry, choices);
    if ('problem' in read) {
      problems.push(read.problem === 'nstwUnsplit' ? { kind: 'nstwUnsplit', cell: contentCell(row), label: row.label, code: entry.code } : { kind: 'noSources', cell: contentCell(row) });
      return;
    }
    // the groups between the item and the row name it ("Hỗ trợ giống: giống lúa")
    const path: string[] = [];
    for (let p = row.parent; p !== null && table.rows[p].code === null; p = table.rows[p].parent) path.unshift(table.rows[p].label);
    const activity: Activity = { parent: entry.code, name: [...path, row.label].filter(Boolean).join(': ') || `Dòng ${row.row + 1}`, amounts: read.amounts };
    const unitName = text(row.unitName);
    const note = text(row.note);
    if (unitName) activity.unitName = unitName;
    if (note) activity.note = note;
    activities.push(activity);
    if (!items.has(entry.code) && childrenOf(catalog, entry.code).length === 0) items.set(entry.code, { code: entry.code });
    used++;
  });

  const year = choices.year ?? heading.year;
  const issuer = choices.issuer ?? heading.issuer;
  const level = choices.level ?? heading.level;
  const area = choices.area ?? heading.area;
  const province = choices.province ?? heading.province;
  for (const [fact, value] of [['year', year], ['issuer', issuer], ['level', level], ['area', area], ['province', province], ['poorDistrict', choices.poorDistrict]] as const) {
    if (value === null || value === undefined) problems.push({ kind: 'missingFact', fact });
  }
  if (problems.length > 0) return { ok: false, problems };

  // the officer's typed grand total is what the plan document states: KH's sheets check it against the rows
  const totalRow = table.rows.find((r) => r.kind === 'total');
  const statedTotals: PlanSpec['statedTotals'] = {};
  if (totalRow) {
    for (const key of ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'] as const) {
      const v = totalRow.cells[key]?.number;
      if (v !== null && v !== undefined && table.amountCols[key] !== undefined) statedTotals[key] = v;
    }
  }
  const spec: PlanSpec = {
    programme: table.programme,
    level: level as AdminLevel,
    issuer: issuer as string,
    area: area as string,
    province: province as string,
    year: year as number,
    unit: table.unit as MoneyUnit,
    poorDistrict: choices.poorDistrict as boolean,
    ...(choices.provinceGroup ? { provinceGroup: choices.provinceGroup } : {}),
    ...(heading.documentNumber ? { documentNumber: heading.documentNumber } : {}),
    ...(heading.documentDate ? { documentDate: heading.documentDate } : {}),
    items: [...items.values()],
    activities,
    ...(Object.keys(statedTotals).length > 0 ? { statedTotals } : {}),
  };
  return { ok: true, spec, rows: used, items: spec.items.length, activities: activities.length };
}

