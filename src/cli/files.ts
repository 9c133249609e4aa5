/**
 * File safety for the `kh` command: inputs are never modified unless --in-place; outputs are
 * written to a temporary file in the same folder, flushed to disk and renamed (a killed run leaves
 * no half file under the final name, and the next run writing the same output removes the
 * leftover); an existing output is kept unless --force. Inputs pass the pre-flight limits
 * (src/workbook/preflight.ts) and every refusal names the file and says what to do.
 */
import { closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeSync, mkdirSync, Stats } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { Lang, Message, MessageKey, MessageParams, translate } from '../core/i18n';
import { formatAmount } from '../core/money';
import { READ_LIMITS, WorkbookReadError } from '../workbook/preflight';

export function cliError(exitCode: number, key: MessageKey, params: MessageParams = {}): CliError {
  return new CliError(exitCode, translate(key, params, 'vi'), translate(key, params, 'en'));
}

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly vi: string,
    readonly en: string,
    /** The catalogue message behind the text, when the problem is about a file. */
    readonly problem?: Message,
  ) {
    super(en);
  }
}

/**
 * Exit codes (README, `kh --help`): 0 fine, 1 findings, 2 usage, 3 an input cannot be read,
 * 4 the output exists (--force), 5 the output cannot be written (disk full, read-only, no right,
 * a folder or a device in its place), 6 rewriting the workbook would lose parts of it (charts,
 * PivotTables, names that are formulas…): nothing written unless --accept-loss.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3, exists: 4, output: 5, loss: 6 } as const;

const OUTPUT_PROBLEMS: Record<string, MessageKey> = {
  ENOSPC: 'output.noSpace',
  EDQUOT: 'output.noSpace',
  EFBIG: 'output.noSpace',
  EROFS: 'output.readOnly',
  EACCES: 'output.denied',
  EPERM: 'output.denied',
  EISDIR: 'output.isDirectory',
  ENOTDIR: 'output.notDirectory',
  ENAMETOOLONG: 'output.nameTooLong',
};

/** Any failure while writing an output → exit 5 with one sentence naming the output file. */
export function outputError(error: unknown, file: string): CliError {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const key = OUTPUT_PROBLEMS[code] ?? 'output.failed';
  return cliError(EXIT.output, key, { file, code: code || String(error instanceof Error ? error.message : error) });
}

/** A problem with a file, in one language: numbers with that language's separators. */
export function renderProblem(problem: Message, file: string, lang: Lang): string {
  const params: MessageParams = { ...(problem.params ?? {}), file };
  for (const [k, v] of Object.entries(params)) if (typeof v === 'number') params[k] = formatAmount(v, { locale: lang, maxDecimals: 0 });
  return translate(problem.key, params, lang);
}

export function problemError(exitCode: number, problem: Message, file: string): CliError {
  return new CliError(exitCode, renderProblem(problem, file, 'vi'), renderProblem(problem, file, 'en'), problem);
}

/** Any failure while reading an input → exit 3 with the catalogue's sentence (never a stack trace). */
export function inputError(error: unknown, file: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof WorkbookReadError) return problemError(EXIT.unreadable, error.problem, file);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return problemError(EXIT.unreadable, { key: 'input.cannotOpen' }, file);
  if (code === 'EISDIR') return problemError(EXIT.unreadable, { key: 'input.directory' }, file);
  return problemError(EXIT.unreadable, { key: 'input.damaged' }, file);
}

/** Largest input accepted (the limits are listed in the README). */
export const MAX_INPUT_BYTES = READ_LIMITS.maxFileBytes;

export function readInput(path: string): Buffer {
  if (!existsSync(path)) throw problemError(EXIT.unreadable, { key: 'cli.notFound' }, path);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw problemError(EXIT.unreadable, { key: 'input.directory' }, path);
    // a device or a pipe (/dev/zero) never ends: only regular files are read
    if (!stat.isFile()) throw problemError(EXIT.unreadable, { key: 'input.notWorkbook' }, path);
    if (stat.size > MAX_INPUT_BYTES) {
      throw problemError(EXIT.unreadable, { key: 'input.tooLarge', params: { size: Math.ceil(stat.size / 2 ** 20), limit: MAX_INPUT_BYTES / 2 ** 20 } }, path);
    }
    return readFileSync(path);
  } catch (error) {
    throw inputError(error, path);
  }
}

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files a killed run left for this output: removed when their process is gone (a run
 * still writing the same output keeps its own).
 */
export function staleTemps(path: string): string[] {
  const dir = dirname(path) || '.';
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.filter((f) => {
    const m = TEMP.exec(f);
    return m !== null && m[1] === name && Number(m[2]) !== process.pid && !alive(Number(m[2]));
  }).map((f) => join(dir, f));
}

/**
 * Where a write really lands: a symbolic link is followed (to the end of a chain, even a dangling
 * one), so `--in-place` on a link updates the file it points to and leaves the link a link.
 */
function landing(path: string): string {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    let stat: Stats;
    try {
      stat = lstatSync(at);
    } catch {
      return at;
    }
    if (!stat.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw Object.assign(new Error(path), { code: 'ELOOP' });
}

/**
 * Writes an output: to a temporary file beside the real target, flushed, then renamed over it.
 * Only a regular file or a new path is written — never a device, a pipe or a socket, even with
 * --force (renaming over /dev/sda as root replaces the device). A file replaced keeps its mode and,
 * where the system allows, its owner.
 */
export function writeOutput(path: string, data: Buffer | string, force: boolean): void {
  let target: string;
  try {
    target = landing(path);
  } catch (error) {
    throw outputError(error, path);
  }
  const existing = statSafe(target);
  if (existing?.isDirectory()) throw cliError(EXIT.output, 'output.isDirectory', { file: path });
  if (existing && !existing.isFile()) throw cliError(EXIT.output, 'output.notRegular', { file: path });
  if (existing && !force) throw cliError(EXIT.exists, 'cli.exists', { file: path });
  try {
    writeAtomically(target, data, existing);
  } catch (error) {
    throw outputError(error, path);
  }
}

function statSafe(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writeAtomically(path: string, data: Buffer | string, replaced: Stats | null): void {
  try {
    mkdirSync(dirname(path) || '.', { recursive: true });
  } catch (error) {
    // EEXIST from a recursive mkdir: a file stands where a folder of the path should be
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error(path), { code: 'ENOTDIR' });
    throw error;
  }
  for (const stale of staleTemps(path)) rmSync(stale, { force: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    // a file replaced: private while written, then its own mode (0600 stays 0600); a new one: the umask's
    const fd = openSync(tmp, 'w', replaced ? 0o600 : 0o666);
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      if (replaced) {
        fchmodSync(fd, replaced.mode & 0o7777);
        try {
          fchownSync(fd, replaced.uid, replaced.gid);
        } catch {
          // only root may give a file away: the owner stays whoever writes
        }
      }
      // on disk before the rename, so a power cut cannot leave an empty file under the final name
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(dirname(path) || '.', 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // folders cannot be opened on Windows: the rename is still atomic there
  }
}
