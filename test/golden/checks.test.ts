/**
 * Every rule's golden cases: the findings of that rule on the case's workbook equal expected.json.
 * Each rule needs at least one case that fires and one that must not.
 */
import { join } from 'path';
import { runChecks } from '../../src/core/checks/engine';
import { render } from '../../src/core/checks/finding';
import { RULES } from '../../src/core/checks/rules';
import { ExpectedFinding, goldenCases, goldenSnapshot } from './golden-workbook';

const ROOT = join(__dirname, 'checks');
const cases = goldenCases(ROOT);

describe.each(cases.map((c) => [`${c.rule}/${c.name}`, c] as const))('%s', (_, c) => {
  test('findings equal expected.json', async () => {
    const snapshot = await goldenSnapshot(c.input);
    const result = runChecks(snapshot, c.input.options ?? {});
    const actual: ExpectedFinding[] = result.findings
      .filter((f) => f.rule === c.rule)
      .map(render)
      .map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message.vi }));
    if (c.expected === null) {
      throw new Error(`${c.dir}/expected.json is missing; the rule found:\n${JSON.stringify(actual, null, 2)}`);
    }
    expect(actual).toEqual(c.expected);
  });
});

test('every rule has a case that fires and a case that must not', () => {
  const ids = RULES.map((r) => r.id);
  for (const id of ids) {
    const mine = cases.filter((c) => c.rule === id);
    expect({ id, fires: mine.some((c) => (c.expected ?? []).length > 0), quiet: mine.some((c) => c.expected !== null && c.expected.length === 0) }).toEqual({ id, fires: true, quiet: true });
  }
});
