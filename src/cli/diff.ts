/**
 * `kh diff old.xlsx new.xlsx [--json]`: what changed between two versions of a plan, as a table
 * for the officer or JSON for a script. Exit 0 when nothing differs, 1 when something changed
 * (as diff does).
 */
import { WorkbookSnapshot } from '../core/book/snapshot';
import { runChecks } from '../core/checks/engine';
import { formatAmount } from '../core/money';
import { sourceName } from './source-name';
import { UNIT_LABEL_VI } from '../core/units';
import { AmountKey } from '../core/table/model';
import { PlanDiff, RowRef, diffPlans, Amounts } from '../core/province/diff';
import { fingerprintOf } from '../core/province/fingerprint';
import { booleanOption, Command, Out } from './command';
import { EXIT } from './files';


const where = (r: RowRef): string => `${r.sheet}!${r.cell}`;

function amountsText(out: Out, amounts: Amounts, diff: PlanDiff): string {
  const parts = (Object.keys(amounts) as AmountKey[]).map((k) => `${sourceName(k, diff.programme, out.lang)} ${formatAmount(amounts[k] as number, { locale: out.lang })}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

const signed = (out: Out, n: number): string => `${n > 0 ? '+' : ''}${formatAmount(n, { locale: out.lang })}`;

export function printDiff(out: Out, diff: PlanDiff): void {
  const of = <K extends PlanDiff['changes'][number]['kind']>(kind: K) => diff.changes.filter((c): c is Extract<PlanDiff['changes'][number], { kind: K }> => c.kind === kind);
  const added = of('added');
  const removed = of('removed');
  const moved = of('moved');
  const amounts = of('amount');
  const texts = of('text');
  if (diff.changes.length === 0) out.line(out.t('diff.none'));
  if (added.length > 0) out.line(out.t('diff.added', { count: added.length }));
  for (const c of added) out.line(`  + ${where(c.row)} ${c.row.code ?? ''} ${c.row.label} (${c.row.project}): ${amountsText(out, c.amounts, diff)}`);
  if (removed.length > 0) out.line(out.t('diff.removed', { count: removed.length }));
  for (const c of removed) out.line(`  - ${where(c.row)} ${c.row.code ?? ''} ${c.row.label} (${c.row.project}): ${amountsText(out, c.amounts, diff)}`);
  if (moved.length > 0) out.line(out.t('diff.moved', { count: moved.length }));
  for (const c of moved) out.line(`  → ${out.t('diff.movedLine', { label: c.to.label, from: c.from.project, fromCell: where(c.from), to: c.to.project, toCell: where(c.to) })}`);
  if (amounts.length > 0) out.line(out.t('diff.amounts', { count: amounts.length }));
  for (const c of amounts) {
    const v = (n: number | null): string => (n === null ? '—' : formatAmount(n, { locale: out.lang }));
    out.line(`  ${c.row.sheet}!${c.cell} ${c.row.code ?? ''} ${c.row.label} — ${sourceName(c.source, diff.programme, out.lang)}: ${v(c.before)} → ${v(c.after)} (${signed(out, c.difference)})`);
  }
  if (texts.length > 0) out.line(out.t('diff.texts', { count: texts.length }));
  for (const c of texts) out.line(`  ${where(c.row)} ${c.row.code ?? ''} ${out.t(c.field === 'name' ? 'diff.field.name' : 'diff.field.unitName')}: "${c.before}" → "${c.after}"`);
  if (diff.totals.some((t) => t.difference !== 0)) {
    out.line(out.t('diff.totals'));
    for (const t of diff.totals) out.line(`  ${sourceName(t.source, diff.programme, out.lang).padEnd(34)} ${formatAmount(t.before, { locale: out.lang }).padStart(14)} → ${formatAmount(t.after, { locale: out.lang }).padStart(14)} (${signed(out, t.difference)})`);
  }
  const finding = (f: PlanDiff['findingsAppeared'][number]): string => `  [${f.severity.padEnd(7)}] ${f.rule.padEnd(15)} ${(f.cell ? `${f.sheet}!${f.cell}` : f.sheet).padEnd(18)} ${out.lang === 'en' ? f.message.en : f.message.vi}`;
  if (diff.findingsAppeared.length > 0) out.line(out.t('diff.appeared', { count: diff.findingsAppeared.length }));
  for (const f of diff.findingsAppeared) out.line(finding(f));
  if (diff.findingsDisappeared.length > 0) out.line(out.t('diff.disappeared', { count: diff.findingsDisappeared.length }));
  for (const f of diff.findingsDisappeared) out.line(finding(f));
}

export function diffCommand(snapshotOf: (path: string, out: Out) => Promise<WorkbookSnapshot>): Command {
  return {
    options: { json: { type: 'boolean' } },
    positionals: { min: 2, max: 2 },
    help: 'cli.help.diff',
    async run(args, out) {
      const [beforeFile, afterFile] = args.positional;
      const before = runChecks(await snapshotOf(beforeFile, out));
      const after = runChecks(await snapshotOf(afterFile, out));
      const diff = diffPlans(before, after);
      const fingerprints = { before: fingerprintOf(before.model.tables).value, after: fingerprintOf(after.model.tables).value };
      const changed = diff.changes.length > 0 || diff.findingsAppeared.length > 0 || diff.findingsDisappeared.length > 0;
      if (booleanOption(args, 'json')) {
        out.line(JSON.stringify({ before: beforeFile, after: afterFile, fingerprints, ...diff }, null, 2));
      } else {
        out.line(out.t('diff.title', { before: beforeFile, after: afterFile, unit: UNIT_LABEL_VI[diff.unit] }));
        out.line(out.t('diff.fingerprints', fingerprints));
        printDiff(out, diff);
      }
      return changed ? EXIT.findings : EXIT.ok;
    },
  };
}
