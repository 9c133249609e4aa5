/**
 * The plan as the checks see it, read once from a snapshot: the budget tables of the workbook in
 * the one read model (src/core/table) — KH's own plan sheets read exactly through _kh, every
 * other sheet through the recogniser — and the plan's facts (level, poor area, province group)
 * from Thông tin, from what the officer told KH, or from the sheets' own heading.
 */
import { Catalog, getCatalog, findByCode } from '../catalog';
import { Programme, parseProgramme, DEFAULT_PROGRAMME } from '../programme';
import { MoneyUnit, parseUnit } from '../units';
import { SourceKey } from '../sources';
import { defaultTolerance } from '../money';
import { CellValue } from '../book/model';
import { WorkbookSnapshot, findSheet } from '../book/snapshot';
import { INFO_FIELDS, INFO_ROWS, SHEET, STATED_SOURCES } from '../book/layout';
import { generatedSheets } from '../book/generate';
import { cellAddress } from '../book/address';
import { StatedRows, readStatedRows, writtenAt } from '../book/document-fields';
import { foldForMatch } from '../text/normalize';
import { BudgetTable, TableRow, AmountCell, AmountKey, AMOUNT_KEYS, numberOf, leavesUnder } from '../table/model';
import { readKhTables } from '../table/kh-reader';
import { recogniseSheet, SheetRecognition } from '../table/recognise';
import { MARKS_SHEET } from './marks';
import { pushAll } from '../arrays';
import { AdminLevel, levelFromLabel } from '../plan';

export { AMOUNT_KEYS, numberOf, leavesUnder };
export type { AmountCell, AmountKey, BudgetTable, TableRow };
export { sameFormula } from '../table/kh-reader';
/** Older names of the read model's shapes. */
export type TableModel = BudgetTable;
export type DataRow = TableRow;

// one home for the levels: the plan's own type
export type { AdminLevel };

/** What the officer tells KH about a plan whose workbook does not say it (an officer's own layout). */
export interface PlanFacts {
  level?: AdminLevel;
  poorArea?: boolean;
  provinceGroup?: 1 | 2 | 3;
}

/** Where a fact came from: Thông tin, the officer (a flag, the pane), or the sheet's heading. */
export type FactSource = 'info' | 'officer' | 'heading';

export interface PlanModel {
  snapshot: WorkbookSnapshot;
  /** The workbook carries KH's layout (_kh with a layout version). */
  khLayout: boolean;
  programme: Programme;
  catalog: Catalog;
  /** The plan's unit: KH's, else the first recognised table's; 'trieu' when nothing says. */
  unit: MoneyUnit;
  tolerance: number;
  info: { sheet: string; fields: Record<string, { value: CellValue; address: string }> } | null;
  /** The eight stated rows of Thông tin; `written` is the figure as the document wrote it in another unit. */
  stated: Array<{ source: SourceKey; value: number | null; address: string; computedAddress: string; written?: string | null }>;
  /** The stated rows below the eight that `kh import` writes (NSNN, NSĐP's split, all resources); null without Thông tin. */
  statedRows: StatedRows | null;
  tables: BudgetTable[];
  /** What the recogniser read on each sheet that is not KH's own (and what it could not). */
  recognition: SheetRecognition[];
  level: AdminLevel | null;
  poorDistrict: boolean | null;
  provinceGroup: 1 | 2 | 3 | null;
  factSources: { level: FactSource | null; poorDistrict: FactSource | null; provinceGroup: FactSource | null };
}

/** Sheets KH wrote (or its bookkeeping), which the recogniser leaves to the exact reader. */
function khOwned(snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>([SHEET.meta.toLowerCase(), MARKS_SHEET.toLowerCase()]);
  for (const v of generatedSheets(snapshot).values()) out.add(v.name.toLowerCase());
  return out;
}

const LEVEL_IN_HEADING: ReadonlyArray<[RegExp, AdminLevel]> = [
  [/\b(?:uy ban nhan dan|ubnd|hdnd|hoi dong nhan dan)\s+(?:tinh)\b/, 'tinh'],
  [/\bso (?:tai chinh|lao dong|ke hoach|nong nghiep|dan toc)\b/, 'tinh'],
  [/\b(?:uy ban nhan dan|ubnd|hdnd|hoi dong nhan dan)\s+(?:huyen|quan|thi xa)\b/, 'huyen'],
  [/\b(?:uy ban nhan dan|ubnd|hdnd|hoi dong nhan dan)\s+(?:xa|phuong|thi tran)\b/, 'xa'],
];

/** The level an officer's sheet says in its issuing body ("ỦY BAN NHÂN DÂN / HUYỆN MƯỜNG TÈ"). */
function levelInHeading(snapshot: WorkbookSnapshot, recognition: SheetRecognition[]): AdminLevel | null {
  for (const rec of recognition) {
    const sheet = findSheet(snapshot, rec.sheet);
    const top = rec.tables[0]?.header.top ?? 0;
    if (!sheet) continue;
    // the issuing body sits top left, one line per row ("ỦY BAN NHÂN DÂN" / "HUYỆN MƯỜNG TÈ")
    const lines: string[] = [];
    for (let r = 0; r < Math.min(top, 8); r++) {
      const first = (sheet.values[r] ?? []).find((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (first !== undefined) lines.push(foldForMatch(first));
    }
    const text = lines.join(' ');
    for (const [re, level] of LEVEL_IN_HEADING) if (re.test(text)) return level;
  }
  return null;
}

export interface ReadOptions {
  facts?: PlanFacts;
}

/** Reads the plan model from a snapshot: KH's layout exactly, any other table recognised. */
export function readPlanModel(snapshot: WorkbookSnapshot, options: ReadOptions = {}): PlanModel {
  const ours = generatedSheets(snapshot);
  const meta = findSheet(snapshot, SHEET.meta);
  const khLayout = Boolean(meta?.values.some((r) => r[0] === 'kh_layout'));
  const metaValue = (key: string): CellValue => meta?.values.find((r) => r[0] === key)?.[1] ?? null;
  const khProgramme = parseProgramme(typeof metaValue('programme') === 'string' ? (metaValue('programme') as string) : null);
  // anything but a unit in _kh (an officer's typing, a damaged file) is the default unit, never NaN tolerances
  const khUnit = parseUnit(String(metaValue('unit') ?? '')) ?? 'trieu';

  const infoSheet = khLayout ? findSheet(snapshot, ours.get('info')?.name ?? SHEET.info) : undefined;
  let info: PlanModel['info'] = null;
  if (infoSheet) {
    const fields: Record<string, { value: CellValue; address: string }> = {};
    INFO_FIELDS.forEach((f, i) => {
      const r = INFO_ROWS.firstField + i;
      fields[f.key] = { value: infoSheet.values[r]?.[1] ?? null, address: cellAddress(r, 1) };
    });
    info = { sheet: infoSheet.name, fields };
  }
  const tol = numberOf(info?.fields.tolerance?.value ?? null);
  const stated = infoSheet
    ? STATED_SOURCES.map((source, i) => {
        const r = INFO_ROWS.statedHeader + 1 + i;
        return { source, value: numberOf(infoSheet.values[r]?.[1] ?? null), address: cellAddress(r, 1), computedAddress: cellAddress(r, 2), written: writtenAt(infoSheet, r) };
      })
    : [];
  const statedRows = infoSheet ? readStatedRows(infoSheet) : null;

  const tables: BudgetTable[] = [];
  const programme0 = khProgramme ?? DEFAULT_PROGRAMME;
  if (khLayout) {
    const projects = [...ours].filter(([, v]) => v.role === 'project').flatMap(([key, v]) => {
      const sheet = findSheet(snapshot, v.name);
      return sheet ? [{ key, sheet }] : [];
    });
    const summary = ours.has('summary') ? findSheet(snapshot, ours.get('summary')?.name ?? SHEET.summary) ?? null : null;
    pushAll(tables, readKhTables({ projects, summary }, programme0, khUnit, getCatalog(programme0)));
  }
  const owned = khOwned(snapshot);
  const recognition: SheetRecognition[] = [];
  for (const sheet of snapshot.sheets) {
    if (owned.has(sheet.name.toLowerCase()) || sheet.visibility === 'veryHidden') continue;
    const rec = recogniseSheet(sheet, khProgramme ? { programme: khProgramme } : {});
    recognition.push(rec);
    pushAll(tables, rec.tables);
  }
  const recognised = tables.filter((t) => t.origin === 'recognised');
  const programme = khProgramme ?? recognised.find((t) => t.primary)?.programme ?? DEFAULT_PROGRAMME;
  const unit = khLayout ? khUnit : recognised.find((t) => t.primary && t.unit)?.unit ?? 'trieu';

  const facts = options.facts ?? {};
  const infoLevel = String(info?.fields.level?.value ?? '');
  const levelFromInfo: AdminLevel | null = levelFromLabel(infoLevel);
  const headingLevel = levelFromInfo === null && facts.level === undefined ? levelInHeading(snapshot, recognition) : null;
  const level = levelFromInfo ?? facts.level ?? headingLevel;
  const group = numberOf(info?.fields.provinceGroup?.value ?? null) ?? numberOf(Number(info?.fields.provinceGroup?.value ?? NaN));
  const groupFromInfo = group === 1 || group === 2 || group === 3 ? group : null;
  const poor = info?.fields.poorDistrict?.value;
  const poorFromInfo = poor === 'có' ? true : poor === 'không' ? false : null;
  return {
    snapshot,
    khLayout,
    programme,
    catalog: getCatalog(programme),
    unit,
    tolerance: tol ?? defaultTolerance(unit),
    info,
    stated,
    statedRows,
    tables,
    recognition,
    level,
    poorDistrict: poorFromInfo ?? facts.poorArea ?? null,
    provinceGroup: groupFromInfo ?? facts.provinceGroup ?? null,
    factSources: {
      level: levelFromInfo ? 'info' : facts.level ? 'officer' : headingLevel ? 'heading' : null,
      poorDistrict: poorFromInfo !== null ? 'info' : facts.poorArea !== undefined ? 'officer' : null,
      provinceGroup: groupFromInfo ? 'info' : facts.provinceGroup ? 'officer' : null,
    },
  };
}

export function catalogEntryOf(model: PlanModel, code: string | null) {
  return code ? findByCode(model.catalog, code) : null;
}

/** The tolerance for a table: the officer's, else Thông tin's (KH's layout), else one đồng in the table's unit. */
export function toleranceFor(model: PlanModel, table: BudgetTable, override?: number): number {
  if (override !== undefined) return override;
  if (table.origin === 'kh') return model.tolerance;
  // a unit nobody wrote: the finest, so no difference hides behind a guessed one
  return defaultTolerance(table.unit ?? 'ty');
}

/** The tables whose rows are plan items with money (not KH's Tổng hợp, which repeats the project sheets). */
export function itemTables(model: PlanModel): BudgetTable[] {
  return model.tables.filter((t) => t.role === 'project');
}

export const amountKeysOf = (table: BudgetTable): AmountKey[] => AMOUNT_KEYS.filter((k) => table.amountCols[k] !== undefined);
