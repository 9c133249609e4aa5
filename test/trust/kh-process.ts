/**
 * The built `kh` command as a process, for the trust suites. Each suite builds its own copy into a
 * temporary folder: test/cli builds dist/cli at the same time in another worker, and a bundle
 * half-written by one build must never be run by the other.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MessageKey, translate, Lang } from '../../src/core/i18n';

const ROOT = join(__dirname, '..', '..');

/** Builds the command from the sources under test; returns the path of kh.cjs. */
export function buildKh(): string {
  const out = mkdtempSync(join(tmpdir(), 'kh-build-'));
  execFileSync('npx', ['webpack', '--config', 'webpack.cli.config.js', '--output-path', out], { cwd: ROOT, stdio: 'inherit' });
  return join(out, 'kh.cjs');
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runKh(kh: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [kh, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs at most `width` jobs at once (the machine has two cores, shared). */
export async function pooled<T, R>(items: T[], width: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await job(items[i]);
      }
    }),
  );
  return results;
}

/** A catalogue template as a pattern: placeholders match anything on the line, {file} the file. */
export function messagePattern(key: MessageKey, lang: Lang, file: string): RegExp {
  const marker = '\u0000';
  const template = translate(key, { file: `${marker}file${marker}` }, lang);
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const withFile = escaped.split(`${marker}file${marker}`).join(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(withFile.replace(/\\\{\w+\\\}/g, '.+'));
}

/** What a stack trace or an internal error looks like on stderr. */
export const STACK_TRACE = /\n\s+at |node:internal|Error: |\.js:\d+|\.cjs:\d+/;

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
