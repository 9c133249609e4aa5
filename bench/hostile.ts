/**
 * Hostile files against the built `kh check`: wall time and peak memory of each refusal, and of
 * the largest files the limits still accept. `npx tsx bench/hostile.ts` prints the table kept in
 * docs/design.md ("Hostile files"). Peak memory is the maximum resident set size reported by GNU
 * time (/usr/bin/time). Without it, a preload script this bench writes reports the process's own
 * maxRSS at exit — an upper bound: Linux carries the high-water mark of the forked parent across
 * exec. Nothing in the command reads either.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, closeSync, openSync, ftruncateSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { messageKeys, translate, MessageKey } from '../src/core/i18n';
import { buildPlanWithAnnexes } from '../src/core/book/annex/generate';
import { LAI_CHAU_2024 } from '../src/core/examples/lai-chau-2024';
import { descriptionToXlsx } from '../src/workbook/exceljs';
import { READ_LIMITS } from '../src/workbook/preflight';
import { HOSTILE, asXlsm, grid, hugeSharedStrings, hugeValidation, spreadBomb, truncated } from '../test/trust/hostile-files';
import { fullPlanSpec } from './plans';
import { table } from './harness';

const ROOT = join(__dirname, '..');

interface Measured {
  file: string;
  what: string;
  bytes: number;
  seconds: number;
  peakMb: number;
  exit: number | null;
  key: string;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** The catalogue key whose template the line matches (placeholders as wildcards). */
function keyOf(line: string): string {
  for (const key of messageKeys().filter((k) => k.startsWith('input.'))) {
    const template = translate(key as MessageKey, {}, 'en').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+');
    if (new RegExp(`^kh: ${template}$`).test(line)) return key;
  }
  return line.slice(0, 60);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kh-hostile-bench-'));
  execFileSync('npx', ['webpack', '--config', 'webpack.cli.config.js', '--output-path', join(dir, 'build')], { cwd: ROOT, stdio: 'inherit' });
  const kh = join(dir, 'build', 'kh.cjs');
  const hook = join(dir, 'peak.cjs');
  writeFileSync(hook, "process.on('exit', () => require('fs').writeFileSync(process.env.KH_BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");

  const built = buildPlanWithAnnexes(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  const plan = await descriptionToXlsx(built.description);
  const big = buildPlanWithAnnexes(fullPlanSpec(10_000));
  if (!big.ok) throw new Error('large plan does not build');
  const bigPlan = await descriptionToXlsx(big.description);

  const files: Array<{ name: string; what: string; bytes?: () => Buffer | Promise<Buffer>; sparse?: number }> = [
    ...HOSTILE.map((h) => ({ name: h.name, what: h.what, bytes: h.bytes })),
    { name: 'cat-nua.xlsx', what: 'a plan cut at half its length', bytes: () => truncated(plan, 0.5) },
    { name: 'cat-duoi.xlsx', what: 'a plan missing its last bytes', bytes: () => truncated(plan, 0.9995) },
    { name: 'qua-lon.xlsx', what: 'a 201 MB file', sparse: 201 * 2 ** 20 },
    // the largest files the limits accept
    { name: 'gioi-han-dong.xlsx', what: `accepted: ${READ_LIMITS.maxRowsPerSheet.toLocaleString('en-US')} rows of one number`, bytes: () => grid(READ_LIMITS.maxRowsPerSheet, 1) },
    { name: 'gioi-han-o.xlsx', what: `accepted: ${READ_LIMITS.maxCells.toLocaleString('en-US')} numbers (${(READ_LIMITS.maxCells / 10).toLocaleString('en-US')} rows × 10)`, bytes: () => grid(READ_LIMITS.maxCells / 10, 10) },
    { name: 'gioi-han-chuoi.xlsx', what: 'accepted: 999,999 shared strings', bytes: () => hugeSharedStrings(999_999) },
    { name: 'gioi-han-nen.xlsx', what: 'accepted: 500 parts of 1 MB blanks (500 MB unpacked)', bytes: () => spreadBomb(500) },
    { name: 'kiem-tra-hai-cot.xlsx', what: 'accepted: data validation on two whole columns', bytes: () => hugeValidation('D1:D1048576 F1:F1048576') },
    { name: 'ke-hoach-10k.xlsx', what: 'accepted: a KH plan of 10,000 activities with annexes', bytes: () => bigPlan },
    { name: 'co-macro.xlsm', what: 'accepted: the example plan as .xlsm with a VBA project', bytes: () => asXlsm(plan) },
  ];

  const results: Measured[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    if (f.sparse) {
      const fd = openSync(path, 'w');
      ftruncateSync(fd, f.sparse);
      closeSync(fd);
    } else writeFileSync(path, await (f.bytes as () => Buffer | Promise<Buffer>)());
    const peakFile = join(dir, 'peak.txt');
    writeFileSync(peakFile, '0');
    const args = ['check', f.name, '--lang', 'en'];
    const t0 = performance.now();
    const r = GNU_TIME
      ? spawnSync(GNU_TIME, ['-f', '%M', '-o', peakFile, 'node', kh, ...args], { cwd: dir, encoding: 'utf8', timeout: 300_000 })
      : spawnSync('node', ['--require', hook, kh, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, KH_BENCH_PEAK_FILE: peakFile }, timeout: 300_000 });
    const seconds = (performance.now() - t0) / 1000;
    const peakMb = Number(readFileSync(peakFile, 'utf8').trim().split('\n').pop()) / 1024;
    const line = r.stderr.trim().split('\n').filter(Boolean)[0] ?? '';
    results.push({ file: f.name, what: f.what, bytes: statSync(path).size, seconds, peakMb, exit: r.status, key: line ? keyOf(line) : '—' });
    process.stderr.write(`${f.name}: ${seconds.toFixed(2)} s, ${peakMb.toFixed(0)} MB, exit ${r.status}\n`);
  }
  const size = (b: number): string => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
  console.log(`kh check on hostile files — node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(table(['file', 'what it is', 'size', 'time (s)', 'peak memory (MB)', 'exit', 'message'], results.map((m) => [m.file, m.what, size(m.bytes), m.seconds.toFixed(2), m.peakMb.toFixed(0), String(m.exit), m.key])));
}

void main();
