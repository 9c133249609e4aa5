/**
 * `kh check DIR`: checking a folder of 50 / 200 commune plans (files generated here, each with
 * 20–60 activity rows), files per second and scaling, in process (the same functions the command runs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { buildPlanWorkbook } from '../src/core/book/template';
import { descriptionToXlsx } from '../src/workbook/exceljs';
import { checkFile, summaryWorkbook, workbooksIn } from '../src/cli/batch';
import { fullPlanSpec } from './plans';
import { fmtMs, scalingExponent, table } from './harness';

export async function runBatchBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  const points: Array<[number, number]> = [];
  for (const count of [50, 200]) {
    const dir = mkdtempSync(join(tmpdir(), 'kh-batch-bench-'));
    try {
      for (let i = 0; i < count; i++) {
        const spec = { ...fullPlanSpec(20 + (i % 41)), level: 'xa' as const, issuer: `UBND xã ${i + 1}`, area: `xã ${i + 1}` };
        const built = buildPlanWorkbook(spec);
        if (!built.ok) throw new Error('build');
        writeFileSync(join(dir, `xa-${String(i + 1).padStart(3, '0')}.xlsx`), await descriptionToXlsx(built.description));
      }
      const t0 = performance.now();
      const outcomes = [];
      for (const f of workbooksIn(dir)) outcomes.push(await checkFile(f, dir));
      await descriptionToXlsx(summaryWorkbook(outcomes));
      const ms = performance.now() - t0;
      points.push([count, ms]);
      rows.push([count, fmtMs(ms), (count / (ms / 1000)).toFixed(1), fmtMs(ms / count)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    '### Checking a folder of commune plans (read, all rules, summary workbook)',
    '',
    table(['files', 'time (ms)', 'files/s', 'ms per file'], rows),
    '',
    `Scaling exponent (50→200 files): ${scalingExponent(points).toFixed(2)}`,
  ].join('\n');
}
