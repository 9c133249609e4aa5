/**
 * A plan spec checked against the catalogue and laid out as the rows of every project sheet: which
 * entries get a sheet, each row's code, kind, STT and label. Nothing here knows about cells.
 */
import { Catalog, CatalogEntry, findByCode, getCatalog } from '../catalog';
import { Message } from '../i18n';
import { PlanSpec, Amounts } from '../plan';
import { ITEM_LETTERS } from '../outline';
import { columnAmounts, itemNote, itemUnitName, statesTotals } from './document-fields';
import { RowKind } from './layout';

/** One data row of a project sheet. */
export interface PlanRow {
  code: string;
  kind: RowKind;
  stt: string;
  content: string;
  unitName?: string;
  location?: string;
  note?: string;
  amounts?: Amounts;
}

export interface ProjectSheetPlan {
  entry: CatalogEntry;
  sheetName: string;
  rows: PlanRow[];
}

/** How KH writes a catalogue row's Nội dung: "Dự án 4: …", "Tiểu dự án 3: …". */
export function entryLabel(entry: CatalogEntry): string {
  switch (entry.kind) {
    case 'project': return `Dự án ${entry.number}: ${entry.name}`;
    case 'subproject': return `Tiểu dự án ${entry.number}: ${entry.name}`;
    case 'content': return `Nội dung thành phần ${entry.number}: ${entry.name}`;
    case 'component': return entry.name;
  }
}

/** The entries that get a sheet: Dự án (2021–2025) or Nội dung thành phần (2026–2035). */
export function isSheetEntry(entry: CatalogEntry): boolean {
  return entry.kind === 'project' || entry.kind === 'content';
}

/** Validates a spec against the catalogue and lays out the rows of every project sheet. */
export function planRows(spec: PlanSpec, catalog: Catalog = getCatalog(spec.programme)): { ok: true; projects: Omit<ProjectSheetPlan, 'sheetName'>[] } | { ok: false; errors: Message[] } {
  const errors: Message[] = [];
  const selected = new Map<string, { entry: CatalogEntry; item: PlanSpec['items'][number] | null }>();
  for (const item of spec.items) {
    const entry = findByCode(catalog, item.code);
    if (!entry) {
      errors.push({ key: 'plan.unknownCode', params: { code: item.code, programme: spec.programme } });
      continue;
    }
    if (selected.get(entry.code)?.item) errors.push({ key: 'plan.duplicateItem', params: { code: entry.code } });
    selected.set(entry.code, { entry, item });
    // a selected sub-item brings its sheet entry (and the levels between) with it
    for (let p = entry.parent ? findByCode(catalog, entry.parent) : null; p; p = p.parent ? findByCode(catalog, p.parent) : null) {
      if (!selected.has(p.code)) selected.set(p.code, { entry: p, item: null });
      if (isSheetEntry(p)) break;
    }
  }
  for (const a of spec.activities) {
    const entry = findByCode(catalog, a.parent);
    if (!entry || !selected.has(entry.code)) errors.push({ key: 'plan.activityParentMissing', params: { name: a.name, code: a.parent } });
  }
  const amountsOk = (amounts: Amounts | undefined, where: string): void => {
    for (const [k, v] of Object.entries(amounts ?? {})) {
      if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) errors.push({ key: 'plan.badAmount', params: { where: `${where} (${k})`, value: String(v) } });
    }
  };
  spec.items.forEach((i) => amountsOk(i.amounts, i.code));
  spec.activities.forEach((a) => amountsOk(a.amounts, a.name));
  spec.items.forEach((i) => amountsOk(i.undivided as Amounts | undefined, i.code));

  const order = catalog.entries.filter((e) => selected.has(e.code));
  const sheets = order.filter(isSheetEntry);
  // a document that states only totals still gets Thông tin and Tổng hợp to check them in
  if (sheets.length === 0 && errors.length === 0 && !statesTotals(spec)) errors.push({ key: 'plan.empty' });
  if (errors.length > 0) return { ok: false, errors };

  const projects = sheets.map((sheetEntry) => {
    const rows: PlanRow[] = [];
    // STT follows the programme's numbering (Dự án 4 is "4"), as plans print it
    const stt = String(sheetEntry.number);
    const addNode = (entry: CatalogEntry, label: string): void => {
      const children = order.filter((e) => e.parent === entry.code);
      const activities = spec.activities.filter((a) => findByCode(catalog, a.parent)?.code === entry.code);
      if (children.length > 0 && activities.length > 0) {
        for (const a of activities) errors.push({ key: 'plan.activityParentHasChildren', params: { name: a.name, code: entry.code } });
      }
      const item = selected.get(entry.code)?.item ?? null;
      const leaf = children.length === 0 && activities.length === 0;
      rows.push({
        code: entry.outline,
        kind: leaf ? 'leaf' : 'group',
        stt: label,
        content: entryLabel(entry),
        unitName: item ? itemUnitName(item) : undefined,
        note: item ? itemNote(item) : undefined,
        amounts: leaf ? columnAmounts(item?.amounts) ?? {} : undefined,
      });
      children.forEach((child, i) => addNode(child, `${label}.${i + 1}`));
      activities.forEach((a, i) => {
        rows.push({
          code: `${entry.outline}.${i + 1}`,
          kind: 'leaf',
          stt: ITEM_LETTERS[i] ?? String(i + 1),
          content: a.name,
          unitName: a.unitName,
          location: a.location,
          note: itemNote(a),
          amounts: columnAmounts(a.amounts) ?? {},
        });
      });
    };
    addNode(sheetEntry, stt);
    return { entry: sheetEntry, rows };
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, projects };
}
