/**
 * Template generation, a pure function: plan spec → workbook description (Thông tin, Tổng hợp,
 * one sheet per selected Dự án / Nội dung thành phần, Danh mục, _kh). Every total is a native
 * formula — SUMIFS over the code and row-kind columns for roll-ups, plain sums for the source
 * identities — so the file computes in any Excel, LibreOffice or WPS, and rows an officer inserts
 * are still counted.
 */
import { Catalog, getCatalog } from '../catalog';
import { Message } from '../i18n';
import { PlanSpec, INPUT_SOURCES } from '../plan';
import { quoteSheet } from './address';
import { SheetSpec, WorkbookDescription, NameSpec } from './model';
import { NAMES, ROWS, SHEET, planColumns, projectSheetName } from './layout';
import { catalogSheet, metaSheet } from './catalog-sheet';
import { infoSheet } from './info-sheet';
import { ProjectSheetPlan, planRows } from './plan-rows';
import { projectSheet } from './project-sheet';
import { STYLES } from './styles';
import { summarySheet } from './summary-sheet';
import type { FormulaStyle } from './sheet-layout';

// what callers imported from here before the split
export { infoValues } from './info-sheet';
export type { PlanRow, ProjectSheetPlan } from './plan-rows';
export { entryLabel, planRows } from './plan-rows';
export type { RowContext } from './project-sheet';
export { projectAmountFormula, projectRowContext, renderProjectRow } from './project-sheet';
export { STYLES, amountFormat, annexAmountFormat } from './styles';
export type { SummaryRowContext } from './summary-sheet';
export { renderSummaryRow, summaryRowContext } from './summary-sheet';
export { nativeCheck as nativeCheckFormula } from './project-sheet';

export type { FormulaStyle } from './sheet-layout';

export interface TemplateOptions {
  /** 'native' (default): checks are plain Excel formulas; 'kh': KH.CHECK_SOURCES / KH.ROLLUP. */
  formulaStyle?: FormulaStyle;
  /** Names to use instead of the standard ones (a user's sheet already holds the standard name). */
  sheetNames?: Partial<Record<string, string>>;
  catalog?: Catalog;
  /** Sheets KH made that this build does not rebuild (the annexes), kept in _kh. */
  keepInMeta?: Array<{ name: string; role: string; key: string }>;
}

export type TemplateResult = { ok: true; description: WorkbookDescription; projects: ProjectSheetPlan[] } | { ok: false; errors: Message[] };

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
  names.push({ name: NAMES.grandTotal, ref: `=${quoteSheet(summaryName)}!$${planColumns(spec.programme).summary.letter.total}$${ROWS.firstData + 1}` });
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
