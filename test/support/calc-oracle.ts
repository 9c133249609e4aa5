/**
 * LibreOffice as the oracle: it opens our .xlsx, recalculates every formula (a fresh profile with
 * OOXMLRecalcMode = 0, "always recalculate"), and saves; we read the computed values back. Never
 * feed it a file with KH.* formulas: it lowercases unknown functions.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { promisify } from 'util';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { requireOrSkip } from './requirements';

const run = promisify(execFile);

export function findSoffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

/** true when LibreOffice is here; a loud skip on a newcomer's machine, a failure in CI. */
export function requireLibreOffice(): boolean {
  return requireOrSkip(findSoffice() !== null, 'LibreOffice (Debian package libreoffice-calc, installed by scripts/ci-apt.sh)');
}

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let queue: Promise<unknown> = Promise.resolve();

/** One conversion at a time: two cores, and soffice instances are heavy. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

async function convert(input: string, format: 'xlsx' | 'pdf', outDir: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice not found');
  const profile = mkdtempSync(join(tmpdir(), 'kh-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
  try {
    await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', format, '--outdir', outDir, input], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = join(outDir, basename(input).replace(/\.[^.]+$/, `.${format}`));
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** Recalculates an .xlsx in LibreOffice and returns the snapshot of what it computed. */
export function recalculate(xlsx: Buffer): Promise<WorkbookSnapshot> {
  return serial(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-lo-'));
    try {
      const input = join(dir, 'in', 'plan.xlsx');
      mkdirSync(join(dir, 'in'));
      writeFileSync(input, xlsx);
      const out = await convert(input, 'xlsx', join(dir, 'out'));
      return await xlsxToSnapshot(readFileSync(out));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** .xlsx → PDF through LibreOffice (for annex printing); returns the PDF path in outDir. */
export function toPdf(xlsxPath: string, outDir: string): Promise<string> {
  return serial(() => convert(xlsxPath, 'pdf', outDir));
}

/** PDF → one PNG per page (pdftoppm, Debian poppler-utils). */
export async function pdfToPngs(pdf: string, outPrefix: string, dpi = 60): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, outPrefix], { timeout: 60_000 });
}

/** A numeric cell as LibreOffice computed it; a formula whose cached result was 0 reads back empty. */
export function numberAt(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number): number {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const v = s.values[row]?.[col];
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v !== 'number') throw new Error(`${sheet} row ${row + 1} col ${col + 1}: not a number: ${String(v)}`);
  return v;
}
