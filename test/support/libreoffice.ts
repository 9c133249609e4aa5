/**
 * LibreOffice (headless) as the formula oracle for tests: it opens an .xlsx, recalculates every
 * formula, saves it again as .xlsx, and we read back what it computed with exceljs.
 *
 * Facts this relies on (LibreOffice 7.4, Debian 12):
 * - cached formula results in an .xlsx are trusted unless the profile says
 *   /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate"; the
 *   default 1 is "never"). Each run gets a fresh profile that says so (and ODFRecalcMode = 0).
 * - SUMIFS/COUNTIF criteria: loading an .xlsx turns wildcards (`*`, `?`, `~`) on and regular
 *   expressions off whatever the profile says, but "search criteria = and <> must apply to whole
 *   cells" comes from the profile (Calculate/Other/SearchCriteria): with it off, "DA3.1.*" also
 *   matches "XDA3.1.9", unlike Excel. The profile pins it on (and Wildcards on, RegularExpressions off).
 * - unknown functions are lowercased on save: a workbook with KH.* custom-function formulas must
 *   never be round-tripped through it (`recalculate` and `toPdf` refuse one).
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import ExcelJS from 'exceljs';
import { requireOrSkip } from './requirements';

export type CellValue = number | string | boolean | null;

export interface SheetResult {
  /** A1 address → computed value (formula cells: LibreOffice's result; errors as '#DIV/0!' etc.). */
  values: Record<string, CellValue>;
  /** A1 address → formula as LibreOffice saved it, without the leading '='. */
  formulas: Record<string, string>;
}

export interface RecalcResult {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  sheets: Record<string, SheetResult>;
  /** Wall time of the LibreOffice run (profile set-up, start, load, recalc, save). */
  elapsedMs: number;
}

export interface RecalcOptions {
  /** Kill LibreOffice and fail after this long; default 120 s. */
  timeoutMs?: number;
  /** 'always' (default) recalculates every formula; 'never' is LibreOffice's own default (trust caches). */
  recalc?: 'always' | 'never';
  /** Copy LibreOffice's output .xlsx here (for debugging) before the temp dir is removed. */
  keepOutputAs?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

/** The LibreOffice executable: `soffice`/`libreoffice` on PATH, then the Debian locations; null if none. */
export function findSoffice(): string | null {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => ['soffice', 'libreoffice'].map((name) => join(dir, name)));
  for (const p of [...onPath, ...CANDIDATES]) {
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not there
    }
  }
  return null;
}

/** true when LibreOffice is here; a loud skip on a newcomer's machine, a failure in CI (KH_REQUIRE_ALL=1). */
export function requireLibreOffice(): boolean {
  return requireOrSkip(findSoffice() !== null, 'LibreOffice (Debian package libreoffice-calc, installed by scripts/ci-apt.sh)');
}

/** true when pdftoppm (Debian poppler-utils) is here; same skip/fail rule. */
export function requirePdftoppm(): boolean {
  const found = (process.env.PATH ?? '/usr/bin').split(delimiter).some((dir) => existsSync(join(dir, 'pdftoppm')));
  return requireOrSkip(found, 'pdftoppm (Debian package poppler-utils, installed by scripts/ci-apt.sh)');
}

function profileXcu(recalcMode: number, locale?: string): string {
  const prop = (path: string, name: string, type: string, value: string | number | boolean) =>
    `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse" oor:type="xs:${type}"><value>${value}</value></prop></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    prop('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', 'int', recalcMode),
    prop('/org.openoffice.Office.Calc/Formula/Load', 'ODFRecalcMode', 'int', recalcMode),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'Wildcards', 'boolean', true),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'RegularExpressions', 'boolean', false),
    prop('/org.openoffice.Office.Calc/Calculate/Other', 'SearchCriteria', 'boolean', true),
    // the locale numbers are shown in (vi-VN: 1.728 with a dot), for pictures of printed sheets
    ...(locale ? [prop('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', 'string', locale)] : []),
    '</oor:items>',
    '',
  ].join('\n');
}

let queue: Promise<unknown> = Promise.resolve();

/** One LibreOffice at a time: the machine has two cores and a start costs about one of them. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function runSoffice(args: string[], timeoutMs: number, what: string): Promise<{ stdout: string; stderr: string }> {
  const soffice = findSoffice();
  if (!soffice) return Promise.reject(new Error('LibreOffice not found (install libreoffice-calc: scripts/ci-apt.sh)'));
  return new Promise((resolve, reject) => {
    // Own process group, so a time-out kills soffice.bin too and not only the oosplash wrapper.
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
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
      if (timedOut) {
        reject(new Error(`LibreOffice timed out after ${Math.round(timeoutMs / 1000)} s converting ${what} (killed)\n${stdout}${stderr}`));
      } else if (code !== 0) {
        reject(new Error(`LibreOffice failed converting ${what}: exit ${code ?? signal}\n${stdout}${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/**
 * Converts `input` with a fresh profile into `outDir`; returns the output path. The input is
 * copied to a temp dir under a fixed name first, so any file name works and input ≠ output.
 */
async function convert(input: string, format: 'xlsx' | 'pdf', outDir: string, recalc: 'always' | 'never', timeoutMs: number): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'kh-lo-'));
  try {
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileXcu(recalc === 'always' ? 0 : 1));
    mkdirSync(join(work, 'in'));
    const source = join(work, 'in', 'book.xlsx');
    copyFileSync(input, source);
    mkdirSync(outDir, { recursive: true });
    const target = join(outDir, `book.${format}`);
    rmSync(target, { force: true });
    const filter = format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'pdf:calc_pdf_Export';
    const { stdout, stderr } = await runSoffice(
      [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', filter, '--outdir', outDir, source],
      timeoutMs,
      input,
    );
    // soffice exits 0 even when it could not load or save: the file is the proof.
    if (!existsSync(target)) throw new Error(`LibreOffice wrote no ${format} for ${input}\n${stdout}${stderr}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Throws if any formula calls a KH.* custom function: LibreOffice would lowercase it and compute #NAME?. */
async function refuseCustomFunctions(xlsx: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = cell.formula;
        if (f && /(^|[^A-Za-z0-9_.])KH\./i.test(f)) {
          throw new Error(`${xlsx}: ${ws.name}!${cell.address} calls a KH.* custom function (=${f}); LibreOffice cannot compute it and lowercases it`);
        }
      }),
    ),
  );
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** Every non-empty cell of every sheet: computed value and, for formula cells, the formula. */
export async function readComputed(xlsx: string): Promise<Omit<RecalcResult, 'elapsedMs'>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const sheetNames: string[] = [];
  const sheets: Record<string, SheetResult> = {};
  wb.eachSheet((ws) => {
    const sheet: SheetResult = { values: {}, formulas: {} };
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula;
        if (formula) {
          sheet.formulas[cell.address] = formula;
          sheet.values[cell.address] = plain(cell.result);
        } else {
          sheet.values[cell.address] = plain(cell.value);
        }
      }),
    );
    sheetNames.push(ws.name);
    sheets[ws.name] = sheet;
  });
  return { sheetNames, sheets };
}

/**
 * Opens `input` (a path, or the bytes of an .xlsx) in LibreOffice, recalculates every formula,
 * saves as .xlsx and returns per sheet the computed values and the formulas as saved.
 */
export function recalculate(input: string | Uint8Array, options: RecalcOptions = {}): Promise<RecalcResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return serial(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-recalc-'));
    try {
      let path: string;
      if (typeof input === 'string') {
        path = input;
      } else {
        path = join(dir, 'input.xlsx');
        writeFileSync(path, input);
      }
      await refuseCustomFunctions(path);
      const started = Date.now();
      const out = await convert(path, 'xlsx', join(dir, 'out'), options.recalc ?? 'always', timeoutMs);
      const elapsedMs = Date.now() - started;
      if (options.keepOutputAs) copyFileSync(out, options.keepOutputAs);
      return { ...(await readComputed(out)), elapsedMs };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Several .xlsx files → one PDF each, in one LibreOffice run (its start is most of the time);
 * formulas recalculated, numbers shown in `locale` if given. Returns the PDFs, in input order.
 */
export function toPdfs(inputs: string[], outDir: string, options: { locale?: string; timeoutMs?: number } = {}): Promise<string[]> {
  return serial(async () => {
    for (const input of inputs) await refuseCustomFunctions(input);
    const work = mkdtempSync(join(tmpdir(), 'kh-lo-'));
    try {
      const profile = join(work, 'profile');
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileXcu(0, options.locale));
      mkdirSync(outDir, { recursive: true });
      const targets = inputs.map((input) => join(outDir, `${input.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')}.pdf`));
      for (const t of targets) rmSync(t, { force: true });
      const { stdout, stderr } = await runSoffice(
        [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', outDir, ...inputs],
        options.timeoutMs ?? DEFAULT_TIMEOUT_MS * 2,
        inputs.join(', '),
      );
      const missing = targets.filter((t) => !existsSync(t));
      if (missing.length > 0) throw new Error(`LibreOffice wrote no PDF for ${missing.join(', ')}\n${stdout}${stderr}`);
      return targets;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

/** .xlsx → PDF through LibreOffice (formulas recalculated first); returns the PDF's path in outDir. */
export function toPdf(inputXlsx: string, outDir: string, options: Pick<RecalcOptions, 'timeoutMs'> = {}): Promise<string> {
  return serial(async () => {
    await refuseCustomFunctions(inputXlsx);
    const produced = await convert(inputXlsx, 'pdf', outDir, 'always', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const base = inputXlsx.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    const target = join(outDir, `${base}.pdf`);
    if (target !== produced) {
      copyFileSync(produced, target);
      rmSync(produced, { force: true });
    }
    return target;
  });
}

/** PDF → one PNG per page (pdftoppm, Debian poppler-utils) in outDir; returns the paths in page order. */
export function pdfToPngs(pdf: string, outDir: string, dpi = 60, timeoutMs = 60_000): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const prefix = pdf.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '');
  return new Promise((resolve, reject) => {
    const child = spawn('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, prefix)], { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new Error(`pdftoppm could not start (install poppler-utils): ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`pdftoppm failed on ${pdf}: ${code ?? signal}\n${stderr}`));
      const page = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
      const pages = readdirSync(outDir)
        .map((f) => ({ f, m: page.exec(f) }))
        .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
        .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
        .map((x) => join(outDir, x.f));
      resolve(pages);
    });
  });
}
