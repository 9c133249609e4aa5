/**
 * Writes expected.json for golden document cases that have none, from what KH reads now:
 *   npx tsx test/document/accept.ts
 * Read every written file before committing: this records behaviour, it does not judge it.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { goldenActual, goldenCases } from './golden-cases';

for (const c of goldenCases()) {
  if (c.expected !== null) continue;
  const actual = goldenActual(c.input);
  writeFileSync(join(c.dir, 'expected.json'), `${JSON.stringify(actual, null, 2)}\n`);
  console.log(`${c.name}: ${actual.spec.items.length} item(s), ${actual.findings.length} finding(s)`);
}
