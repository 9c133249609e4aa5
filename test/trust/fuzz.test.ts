/**
 * The short fuzzing campaign run with every test run: each property of fuzz-properties.ts with a
 * few cases (a new seed each time; a failure prints the seed and path to replay it with
 * `npm run fuzz -- --only "<name>" --seed S --path P`). The long campaign is `npm run fuzz`.
 */
import fc from 'fast-check';
import { PROPERTIES } from './fuzz-properties';

describe('fuzzing (short campaign)', () => {
  test.each(PROPERTIES.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const details = await fc.check(await p.make(), { numRuns: p.ciRuns });
    if (details.failed) throw new Error(`${fc.defaultReportMessage(details) ?? 'failed'}\n${String(details.errorInstance)}`);
    expect(details.numRuns).toBeGreaterThan(0);
  }, 120_000);
});
