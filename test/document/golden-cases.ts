/**
 * Golden cases of plan documents: each folder holds input.txt (a plan written in the style of real
 * ones, each exercising a way of writing "Vốn và nguồn vốn" or a summary) and expected.json — the
 * plan spec read from it (without provenance) and the document findings (rule, severity, section,
 * Vietnamese message).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { importText, renderDocFinding } from '../../src/core/document';
import type { PlanSpec } from '../../src/core/plan';

export const GOLDEN = join(__dirname, 'golden');

export interface GoldenExpected {
  spec: Omit<PlanSpec, 'provenance'>;
  findings: Array<{ rule: string; severity: string; section: string; message: string }>;
}

export interface GoldenCase {
  name: string;
  dir: string;
  input: string;
  expected: GoldenExpected | null;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN)
    .filter((n) => existsSync(join(GOLDEN, n, 'input.txt')))
    .sort()
    .map((name) => {
      const dir = join(GOLDEN, name);
      const expectedPath = join(dir, 'expected.json');
      return { name, dir, input: readFileSync(join(dir, 'input.txt'), 'utf8'), expected: existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as GoldenExpected) : null };
    });
}

/** What the reader gives for a case, in the shape of expected.json. */
export function goldenActual(input: string): GoldenExpected {
  const { spec, findings } = importText(input);
  const { provenance: _provenance, ...rest } = spec;
  void _provenance;
  return {
    spec: rest,
    findings: findings.map(renderDocFinding).map((f) => ({ rule: f.rule, severity: f.severity, section: f.section, message: f.message.vi })),
  };
}
