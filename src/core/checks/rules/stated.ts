/**
 * STATED_TOTAL: a total stated in the plan document (Thông tin) ≠ what the tables compute, per
 * source — how a summary that moved money between NSĐP and huy động is caught.
 */
import { amountsEqual } from '../../money';
import { sourceTaxonomy } from '../../sources';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { gapParams } from './helpers';

export const STATED_TOTAL: Rule = {
  id: 'STATED_TOTAL',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const { model } = ctx;
    const summary = model.tables.find((t) => t.origin === 'kh' && t.role === 'summary');
    const total = summary?.rows.find((r) => r.kind === 'total');
    if (!model.info || !total) return [];
    const labels = sourceTaxonomy(model.programme);
    const out: Finding[] = [];
    for (const s of model.stated) {
      if (s.value === null) continue;
      const computed = total.cells[s.source as keyof typeof total.cells]?.number ?? 0;
      if (amountsEqual(s.value, computed, ctx.tolerance)) continue;
      out.push({
        rule: 'STATED_TOTAL',
        severity: 'error',
        sheet: model.info.sheet,
        cell: s.address,
        related: [`'${summary?.name}'!${total.cells[s.source as keyof typeof total.cells]?.address ?? ''}`],
        message: { key: 'rule.STATED_TOTAL.message', params: { source: labels.find((l) => l.key === s.source)?.labelVi ?? s.source, ...gapParams(s.value, computed) } },
        hint: { key: 'rule.STATED_TOTAL.hint', params: {} },
      });
    }
    return out;
  },
};
