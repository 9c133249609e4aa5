/**
 * The pane's "Nhận dạng bảng" on the open workbook: one read of the officer's sheet (values,
 * formulas, merged header cells, bold and indents), everything else pure in the core; then
 * adopting writes KH's plan sheets and annexes beside it (the create and annex views' own
 * operations) and reads the result back once to prove its totals are the officer's.
 */
import { SheetSnapshot } from '../core/book/snapshot';
import { FileFigures, fileFigures } from '../core/table/figures';
import { PlanSpec } from '../core/plan';
import { GenerationReport } from '../core/book/generate';
import { AnnexReport } from '../core/book/annex/generate';
import { FormulaStyle } from '../core/book/template';
import { Message } from '../core/i18n';
import { REPORT_SHEET } from '../core/checks/report';
import { MARKS_SHEET } from '../core/checks/marks';
import { ApiSupport, readSnapshot } from './office';
import { ExcelRun, ProgressListener, buildAnnexesInExcel, checkInExcel, generatePlan } from './operations';

export interface OfficerSheetRead {
  /** The sheet read (the active one unless another was asked for); null when the workbook has no such sheet. */
  sheet: SheetSnapshot | null;
  /** The visible sheets the officer can choose from, in tab order. */
  sheets: string[];
  syncs: number;
}

/** Reads one sheet as the recogniser needs it: the sheet list and the active sheet, then its used range. */
export async function readOfficerSheet(run: ExcelRun, support: ApiSupport, name?: string): Promise<OfficerSheetRead> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const visible = sheets.items.filter((s) => s.visibility === 'Visible' && s.name !== REPORT_SHEET && s.name !== MARKS_SHEET).map((s) => s.name);
    const wanted = name ?? active.name;
    const read = await readSnapshot(context, [wanted], support, { fonts: true, emphasis: true, merges: true });
    return { sheet: read.snapshot.sheets[0] ?? null, sheets: visible, syncs: 1 + read.syncs };
  });
}

export type AdoptOutcome =
  | { ok: true; plan: GenerationReport; annexes: AnnexReport; after: FileFigures; syncs: number }
  | { ok: false; errors: Message[]; syncs: number };

/**
 * KH's plan sheets, then Biểu 01–03, written beside the officer's sheet (which no step writes to),
 * then one read of the result for its totals.
 */
export async function adoptInExcel(run: ExcelRun, spec: PlanSpec, support: ApiSupport, options: { formulaStyle?: FormulaStyle; onProgress?: ProgressListener } = {}): Promise<AdoptOutcome> {
  const part = (from: number, to: number): ProgressListener | undefined =>
    options.onProgress ? (p) => options.onProgress?.({ stage: p.stage === 'done' ? 'write' : p.stage, fraction: from + (to - from) * p.fraction }) : undefined;
  const plan = await generatePlan(run, spec, support, { formulaStyle: options.formulaStyle, onProgress: part(0, 0.5) });
  if (!plan.ok) return { ok: false, errors: plan.errors, syncs: plan.syncs };
  const annexes = await buildAnnexesInExcel(run, support, { formulaStyle: options.formulaStyle, onProgress: part(0.5, 0.9) });
  if (!annexes.ok) return { ok: false, errors: annexes.errors, syncs: plan.syncs + annexes.syncs };
  const checked = await checkInExcel(run, support);
  options.onProgress?.({ stage: 'done', fraction: 1 });
  return { ok: true, plan: plan.report, annexes: annexes.report, after: fileFigures(checked.result.model.tables), syncs: plan.syncs + annexes.syncs + checked.syncs };
}
