/**
 * The plan as the checks see it, read once from a snapshot: Thông tin facts, stated totals, and
 * every data row of the project sheets and Tổng hợp with its code, kind and amount cells. Each
 * amount cell carries its effective number: Excel's cached value, or — in a file no spreadsheet
 * has calculated yet (written by `kh new`) — the value of KH's own formula computed by the core.
 */
import { Catalog, getCatalog } from '../catalog';
import { canonicalCode } from '../outline';
import { Programme, parseProgramme, DEFAULT_PROGRAMME } from '../programme';
import { MoneyUnit, parseUnit } from '../units';
import { SourceKey } from '../sources';
import { sumExact } from '../money';
import { rollup } from '../rollup';
import { CellValue } from '../book/model';
import { SheetSnapshot, WorkbookSnapshot, findSheet, isBlank } from '../book/snapshot';
import { INFO_FIELDS, INFO_ROWS, KIND, ROWS, RowKind, SHEET, STATED_SOURCES, columnsOf, projectColumns, summaryColumns, ProjectSheetColumns } from '../book/layout';
import { generatedSheets } from '../book/generate';
import { cellAddress } from '../book/address';
import { projectAmountFormula, projectRowContext, renderSummaryRow, summaryRowContext } from '../book/template';
import { PlanSpec } from '../plan';
import { findByCode } from '../catalog';

export const AMOUNT_KEYS = ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

export interface AmountCell {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  formula: string | null;
  /** The number the cell stands for (cached, or computed from KH's own formula); null if unknown or not numeric. */
  number: number | null;
  /** The formula KH writes here; null where an input belongs. */
  expected: string | null;
}

export interface DataRow {
  sheet: string;
  row: number;
  code: string | null;
  rawCode: CellValue;
  kind: RowKind | null;
  stt: CellValue;
  content: CellValue;
  unitName: CellValue;
  cells: Record<AmountKey, AmountCell>;
}

export interface TableModel {
  name: string;
  role: 'project' | 'summary';
  /** Catalogue entry of a project sheet (DA4), null for Tổng hợp. */
  entryCode: string | null;
  columns: ProjectSheetColumns;
  rows: DataRow[];
}

export interface PlanModel {
  snapshot: WorkbookSnapshot;
  /** The workbook carries KH's layout (_kh with a layout version). */
  khLayout: boolean;
  programme: Programme;
  catalog: Catalog;
  unit: MoneyUnit;
  tolerance: number;
  info: { sheet: string; fields: Record<string, { value: CellValue; address: string }> } | null;
  stated: Array<{ source: SourceKey; value: number | null; address: string; computedAddress: string }>;
  tables: TableModel[];
  level: 'tinh' | 'huyen' | 'xa' | null;
  poorDistrict: boolean | null;
  provinceGroup: 1 | 2 | 3 | null;
}

function numberOf(v: CellValue): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function sameFormula(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  const norm = (f: string): string => f.replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();
  return norm(a) === norm(b);
}

function readRows(sheet: SheetSnapshot, columns: ProjectSheetColumns, keys: readonly AmountKey[]): DataRow[] {
  const I = columns.index;
  const rows: DataRow[] = [];
  for (let r = ROWS.firstData; r < sheet.values.length; r++) {
    const v = sheet.values[r] ?? [];
    const f = sheet.formulas[r] ?? [];
    if (v.every(isBlank) && f.every((x) => x === null)) continue;
    const rawKind = v[I.kind];
    const kind: RowKind | null = rawKind === KIND.leaf ? 'leaf' : rawKind === KIND.group ? 'group' : null;
    const cells = {} as Record<AmountKey, AmountCell>;
    for (const key of keys) {
      const c = I[key];
      cells[key] = { row: r, col: c, address: cellAddress(r, c), value: v[c] ?? null, formula: f[c] ?? null, number: numberOf(v[c] ?? null), expected: null };
    }
    rows.push({ sheet: sheet.name, row: r, code: v[I.code] == null ? null : canonicalCode(v[I.code]), rawCode: v[I.code] ?? null, kind, stt: v[I.stt] ?? null, content: v[I.content] ?? null, unitName: I.unitName === undefined ? null : v[I.unitName] ?? null, cells });
  }
  return rows;
}

/** KH's own formulas for every row, and the numbers they give where the file holds no cached value. */
function completeProjectTable(table: TableModel, programme: Programme, unit: MoneyUnit): void {
  const spec = { programme, unit } as PlanSpec;
  const first = table.rows[0]?.row ?? ROWS.firstData;
  const last = table.rows[table.rows.length - 1]?.row ?? first;
  const ctx = projectRowContext(spec, 'native', first, last);
  for (const row of table.rows) {
    if (!row.code || !row.kind) continue;
    for (const key of AMOUNT_KEYS) row.cells[key].expected = projectAmountFormula(ctx, row.kind, row.code, key, row.row + 1);
  }
  // leaves: NSTW and Tổng from the typed sources when their cached value is missing
  const fill = (cell: AmountCell, value: () => number | null): void => {
    if (cell.number === null && isBlank(cell.value) && cell.formula !== null && sameFormula(cell.formula, cell.expected)) cell.number = value();
  };
  const n = (c: AmountCell): number => c.number ?? 0;
  for (const row of table.rows) {
    if (row.kind !== 'leaf') continue;
    fill(row.cells.central, () => sumExact([n(row.cells.centralInvestment), n(row.cells.centralRecurrent)]));
    fill(row.cells.total, () => sumExact([n(row.cells.central), n(row.cells.local), n(row.cells.integrated), n(row.cells.credit), n(row.cells.mobilised)]));
  }
  // groups: what SUMIFS over the leaves below gives
  const coded = table.rows.filter((r) => r.code !== null);
  const values = coded.map((r) => AMOUNT_KEYS.map((k) => (r.kind === 'leaf' ? r.cells[k].number : null)));
  const rolled = rollup(
    coded.map((r) => (r.kind === 'leaf' || r.kind === 'group' ? r.code : null)),
    values,
  );
  coded.forEach((row, i) => {
    if (row.kind !== 'group') return;
    AMOUNT_KEYS.forEach((k, c) => fill(row.cells[k], () => rolled.values[i][c] ?? 0));
  });
}

function completeSummary(table: TableModel, projects: TableModel[], programme: Programme, unit: MoneyUnit): void {
  const ctx = summaryRowContext({ programme, unit } as PlanSpec, 'native');
  const totalRow = table.rows.find((r) => r.rawCode === 'TONG');
  for (const row of table.rows) {
    if (row === totalRow || !row.code) continue;
    const project = projects.find((p) => p.rows[0]?.code === row.code);
    const entry = project?.entryCode ? { code: project.entryCode, outline: row.code } : null;
    if (project && entry) {
      const cells = renderSummaryRow(ctx, { entry: { ...entryStub(entry.code, entry.outline) }, sheetName: project.name }, row.row);
      for (const key of AMOUNT_KEYS) row.cells[key].expected = cells[table.columns.index[key]]?.formula ?? null;
      for (const key of AMOUNT_KEYS) {
        const cell = row.cells[key];
        const src = project.rows[0].cells[key];
        if (cell.number === null && isBlank(cell.value) && sameFormula(cell.formula, cell.expected)) cell.number = src.number;
      }
    }
  }
  if (totalRow) {
    for (const key of AMOUNT_KEYS) {
      const cell = totalRow.cells[key];
      if (cell.number === null && isBlank(cell.value) && cell.formula !== null) {
        const parts = table.rows.filter((r) => r !== totalRow && r.kind === 'leaf').map((r) => r.cells[key].number ?? 0);
        cell.number = sumExact(parts);
      }
    }
  }
}

function entryStub(code: string, outline: string) {
  return { code, outline, parent: null, kind: 'project' as const, number: Number(/\d+$/.exec(code.split('.')[0])?.[0] ?? 0), name: '', aliases: [], money: { investment: true, recurrent: true }, poorAreaOnly: false };
}

/** Reads the plan model from a snapshot. Works on any workbook: without KH's layout it is empty. */
export function readPlanModel(snapshot: WorkbookSnapshot): PlanModel {
  const ours = generatedSheets(snapshot);
  const meta = findSheet(snapshot, SHEET.meta);
  const khLayout = Boolean(meta?.values.some((r) => r[0] === 'kh_layout'));
  const metaValue = (key: string): CellValue => meta?.values.find((r) => r[0] === key)?.[1] ?? null;
  const programme = parseProgramme(typeof metaValue('programme') === 'string' ? (metaValue('programme') as string) : null) ?? DEFAULT_PROGRAMME;
  // anything but a unit in _kh (an officer's typing, a damaged file) is the default unit, never NaN tolerances
  const unit = parseUnit(String(metaValue('unit') ?? '')) ?? 'trieu';

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
        return { source, value: numberOf(infoSheet.values[r]?.[1] ?? null), address: cellAddress(r, 1), computedAddress: cellAddress(r, 2) };
      })
    : [];

  const tables: TableModel[] = [];
  const projectCols = columnsOf(projectColumns(programme));
  if (khLayout) {
    for (const [key, v] of ours) {
      if (v.role !== 'project') continue;
      const sheet = findSheet(snapshot, v.name);
      if (!sheet) continue;
      const table: TableModel = { name: sheet.name, role: 'project', entryCode: key, columns: projectCols, rows: readRows(sheet, projectCols, AMOUNT_KEYS) };
      completeProjectTable(table, programme, unit);
      tables.push(table);
    }
    const summarySheet = findSheet(snapshot, ours.get('summary')?.name ?? SHEET.summary);
    if (summarySheet && ours.has('summary')) {
      const cols = columnsOf(summaryColumns(programme));
      const table: TableModel = { name: summarySheet.name, role: 'summary', entryCode: null, columns: cols, rows: readRows(summarySheet, cols, AMOUNT_KEYS) };
      completeSummary(table, tables, programme, unit);
      tables.push(table);
    }
  }
  const level = String(info?.fields.level?.value ?? '');
  const group = numberOf(info?.fields.provinceGroup?.value ?? null) ?? numberOf(Number(info?.fields.provinceGroup?.value ?? NaN));
  const poor = info?.fields.poorDistrict?.value;
  return {
    snapshot,
    khLayout,
    programme,
    catalog: getCatalog(programme),
    unit,
    tolerance: tol ?? 10 ** -({ dong: 0, nghin: 3, trieu: 6, ty: 9 } as const)[unit],
    info,
    stated,
    tables,
    level: level === 'tỉnh' ? 'tinh' : level === 'huyện' ? 'huyen' : level === 'xã' ? 'xa' : null,
    poorDistrict: poor === 'có' ? true : poor === 'không' ? false : null,
    provinceGroup: group === 1 || group === 2 || group === 3 ? group : null,
  };
}

export function catalogEntryOf(model: PlanModel, code: string | null) {
  return code ? findByCode(model.catalog, code) : null;
}
