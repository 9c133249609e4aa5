/**
 * `npm run fuzz`: the long fuzzing campaign over test/trust/fuzz-properties.ts (the same properties
 * the test suite runs with a few cases). Prints one table: property, cases run, failures, time.
 *
 *   npm run fuzz -- --seconds 900          split 15 minutes over the properties by weight
 *   npm run fuzz -- --runs 5000            5000 cases of each property
 *   npm run fuzz -- --only reader --seed 42 --path "3:1:0"   replay one failure
 *
 * Exit code 1 when any property failed; each failure prints its counterexample, seed and path.
 */
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import { parseArgs } from 'util';
import { PROPERTIES } from '../test/trust/fuzz-properties';

interface Options {
  runs?: number;
  seconds?: number;
  only?: string;
  seed?: number;
  path?: string;
}

const USAGE = 'npm run fuzz -- [--seconds S | --runs N] [--only TEXT] [--seed N --path P]';

/** Node's own strict parser: an unknown flag or a count that is no number is a usage error, exit 2. */
function parse(argv: string[]): Options {
  const usage = (why: string): never => {
    console.error(`${why}\n${USAGE}`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { runs: { type: 'string' }, seconds: { type: 'string' }, only: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (flag: string, min: number): number | undefined => {
    const text = values[flag];
    if (typeof text !== 'string') return undefined;
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) && n >= min ? n : usage(`--${flag} ${text}: not a number ≥ ${min}`);
  };
  return {
    runs: count('runs', 1),
    seconds: count('seconds', 0),
    seed: count('seed', -(2 ** 31)),
    only: typeof values.only === 'string' ? values.only : undefined,
    path: typeof values.path === 'string' ? values.path : undefined,
  };
}

function fmtSeconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 0);
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const chosen = PROPERTIES.filter((p) => !options.only || p.name.toLowerCase().includes(options.only.toLowerCase()));
  if (chosen.length === 0) {
    console.error(`no property matches "${options.only}"`);
    process.exitCode = 2;
    return;
  }
  const weights = chosen.reduce((sum, p) => sum + p.weight, 0);
  // an error thrown outside a property's promise is a failure of the property that ran
  let stray: unknown = null;
  process.on('unhandledRejection', (e) => (stray = e));
  process.on('uncaughtException', (e) => (stray = e));

  const rows: Array<[string, number, number, string]> = [];
  const failures: string[] = [];
  const started = performance.now();
  for (const p of chosen) {
    const budgetMs = options.seconds !== undefined ? (options.seconds * 1000 * p.weight) / weights : undefined;
    const params: fc.Parameters<unknown[]> = {
      numRuns: options.runs ?? (budgetMs !== undefined ? Number.MAX_SAFE_INTEGER : p.ciRuns * 10),
      ...(budgetMs !== undefined ? { interruptAfterTimeLimit: budgetMs } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
    };
    const t0 = performance.now();
    stray = null;
    const details = await fc.check(await p.make(), params);
    const ms = performance.now() - t0;
    const failed = details.failed || stray !== null ? 1 : 0;
    rows.push([p.name, details.numRuns, failed, fmtSeconds(ms)]);
    process.stderr.write(`${failed ? '✗' : '✓'} ${p.name}: ${details.numRuns} cases, ${fmtSeconds(ms)} s\n`);
    if (details.failed) failures.push(`${p.name}\n${fc.defaultReportMessage(details) ?? ''}\n${String(details.errorInstance)}`);
    else if (stray !== null) failures.push(`${p.name}\nan error escaped the property: ${String(stray)}`);
  }
  const total = performance.now() - started;
  console.log(`\nKH fuzzing — node ${process.version}, ${new Date().toISOString()}, ${fmtSeconds(total)} s in all\n`);
  console.log('| property | cases run | failures | time (s) |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, runs, failed, time] of rows) console.log(`| ${name} | ${runs.toLocaleString('en-US')} | ${failed} | ${time} |`);
  console.log(`| **all** | ${rows.reduce((n, r) => n + r[1], 0).toLocaleString('en-US')} | ${failures.length} | ${fmtSeconds(total)} |`);
  for (const f of failures) console.log(`\n--- FAILED: ${f}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

void main();
