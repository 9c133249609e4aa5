/**
 * Template generation, a pure function: plan spec → workbook description (Thông tin, Tổng hợp,
 * one sheet per selected Dự án / Nội dung thành phần, Danh mục, _kh). Every total is a native
 * formula — SUMIFS over the code and row-kind columns for roll-ups, plain sums for the source
 * identities — so the file computes in any Excel, LibreOffice or WPS, and rows an officer inserts
 * are still counted.
 */
import { Catalog, CatalogEntry, findByCode, getCatalog } from '../catalog';
import { Message, translate } from '../i18n';
import { PlanSpec, Amounts, INPUT_SOURCES, LEVEL_LABEL } from '../plan';
import { ITEM_LETTERS } from '../outline';
import { UNIT_LABEL_VI } from '../units';
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from './address';
import { CellSpec, SheetSpec, StyleSpec, WorkbookDescription, NameSpec } from './model';
import {
  ColumnDef,
  INFO_FIELDS,
  INFO_ROWS,
  KIND,
  LAYOUT_VERSION,
  NAMES,
  ROWS,
  RowKind,
  SHEET,
  STATED_SOURCES,
  columnsOf,
  projectColumns,
  projectSheetName,
  summaryColumns,
} from './layout';
import { sourceTaxonomy } from '../sources';
import { maxOf } from '../arrays';
import { a4, columnNumberLabel, fitRowHeights, headerHeights, printArea } from './print';
import { columnAmounts, infoExtras, itemNote, itemUnitName, periodLabel, periodValue, statedInPlanUnit, statesTotals } from './document-fields';

export type FormulaStyle = 'native' | 'kh';

export interface TemplateOptions {
  /** 'native' (default): checks are plain Excel formulas; 'kh': KH.CHECK_SOURCES / KH.ROLLUP. */
  formulaStyle?: FormulaStyle;
  /** Names to use instead of the standard ones (a user's sheet already holds the standard name). */
  sheetNames?: Partial<Record<string, string>>;
  catalog?: Catalog;
  /** Sheets KH made that this build does not rebuild (the annexes), kept in _kh. */
  keepInMeta?: Array<{ name: string; role: string; key: string }>;
}

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

export type TemplateResult = { ok: true; description: WorkbookDescription; projects: ProjectSheetPlan[] } | { ok: false; errors: Message[] };

const FONT = 'Times New Roman';
const LAST_ROW = 1048576;

export const STYLES: Record<string, StyleSpec> = {
  title: { font: { name: FONT, size: 14, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  subtitle: { font: { name: FONT, size: 12, italic: true }, horizontal: 'center' },
  unit: { font: { name: FONT, size: 11, italic: true }, horizontal: 'right' },
  header: { font: { name: FONT, size: 11, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: '#E2EFDA' },
  numbers: { font: { name: FONT, size: 10, italic: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  grandTotal: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', vertical: 'middle' },
  grandTotalAmount: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', horizontal: 'right' },
  group: { font: { name: FONT, size: 12, bold: true }, border: true, vertical: 'middle', wrap: true },
  groupAmount: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'right', vertical: 'middle' },
  leaf: { font: { name: FONT, size: 12 }, border: true, vertical: 'middle', wrap: true },
  leafAmount: { font: { name: FONT, size: 12 }, border: true, horizontal: 'right', vertical: 'middle' },
  input: { font: { name: FONT, size: 12 }, border: true, fill: '#FFFBEA', vertical: 'middle', wrap: true },
  inputAmount: { font: { name: FONT, size: 12 }, border: true, fill: '#FFFBEA', horizontal: 'right', vertical: 'middle' },
  check: { font: { name: FONT, size: 11 }, border: true, horizontal: 'center' },
  code: { font: { name: FONT, size: 10, color: '#7F7F7F' }, border: true },
  label: { font: { name: FONT, size: 12, bold: true } },
  text: { font: { name: FONT, size: 12 } },
  meta: { font: { name: FONT, size: 10 } },
  // annexes: the document around the table (NĐ 30/2020 sizes)
  docBody: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center', vertical: 'middle' },
  docMotto: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center', vertical: 'middle' },
  // NĐ 30/2020 rule lines: em dashes that join into one line, just under the text above
  docRule: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center', vertical: 'top' },
  docNumber: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center' },
  docTitle: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  docAttached: { font: { name: FONT, size: 12, italic: true }, horizontal: 'center' },
  words: { font: { name: FONT, size: 12, italic: true }, horizontal: 'left', vertical: 'middle', wrap: true },
  signature: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center' },
  // annexes print without fills (government documents are black on white)
  docHeader: { font: { name: FONT, size: 11, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  docTotal: { font: { name: FONT, size: 12, bold: true }, border: true, vertical: 'middle', wrap: true },
  docTotalAmount: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'right', vertical: 'middle' },
  docTotalCenter: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'center', vertical: 'middle' },
  docInput: { font: { name: FONT, size: 12 }, border: true, vertical: 'middle', wrap: true },
  docInputAmount: { font: { name: FONT, size: 12 }, border: true, horizontal: 'right', vertical: 'middle' },
  grandTotalCenter: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', horizontal: 'center', vertical: 'middle' },
  groupCenter: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'center', vertical: 'middle' },
  leafCenter: { font: { name: FONT, size: 12 }, border: true, horizontal: 'center', vertical: 'middle' },
};

/** Annex amounts: the plan's format, with a dash for zero as printed tables show it. */
export function annexAmountFormat(spec: Pick<PlanSpec, 'unit' | 'decimals'>): string {
  const f = amountFormat(spec);
  return `${f};-${f};"-"`;
}

/** `#,##0`, or with decimals (tỷ defaults to two). */
export function amountFormat(spec: Pick<PlanSpec, 'unit' | 'decimals'>): string {
  const decimals = spec.decimals ?? (spec.unit === 'ty' ? 2 : 0);
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Texts from users and plan documents are written as values, never as formulas. */
function text(value: string | number | null | undefined, style: string, locked = true): CellSpec {
  return { value: value ?? null, style, locked };
}

function formula(f: string, style: string, numberFormat?: string): CellSpec {
  return { formula: f, style, numberFormat, locked: true };
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
function isSheetEntry(entry: CatalogEntry): boolean {
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

interface Grid {
  cells: (CellSpec | null)[][];
  set(row: number, col: number, spec: CellSpec): void;
}

function grid(): Grid {
  const cells: (CellSpec | null)[][] = [];
  return {
    cells,
    set(row, col, spec) {
      while (cells.length <= row) cells.push([]);
      const line = cells[row];
      while (line.length < col) line.push(null);
      line[col] = spec;
    },
  };
}

function rectangular(cells: (CellSpec | null)[][]): (CellSpec | null)[][] {
  const width = maxOf(cells.map((l) => l.length), 0);
  return cells.map((l) => [...l, ...new Array(width - l.length).fill(null)]);
}

/** Header rows 3–5 of a table: two-level merged headers and the column-number row. */
function writeHeader(g: Grid, defs: ColumnDef[], merges: string[]): void {
  const numbers = new Map<string, number>();
  let n = 0;
  defs.forEach((d) => {
    if (d.role === 'check' || d.role === 'code' || d.role === 'kind') return;
    numbers.set(d.key, ++n);
  });
  const numberOf = (key: string): string => `(${numbers.get(key) ?? ''})`;
  defs.forEach((d, c) => {
    if (d.group === null) {
      g.set(ROWS.header1, c, text(d.header, 'header'));
      g.set(ROWS.header2, c, text(null, 'header'));
      merges.push(rangeAddress(ROWS.header1, c, 2, 1));
    } else {
      const first = defs.findIndex((x) => x.group === d.group);
      const span = defs.filter((x) => x.group === d.group).length;
      g.set(ROWS.header1, c, text(c === first ? d.group : null, 'header'));
      if (c === first) merges.push(rangeAddress(ROWS.header1, c, 1, span));
      g.set(ROWS.header2, c, text(d.header, 'header'));
    }
    let label = numbers.has(d.key) ? numberOf(d.key) : '';
    if (d.key === 'total') {
      const parts = defs.filter((x) => x.role === 'amount' && x.source && x.source !== 'total' && sourceParent(x.source) === 'total').map((x) => numberOf(x.key));
      label = columnNumberLabel(numberOf('total'), parts, d.width);
    } else if (d.key === 'central') {
      label = columnNumberLabel(numberOf('central'), [numberOf('centralInvestment'), numberOf('centralRecurrent')], d.width);
    }
    g.set(ROWS.numbers, c, text(label, 'numbers'));
  });
}

const SOURCE_PARENT = new Map(sourceTaxonomy('2021-2025').map((s) => [s.key, s.parent]));
function sourceParent(key: string): string | null {
  return SOURCE_PARENT.get(key as never) ?? null;
}

/**
 * Heights of a plan table's rows: title, subtitle and unit lines, the two-level header (shared by
 * columns without a group), the column numbers, and every data row from its text.
 */
function tableHeights(sheet: SheetSpec, defs: ColumnDef[], lastRow: number): Array<{ row: number; height: number }> {
  const printed = defs.map((d, i) => ({ ...d, width: sheet.columns?.find((c) => c.index === i)?.width ?? d.width })).filter((d) => d.role !== 'check' && d.role !== 'code' && d.role !== 'kind');
  const [h1, h2] = headerHeights(printed, STYLES.header.font?.size);
  const rows: number[] = [ROWS.title, ROWS.subtitle, ROWS.unit, ROWS.numbers];
  for (let r = ROWS.firstData; r <= lastRow; r++) rows.push(r);
  return [...fitRowHeights(sheet, STYLES, rows), { row: ROWS.header1, height: h1 }, { row: ROWS.header2, height: h2 }].sort((a, b) => a.row - b.row);
}

/** The native check of one row: both identities within KH_SaiSo. */
function nativeCheck(L: Record<string, string>, r: number): string {
  const x = (k: string): string => `${L[k]}${r}`;
  const total = `ABS(${x('total')}-(${x('central')}+${x('local')}+${x('integrated')}+${x('credit')}+${x('mobilised')}))<=${NAMES.tolerance}`;
  const central = `ABS(${x('central')}-(${x('centralInvestment')}+${x('centralRecurrent')}))<=${NAMES.tolerance}`;
  return `=IF(AND(${total},${central}),"✓","${translate('sheet.sourcesMismatch')}")`;
}

/** The KH-style check: KH.CHECK_SOURCES over Tổng and the top-level sources, and NSTW over its parts. */
function khCheck(L: Record<string, string>, r: number): string {
  const x = (k: string): string => `${L[k]}${r}`;
  const top = `CHOOSE({1,2,3,4,5},${x('central')},${x('local')},${x('integrated')},${x('credit')},${x('mobilised')})`;
  const central = `KH.CHECK_SOURCES(${x('central')},${x('centralInvestment')}:${x('centralRecurrent')},${NAMES.tolerance})`;
  return `=IF(KH.CHECK_SOURCES(${x('total')},${top},${NAMES.tolerance})<>"✓",KH.CHECK_SOURCES(${x('total')},${top},${NAMES.tolerance}),${central})`;
}

export { nativeCheck as nativeCheckFormula };

/** What a data row is rendered against: positions of columns and of the data block. */
export interface RowContext {
  spec: PlanSpec;
  style: FormulaStyle;
  defs: ColumnDef[];
  I: Record<string, number>;
  L: Record<string, string>;
  fmt: string;
  /** 0-based first and last data rows (the KH-style roll-up check spans them). */
  firstData: number;
  lastData: number;
}

export function projectRowContext(spec: PlanSpec, style: FormulaStyle, firstData: number, lastData: number): RowContext {
  const defs = projectColumns(spec.programme);
  const { index: I, letter: L } = columnsOf(defs);
  return { spec, style, defs, I, L, fmt: amountFormat(spec), firstData, lastData };
}

/**
 * KH's formula in an amount column of a project-sheet row (1-based excelRow), or null where the
 * officer types: a group sums the leaves below it by code; a leaf's NSTW and Tổng add its sources.
 */
export function projectAmountFormula(ctx: Pick<RowContext, 'L'>, kind: RowKind, code: string, key: string, excelRow: number): string | null {
  const { L } = ctx;
  if (kind !== 'leaf') {
    const next = excelRow + 1;
    return `=SUMIFS(${L[key]}${next}:${L[key]}${LAST_ROW},$${L.code}${next}:$${L.code}${LAST_ROW},"${code}.*",$${L.kind}${next}:$${L.kind}${LAST_ROW},"${KIND.leaf}")`;
  }
  if (key === 'total') return `=${L.central}${excelRow}+${L.local}${excelRow}+${L.integrated}${excelRow}+${L.credit}${excelRow}+${L.mobilised}${excelRow}`;
  if (key === 'central') return `=${L.centralInvestment}${excelRow}+${L.centralRecurrent}${excelRow}`;
  return null;
}

/** The cells of one project-sheet data row at 0-based row r: formulas refer to r itself. */
export function renderProjectRow(ctx: RowContext, row: PlanRow, r: number, isFirst: boolean): (CellSpec | null)[] {
  const { I, L, defs, fmt, style } = ctx;
  const cells: (CellSpec | null)[] = new Array(defs.length).fill(null);
  const excelRow = r + 1;
  const leaf = row.kind === 'leaf';
  const base = leaf ? 'leaf' : 'group';
  cells[I.stt] = text(row.stt, base);
  cells[I.content] = leaf && !isFirst ? text(row.content, 'input', false) : text(row.content, base);
  cells[I.unitName] = text(row.unitName ?? null, 'input', false);
  cells[I.location] = text(row.location ?? null, 'input', false);
  for (const d of defs) {
    if (d.role !== 'amount' || !d.source) continue;
    const c = I[d.key];
    const f = projectAmountFormula(ctx, row.kind, row.code, d.key, excelRow);
    if (f !== null) cells[c] = formula(f, leaf ? 'leafAmount' : 'groupAmount', fmt);
    else {
      const v = row.amounts?.[d.source as keyof Amounts];
      cells[c] = { value: v ?? null, style: 'inputAmount', numberFormat: fmt, locked: false };
    }
  }
  cells[I.note] = text(row.note ?? null, 'input', false);
  let check = style === 'kh' ? khCheck(L, excelRow) : nativeCheck(L, excelRow);
  if (style === 'kh' && !leaf) {
    const codes = `$${L.code}$${ctx.firstData + 1}:$${L.code}$${ctx.lastData + 1}`;
    const totals = `${L.total}$${ctx.firstData + 1}:${L.total}$${ctx.lastData + 1}`;
    check = `=IF(ABS(${L.total}${excelRow}-KH.ROLLUP(${codes},${totals},${L.code}${excelRow}))>${NAMES.tolerance},"${translate('sheet.rollupMismatch')}",${check.slice(1)})`;
  }
  cells[I.check] = formula(check, 'check');
  cells[I.code] = text(row.code, 'code');
  cells[I.kind] = text(KIND[row.kind], 'code');
  return cells;
}

function projectSheet(spec: PlanSpec, project: ProjectSheetPlan, style: FormulaStyle): SheetSpec {
  const firstData = ROWS.firstData;
  const lastData = firstData + project.rows.length - 1;
  const ctx = projectRowContext(spec, style, firstData, lastData);
  const { defs, I } = ctx;
  const g = grid();
  const merges: string[] = [];
  const lastCol = I.note;

  g.set(ROWS.title, 0, text(project.rows[0]?.content ?? project.entry.name, 'title'));
  merges.push(rangeAddress(ROWS.title, 0, 1, lastCol + 1));
  g.set(ROWS.subtitle, 0, text(`Kế hoạch ${periodLabel(spec)} — ${spec.area}`, 'subtitle'));
  merges.push(rangeAddress(ROWS.subtitle, 0, 1, lastCol + 1));
  g.set(ROWS.unit, lastCol - 2, text(`Đơn vị tính: ${UNIT_LABEL_VI[spec.unit]}`, 'unit'));
  merges.push(rangeAddress(ROWS.unit, lastCol - 2, 1, 3));
  writeHeader(g, defs, merges);

  project.rows.forEach((row, i) => {
    renderProjectRow(ctx, row, firstData + i, i === 0).forEach((cell, c) => cell && g.set(firstData + i, c, cell));
  });

  const dataRows = project.rows.length;
  const sheet: SheetSpec = {
    name: project.sheetName,
    role: 'project',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    merges,
    columns: defs.map((d, i) => ({ index: i, width: d.width })),
  };
  return {
    ...sheet,
    rowHeights: tableHeights(sheet, defs, lastData),
    freeze: { rows: ROWS.firstData, columns: 2 },
    validations: dataRows > 0
      ? [
          { range: rangeAddress(firstData, I.unitName, dataRows, 1), list: `=${NAMES.units}`, allowOther: true },
          { range: rangeAddress(firstData, I.kind, dataRows, 1), list: [KIND.leaf, KIND.group] },
        ]
      : [],
    protect: true,
    // Kiểm tra, Mã and Loại dòng are for the screen: the print area stops at Ghi chú
    print: a4('landscape', printArea(lastData, I.note), `${ROWS.header1 + 1}:${ROWS.numbers + 1}`),
  };
}

export interface SummaryRowContext {
  defs: ColumnDef[];
  I: Record<string, number>;
  L: Record<string, string>;
  projectLetters: Record<string, string>;
  fmt: string;
  style: FormulaStyle;
}

export function summaryRowContext(spec: PlanSpec, style: FormulaStyle): SummaryRowContext {
  const defs = summaryColumns(spec.programme);
  const { index: I, letter: L } = columnsOf(defs);
  return { defs, I, L, projectLetters: columnsOf(projectColumns(spec.programme)).letter, fmt: amountFormat(spec), style };
}

/** One project's row of Tổng hợp at 0-based row r: SUMIFS into the project's own sheet by code. */
export function renderSummaryRow(ctx: SummaryRowContext, p: Pick<ProjectSheetPlan, 'entry' | 'sheetName'>, r: number): (CellSpec | null)[] {
  const { I, L, defs, fmt, projectLetters: P } = ctx;
  const cells: (CellSpec | null)[] = new Array(defs.length).fill(null);
  const excelRow = r + 1;
  const sheet = quoteSheet(p.sheetName);
  cells[I.stt] = text(String(p.entry.number), 'group');
  cells[I.content] = text(entryLabel(p.entry), 'group');
  for (const d of defs) {
    if (d.role !== 'amount') continue;
    const col = P[d.key];
    cells[I[d.key]] = formula(`=SUMIFS(${sheet}!${col}:${col},${sheet}!$${P.code}:$${P.code},"${p.entry.outline}")`, 'groupAmount', fmt);
  }
  cells[I.note] = text(null, 'input', false);
  cells[I.check] = formula(ctx.style === 'kh' ? khCheck(L, excelRow) : nativeCheck(L, excelRow), 'check');
  cells[I.code] = text(p.entry.outline, 'code');
  cells[I.kind] = text(KIND.leaf, 'code');
  return cells;
}

function summarySheet(spec: PlanSpec, projects: ProjectSheetPlan[], name: string, style: FormulaStyle): SheetSpec {
  const defs = summaryColumns(spec.programme);
  const { index: I, letter: L } = columnsOf(defs);
  const g = grid();
  const merges: string[] = [];
  const lastCol = I.note;
  const fmt = amountFormat(spec);

  g.set(ROWS.title, 0, text(`TỔNG HỢP KINH PHÍ KẾ HOẠCH ${periodLabel(spec).toUpperCase()}`, 'title'));
  merges.push(rangeAddress(ROWS.title, 0, 1, lastCol + 1));
  g.set(ROWS.subtitle, 0, text(`Chương trình mục tiêu quốc gia ${spec.programme === '2026-2035' ? 'giai đoạn 2026 - 2035' : 'giảm nghèo bền vững'} — ${spec.area}`, 'subtitle'));
  merges.push(rangeAddress(ROWS.subtitle, 0, 1, lastCol + 1));
  g.set(ROWS.unit, lastCol - 2, text(`Đơn vị tính: ${UNIT_LABEL_VI[spec.unit]}`, 'unit'));
  merges.push(rangeAddress(ROWS.unit, lastCol - 2, 1, 3));
  writeHeader(g, defs, merges);

  const totalRow = ROWS.firstData;
  const excelTotal = totalRow + 1;
  g.set(totalRow, I.stt, text(null, 'grandTotal'));
  g.set(totalRow, I.content, text('TỔNG CỘNG', 'grandTotal'));
  for (const d of defs) {
    if (d.role !== 'amount') continue;
    const below = `${L[d.key]}${excelTotal + 1}:${L[d.key]}${LAST_ROW}`;
    const kinds = `$${L.kind}${excelTotal + 1}:$${L.kind}${LAST_ROW}`;
    g.set(totalRow, I[d.key], formula(`=SUMIFS(${below},${kinds},"${KIND.leaf}")`, 'grandTotalAmount', fmt));
  }
  g.set(totalRow, I.note, text(null, 'grandTotal'));
  g.set(totalRow, I.check, formula(style === 'kh' ? khCheck(L, excelTotal) : nativeCheck(L, excelTotal), 'check'));
  g.set(totalRow, I.code, text('TONG', 'code'));
  g.set(totalRow, I.kind, text(KIND.group, 'code'));

  const ctx = summaryRowContext(spec, style);
  projects.forEach((p, i) => {
    renderSummaryRow(ctx, p, totalRow + 1 + i).forEach((cell, c) => cell && g.set(totalRow + 1 + i, c, cell));
  });

  const lastRow = totalRow + projects.length;
  const sheet: SheetSpec = {
    name,
    role: 'summary',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    merges,
    columns: defs.map((d, i) => ({ index: i, width: d.key === 'content' ? 52 : d.width })),
  };
  return {
    ...sheet,
    rowHeights: tableHeights(sheet, defs, lastRow),
    freeze: { rows: ROWS.firstData, columns: 2 },
    protect: true,
    print: a4('landscape', printArea(lastRow, I.note), `${ROWS.header1 + 1}:${ROWS.numbers + 1}`),
  };
}

/** The value each Thông tin field gets from the spec. */
export function infoValues(spec: PlanSpec): Record<string, string | number | null> {
  return {
    issuer: spec.issuer,
    level: LEVEL_LABEL[spec.level],
    area: spec.area,
    province: spec.province,
    programme: spec.programme,
    year: periodValue(spec),
    documentNumber: spec.documentNumber ?? null,
    documentDate: spec.documentDate ?? null,
    unit: UNIT_LABEL_VI[spec.unit],
    decimals: spec.decimals ?? (spec.unit === 'ty' ? 2 : 0),
    provinceGroup: spec.provinceGroup ?? null,
    poorDistrict: spec.poorDistrict ? 'có' : 'không',
    preparer: spec.preparer ?? null,
    signerAuthority: spec.signer?.authority ?? null,
    signerTitle: spec.signer?.title ?? null,
    signerName: spec.signer?.name ?? null,
    tolerance: 10 ** -({ dong: 0, nghin: 3, trieu: 6, ty: 9 } as const)[spec.unit],
  };
}

function infoSheet(spec: PlanSpec, name: string, summaryName: string, names: NameSpec[]): SheetSpec {
  const g = grid();
  const merges: string[] = [];
  const fmt = amountFormat(spec);
  g.set(INFO_ROWS.title, 0, text(`THÔNG TIN KẾ HOẠCH ${periodLabel(spec).toUpperCase()}`, 'title'));
  merges.push(rangeAddress(INFO_ROWS.title, 0, 1, 5));
  const values = infoValues(spec);
  INFO_FIELDS.forEach((f, i) => {
    const r = INFO_ROWS.firstField + i;
    g.set(r, 0, text(f.label, 'label'));
    const v = values[f.key];
    g.set(r, 1, { value: v, style: 'input', locked: false, numberFormat: f.key === 'tolerance' ? '0.#########' : typeof v === 'number' ? '0' : '@' });
    names.push({ name: f.name, ref: `=${quoteSheet(name)}!${cellAddress(r, 1, true)}` });
  });

  const h = INFO_ROWS.statedHeader;
  ['Tổng số trong văn bản kế hoạch', 'Số nêu trong văn bản', 'Số tính từ bảng', 'Kiểm tra', 'Chênh lệch'].forEach((t, c) => g.set(h, c, text(t, 'header')));
  const summaryCols = columnsOf(summaryColumns(spec.programme));
  const taxonomy = sourceTaxonomy(spec.programme);
  STATED_SOURCES.forEach((source, i) => {
    const r = h + 1 + i;
    const x = r + 1;
    g.set(r, 0, text(taxonomy.find((t) => t.key === source)?.labelVi ?? source, 'leaf'));
    g.set(r, 1, { value: statedInPlanUnit(spec, source), style: 'inputAmount', numberFormat: fmt, locked: false });
    g.set(r, 2, formula(`=${quoteSheet(summaryName)}!${summaryCols.letter[source]}${ROWS.firstData + 1}`, 'leafAmount', fmt));
    g.set(r, 3, formula(`=IF(B${x}="","",IF(ABS(B${x}-C${x})<=${NAMES.tolerance},"✓","${translate('sheet.statedMismatch')}"))`, 'check'));
    g.set(r, 4, formula(`=IF(B${x}="","",B${x}-C${x})`, 'leafAmount', fmt));
    names.push({ name: `KH_SoNeu_${source}`, ref: `=${quoteSheet(name)}!${cellAddress(r, 1, true)}` });
  });
  for (const x of infoExtras(spec, name, summaryName, fmt, names)) g.set(x.row, x.col, x.cell);
  // the figures read from a plan document sit below the stated totals, and print with them
  const lastRow = Math.max(h + STATED_SOURCES.length, g.cells.length - 1);
  const sheet: SheetSpec = {
    name,
    role: 'info',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    merges,
    columns: [{ index: 0, width: 44 }, { index: 1, width: 34 }, { index: 2, width: 16 }, { index: 3, width: 12 }, { index: 4, width: 14 }, { index: 5, width: 24 }, { index: 6, hidden: true }],
  };
  return {
    ...sheet,
    rowHeights: fitRowHeights(sheet, STYLES, Array.from({ length: lastRow + 1 }, (_, r) => r)),
    print: a4('portrait', printArea(lastRow, g.cells.some((line) => line?.[5] != null) ? 5 : 4)),
    validations: INFO_FIELDS.map((f, i) => (f.options ? { range: cellAddress(INFO_ROWS.firstField + i, 1), list: f.options } : null)).filter((v): v is NonNullable<typeof v> => v !== null),
    protect: true,
  };
}

/** Common implementing units offered in the Đơn vị thực hiện list; users add their own. */
const DEFAULT_UNITS = [
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Trung tâm Y tế',
  'UBND xã',
];

/** How Danh mục names a catalogue entry's kind. */
const KIND_LABEL: Readonly<Record<CatalogEntry['kind'], string>> = { project: 'dự án', subproject: 'tiểu dự án', content: 'nội dung thành phần', component: 'hợp phần' };

function catalogSheet(spec: PlanSpec, catalog: Catalog, name: string, names: NameSpec[]): SheetSpec {
  const g = grid();
  ['Mã', 'Mã dòng', 'Tên chính thức', 'Loại', 'Đầu tư phát triển', 'Sự nghiệp', 'Chỉ vùng nghèo', '', 'Đơn vị thực hiện', 'Loại dòng'].forEach((t, c) => g.set(0, c, text(t || null, t ? 'header' : 'text')));
  catalog.entries.forEach((e, i) => {
    const r = i + 1;
    [e.code, e.outline, e.name, KIND_LABEL[e.kind], e.money.investment ? 'có' : 'không', e.money.recurrent ? 'có' : 'không', e.poorAreaOnly ? 'có' : 'không'].forEach((v, c) =>
      g.set(r, c, text(v, 'leaf', false)),
    );
  });
  const units = [...new Set([...spec.items.map((i) => i.unitName), ...spec.activities.map((a) => a.unitName)].filter((u): u is string => Boolean(u)).concat(DEFAULT_UNITS))];
  const slots = Math.max(units.length + 30, 60);
  for (let i = 0; i < slots; i++) g.set(i + 1, 8, text(units[i] ?? null, 'input', false));
  g.set(1, 9, text(KIND.leaf, 'leaf'));
  g.set(2, 9, text(KIND.group, 'leaf'));
  names.push({ name: NAMES.units, ref: `=${quoteSheet(name)}!$I$2:$I$${slots + 1}` });
  names.push({ name: NAMES.kinds, ref: `=${quoteSheet(name)}!$J$2:$J$3` });
  // what prints: the catalogue and the units named so far (the empty slots are for typing into;
  // the helper list of row kinds in J is for the drop-downs)
  const lastRow = Math.max(catalog.entries.length, units.length);
  const sheet: SheetSpec = {
    name,
    role: 'catalog',
    blocks: [{ row: 0, col: 0, cells: rectangular(g.cells) }],
    columns: [{ index: 0, width: 11 }, { index: 1, width: 9 }, { index: 2, width: 70 }, { index: 3, width: 13 }, { index: 4, width: 10 }, { index: 5, width: 10 }, { index: 6, width: 10 }, { index: 7, width: 3 }, { index: 8, width: 40 }, { index: 9, width: 10 }],
  };
  return {
    ...sheet,
    rowHeights: fitRowHeights(sheet, STYLES, Array.from({ length: lastRow + 1 }, (_, r) => r)),
    freeze: { rows: 1, columns: 0 },
    print: a4('landscape', printArea(lastRow, 8), '1:1'),
  };
}

/** _kh: what KH generated, so refreshes know what is theirs. Keys in A, values from B. */
function metaSheet(spec: PlanSpec, sheets: Array<{ name: string; role: string; key: string }>): SheetSpec {
  const rows: (string | number | null)[][] = [
    ['kh_layout', LAYOUT_VERSION, null, null],
    ['programme', spec.programme, null, null],
    ['unit', spec.unit, null, null],
    ...sheets.map((s) => ['sheet', s.name, s.role, s.key]),
  ];
  return {
    name: SHEET.meta,
    role: 'meta',
    visibility: 'veryHidden',
    blocks: [{ row: 0, col: 0, cells: rows.map((r) => r.map((v) => text(v, 'meta'))) }],
  };
}

/** Plan spec → workbook description. */
export function buildPlanWorkbook(spec: PlanSpec, options: TemplateOptions = {}): TemplateResult {
  const catalog = options.catalog ?? getCatalog(spec.programme);
  const laid = planRows(spec, catalog);
  if (!laid.ok) return laid;
  const style = options.formulaStyle ?? 'native';
  const nameOf = (key: string, standard: string): string => options.sheetNames?.[key] ?? standard;
  const projects: ProjectSheetPlan[] = laid.projects.map((p) => ({ ...p, sheetName: nameOf(p.entry.code, projectSheetName(p.entry.code)) }));
  const names: NameSpec[] = [];
  const infoName = nameOf('info', SHEET.info);
  const summaryName = nameOf('summary', SHEET.summary);
  const catalogName = nameOf('catalog', SHEET.catalog);

  const sheets: SheetSpec[] = [
    infoSheet(spec, infoName, summaryName, names),
    summarySheet(spec, projects, summaryName, style),
    ...projects.map((p) => projectSheet(spec, p, style)),
    catalogSheet(spec, catalog, catalogName, names),
  ];
  names.push({ name: NAMES.grandTotal, ref: `=${quoteSheet(summaryName)}!$${columnLetter(columnsOf(summaryColumns(spec.programme)).index.total)}$${ROWS.firstData + 1}` });
  sheets.push(
    metaSheet(spec, [
      { name: infoName, role: 'info', key: 'info' },
      { name: summaryName, role: 'summary', key: 'summary' },
      ...projects.map((p) => ({ name: p.sheetName, role: 'project', key: p.entry.code })),
      { name: catalogName, role: 'catalog', key: 'catalog' },
      ...(options.keepInMeta ?? []),
    ]),
  );
  return { ok: true, description: { sheets, names, styles: STYLES }, projects };
}

export { INPUT_SOURCES };
