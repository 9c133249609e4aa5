/**
 * Task-pane operations on the open workbook, each one Excel.run: read a snapshot, compute in the
 * core, write the patch. `run` is Excel.run in Excel and the strict fake's run in tests and the
 * playground, so sync budgets are measured on the same code that ships.
 */
import { PlanSpec } from '../core/plan';
import { SHEET, projectSheetName } from '../core/book/layout';
import { GenerationReport, generatedSheets, planGeneration } from '../core/book/generate';
import { stampFingerprint } from '../core/province/stamp';
import { SendSafeChange, sendSafe } from '../core/book/sendsafe';
import { STYLES, TemplateOptions } from '../core/book/template';
import { CheckResult, runChecks } from '../core/checks/engine';
import { render } from '../core/checks/finding';
import { REPORT_SHEET, REPORT_STYLES, reportSheet } from '../core/checks/report';
import { MARKS_SHEET, markKey, marksSheet, planMarks, readMarks, sameFill, wantedMarks } from '../core/checks/marks';
import { SheetSpec } from '../core/book/model';
import { WorkbookSnapshot } from '../core/book/snapshot';
import { readPlanSpec } from '../core/book/export';
import { AnnexOptions, AnnexReport, annexGeneration } from '../core/book/annex/generate';
import { Message } from '../core/i18n';
import { ApiSupport, ApplyReport, applyDescription, readSnapshot } from './office';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OperationCost {
  syncs: number;
}

/** Where a long operation is: the pane shows it as a bar with a line of text. */
export interface Progress {
  stage: 'read' | 'compute' | 'write' | 'done';
  /** 0–1 over the whole operation. */
  fraction: number;
}
export type ProgressListener = (progress: Progress) => void;

/** Reading is about a tenth of the work, computing a tenth, writing the rest. */
export function writeProgress(onProgress: ProgressListener | undefined): ((fraction: number) => void) | undefined {
  return onProgress ? (f) => onProgress({ stage: 'write', fraction: 0.2 + 0.8 * f }) : undefined;
}

export type GenerateOutcome =
  | ({ ok: true; report: GenerationReport; apply: ApplyReport | null } & OperationCost)
  | ({ ok: false; errors: Message[] } & OperationCost);

/**
 * Reads the sheets a plan generation needs: KH's standard sheets, the project sheets of the spec,
 * _kh, and — when _kh names sheets under other names — those too (a second read, only then).
 */
async function readForPlan(context: Excel.RequestContext, spec: PlanSpec, support: ApiSupport): Promise<{ snapshot: WorkbookSnapshot; allSheets: Array<{ name: string; protected: boolean }>; syncs: number }> {
  const wanted = [SHEET.info, SHEET.summary, SHEET.catalog, SHEET.meta, ...spec.items.map((i) => projectSheetName(i.code.split('.')[0]))];
  const first = await readSnapshot(context, [...new Set(wanted)], support);
  const listed = [...generatedSheets(first.snapshot).values()].map((v) => v.name);
  const missing = listed.filter((n) => !first.snapshot.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase()));
  if (missing.length === 0) return first;
  const second = await readSnapshot(context, missing, support);
  return {
    snapshot: { sheets: [...first.snapshot.sheets, ...second.snapshot.sheets], names: first.snapshot.names },
    allSheets: first.allSheets,
    syncs: first.syncs + second.syncs,
  };
}

type PlanOptions = Omit<TemplateOptions, 'sheetNames'> & { payloadBudget?: number; onProgress?: ProgressListener };

/** The read and the pure diff that generating a plan starts with; nothing written. */
async function planAgainstWorkbook(context: Excel.RequestContext, spec: PlanSpec, support: ApiSupport, options: PlanOptions) {
  options.onProgress?.({ stage: 'read', fraction: 0 });
  const read = await readForPlan(context, spec, support);
  options.onProgress?.({ stage: 'compute', fraction: 0.1 });
  // sheets that exist but were not read still count as taken names
  const snapshot: WorkbookSnapshot = {
    ...read.snapshot,
    sheets: [
      ...read.snapshot.sheets,
      ...read.allSheets.filter((s) => !read.snapshot.sheets.some((x) => x.name.toLowerCase() === s.name.toLowerCase())).map((s) => ({ name: s.name, visibility: 'visible' as const, values: [], formulas: [] })),
    ],
  };
  return { read, result: planGeneration(spec, snapshot, options) };
}

/** What creating the plan would do (sheets created, refreshed, renamed, rows added), without writing: the wizard's preview. */
export async function previewPlan(run: ExcelRun, spec: PlanSpec, support: ApiSupport, options: PlanOptions = {}): Promise<GenerateOutcome> {
  return run(async (context) => {
    const { read, result } = await planAgainstWorkbook(context, spec, support, options);
    if (!result.ok) return { ok: false, errors: result.errors, syncs: read.syncs };
    return { ok: true, report: result.report, apply: null, syncs: read.syncs };
  });
}

/** Creates or refreshes the plan workbook: everything computed and validated before any write. */
export async function generatePlan(run: ExcelRun, spec: PlanSpec, support: ApiSupport, options: PlanOptions = {}): Promise<GenerateOutcome> {
  return run(async (context) => {
    const { read, result } = await planAgainstWorkbook(context, spec, support, options);
    if (!result.ok) return { ok: false, errors: result.errors, syncs: read.syncs };
    if (result.report.unchanged) {
      options.onProgress?.({ stage: 'done', fraction: 1 });
      return { ok: true, report: result.report, apply: null, syncs: read.syncs };
    }
    // a plan made from nothing carries the fingerprint of its figures on Thông tin, as kh new's does;
    // a refresh keeps the officer's values, which the patch does not hold, so it is not stamped
    const patch = result.report.refreshed.length === 0 ? stampFingerprint(result.patch).description : result.patch;
    const apply = await applyDescription(context, patch, support, { sheets: read.allSheets, names: read.snapshot.names, snapshot: read.snapshot }, options.payloadBudget, writeProgress(options.onProgress));
    options.onProgress?.({ stage: 'done', fraction: 1 });
    return { ok: true, report: result.report, apply, syncs: read.syncs + apply.syncs };
  });
}

export type AnnexOutcome =
  | ({ ok: true; report: AnnexReport; apply: ApplyReport | null } & OperationCost)
  | ({ ok: false; errors: Message[] } & OperationCost);

/**
 * Builds or refreshes the annexes: one read of every sheet, the plan read back from its sheets,
 * the annexes computed in the core (the officer's notes and rows kept), one write — none when the
 * annexes already match.
 */
export async function buildAnnexesInExcel(run: ExcelRun, support: ApiSupport, options: AnnexOptions & { payloadBudget?: number; onProgress?: ProgressListener } = {}): Promise<AnnexOutcome> {
  return run(async (context) => {
    options.onProgress?.({ stage: 'read', fraction: 0 });
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = sheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET);
    const read = await readSnapshot(context, names, support);
    options.onProgress?.({ stage: 'compute', fraction: 0.1 });
    const spec = readPlanSpec(read.snapshot);
    const result = annexGeneration(spec, read.snapshot, options);
    const syncs = 1 + read.syncs;
    if (!result.ok) return { ok: false, errors: result.errors, syncs };
    if (result.patch.sheets.length === 0) {
      options.onProgress?.({ stage: 'done', fraction: 1 });
      return { ok: true, report: result.report, apply: null, syncs };
    }
    const apply = await applyDescription(context, result.patch, support, { sheets: read.allSheets, names: read.snapshot.names, snapshot: read.snapshot }, options.payloadBudget, writeProgress(options.onProgress));
    options.onProgress?.({ stage: 'done', fraction: 1 });
    return { ok: true, report: result.report, apply, syncs: syncs + apply.syncs };
  });
}

/** Send-safe on the open workbook: every sheet read, KH.* formulas replaced, one write. */
export async function sendSafeInExcel(run: ExcelRun, support: ApiSupport): Promise<{ changes: SendSafeChange[]; syncs: number }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const read = await readSnapshot(context, sheets.items.map((s) => s.name), support);
    const { patch, changes } = sendSafe(read.snapshot);
    if (changes.length === 0) return { changes, syncs: 1 + read.syncs };
    const apply = await applyDescription(context, patch, support, { sheets: read.allSheets, names: read.snapshot.names, snapshot: read.snapshot });
    return { changes, syncs: 1 + read.syncs + apply.syncs };
  });
}

/**
 * Checks the open workbook: one read of every sheet (with fonts where ExcelApi 1.9 allows, for
 * legacy text), the rules in the core, and — when asked — the "Kiểm tra" sheet written in one more
 * sync. Checking itself never changes a value.
 */
export async function checkInExcel(
  run: ExcelRun,
  support: ApiSupport,
  options: { report?: boolean; marks?: boolean; lang?: 'vi' | 'en'; tolerance?: number; onProgress?: ProgressListener } = {},
): Promise<{ result: CheckResult; syncs: number; marked: number; snapshot: WorkbookSnapshot }> {
  return run(async (context) => {
    options.onProgress?.({ stage: 'read', fraction: 0 });
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = sheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET);
    const read = await readSnapshot(context, names, support, { fonts: true });
    options.onProgress?.({ stage: 'compute', fraction: 0.4 });
    const marksSnapshot = read.snapshot.sheets.find((s) => s.name === MARKS_SHEET);
    const snapshot = { ...read.snapshot, sheets: read.snapshot.sheets.filter((s) => s !== marksSnapshot) };
    const result = runChecks(snapshot, { tolerance: options.tolerance });
    options.onProgress?.({ stage: 'write', fraction: 0.7 });
    let syncs = 1 + read.syncs;
    const previous = readMarks(marksSnapshot?.values);
    const sheetsOut: SheetSpec[] = [];
    let marked = 0;
    if (options.marks || previous.length > 0) {
      // marks go on KH's sheets (protected with formatting allowed) and the officer's unprotected ones
      const ours = new Set([...generatedSheets(snapshot).values()].map((v) => v.name.toLowerCase()));
      const markable = (name: string): boolean => {
        const meta = read.allSheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
        return Boolean(meta) && (!meta?.protected || ours.has(name.toLowerCase()));
      };
      const wanted = options.marks ? wantedMarks(result.findings, markable) : [];
      const fills = [...previous, ...wanted].filter((m) => markable(m.sheet)).map((m) => {
        const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        fill.load('color');
        return { key: markKey(m.sheet, m.cell), fill };
      });
      await context.sync();
      syncs++;
      const plan = planMarks(previous.filter((m) => markable(m.sheet)), wanted, new Map(fills.map((f) => [f.key, f.fill.color ?? null])));
      for (const r of plan.restore) {
        const fill = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill;
        if (r.fill === null || sameFill(r.fill, null)) fill.clear();
        else fill.color = r.fill;
      }
      for (const m of plan.apply) context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill.color = m.color;
      sheetsOut.push(marksSheet(plan.apply));
      marked = plan.apply.length;
    }
    if (options.report) sheetsOut.push(reportSheet(result.findings.map(render), options.lang ?? 'vi'));
    if (sheetsOut.length > 0) {
      const apply = await applyDescription(context, { sheets: sheetsOut, names: [], styles: { ...STYLES, ...REPORT_STYLES } }, support, { sheets: read.allSheets, names: [], snapshot });
      syncs += apply.syncs;
    }
    options.onProgress?.({ stage: 'done', fraction: 1 });
    return { result, syncs, marked, snapshot };
  });
}
