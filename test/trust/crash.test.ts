/**
 * Crash safety of the built `kh` command: killed with SIGKILL at several moments of a long write
 * (`kh new` of a large plan, `kh annex` into a new file and --in-place), the input is untouched,
 * the final output is absent or a complete workbook, and the next run removes the temporary file
 * a killed run left. The moment "while writing" is caught without any hook in the command: the
 * folder is watched, and the process is stopped (SIGSTOP) as soon as its temporary file appears,
 * then killed.
 */
import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { fullPlanSpec } from '../../bench/plans';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { buildKh, runKh, sha256 } from './kh-process';

let kh = '';
const dir = mkdtempSync(join(tmpdir(), 'kh-crash-'));

beforeAll(() => {
  kh = buildKh();
  writeFileSync(join(dir, 'lon.json'), JSON.stringify(fullPlanSpec(3000)));
}, 300_000);

const TEMP = /^\..+\.\d+\.tmp$/;

function temps(folder: string): string[] {
  return readdirSync(folder).filter((f) => TEMP.test(f));
}

function start(args: string[]): ChildProcess {
  return spawn('node', [kh, ...args], { cwd: dir, stdio: 'ignore' });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function killAfter(args: string[], ms: number): Promise<void> {
  const child = start(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited(child);
  clearTimeout(timer);
}

/** Stops the process the moment its temporary file appears, then kills it: true if caught mid-write. */
async function killWhileWriting(args: string[], target: string): Promise<boolean> {
  const child = start(args);
  let caught = false;
  let fired = false;
  const watcher = watch(dirname(target), (_event, name) => {
    // only this run's own temporary file: the run first removes what killed runs left, and that removal fires events too
    if (fired || !name || name !== `.${basename(target)}.${child.pid}.tmp`) return;
    fired = true;
    child.kill('SIGSTOP');
    // frozen: nothing can change under us while we look
    caught = existsSync(join(dirname(target), name)) && !isNew(target);
    child.kill('SIGKILL');
  });
  await exited(child);
  watcher.close();
  return caught;
}

let baseline: Record<string, string> = {};
function isNew(target: string): boolean {
  return existsSync(target) && sha256(target) !== baseline[target];
}

/** Absent, or a workbook that reads completely (a torn zip is refused by the reader). */
async function absentOrComplete(target: string, sheets: string[]): Promise<'absent' | 'complete'> {
  if (!existsSync(target)) return 'absent';
  const snapshot = await xlsxToSnapshot(readFileSync(target));
  expect(snapshot.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(sheets));
  return 'complete';
}

async function timed(args: string[]): Promise<number> {
  const t0 = Date.now();
  const r = await runKh(kh, args, dir);
  expect(r.code).toBe(0);
  return Date.now() - t0;
}

const FRACTIONS = [0.3, 0.6, 0.9, 1.05];

describe('killed in the middle of writing', () => {
  test('kh new of a large plan: no half file under the final name; the next run cleans up', async () => {
    const input = join(dir, 'lon.json');
    const target = join(dir, 'moi.xlsx');
    const before = sha256(input);
    const full = await timed(['new', '--plan', 'lon.json', '-o', 'tham-chieu.xlsx']);
    for (const f of FRACTIONS) {
      await killAfter(['new', '--plan', 'lon.json', '-o', 'moi.xlsx', '--force'], Math.round(full * f));
      await absentOrComplete(target, ['Tổng hợp', 'Biểu 01']);
      expect(sha256(input)).toBe(before);
    }
    let caught = 0;
    for (let i = 0; i < 4 && caught < 2; i++) {
      baseline = { [target]: existsSync(target) ? sha256(target) : '' };
      if (await killWhileWriting(['new', '--plan', 'lon.json', '-o', 'moi.xlsx', '--force'], target)) caught++;
      await absentOrComplete(target, ['Tổng hợp']);
      expect(sha256(input)).toBe(before);
    }
    // at least one kill landed between the temporary file's creation and the rename
    expect(caught).toBeGreaterThan(0);
    expect(temps(dir).length).toBeGreaterThan(0);
    // the next run removes what the killed runs left
    await timed(['new', '--plan', 'lon.json', '-o', 'moi.xlsx', '--force']);
    expect(temps(dir)).toEqual([]);
    expect(await absentOrComplete(target, ['Tổng hợp', 'Biểu 01'])).toBe('complete');
  }, 300_000);

  test('kh annex -o and --in-place on a large plan: the input is the old file or the new one, never torn', async () => {
    await timed(['new', '--plan', 'lon.json', '-o', 'khong-bieu.xlsx', '--no-annex']);
    const input = join(dir, 'khong-bieu.xlsx');
    const original = sha256(input);
    const copy = join(dir, 'ra.xlsx');
    const full = await timed(['annex', 'khong-bieu.xlsx', '-o', 'tham-chieu-bieu.xlsx']);
    for (const f of FRACTIONS) {
      await killAfter(['annex', 'khong-bieu.xlsx', '-o', 'ra.xlsx', '--force'], Math.round(full * f));
      await absentOrComplete(copy, ['Tổng hợp', 'Biểu 01']);
      expect(sha256(input)).toBe(original);
    }
    baseline = { [copy]: existsSync(copy) ? sha256(copy) : '' };
    await killWhileWriting(['annex', 'khong-bieu.xlsx', '-o', 'ra.xlsx', '--force'], copy);
    expect(sha256(input)).toBe(original);

    // in place: before the rename the input is byte for byte the original, after it the complete new workbook
    let replaced = false;
    for (const f of [0.3, 0.7, 0.9]) {
      if (replaced) break;
      await killAfter(['annex', 'khong-bieu.xlsx', '--in-place'], Math.round(full * f));
      if (sha256(input) !== original) {
        replaced = true;
        expect(await absentOrComplete(input, ['Tổng hợp', 'Biểu 01'])).toBe('complete');
      }
    }
    if (!replaced) {
      baseline = { [input]: original };
      await killWhileWriting(['annex', 'khong-bieu.xlsx', '--in-place'], input);
      const now = sha256(input);
      if (now !== original) expect(await absentOrComplete(input, ['Tổng hợp', 'Biểu 01'])).toBe('complete');
    }
    await timed(['annex', 'khong-bieu.xlsx', '-o', 'ra.xlsx', '--force']);
    await timed(['annex', 'khong-bieu.xlsx', '--in-place']);
    expect(temps(dir)).toEqual([]);
  }, 300_000);
});

describe('leftover temporary files', () => {
  test("one of a process still running is kept; one of a dead process is removed; other outputs' are left alone", async () => {
    const running = `.giu.xlsx.${process.pid}.tmp`;
    const dead = start(['--help']);
    await exited(dead);
    const stale = `.giu.xlsx.${dead.pid}.tmp`;
    const other = `.khac.xlsx.${dead.pid}.tmp`;
    for (const f of [running, stale, other]) writeFileSync(join(dir, f), 'PK');
    await timed(['new', '--plan', 'lon.json', '-o', 'giu.xlsx', '--force']);
    expect(existsSync(join(dir, running))).toBe(true);
    expect(existsSync(join(dir, stale))).toBe(false);
    expect(existsSync(join(dir, other))).toBe(true);
  }, 120_000);
});
