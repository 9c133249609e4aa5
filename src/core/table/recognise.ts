/**
 * The recogniser: finds the budget tables in any sheet an officer made and reads each into the one
 * read model (model.ts). It reports what it recognised and how sure it is, and what it could not
 * read — a money column with an unknown header, a unit nobody wrote — as notes the checks turn into
 * findings: never a silent guess, never a zero.
 */
import { cellAddress } from '../book/address';
import { SheetSnapshot } from '../book/snapshot';
import { Catalog, findByCode, getCatalog } from '../catalog';
import { Programme } from '../programme';
import { MoneyUnit } from '../units';
import { sumExact } from '../money';
import { SourceKey } from '../sources';
import { foldForMatch } from '../text/normalize';
import { parseLabel } from '../outline';
import { Grid } from './grid';
import { HeaderBand, findAnchor, headerBand, isAnchor, isColumnNumberRow, readColumns } from './band';
import { AmountCell, AmountKey, BudgetTable, TableColumn, TableRow, numberOf } from './model';
import { buildTree, RowShape } from './tree';
import { assignCodes, catalogKindOf } from './codes';
import { declaredUnit, median, plausibleIn, unitFromMagnitude } from './unit';
import { maxOf, pushAll } from '../arrays';

export type RecognitionNote =
  | { kind: 'unmappedColumn'; sheet: string; cell: string; header: string }
  | { kind: 'duplicateColumn'; sheet: string; cell: string; header: string; first: string }
  | { kind: 'unitUnknown'; sheet: string; cell: string }
  | { kind: 'unitInferred'; sheet: string; cell: string; unit: MoneyUnit }
  | { kind: 'unitMismatch'; sheet: string; cell: string; unit: MoneyUnit; typical: number }
  | { kind: 'notCalculated'; sheet: string; cell: string; count: number };

export interface SheetRecognition {
  sheet: string;
  tables: BudgetTable[];
  notes: RecognitionNote[];
  /** Why no table was read from a sheet that holds numbers; null when tables were found or the sheet has none. */
  unrecognised: 'noHeader' | 'noMoneyColumn' | null;
}

/** What the officer corrected in the recognition (the pane's step, `kh adopt` flags). */
export interface RecognitionOverrides {
  /** Column (0-based) → the source it holds; null: not money. */
  columns?: Record<number, SourceKey | null>;
  unit?: MoneyUnit;
  /** Sheet row (0-based) → the catalogue code of the item it is; null: not an item. */
  rows?: Record<number, string | null>;
}

export interface RecogniseOptions {
  programme?: Programme;
  overrides?: RecognitionOverrides;
}

const MAX_BLANK_RUN = 3;
const FOOTER = /^(ghi chu|chu thich|nguoi lap|lap bieu|tm\b|t m\b|kt\b|k t\b|q\b|chu tich|pho chu tich|noi nhan|bang chu|xac nhan|thu truong|ke toan|lanh dao|giam doc|truong phong|can bo)/;
const DATE_LINE = /^[\p{L}\s.]{0,40}, ngay\b/u;
const LOCALITY = /^(xa|phuong|thi tran|huyen|thi xa|thanh pho|tp|quan)\b/;
const NEW_PROGRAMME = /\b(hop phan|noi dung thanh phan|chi thuong xuyen|2026 2035)\b/;

function isFooterRow(grid: Grid, r: number): boolean {
  for (const c of grid.filled(r)) {
    const t = grid.text(r, c);
    if (t === '') return false;
    const f = foldForMatch(t);
    return FOOTER.test(f) || DATE_LINE.test(f);
  }
  return false;
}

/** The last data row of a table whose data starts at `top`. */
function dataEnd(grid: Grid, top: number, band: HeaderBand, amountCols: number[]): number {
  let last = top - 1;
  let blanks = 0;
  for (let r = top; r < grid.rows; r++) {
    if (grid.filled(r, band.left, band.right).length === 0) {
      if (++blanks >= MAX_BLANK_RUN && last >= top) break;
      continue;
    }
    if (isFooterRow(grid, r)) break;
    // a second table's header ends this one (row r alone: scanning on from every row would be quadratic)
    if (r > top && isAnchor(grid, r)) break;
    blanks = 0;
    last = r;
  }
  // a title line of what follows (the next table, a note) carries no money: not data
  const hasMoney = (r: number): boolean => amountCols.some((c) => !grid.isBlank(r, c));
  while (last >= top && !hasMoney(last)) last--;
  return last;
}

function amountCell(grid: Grid, r: number, c: number): AmountCell {
  const value = grid.value(r, c);
  return { row: r, col: c, address: cellAddress(r, c), value, formula: grid.formula(r, c), number: numberOf(value), expected: null };
}

/** A multi-year table's views, the plan year first: one year over a span, a plan over what was done, the latest. */
function periodOrder(periods: Array<string | null>): Array<string | null> {
  const score = (p: string | null): number[] => {
    if (p === null) return [0, 0, 0];
    const f = foldForMatch(p);
    const years = [...f.matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0]));
    const single = years.length === 1 ? 1 : 0;
    const planned = /\b(thuc hien|uoc|th)\b/.test(f) ? 0 : 1;
    return [single, planned, maxOf(years.slice(0, 4), 0)];
  };
  return [...periods].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  });
}

function detectProgramme(grid: Grid, top: number, bottom: number, cols: number[]): Programme {
  for (let r = top; r <= bottom; r++) {
    for (const c of cols) {
      if (NEW_PROGRAMME.test(grid.fold(r, c))) return '2026-2035';
    }
  }
  return '2021-2025';
}

interface Draft {
  row: number;
  stt: string | number | null;
  label: string;
  content: TableRow['content'];
  shape: RowShape;
}

function readTable(grid: Grid, band: HeaderBand, columns: TableColumn[], searchTop: number, options: RecogniseOptions, notes: RecognitionNote[]): { tables: BudgetTable[]; end: number } | null {
  const sheet = grid.sheet.name;
  const amountColumns = columns.filter((c) => c.role === 'amount');
  let dataTop = band.bottom + 1;
  while (dataTop < grid.rows && grid.filled(dataTop, band.left, band.right).length === 0) dataTop++;
  if (dataTop < grid.rows && isColumnNumberRow(grid, dataTop, band.left, band.right)) dataTop++;
  const end = dataEnd(grid, dataTop, band, amountColumns.map((c) => c.col));
  if (end < dataTop) return null;
  // a header with no figure under it is a heading that looked like one
  let figures = false;
  for (let r = dataTop; r <= end && !figures; r++) for (const col of amountColumns) if (grid.isNumber(r, col.col) || grid.formula(r, col.col) !== null) figures = true;
  if (!figures) return null;

  const sttCol = columns.find((c) => c.role === 'stt')?.col ?? null;
  const contentCol =
    columns.find((c) => c.role === 'content')?.col ??
    columns.find((c) => c.role === 'other' && c.col !== sttCol)?.col ??
    (sttCol !== null ? sttCol + 1 : band.left);
  const unitNameCol = columns.find((c) => c.role === 'unitName')?.col ?? null;
  const noteCol = columns.find((c) => c.role === 'note')?.col ?? null;
  const programme = options.programme ?? detectProgramme(grid, searchTop, end, [contentCol, ...(sttCol !== null ? [sttCol] : [])]);
  const catalog: Catalog = getCatalog(programme);

  const drafts: Draft[] = [];
  for (let r = dataTop; r <= end; r++) {
    if (grid.filled(r, band.left, band.right).length === 0) continue;
    let stt: string | number | null = null;
    let sttContinued = false;
    if (sttCol !== null) {
      const merge = grid.mergeAt(r, sttCol);
      sttContinued = merge !== null && merge.top < r;
      const v = sttContinued ? null : grid.value(r, sttCol);
      stt = typeof v === 'number' ? v : grid.text(r, sttCol) || null;
    }
    let label = grid.shownText(r, contentCol);
    // "TỔNG CỘNG" written in the STT column, or across STT and Nội dung
    if (typeof stt === 'string' && parseLabel(stt) === null) {
      if (label === '' || label === stt) label = stt;
      stt = null;
    }
    drafts.push({
      row: r,
      stt,
      label,
      content: grid.value(r, contentCol),
      shape: { stt, label, bold: grid.isBold(r, contentCol), indent: grid.indentOf(r, contentCol), sttContinued, labelContinued: (grid.mergeAt(r, contentCol)?.top ?? r) < r, catalogKind: catalogKindOf(catalog, label) },
    });
  }
  if (drafts.length === 0) return null;
  const tree = buildTree(drafts.map((d) => d.shape));
  const { codes, entries, items } = assignCodes(catalog, drafts.map((d, i) => ({ label: d.label, parent: tree.parent[i], total: tree.total[i] })));
  const rowOverrides = options.overrides?.rows ?? {};
  if (Object.keys(rowOverrides).length > 0) {
    drafts.forEach((d, i) => {
      if (!(d.row in rowOverrides)) return;
      const code = rowOverrides[d.row];
      const entry = code ? findByCode(catalog, code) : null;
      entries[i] = entry;
      codes[i] = entry?.outline ?? null;
    });
    // the item of every row follows its own entry, else its parent's
    drafts.forEach((_, i) => {
      const p = tree.parent[i];
      items[i] = entries[i] ?? (p === null ? null : items[p]);
    });
  }

  // rows by locality: most detail rows name a xã / huyện
  const leafIdx = drafts.map((_, i) => i).filter((i) => !tree.total[i] && tree.children[i].length === 0 && drafts[i].label !== '');
  const localityLeaves = leafIdx.filter((i) => LOCALITY.test(foldForMatch(drafts[i].label))).length;
  const contentHeader = foldForMatch(columns.find((c) => c.col === contentCol)?.header.join(' ') ?? '');
  const rowAxis: BudgetTable['rowAxis'] =
    (leafIdx.length > 0 && localityLeaves / leafIdx.length >= 0.6) || /\b(dia phuong|xa phuong|don vi hanh chinh|ten xa|ten huyen|huyen thanh pho|xa thi tran)\b/.test(contentHeader) ? 'localities' : 'items';

  // unit: said above the table or in its header, cross-checked against the figures
  const magnitudes: number[] = [];
  for (const i of leafIdx) for (const col of amountColumns) {
    const n = numberOf(grid.value(drafts[i].row, col.col));
    if (n !== null && n !== 0) magnitudes.push(Math.abs(n));
  }
  const typical = median(magnitudes);
  const declared = declaredUnit(grid, searchTop, band.bottom, band.top);
  const firstHeader = cellAddress(band.top, band.left);
  let unit: MoneyUnit | null = options.overrides?.unit ?? declared?.unit ?? null;
  let unitEvidence: BudgetTable['unitEvidence'] = options.overrides?.unit ? 'declared' : declared?.evidence ?? null;
  if (declared && typical !== null && !plausibleIn(declared.unit, typical)) {
    notes.push({ kind: 'unitMismatch', sheet, cell: cellAddress(declared.row, declared.col), unit: declared.unit, typical });
  }
  if (!declared && !options.overrides?.unit) {
    const inferred = unitFromMagnitude(typical, magnitudes);
    if (inferred) {
      unit = inferred;
      unitEvidence = 'magnitude';
      notes.push({ kind: 'unitInferred', sheet, cell: firstHeader, unit: inferred });
    } else if (typical !== null) notes.push({ kind: 'unitUnknown', sheet, cell: firstHeader });
  }

  // a money column whose header names no known source is said, with its cell
  const dataRows = drafts.map((d) => d.row);
  const holdsMoney = (col: number): boolean => dataRows.some((r) => grid.isNumber(r, col) || (grid.formula(r, col) !== null));
  for (const col of amountColumns) {
    if (col.source === null && holdsMoney(col.col)) notes.push({ kind: 'unmappedColumn', sheet, cell: col.headerCell, header: col.header.join(' / ') });
  }

  const periods = periodOrder([...new Set(amountColumns.map((c) => c.period))]);
  const tables: BudgetTable[] = [];
  let uncalculated = 0;
  let firstUncalculated: string | null = null;
  periods.forEach((period, p) => {
    const amountCols: Partial<Record<AmountKey, number>> = {};
    for (const col of amountColumns) {
      if (col.period !== period || col.source === null) continue;
      const first = amountCols[col.source];
      if (first === undefined) amountCols[col.source] = col.col;
      else if (holdsMoney(col.col)) notes.push({ kind: 'duplicateColumn', sheet, cell: col.headerCell, header: col.header.join(' / '), first: columns.find((c) => c.col === first)?.headerCell ?? '' });
    }
    const rows: TableRow[] = drafts.map((d, i) => {
      const cells: Partial<Record<AmountKey, AmountCell>> = {};
      for (const [key, col] of Object.entries(amountCols) as Array<[AmountKey, number]>) {
        const cell = amountCell(grid, d.row, col);
        cells[key] = cell;
        if (p === 0 && cell.formula !== null && (cell.value === null || cell.value === '')) {
          uncalculated++;
          firstUncalculated ??= cell.address;
        }
      }
      const unknown = amountColumns.filter((c) => c.source === null && c.period === period).map((c) => numberOf(grid.value(d.row, c.col)) ?? 0);
      const unmapped = unknown.length > 0 ? sumExact(unknown) : 0;
      const total = tree.total[i];
      const kind: TableRow['kind'] = total ? 'total' : tree.children[i].length > 0 ? 'group' : 'leaf';
      return {
        sheet,
        row: d.row,
        stt: d.stt,
        content: d.content,
        label: d.label,
        code: codes[i],
        item: items[i]?.code ?? null,
        rawCode: null,
        kind,
        hidden: grid.hidden.has(d.row),
        parent: tree.parent[i],
        children: tree.children[i],
        unitName: unitNameCol === null ? null : grid.value(d.row, unitNameCol),
        note: noteCol === null ? null : grid.value(d.row, noteCol),
        ...(unmapped !== 0 ? { unmapped } : {}),
        locality: rowAxis === 'localities' && !total && LOCALITY.test(foldForMatch(d.label)) ? d.label : rowAxis === 'localities' && kind === 'leaf' && !total ? d.label : null,
        cells,
      };
    });
    const mapped = amountColumns.filter((c) => c.period === period);
    const mappedShare = mapped.length === 0 ? 0 : mapped.filter((c) => c.source !== null).length / mapped.length;
    const numbered = tree.rank.some((r, i) => !tree.total[i] && r < 10);
    const confidence = Math.round((0.4 * mappedShare + 0.2 * (unit ? 1 : 0) + 0.2 * (amountCols.total !== undefined ? 1 : 0) + 0.2 * (numbered || rows.some((r) => r.code) ? 1 : 0.5)) * 100) / 100;
    tables.push({
      name: sheet,
      origin: 'recognised',
      role: 'project',
      entryCode: null,
      programme,
      header: { top: band.top, bottom: band.bottom },
      data: { top: dataTop, bottom: end },
      left: band.left,
      right: band.right,
      columns,
      amountCols,
      sttCol,
      contentCol,
      unitNameCol,
      noteCol,
      rows,
      unit,
      unitEvidence,
      rowAxis,
      period,
      primary: p === 0,
      confidence,
    });
  });
  if (uncalculated > 0 && firstUncalculated) notes.push({ kind: 'notCalculated', sheet, cell: firstUncalculated, count: uncalculated });
  return { tables, end };
}

/** Every budget table of a sheet, top to bottom. */
export function recogniseSheet(sheet: SheetSnapshot, options: RecogniseOptions = {}): SheetRecognition {
  const grid = new Grid(sheet);
  const tables: BudgetTable[] = [];
  const notes: RecognitionNote[] = [];
  let from = 0;
  let searchTop = 0;
  let sawHeader = false;
  while (from < grid.rows) {
    const anchor = findAnchor(grid, from);
    if (anchor < 0) break;
    sawHeader = true;
    const band = headerBand(grid, anchor);
    const columns = readColumns(grid, band);
    for (const [col, source] of Object.entries(options.overrides?.columns ?? {})) {
      const c = columns.find((x) => x.col === Number(col));
      if (!c) continue;
      c.source = source;
      c.role = source === null ? 'other' : 'amount';
    }
    if (!columns.some((c) => c.role === 'amount')) {
      from = band.bottom + 1;
      continue;
    }
    const read = readTable(grid, band, columns, searchTop, options, notes);
    if (!read) {
      from = band.bottom + 1;
      continue;
    }
    pushAll(tables, read.tables);
    from = read.end + 1;
    searchTop = from;
  }
  let unrecognised: SheetRecognition['unrecognised'] = null;
  if (tables.length === 0) {
    let numbers = 0;
    for (let r = 0; r < grid.rows && numbers < 3; r++) for (const c of grid.filled(r)) if (grid.isNumber(r, c)) numbers++;
    if (numbers >= 3) unrecognised = sawHeader ? 'noMoneyColumn' : 'noHeader';
  }
  return { sheet: sheet.name, tables, notes, unrecognised };
}
