/**
 * A plan workbook → its plan spec (for `kh export`, diffs and version control, and the round-trip
 * test). Reads what the sheets say now: Thông tin fields, stated totals, and every data row of the
 * project sheets — including rows the officer added with a code.
 */
import { Catalog, findByCode, getCatalog } from '../catalog';
import { Activity, AdminLevel, Amounts, INPUT_SOURCES, PlanItem, PlanSpec, Signer } from '../plan';
import { parseProgramme, DEFAULT_PROGRAMME } from '../programme';
import { parseUnit } from '../units';
import { canonicalCode } from '../outline';
import { SourceKey } from '../sources';
import { CellValue } from './model';
import { SheetSnapshot, WorkbookSnapshot, findSheet, isBlank } from './snapshot';
import { INFO_FIELDS, INFO_ROWS, KIND, ROWS, SHEET, STATED_SOURCES, planColumns } from './layout';
import { generatedSheets } from './generate';
import { Kept, parsePolicySource } from './annex/inputs';
import { readAnnexInputs } from './annex/generate';
import { readInfoExtras, readPeriod, splitFromNote } from './document-fields';

function str(v: CellValue): string | undefined {
  if (isBlank(v)) return undefined;
  return String(v).trim();
}

function num(v: CellValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const LEVELS: Record<string, AdminLevel> = { 'tỉnh': 'tinh', 'huyện': 'huyen', 'xã': 'xa' };

function readInfo(info: SheetSnapshot | undefined): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  INFO_FIELDS.forEach((f, i) => {
    out[f.key] = info?.values[INFO_ROWS.firstField + i]?.[1] ?? null;
  });
  return out;
}

function readStated(info: SheetSnapshot | undefined): Partial<Record<SourceKey, number>> | undefined {
  const stated: Partial<Record<SourceKey, number>> = {};
  STATED_SOURCES.forEach((source, i) => {
    const v = num(info?.values[INFO_ROWS.statedHeader + 1 + i]?.[1] ?? null);
    if (v !== undefined) stated[source] = v;
  });
  return Object.keys(stated).length > 0 ? stated : undefined;
}

/** The officer's rows in the annexes (Biểu 02 policies, Biểu 03 part B, targets), when KH made them. */
function readAnnexRows(spec: PlanSpec, snapshot: WorkbookSnapshot, ours: Map<string, { name: string }>): Pick<PlanSpec, 'policies' | 'otherProgrammes' | 'targets'> {
  const sheet = (key: string): SheetSnapshot | undefined => (ours.get(key) ? findSheet(snapshot, ours.get(key)!.name) : undefined);
  const inputs = readAnnexInputs(spec, { annex02: sheet('annex02'), annex03: sheet('annex03'), annexTargets: sheet('annexTargets') });
  const out: Pick<PlanSpec, 'policies' | 'otherProgrammes' | 'targets'> = {};
  const text = (k: Kept | undefined): string | undefined => (k && !isBlank(k.value) ? String(k.value).trim() : undefined);
  const number = (k: Kept | undefined): number | undefined => num(k?.value ?? null);
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  if (inputs.policies) {
    out.policies = inputs.policies.map((p) => clean({
      dimension: p.dimension,
      name: text(p.values.content) ?? '',
      basis: text(p.values.basis),
      unit: text(p.values.unit),
      beneficiaries: number(p.values.beneficiaries),
      amount: number(p.values.amount),
      source: parsePolicySource(p.values.source?.value ?? null) ?? undefined,
      note: text(p.values.note),
    }));
  }
  if (inputs.others) {
    out.otherProgrammes = inputs.others.map((v) => {
      const amounts: Amounts = {};
      for (const s of INPUT_SOURCES) {
        const n = number(v[s]);
        if (n !== undefined) amounts[s] = n;
      }
      return clean({ name: text(v.content) ?? '', amounts, note: text(v.note) });
    });
  }
  if (inputs.targets) {
    out.targets = inputs.targets.map((v) => clean({ name: text(v.content) ?? '', unit: text(v.unit), previous: number(v.previous), planned: number(v.planned), note: text(v.note) }));
  }
  return out;
}

export function readPlanSpec(snapshot: WorkbookSnapshot, catalog?: Catalog): PlanSpec {
  const ours = generatedSheets(snapshot);
  const info = findSheet(snapshot, ours.get('info')?.name ?? SHEET.info);
  const f = readInfo(info);
  const programme = parseProgramme(str(f.programme) ?? null) ?? DEFAULT_PROGRAMME;
  const cat = catalog ?? getCatalog(programme);
  const signerName = str(f.signerName);
  const signer: Signer | undefined = signerName ? { name: signerName, title: str(f.signerTitle) ?? '', authority: str(f.signerAuthority) ?? '' } : undefined;
  const group = num(f.provinceGroup);

  const { index: I } = planColumns(programme).project;
  const items: PlanItem[] = [];
  const activities: Activity[] = [];
  const projectSheets = [...ours.entries()].filter(([, v]) => v.role === 'project').map(([, v]) => findSheet(snapshot, v.name)).filter((s): s is SheetSnapshot => Boolean(s));
  for (const sheet of projectSheets) {
    const rows = sheet.values.slice(ROWS.firstData).map((v) => ({ v, code: canonicalCode(v[I.code]) })).filter((r) => r.code !== null) as Array<{ v: CellValue[]; code: string }>;
    const codes = new Set(rows.map((r) => r.code));
    for (const { v, code } of rows) {
      const entry = findByCode(cat, code);
      const leaf = v[I.kind] === KIND.leaf;
      const amounts: Amounts = {};
      if (leaf) {
        for (const source of INPUT_SOURCES) {
          const n = num(v[I[source]]);
          if (n !== undefined) amounts[source] = n;
        }
      }
      if (entry) {
        // an item is listed when it is where the selection ends: no selected catalogue children
        const hasItemChildren = rows.some((r) => r.code.startsWith(`${code}.`) && findByCode(cat, r.code));
        if (hasItemChildren) continue;
        const item: PlanItem = { code: entry.code };
        const unitName = str(v[I.unitName]);
        const note = str(v[I.note]);
        if (unitName) item.unitName = unitName;
        // NSĐP split ĐTPT / SN, kept in the note because the sheets have one NSĐP column
        const back = leaf ? splitFromNote(amounts, note) : { amounts, note };
        if (leaf) item.amounts = back.amounts;
        if (back.note) item.note = back.note;
        items.push(item);
      } else {
        const parentCode = code.slice(0, code.lastIndexOf('.'));
        const parent = codes.has(parentCode) ? findByCode(cat, parentCode) : null;
        if (!parent) continue;
        const back = splitFromNote(amounts, str(v[I.note]));
        const activity: Activity = { parent: parent.code, name: str(v[I.content]) ?? '', amounts: back.amounts };
        const unitName = str(v[I.unitName]);
        const location = str(v[I.location]);
        const note = back.note;
        if (unitName) activity.unitName = unitName;
        if (location) activity.location = location;
        if (note) activity.note = note;
        activities.push(activity);
      }
    }
  }

  const spec: PlanSpec = {
    programme,
    level: LEVELS[str(f.level) ?? ''] ?? 'xa',
    issuer: str(f.issuer) ?? '',
    area: str(f.area) ?? '',
    province: str(f.province) ?? '',
    year: readPeriod(f.year).year ?? 0,
    unit: parseUnit(str(f.unit) ?? '') ?? 'trieu',
    poorDistrict: str(f.poorDistrict) === 'có',
    items,
    activities,
  };
  const optional: Partial<PlanSpec> = {
    documentNumber: str(f.documentNumber),
    documentDate: str(f.documentDate),
    decimals: num(f.decimals) === (spec.unit === 'ty' ? 2 : 0) ? undefined : num(f.decimals),
    provinceGroup: group === 1 || group === 2 || group === 3 ? group : undefined,
    preparer: str(f.preparer),
    signer,
    statedTotals: readStated(info),
    period: readPeriod(f.year).period,
  };
  const extras = readInfoExtras(info);
  if (Object.keys(extras.stated).length > 0) optional.statedTotals = { ...(optional.statedTotals ?? {}), ...extras.stated };
  optional.statedResources = extras.statedResources;
  optional.provenance = extras.provenance;
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (spec as unknown as Record<string, unknown>)[k] = v;
  Object.assign(spec, readAnnexRows(spec, snapshot, ours));
  return spec;
}
