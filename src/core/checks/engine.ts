/**
 * The rule engine: one snapshot in, every rule run over the plan model, findings out in a stable
 * order (severity, sheet, row, column, rule). Checking never changes a value.
 */
import { WorkbookSnapshot } from '../book/snapshot';
import { parseCell } from '../book/address';
import { Finding, RenderedFinding, SEVERITY_ORDER, render } from './finding';
import { PlanModel, readPlanModel, toleranceFor } from './model';
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

/**
 * One finding per root cause at a cell: a sum formula whose range is wrong (FORMULA_RANGE) is why
 * its total is off (ROLLUP), and a total off its rows (ROLLUP) is why it is off its sources too.
 */
const OUTRANKS: ReadonlyArray<[string, string[]]> = [
  ['FORMULA_RANGE', ['ROLLUP', 'SRC_SPLIT', 'SRC_NSTW', 'SRC_NSDP']],
  ['ROLLUP', ['SRC_SPLIT', 'SRC_NSTW', 'SRC_NSDP']],
];

function oneCausePerCell(findings: Finding[]): Finding[] {
  const at = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.cell) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    const set = at.get(k) ?? new Set<string>();
    set.add(f.rule);
    at.set(k, set);
  }
  // an amount typed in the wrong unit is why its row no longer adds up
  const scaled = new Set(findings.filter((f) => f.rule === 'UNIT_SCALE').map((f) => `${f.sheet}\u0000${/\d+$/.exec(f.cell)?.[0] ?? ''}`));
  // a #VALUE! caused by a number stored as text: TEXT_NUMBER names the cell to fix
  const textCells = new Set(findings.filter((f) => f.rule === 'TEXT_NUMBER').map((f) => `'${f.sheet.replace(/'/g, "''")}'!${f.cell}`));
  return findings.filter((f) => {
    if (!f.cell) return true;
    if (f.rule === 'ERROR_VALUE' && (f.related ?? []).some((r) => textCells.has(r))) return false;
    // …and why the counterpart share of its table is off
    if (f.rule === 'COUNTERPART' && [...scaled].some((k) => k.startsWith(`${f.sheet}\u0000`))) return false;
    if ((f.rule === 'SRC_SPLIT' || f.rule === 'SRC_NSTW' || f.rule === 'SRC_NSDP') && scaled.has(`${f.sheet}\u0000${/\d+$/.exec(f.cell)?.[0] ?? ''}`)) return false;
    const rules = at.get(`${f.sheet}\u0000${f.cell}`) as Set<string>;
    return !OUTRANKS.some(([cause, effects]) => cause !== f.rule && rules.has(cause) && effects.includes(f.rule));
  });
}

export function runChecks(snapshot: WorkbookSnapshot, options: CheckOptions = {}, rules: readonly Rule[] = RULES): CheckResult {
  const model = readPlanModel(snapshot, { facts: options.facts });
  const ctx: RuleContext = { model, options, tolerance: options.tolerance ?? model.tolerance, toleranceFor: (table) => toleranceFor(model, table, options.tolerance) };
  let findings: Finding[] = [];
  const skippedRules: string[] = [];
  for (const rule of rules) {
    if (rule.needsLayout && !model.khLayout) {
      skippedRules.push(rule.id);
      continue;
    }
    // rules can report many cells of a big table: appended one by one, never spread onto the stack
    for (const f of rule.run(ctx)) findings.push(f);
  }
  // an officer's own table was read: KH's layout rules (its codes, Thông tin, its annexes) do not apply
  if (!model.khLayout && model.tables.some((t) => t.origin === 'recognised')) skippedRules.length = 0;
  if (skippedRules.length > 0) {
    findings.push({ rule: 'LAYOUT', severity: 'info', sheet: '', cell: '', message: { key: 'rule.LAYOUT.message', params: { count: skippedRules.length, rules: skippedRules.join(', ') } } });
  }
  findings = oneCausePerCell(findings);
  findings.sort(compareFindings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, skippedRules, model };
}

/** Findings as stable JSON: both languages, ready for the `kh` command and for golden files. */
export function findingsJson(result: CheckResult): { counts: CheckResult['counts']; findings: RenderedFinding[] } {
  return { counts: result.counts, findings: result.findings.map(render) };
}
