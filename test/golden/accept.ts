/**
 * Writes expected.json for golden cases that have none, from what the rule finds now:
 *   npx tsx test/golden/accept.ts            (only missing ones)
 * Read every written file before committing: this records behaviour, it does not judge it.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { runChecks } from '../../src/core/checks/engine';
import { render } from '../../src/core/checks/finding';
import { goldenCases, goldenSnapshot } from './golden-workbook';

async function main(): Promise<void> {
  for (const c of goldenCases(join(__dirname, 'checks'))) {
    if (c.expected !== null) continue;
    const result = runChecks(await goldenSnapshot(c.input), c.input.options ?? {});
    const actual = result.findings.filter((f) => f.rule === c.rule).map(render).map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message.vi }));
    writeFileSync(join(c.dir, 'expected.json'), `${JSON.stringify(actual, null, 2)}\n`);
    console.log(`${c.rule}/${c.name}: ${actual.length} finding(s)`);
    for (const f of actual) console.log(`   ${f.severity} ${f.sheet}!${f.cell} ${f.message}`);
  }
}

void main();
