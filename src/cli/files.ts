/**
 * File safety for the `kh` command: inputs are never modified unless --in-place; outputs are
 * written to a temporary file in the same folder and renamed (a killed run leaves no half file
 * under the final name); an existing output is kept unless --force.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'fs';
import { basename, dirname, join } from 'path';
import { MessageKey, MessageParams, translate } from '../core/i18n';

export function cliError(exitCode: number, key: MessageKey, params: MessageParams = {}): CliError {
  return new CliError(exitCode, translate(key, params, 'vi'), translate(key, params, 'en'));
}

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3, exists: 4 } as const;

/** Largest input accepted (hostile-file limits are documented in the README). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export function readInput(path: string): Buffer {
  if (!existsSync(path)) throw cliError(EXIT.unreadable, 'cli.notFound', { file: path });
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES) throw cliError(EXIT.unreadable, 'cli.tooLarge', { file: path, size });
  return readFileSync(path);
}

export function writeOutput(path: string, data: Buffer | string, force: boolean): void {
  if (existsSync(path) && !force) {
    throw cliError(EXIT.exists, 'cli.exists', { file: path });
  }
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
