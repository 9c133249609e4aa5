/**
 * Checking plans of 1k / 10k / 50k data rows (16 columns per project sheet): every registered rule
 * over a snapshot taken in memory from the generated description (as the office.js read gives it).
 */
import { performance } from 'perf_hooks';
import { buildPlanWorkbook } from '../src/core/book/template';
import { WorkbookDescription, cellsOf, sheetExtent } from '../src/core/book/model';
import { WorkbookSnapshot, SheetSnapshot } from '../src/core/book/snapshot';
import { runChecks } from '../src/core/checks/engine';
import { RULES } from '../src/core/checks/rules';
import { fullPlanSpec } from './plans';
import { fmtMs, scalingExponent, table, median } from './harness';

/** What a read of the generated workbook returns before any spreadsheet computed it. */
export function descriptionSnapshot(description: WorkbookDescription): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = description.sheets.map((sheet) => {
    const { rows, cols } = sheetExtent(sheet);
    const values = Array.from({ length: rows }, () => new Array(cols).fill(null));
    const formulas = Array.from({ length: rows }, () => new Array(cols).fill(null));
    for (const [r, c, spec] of cellsOf(sheet)) {
      if (spec.formula) formulas[r][c] = spec.formula;
      else values[r][c] = spec.value ?? null;
    }
    return { name: sheet.name, visibility: sheet.visibility ?? 'visible', values, formulas };
  });
  return { sheets, names: description.names };
}

export async function runChecksBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  const points: Array<[number, number]> = [];
  for (const activities of [1000, 10000, 50000]) {
    const built = buildPlanWorkbook(fullPlanSpec(activities));
    if (!built.ok) throw new Error('build');
    const snapshot = descriptionSnapshot(built.description);
    const dataRows = built.projects.reduce((n, p) => n + p.rows.length, 0);
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < (activities >= 50000 ? 3 : 5); i++) {
      const t0 = performance.now();
      findings = runChecks(snapshot).findings.length;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    points.push([dataRows, ms]);
    rows.push([dataRows.toLocaleString('en-US'), fmtMs(ms), Math.round((dataRows / ms) * 1000).toLocaleString('en-US'), findings]);
  }
  return [
    `### Checking a plan — ${RULES.length} rules (${RULES.map((r) => r.id).join(', ')}), median of 3–5 runs`,
    '',
    table(['data rows', 'time (ms)', 'rows/s', 'findings'], rows),
    '',
    `Scaling exponent (1k→50k): ${scalingExponent(points).toFixed(2)}`,
  ].join('\n');
}
