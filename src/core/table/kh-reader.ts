/**
 * The exact reader of KH's own plan sheets (the layout _kh names): every data row with its code,
 * kind and amount cells, into the same read model the recogniser fills. Each amount cell carries
 * its effective number: Excel's cached value, or — in a file no spreadsheet has calculated yet
 * (written by `kh new`) — the value of KH's own formula computed here — and the formula KH writes
 * there, so the rules can tell a typed-over total or a formula cut short.
 */
import { Catalog, CatalogEntry } from '../catalog';
import { canonicalCode } from '../outline';
import { Programme } from '../programme';
import { MoneyUnit } from '../units';
import { sumExact } from '../money';
import { rollup } from '../rollup';
import { SheetSnapshot, isBlank } from '../book/snapshot';
import { KIND, ROWS, SomeSheetColumns, planColumns } from '../book/layout';
import { cellAddress } from '../book/address';
import { projectAmountFormula } from '../book/project-sheet';
import { summaryAmountFormula } from '../book/summary-sheet';
import { AmountCell, AmountKey, BudgetTable, TableColumn, TableRow, numberOf } from './model';

/** The amount columns of KH's plan sheets. */
export const KH_AMOUNT_KEYS = ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'] as const satisfies readonly AmountKey[];

export function sameFormula(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  const norm = (f: string): string => f.replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();
  return norm(a) === norm(b);
}

/** KH's layout columns of a table read by this reader. */
const LAYOUT = new WeakMap<BudgetTable, SomeSheetColumns>();

export function khColumns(table: BudgetTable): SomeSheetColumns | null {
  return LAYOUT.get(table) ?? null;
}

function nearestItem(catalog: Catalog, code: string | null): CatalogEntry | null {
  let c = code;
  while (c) {
    const e = catalog.entries.find((x) => x.outline.toUpperCase() === (c as string).toUpperCase()) ?? null;
    if (e) return e;
    const cut = c.lastIndexOf('.');
    c = cut > 0 ? c.slice(0, cut) : null;
  }
  return null;
}

function readRows(sheet: SheetSnapshot, columns: SomeSheetColumns, catalog: Catalog): TableRow[] {
  const I = columns.index;
  const rows: TableRow[] = [];
  const hidden = new Set(sheet.hiddenRows ?? []);
  const items = new Map<string, string | null>();
  for (let r = ROWS.firstData; r < sheet.values.length; r++) {
    const v = sheet.values[r] ?? [];
    const f = sheet.formulas[r] ?? [];
    if (v.every(isBlank) && f.every((x) => x === null)) continue;
    const rawKind = v[I.kind];
    const rawCode = v[I.code] ?? null;
    const kind: TableRow['kind'] = rawCode === 'TONG' ? 'total' : rawKind === KIND.leaf ? 'leaf' : rawKind === KIND.group ? 'group' : null;
    const cells: Partial<Record<AmountKey, AmountCell>> = {};
    for (const key of KH_AMOUNT_KEYS) {
      const c = I[key];
      cells[key] = { row: r, col: c, address: cellAddress(r, c), value: v[c] ?? null, formula: f[c] ?? null, number: numberOf(v[c] ?? null), expected: null };
    }
    const code = rawCode == null || rawCode === 'TONG' ? null : canonicalCode(rawCode);
    if (code !== null && !items.has(code)) items.set(code, nearestItem(catalog, code)?.code ?? null);
    const content = v[I.content] ?? null;
    rows.push({
      sheet: sheet.name,
      row: r,
      code,
      item: code === null ? null : items.get(code) ?? null,
      rawCode,
      kind,
      stt: v[I.stt] ?? null,
      content,
      label: typeof content === 'string' ? content.normalize('NFC').trim() : content === null ? '' : String(content),
      hidden: hidden.has(r),
      parent: null,
      children: [],
      unitName: I.unitName === undefined ? null : v[I.unitName] ?? null,
      note: I.note === undefined ? null : v[I.note] ?? null,
      locality: null,
      cells,
    });
  }
  linkByCode(rows);
  return rows;
}

/** Parents and children from the codes: DA3.1.2 adds into DA3.1, the total into the top rows. */
function linkByCode(rows: TableRow[]): void {
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code !== null && (r.kind === 'leaf' || r.kind === 'group') && !byCode.has(r.code.toUpperCase())) byCode.set(r.code.toUpperCase(), i);
  });
  rows.forEach((r, i) => {
    if (r.code === null || (r.kind !== 'leaf' && r.kind !== 'group') || byCode.get(r.code.toUpperCase()) !== i) return;
    let c = r.code.toUpperCase();
    for (let cut = c.lastIndexOf('.'); cut > 0; cut = c.lastIndexOf('.')) {
      c = c.slice(0, cut);
      const p = byCode.get(c);
      if (p !== undefined) {
        r.parent = p;
        rows[p].children.push(i);
        return;
      }
    }
  });
  rows.forEach((r) => {
    if (r.kind !== 'total') return;
    rows.forEach((x, k) => {
      if (x !== r && x.parent === null && byCode.get(x.code?.toUpperCase() ?? '') === k) r.children.push(k);
    });
  });
}

function tableColumns(columns: SomeSheetColumns): TableColumn[] {
  return columns.defs.map((d, i) => ({
    col: i,
    role: d.role === 'location' ? 'location' : d.role,
    source: d.source ?? null,
    header: d.group ? [d.group, d.header] : [d.header],
    headerCell: cellAddress(d.group ? ROWS.header2 : ROWS.header1, i),
    period: null,
    ofWhich: false,
  }));
}

function khTable(sheet: SheetSnapshot, role: BudgetTable['role'], entryCode: string | null, columns: SomeSheetColumns, programme: Programme, unit: MoneyUnit, catalog: Catalog): BudgetTable {
  const rows = readRows(sheet, columns, catalog);
  const amountCols: Partial<Record<AmountKey, number>> = {};
  for (const key of KH_AMOUNT_KEYS) amountCols[key] = columns.index[key];
  const table: BudgetTable = {
    name: sheet.name,
    origin: 'kh',
    role,
    entryCode,
    programme,
    header: { top: ROWS.header1, bottom: ROWS.numbers },
    data: { top: ROWS.firstData, bottom: Math.max(ROWS.firstData, sheet.values.length - 1) },
    left: 0,
    right: columns.defs.length - 1,
    columns: tableColumns(columns),
    amountCols,
    sttCol: columns.index.stt,
    contentCol: columns.index.content,
    unitNameCol: columns.index.unitName ?? null,
    noteCol: columns.index.note ?? null,
    rows,
    unit,
    unitEvidence: 'kh',
    rowAxis: 'items',
    period: null,
    primary: true,
    confidence: 1,
  };
  LAYOUT.set(table, columns);
  return table;
}

const cellAt = (row: TableRow, key: AmountKey): AmountCell => row.cells[key] as AmountCell;

/** KH's own formulas for every row, and the numbers they give where the file holds no cached value. */
function completeProjectTable(table: BudgetTable, programme: Programme): void {
  const ctx = { L: planColumns(programme).project.letter };
  for (const row of table.rows) {
    if (!row.code || (row.kind !== 'leaf' && row.kind !== 'group')) continue;
    for (const key of KH_AMOUNT_KEYS) cellAt(row, key).expected = projectAmountFormula(ctx, row.kind, row.code, key, row.row + 1);
  }
  // leaves: NSTW and Tổng from the typed sources when their cached value is missing
  const fill = (cell: AmountCell, value: () => number | null): void => {
    if (cell.number === null && isBlank(cell.value) && cell.formula !== null && sameFormula(cell.formula, cell.expected)) cell.number = value();
  };
  const n = (row: TableRow, key: AmountKey): number => cellAt(row, key).number ?? 0;
  for (const row of table.rows) {
    if (row.kind !== 'leaf') continue;
    fill(cellAt(row, 'central'), () => sumExact([n(row, 'centralInvestment'), n(row, 'centralRecurrent')]));
    fill(cellAt(row, 'total'), () => sumExact([n(row, 'central'), n(row, 'local'), n(row, 'integrated'), n(row, 'credit'), n(row, 'mobilised')]));
  }
  // groups: what SUMIFS over the leaves below gives
  const coded = table.rows.filter((r) => r.code !== null);
  const values = coded.map((r) => KH_AMOUNT_KEYS.map((k) => (r.kind === 'leaf' ? cellAt(r, k).number : null)));
  const rolled = rollup(
    coded.map((r) => (r.kind === 'leaf' || r.kind === 'group' ? r.code : null)),
    values,
  );
  coded.forEach((row, i) => {
    if (row.kind !== 'group') return;
    KH_AMOUNT_KEYS.forEach((k, c) => fill(cellAt(row, k), () => rolled.values[i][c] ?? 0));
  });
}

/** The project sheet a row of Tổng hợp pulls from, by the code of the sheet's first row. */
export function summarySource(tables: readonly BudgetTable[], code: string | null): BudgetTable | null {
  if (code === null) return null;
  return tables.find((t) => t.origin === 'kh' && t.role === 'project' && t.rows[0]?.code === code) ?? null;
}

function completeSummary(table: BudgetTable, projects: BudgetTable[], programme: Programme): void {
  const P = planColumns(programme).project.letter;
  const totalRow = table.rows.find((r) => r.kind === 'total');
  for (const row of table.rows) {
    if (row === totalRow || !row.code) continue;
    const project = summarySource(projects, row.code);
    if (project && project.entryCode) {
      for (const key of KH_AMOUNT_KEYS) cellAt(row, key).expected = summaryAmountFormula(P, project.name, row.code, key);
      for (const key of KH_AMOUNT_KEYS) {
        const cell = cellAt(row, key);
        const src = cellAt(project.rows[0], key);
        if (cell.number === null && isBlank(cell.value) && sameFormula(cell.formula, cell.expected)) cell.number = src.number;
      }
    }
  }
  if (totalRow) {
    for (const key of KH_AMOUNT_KEYS) {
      const cell = cellAt(totalRow, key);
      if (cell.number === null && isBlank(cell.value) && cell.formula !== null) {
        const parts = table.rows.filter((r) => r !== totalRow && r.kind === 'leaf').map((r) => cellAt(r, key).number ?? 0);
        cell.number = sumExact(parts);
      }
    }
  }
}

export interface KhSheets {
  projects: Array<{ key: string; sheet: SheetSnapshot }>;
  summary: SheetSnapshot | null;
}

/** The tables of KH's project sheets and Tổng hợp. */
export function readKhTables(sheets: KhSheets, programme: Programme, unit: MoneyUnit, catalog: Catalog): BudgetTable[] {
  const tables: BudgetTable[] = [];
  const { project: projectCols, summary: cols } = planColumns(programme);
  for (const { key, sheet } of sheets.projects) {
    const table = khTable(sheet, 'project', key, projectCols, programme, unit, catalog);
    completeProjectTable(table, programme);
    tables.push(table);
  }
  if (sheets.summary) {
    const table = khTable(sheets.summary, 'summary', null, cols, programme, unit, catalog);
    completeSummary(table, tables, programme);
    tables.push(table);
  }
  return tables;
}

