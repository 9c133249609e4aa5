/**
 * Đối chiếu hai bản in the pane: the open workbook read the way Kiểm tra reads it (the list of
 * sheets, then every sheet in one read: 2 syncs, whatever the size), checked in the core and
 * compared with the earlier version the officer picked (already a snapshot, read in the browser).
 * Nothing is written.
 */
import { CheckResult, runChecks } from '../core/checks/engine';
import { REPORT_SHEET } from '../core/checks/report';
import { MARKS_SHEET } from '../core/checks/marks';
import { WorkbookSnapshot } from '../core/book/snapshot';
import { PlanDiff, diffPlans } from '../core/province/diff';
import { Fingerprint, fingerprintOf } from '../core/province/fingerprint';
import { ApiSupport, readSnapshot } from './office';
import type { ExcelRun } from './operations';

export interface Comparison {
  diff: PlanDiff;
  fingerprints: { before: Fingerprint; after: Fingerprint };
  /** The open workbook as checked. */
  after: CheckResult;
  syncs: number;
}

export async function compareInExcel(run: ExcelRun, support: ApiSupport, before: WorkbookSnapshot): Promise<Comparison> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    // KH's own report and marks are not the plan
    const names = sheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET && n !== MARKS_SHEET);
    const read = await readSnapshot(context, names, support, { fonts: true });
    const earlier = runChecks(before);
    const after = runChecks(read.snapshot);
    return { diff: diffPlans(earlier, after), fingerprints: { before: fingerprintOf(earlier.model.tables), after: fingerprintOf(after.model.tables) }, after, syncs: 1 + read.syncs };
  });
}
