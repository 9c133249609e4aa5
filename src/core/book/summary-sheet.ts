/** Tổng hợp: one row per project, each summing its own sheet by code. */
import { PlanSpec } from '../plan';
import { UNIT_LABEL_VI } from '../units';
import { quoteSheet, rangeAddress } from './address';
import { CellSpec, SheetSpec } from './model';
import { ColumnDef, ColumnKey, KIND, ROWS, SummaryColumnKey } from './layout';
import { a4, printArea } from './print';
import { periodLabel } from './document-fields';
import { formula, text } from './cells';
import { entryLabel } from './plan-rows';
import { khCheck, nativeCheck } from './project-sheet';
import { grid, rectangular, tableHeights, writeHeader } from './sheet-grid';
import { LAST_ROW } from './styles';
import { FormulaStyle, planLayout } from './sheet-layout';
import type { ProjectSheetPlan } from './plan-rows';

export interface SummaryRowContext {
  defs: readonly ColumnDef<SummaryColumnKey>[];
  I: Readonly<Record<SummaryColumnKey, number>>;
  L: Readonly<Record<SummaryColumnKey, string>>;
  projectLetters: Readonly<Record<ColumnKey, string>>;
  fmt: string;
  style: FormulaStyle;
}

export function summaryRowContext(spec: Pick<PlanSpec, 'programme' | 'unit' | 'decimals'>, style: FormulaStyle): SummaryRowContext {
  const layout = planLayout(spec, style);
  const { defs, index: I, letter: L } = layout.summary;
  return { defs, I, L, projectLetters: layout.project.letter, fmt: layout.amountFormat, style };
}

/** Tổng hợp's formula in an amount column of a project's row: SUMIFS into its own sheet by its outline code. */
export function summaryAmountFormula(projectLetters: Readonly<Record<ColumnKey, string>>, sheetName: string, outline: string, key: ColumnKey): string {
  const P = projectLetters;
  const sheet = quoteSheet(sheetName);
  return `=SUMIFS(${sheet}!${P[key]}:${P[key]},${sheet}!$${P.code}:$${P.code},"${outline}")`;
}

/** One project's row of Tổng hợp at 0-based row r: SUMIFS into the project's own sheet by code. */
export function renderSummaryRow(ctx: SummaryRowContext, p: Pick<ProjectSheetPlan, 'entry' | 'sheetName'>, r: number): (CellSpec | null)[] {
  const { I, L, defs, fmt, projectLetters: P } = ctx;
  const cells: (CellSpec | null)[] = new Array(defs.length).fill(null);
  const excelRow = r + 1;
  cells[I.stt] = text(String(p.entry.number), 'group');
  cells[I.content] = text(entryLabel(p.entry), 'group');
  for (const d of defs) {
    if (d.role !== 'amount') continue;
    cells[I[d.key]] = formula(summaryAmountFormula(P, p.sheetName, p.entry.outline, d.key), 'groupAmount', fmt);
  }
  cells[I.note] = text(null, 'input', false);
  cells[I.check] = formula(ctx.style === 'kh' ? khCheck(L, excelRow) : nativeCheck(L, excelRow), 'check');
  cells[I.code] = text(p.entry.outline, 'code');
  cells[I.kind] = text(KIND.leaf, 'code');
  return cells;
}

export function summarySheet(spec: PlanSpec, projects: ProjectSheetPlan[], name: string, style: FormulaStyle): SheetSpec {
  const layout = planLayout(spec, style);
  const { defs, index: I, letter: L } = layout.summary;
  const g = grid();
  const merges: string[] = [];
  const lastCol = I.note;
  const fmt = layout.amountFormat;

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
