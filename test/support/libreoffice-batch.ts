/**
 * Many workbooks recalculated by ONE LibreOffice start: `soffice --convert-to xlsx` takes a list of
 * files, so a corpus of a hundred workbooks costs one start (~5 s here) plus a fraction of a second
 * each, instead of a start per file as `recalculate` in libreoffice.ts does. Same profile facts as
 * there: OOXMLRecalcMode = 0 (always recalculate), whole-cell criteria, wildcards on.
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RecalcResult, findSoffice, readComputed } from './libreoffice';

export interface BatchResult {
  /** Per input name: every non-empty cell as LibreOffice computed it. */
  books: Record<string, Omit<RecalcResult, 'elapsedMs'>>;
  /** Wall time of the single LibreOffice run. */
  elapsedMs: number;
}

function profileXcu(): string {
  const prop = (path: string, name: string, type: string, value: string | number | boolean) =>
    `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse" oor:type="xs:${type}"><value>${value}</value></prop></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    prop('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', 'int', 0),
    prop('/org.openoffice.Office.Calc/Formula/Load', 'ODFRecalcMode', 'int', 0),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'Wildcards', 'boolean', true),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'RegularExpressions', 'boolean', false),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'SearchCriteria', 'boolean', true),
    '</oor:items>',
    '',
  ].join('\n');
}

function run(soffice: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // own process group, so a time-out kills soffice.bin and not only the oosplash wrapper
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`LibreOffice could not start (${soffice}): ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`LibreOffice timed out after ${Math.round(timeoutMs / 1000)} s (killed)\n${output}`));
      else if (code !== 0) reject(new Error(`LibreOffice failed: exit ${code ?? signal}\n${output}`));
      else resolve(output);
    });
  });
}

/**
 * Recalculates every workbook (name → .xlsx bytes) in one LibreOffice run and reads back what it
 * computed. Names are only labels: the files are written as book-0001.xlsx … in a temp folder.
 */
export async function recalculateMany(books: Record<string, Uint8Array>, options: { timeoutMs?: number } = {}): Promise<BatchResult> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice not found (install libreoffice-calc: scripts/ci-apt.sh)');
  const names = Object.keys(books);
  const work = mkdtempSync(join(tmpdir(), 'kh-lo-batch-'));
  try {
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileXcu());
    mkdirSync(join(work, 'in'));
    const files = names.map((name, i) => {
      const file = `book-${String(i + 1).padStart(4, '0')}.xlsx`;
      writeFileSync(join(work, 'in', file), books[name]);
      return file;
    });
    const outDir = join(work, 'out');
    mkdirSync(outDir);
    const started = Date.now();
    const output = await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files.map((f) => join(work, 'in', f))],
      options.timeoutMs ?? 120_000 + 5_000 * names.length,
    );
    const elapsedMs = Date.now() - started;
    const result: BatchResult['books'] = {};
    for (const [i, name] of names.entries()) {
      const out = join(outDir, files[i]);
      // soffice exits 0 even when it could not load or save a file: the file is the proof
      if (!existsSync(out)) throw new Error(`LibreOffice wrote nothing for "${name}" (${files[i]})\n${output}`);
      result[name] = await readComputed(out);
    }
    return { books: result, elapsedMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
