/**
 * The rule engine: one snapshot in, every rule run over the plan model, findings out in a stable
 * order (severity, sheet, row, column, rule). Checking never changes a value.
 */
import { WorkbookSnapshot } from '../book/snapshot';
import { parseCell } from '../book/address';
import { Finding, RenderedFinding, SEVERITY_ORDER, render } from './finding';
import { PlanModel, readPlanModel } from './model';
import { CheckOptions, Rule, RuleContext } from './rule';
import { RULES } from './rules';

export interface CheckResult {
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** Rules that did not run because the workbook lacks KH's layout. */
  skippedRules: string[];
  model: PlanModel;
}

function position(f: Finding): [number, number] {
  const c = parseCell(f.cell);
  return c ? [c.row, c.col] : [-1, -1];
}

export function compareFindings(a: Finding, b: Finding): number {
  const [ar, ac] = position(a);
  const [br, bc] = position(b);
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.sheet.localeCompare(b.sheet) ||
    ar - br ||
    ac - bc ||
    a.rule.localeCompare(b.rule) ||
    JSON.stringify(a.message.params).localeCompare(JSON.stringify(b.message.params))
  );
}

export function runChecks(snapshot: WorkbookSnapshot, options: CheckOptions = {}, rules: readonly Rule[] = RULES): CheckResult {
  const model = readPlanModel(snapshot);
  const ctx: RuleContext = { model, options, tolerance: options.tolerance ?? model.tolerance };
  const findings: Finding[] = [];
  const skippedRules: string[] = [];
  for (const rule of rules) {
    if (rule.needsLayout && !model.khLayout) {
      skippedRules.push(rule.id);
      continue;
    }
    findings.push(...rule.run(ctx));
  }
  if (skippedRules.length > 0) {
    findings.push({ rule: 'LAYOUT', severity: 'info', sheet: '', cell: '', message: { key: 'rule.LAYOUT.message', params: { count: skippedRules.length, rules: skippedRules.join(', ') } } });
  }
  findings.sort(compareFindings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, skippedRules, model };
}

/** Findings as stable JSON: both languages, ready for the `kh` command and for golden files. */
export function findingsJson(result: CheckResult): { counts: CheckResult['counts']; findings: RenderedFinding[] } {
  return { counts: result.counts, findings: result.findings.map(render) };
}
