/**
 * A project sheet (one per Dự án / Nội dung thành phần): its rows rendered with the native (or KH)
 * checks and the SUMIFS roll-ups by code, title, header and print set-up.
 */
import { translate } from '../i18n';
import { PlanSpec, Amounts } from '../plan';
import { UNIT_LABEL_VI } from '../units';
import { rangeAddress } from './address';
import { CellSpec, SheetSpec } from './model';
import { ColumnDef, ColumnKey, KIND, NAMES, ROWS, RowKind, SummaryColumnKey } from './layout';
import { a4, printArea } from './print';
import { periodLabel } from './document-fields';
import { formula, text } from './cells';
import { grid, rectangular, tableHeights, writeHeader } from './sheet-grid';
import { LAST_ROW } from './styles';
import { FormulaStyle, PlanLayout, planLayout } from './sheet-layout';
import type { PlanRow, ProjectSheetPlan } from './plan-rows';

/** The native check of one row: both identities within KH_SaiSo. */
export function nativeCheck(L: Readonly<Record<SummaryColumnKey, string>>, r: number): string {
  const x = (k: SummaryColumnKey): string => `${L[k]}${r}`;
  const total = `ABS(${x('total')}-(${x('central')}+${x('local')}+${x('integrated')}+${x('credit')}+${x('mobilised')}))<=${NAMES.tolerance}`;
  const central = `ABS(${x('central')}-(${x('centralInvestment')}+${x('centralRecurrent')}))<=${NAMES.tolerance}`;
  return `=IF(AND(${total},${central}),"✓","${translate('sheet.sourcesMismatch')}")`;
}

/** The KH-style check: KH.CHECK_SOURCES over Tổng and the top-level sources, and NSTW over its parts. */
export function khCheck(L: Readonly<Record<SummaryColumnKey, string>>, r: number): string {
  const x = (k: SummaryColumnKey): string => `${L[k]}${r}`;
  const top = `CHOOSE({1,2,3,4,5},${x('central')},${x('local')},${x('integrated')},${x('credit')},${x('mobilised')})`;
  const central = `KH.CHECK_SOURCES(${x('central')},${x('centralInvestment')}:${x('centralRecurrent')},${NAMES.tolerance})`;
  return `=IF(KH.CHECK_SOURCES(${x('total')},${top},${NAMES.tolerance})<>"✓",KH.CHECK_SOURCES(${x('total')},${top},${NAMES.tolerance}),${central})`;
}



/** What a data row is rendered against: positions of columns and of the data block. */
export interface RowContext {
  spec: PlanSpec;
  style: FormulaStyle;
  layout: PlanLayout;
  defs: readonly ColumnDef[];
  I: Readonly<Record<ColumnKey, number>>;
  L: Readonly<Record<ColumnKey, string>>;
  fmt: string;
  /** 0-based first and last data rows (the KH-style roll-up check spans them). */
  firstData: number;
  lastData: number;
}

export function projectRowContext(spec: PlanSpec, style: FormulaStyle, firstData: number, lastData: number): RowContext {
  const layout = planLayout(spec, style);
  const { defs, index: I, letter: L } = layout.project;
  return { spec, style, layout, defs, I, L, fmt: layout.amountFormat, firstData, lastData };
}

/**
 * KH's formula in an amount column of a project-sheet row (1-based excelRow), or null where the
 * officer types: a group sums the leaves below it by code; a leaf's NSTW and Tổng add its sources.
 */
export function projectAmountFormula(ctx: Pick<RowContext, 'L'>, kind: RowKind, code: string, key: ColumnKey, excelRow: number): string | null {
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

export function projectSheet(spec: PlanSpec, project: ProjectSheetPlan, style: FormulaStyle): SheetSpec {
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
