/**
 * Writing and reading plan workbooks: syncs and time through the strict Excel fake (the same
 * adapter code Excel runs), against a naive writer that syncs after every cell; and the .xlsx path.
 * The fake answers a sync in microseconds; in Excel on the web each round trip costs 50–300 ms,
 * so the "at 100 ms / sync" column is what an officer would wait.
 */
import { performance } from 'perf_hooks';
import { ExcelFake } from '../src/testing/excel-fake';
import { ExcelRun, generatePlan } from '../src/workbook/operations';
import { readSnapshot, cellInput } from '../src/workbook/office';
import { buildPlanWorkbook } from '../src/core/book/template';
import { cellsOf } from '../src/core/book/model';
import { cellAddress } from '../src/core/book/address';
import { descriptionToXlsx, xlsxToSnapshot } from '../src/workbook/exceljs';
import { fullPlanSpec } from './plans';
import { fmtMs, table } from './harness';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

async function naiveWrite(fake: ExcelFake, activities: number): Promise<{ syncs: number; ms: number; cells: number }> {
  const built = buildPlanWorkbook(fullPlanSpec(activities));
  if (!built.ok) throw new Error('build');
  const t0 = performance.now();
  let cells = 0;
  await fake.run(async (context) => {
    for (const sheet of built.description.sheets) {
      const ws = context.workbook.worksheets.add(sheet.name);
      for (const [r, c, spec] of cellsOf(sheet)) {
        ws.getRange(cellAddress(r, c)).formulas = [[cellInput(spec) as never]];
        cells++;
        await context.sync();
      }
    }
  });
  return { syncs: fake.syncCount, ms: performance.now() - t0, cells };
}

export async function runWorkbookBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  const reads: Array<Array<string | number>> = [];
  for (const activities of [100, 1000, 10000]) {
    const spec = fullPlanSpec(activities);
    const built = buildPlanWorkbook(spec);
    if (!built.ok) throw new Error('build');
    const dataRows = built.projects.reduce((n, p) => n + p.rows.length, 0);

    const fake = new ExcelFake();
    const t0 = performance.now();
    const outcome = await generatePlan(runOn(fake), spec, fake);
    const ms = performance.now() - t0;
    if (!outcome.ok) throw new Error('generate');
    const maxBytes = Math.max(...fake.syncLog.map((s) => s.bytes));

    let naive: { syncs: number; ms: number; cells: number } | null = null;
    if (activities <= 1000) naive = await naiveWrite(new ExcelFake(), activities);

    rows.push([
      dataRows.toLocaleString('en-US'),
      fake.syncCount,
      fmtMs(ms),
      `${(maxBytes / 1024).toFixed(0)} KB`,
      `${((fake.syncCount * 100) / 1000).toFixed(1)} s`,
      naive ? naive.syncs.toLocaleString('en-US') : '(one per cell)',
      naive ? fmtMs(naive.ms) : '—',
      naive ? `${((naive.syncs * 100) / 1000 / 60).toFixed(0)} min` : '—',
      naive ? `${(naive.syncs / fake.syncCount).toFixed(0)}×` : '—',
    ]);

    // reading back: one office.js snapshot of every sheet, and the .xlsx path
    const names = fake.sheetNames();
    fake.resetCounters();
    const r0 = performance.now();
    await fake.run((context) => readSnapshot(context as never, names, fake));
    const readMs = performance.now() - r0;
    const bytes = await descriptionToXlsx(built.description);
    const x0 = performance.now();
    await xlsxToSnapshot(bytes);
    const xlsxMs = performance.now() - x0;
    reads.push([dataRows.toLocaleString('en-US'), fake.syncCount, fmtMs(readMs), `${(bytes.length / 1024).toFixed(0)} KB`, fmtMs(xlsxMs)]);
  }
  return [
    '### Generating a plan (all 7 Dự án, every Tiểu dự án, N activity rows) — strict Excel fake',
    '',
    table(['data rows', 'syncs', 'time (ms)', 'largest request', 'at 100 ms / sync', 'naive syncs', 'naive time (ms)', 'naive at 100 ms / sync', 'sync ratio'], rows),
    '',
    '### Reading a plan back',
    '',
    table(['data rows', 'office.js syncs', 'office.js read (ms)', '.xlsx size', '.xlsx → snapshot (ms)'], reads),
  ].join('\n');
}
