/**
 * STATED_TOTAL: a total stated in the plan document (Thông tin) ≠ what the tables compute, per
 * source — how a summary that moved money between NSĐP and huy động is caught. Below the eight
 * rows, where `kh import` wrote them: vốn ngân sách nhà nước against NSTW + NSĐP, NSĐP's split
 * ĐTPT / SN against NSĐP (stated, else the tables'), all resources against the parts the document
 * lists and the programme's part against the tables. A figure the document wrote in another unit
 * is compared in the plan's unit, and the hint says how it was written.
 */
import { translate } from '../../i18n';
import { amountsEqual, sumExact } from '../../money';
import { sourceTaxonomy } from '../../sources';
import type { StatedCell } from '../../book/document-fields';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { gapParams } from './helpers';

type Hint = NonNullable<Finding['hint']>;

function hintFor(written: string | null | undefined): Hint {
  return written ? { key: 'rule.STATED_TOTAL.hintWritten', params: { written } } : { key: 'rule.STATED_TOTAL.hint', params: {} };
}

export const STATED_TOTAL: Rule = {
  id: 'STATED_TOTAL',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const { model } = ctx;
    const summary = model.tables.find((t) => t.origin === 'kh' && t.role === 'summary');
    const total = summary?.rows.find((r) => r.kind === 'total');
    if (!model.info || !total) return [];
    const sheet = model.info.sheet;
    const labels = sourceTaxonomy(model.programme);
    const labelOf = (key: string): string => labels.find((l) => l.key === key)?.labelVi ?? key;
    const cellOf = (key: string) => total.cells[key as keyof typeof total.cells];
    const computedOf = (key: string): number => cellOf(key)?.number ?? 0;
    const relatedOf = (keys: string[]): string[] => keys.flatMap((k) => (cellOf(k)?.address ? [`'${summary?.name}'!${cellOf(k)?.address}`] : []));
    const out: Finding[] = [];
    const differs = (stated: number, computed: number): boolean => !amountsEqual(stated, computed, ctx.tolerance);

    for (const s of model.stated) {
      if (s.value === null) continue;
      const computed = computedOf(s.source);
      if (!differs(s.value, computed)) continue;
      out.push({
        rule: 'STATED_TOTAL',
        severity: 'error',
        sheet,
        cell: s.address,
        related: [`'${summary?.name}'!${cellOf(s.source)?.address ?? ''}`],
        message: { key: 'rule.STATED_TOTAL.message', params: { source: labelOf(s.source), ...gapParams(s.value, computed) } },
        hint: hintFor(s.written),
      });
    }

    const rows = model.statedRows;
    if (!rows) return out;
    // vốn ngân sách nhà nước not split: NSTW + NSĐP of the tables
    const state = rows.state;
    if (state?.value != null) {
      const computed = sumExact([computedOf('central'), computedOf('local')]);
      if (differs(state.value, computed)) {
        out.push({
          rule: 'STATED_TOTAL', severity: 'error', sheet, cell: state.address, related: relatedOf(['central', 'local']),
          message: { key: 'rule.STATED_TOTAL.message', params: { source: translate('stated.source.state'), ...gapParams(state.value, computed) } },
          hint: hintFor(state.written),
        });
      }
    }
    // NSĐP split ĐTPT / SN: the sheets have one NSĐP column, so the split is checked against NSĐP
    const inv = rows.localInvestment;
    const rec = rows.localRecurrent;
    if (inv?.value != null || rec?.value != null) {
      const split = sumExact([inv?.value ?? 0, rec?.value ?? 0]);
      const statedLocal = model.stated.find((s) => s.source === 'local' && s.value !== null);
      const whole = statedLocal?.value ?? computedOf('local');
      if (differs(split, whole)) {
        const at = (inv?.value != null ? inv : rec) as StatedCell;
        out.push({
          rule: 'STATED_TOTAL', severity: 'error', sheet, cell: at.address,
          related: statedLocal ? [statedLocal.address] : relatedOf(['local']),
          message: {
            key: statedLocal ? 'rule.STATED_TOTAL.localSplitStated' : 'rule.STATED_TOTAL.localSplitTables',
            params: { investment: inv?.value ?? 0, recurrent: rec?.value ?? 0, ...gapParams(split, whole) },
          },
          hint: hintFor(at.written),
        });
      }
    }
    // all resources: the total against the parts listed, the programme's part against the tables
    const res = rows.resources;
    if (res) {
      const listed = res.parts.filter((p) => p.value !== null);
      if (res.total.value !== null && listed.length > 0) {
        const sum = sumExact(listed.map((p) => p.value as number));
        if (differs(res.total.value, sum)) {
          out.push({
            rule: 'STATED_TOTAL', severity: 'error', sheet, cell: res.total.address, related: listed.map((p) => p.address),
            message: { key: 'rule.STATED_TOTAL.resources', params: gapParams(res.total.value, sum) },
            hint: { key: 'rule.STATED_TOTAL.resourcesHint', params: {} },
          });
        }
      }
      for (const p of listed) {
        if (p.kind !== 'programme') continue;
        const computed = computedOf('total');
        if (!differs(p.value as number, computed)) continue;
        out.push({
          rule: 'STATED_TOTAL', severity: 'error', sheet, cell: p.address, related: relatedOf(['total']),
          message: { key: 'rule.STATED_TOTAL.message', params: { source: p.label, ...gapParams(p.value as number, computed) } },
          hint: hintFor(p.written),
        });
      }
    }
    return out;
  },
};
