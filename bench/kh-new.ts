/**
 * `kh new` on large plans, as a process: wall time and peak memory (GNU time's maximum resident
 * set size), exit code, size of the file, and whether `kh check` reads it back. With
 * `--base <commit>` the same plans also go through the command built from that commit (sources
 * taken with git archive), for a before/after table. `npx tsx bench/kh-new.ts [--base 4d2be96]
 * [--sizes 10000,45000,60000]`; the table is kept in docs/design.md.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fullPlanSpec } from './plans';
import { table } from './harness';

const ROOT = join(__dirname, '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function build(sources: string, out: string): string {
  execFileSync('npx', ['webpack', '--config', 'webpack.cli.config.js', '--output-path', out], { cwd: sources, stdio: 'ignore' });
  return join(out, 'kh.cjs');
}

interface Run {
  seconds: number;
  peakMb: number;
  exit: number | null;
  stderr: string;
}

function timed(kh: string, args: string[], cwd: string): Run {
  const r = spawnSync('/usr/bin/time', ['-v', 'node', kh, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { seconds, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : NaN, exit: r.status, stderr: r.stderr.split('\n').filter((l) => l.startsWith('kh: ')).join(' ') };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'kh-new-bench-'));
  const sizes = (option('--sizes') ?? '10000,45000,60000').split(',').map(Number);
  const builds: Array<{ label: string; kh: string }> = [{ label: 'this tree', kh: build(ROOT, join(dir, 'now')) }];
  const base = option('--base');
  if (base) {
    const src = join(dir, 'base-src');
    mkdirSync(src);
    execFileSync('sh', ['-c', `git archive ${base} | tar -x -C '${src}'`], { cwd: ROOT });
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
    builds.unshift({ label: `base ${base}`, kh: build(src, join(dir, 'base')) });
  }
  const rows: Array<Array<string | number>> = [];
  for (const n of sizes) {
    writeFileSync(join(dir, `plan-${n}.json`), JSON.stringify(fullPlanSpec(n)));
    for (const b of builds) {
      const out = join(dir, `out-${n}.xlsx`);
      rmSync(out, { force: true });
      const made = timed(b.kh, ['new', '--plan', `plan-${n}.json`, '-o', out], dir);
      const written = existsSync(out);
      const check = written ? timed(b.kh, ['check', out], dir) : null;
      rows.push([
        n.toLocaleString('en-US'),
        b.label,
        made.seconds.toFixed(1),
        made.peakMb.toLocaleString('en-US'),
        made.exit ?? 'signal',
        written ? `${(statSync(out).size / 2 ** 20).toFixed(1)} MB` : '—',
        check ? (check.exit === 3 ? `refused: ${check.stderr.slice(4, 70)}…` : `read (exit ${check.exit}, ${check.seconds.toFixed(1)} s, ${check.peakMb.toLocaleString('en-US')} MB)`) : made.stderr.slice(4, 90),
      ]);
      console.error(rows[rows.length - 1].join(' | '));
    }
  }
  console.log(table(['activities', 'kh', 'kh new (s)', 'peak (MB)', 'exit', 'file', 'kh check on it'], rows));
}

main();
