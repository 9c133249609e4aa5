/**
 * `kh consolidate DIR`: the province's plan from 50 / 200 / 800 commune plans (files generated
 * here, 10 activity rows each, amounts varied per commune): read every file, make the spec, build
 * the workbook with its annexes and fingerprint, write it. Time, peak memory (RSS sampled after each
 * file and each stage), and the scaling exponent. In process: the functions the command runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { buildPlanWorkbook } from '../src/core/book/template';
import { buildPlanWithAnnexes } from '../src/core/book/annex/generate';
import { descriptionToXlsx } from '../src/workbook/exceljs';
import { checkFile, workbooksIn } from '../src/cli/batch';
import { consolidate } from '../src/core/province/consolidate';
import { stampFingerprint } from '../src/core/province/stamp';
import { fullPlanSpec } from './plans';
import { fmtMs, scalingExponent, table } from './harness';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

export async function runConsolidateBench(): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  const points: Array<[number, number]> = [];
  for (const count of [50, 200, 800]) {
    const dir = mkdtempSync(join(tmpdir(), 'kh-consolidate-bench-'));
    try {
      const base = fullPlanSpec(10);
      for (let i = 0; i < count; i++) {
        const spec = { ...base, level: 'xa' as const, issuer: `UBND xã ${i + 1}`, area: `xã ${i + 1}`, activities: base.activities.map((a, k) => ({ ...a, amounts: { centralRecurrent: 100 + ((i * 7 + k) % 97) } })) };
        const built = buildPlanWorkbook(spec);
        if (!built.ok) throw new Error('build');
        writeFileSync(join(dir, `xa-${String(i + 1).padStart(3, '0')}.xlsx`), await descriptionToXlsx(built.description));
      }
      (globalThis as { gc?: () => void }).gc?.();
      let peak = process.memoryUsage().rss;
      const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));
      const t0 = performance.now();
      const communes = [];
      for (const f of workbooksIn(dir)) {
        const o = await checkFile(f, dir);
        if (o.result) communes.push({ file: o.file, commune: o.file, tables: o.result.model.tables });
        sample();
      }
      const tRead = performance.now();
      const { spec } = consolidate(communes, { province: 'Lai Châu', year: 2025 });
      const built = buildPlanWithAnnexes(spec);
      if (!built.ok) throw new Error('consolidated plan not built');
      sample();
      const bytes = await descriptionToXlsx(stampFingerprint(built.description).description);
      sample();
      const ms = performance.now() - t0;
      points.push([count, ms]);
      rows.push([count, spec.activities.length, fmtMs(ms), fmtMs(tRead - t0), fmtMs(ms - (tRead - t0)), mb(peak), (bytes.length / 1024).toFixed(0)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    '### Consolidating a province from its commune plans (read all, build the province workbook with Biểu 01–03, write)',
    '',
    table(['communes', 'rows', 'total (ms)', 'reading files (ms)', 'build + write (ms)', 'peak RSS (MB)', 'output (KB)'], rows),
    '',
    `Scaling exponent (50→800 communes): ${scalingExponent(points).toFixed(2)}`,
  ].join('\n');
}
