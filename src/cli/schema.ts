/**
 * The plan spec as JSON (`kh new --plan plan.json`), validated with zod. Errors name the field
 * and what is expected, in Vietnamese and English.
 */
import { z } from 'zod';
import { PlanSpec } from '../core/plan';
import { UNIT_EXPONENT, MoneyUnit } from '../core/units';

/** Excel holds up to 32,767 characters in a cell: no text of a plan may be longer. */
export const MAX_TEXT = 32_767;

/**
 * The largest amount, in đồng: 10^15 (a million tỷ, half of Vietnam's whole state budget). In
 * triệu with six decimals that is still 15 significant digits, which Excel keeps exactly; sums of
 * every row of the largest plan KH reads back stay far below 10^21, past which JavaScript writes
 * numbers in exponent form and the words "Bằng chữ" could not be read.
 */
export const MAX_AMOUNT_DONG = 1e15;

const text = z.string().max(MAX_TEXT);
const amount = z.number().finite().nonnegative();
const amounts = z
  .object({
    centralInvestment: amount.optional(),
    centralRecurrent: amount.optional(),
    local: amount.optional(),
    integrated: amount.optional(),
    credit: amount.optional(),
    mobilised: amount.optional(),
    localInvestment: amount.optional(),
    localRecurrent: amount.optional(),
  })
  .strict();
const undivided = z
  .object({ total: amount.optional(), central: amount.optional(), state: amount.optional(), recurrent: amount.optional(), investment: amount.optional() })
  .strict();
const figureSource = z.object({ section: text, quote: text }).strict();

export const planSchema = z
  .object({
    programme: z.enum(['2021-2025', '2026-2035']),
    level: z.enum(['tinh', 'huyen', 'xa']),
    issuer: text.min(1),
    area: text.min(1),
    province: text.min(1),
    year: z.number().int().min(2021).max(2035),
    period: z.object({ from: z.number().int().min(2021).max(2035), to: z.number().int().min(2021).max(2035) }).strict().optional(),
    documentNumber: text.optional(),
    documentDate: text.optional(),
    unit: z.enum(['dong', 'nghin', 'trieu', 'ty']),
    decimals: z.number().int().min(0).max(6).optional(),
    provinceGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    poorDistrict: z.boolean(),
    preparer: text.optional(),
    signer: z.object({ name: text, title: text, authority: text }).strict().optional(),
    items: z.array(
      z
        .object({ code: text.min(1), unitName: text.optional(), unitNames: z.array(text.min(1)).optional(), amounts: amounts.optional(), undivided: undivided.optional(), note: text.optional() })
        .strict(),
    ),
    activities: z
      .array(
        z
          .object({ parent: text.min(1), name: text.min(1), unitName: text.optional(), location: text.optional(), note: text.optional(), amounts })
          .strict(),
      )
      .default([]),
    statedTotals: z
      .object({
        total: amount.optional(),
        central: amount.optional(),
        centralInvestment: amount.optional(),
        centralRecurrent: amount.optional(),
        local: amount.optional(),
        localInvestment: amount.optional(),
        localRecurrent: amount.optional(),
        integrated: amount.optional(),
        credit: amount.optional(),
        mobilised: amount.optional(),
        state: amount.optional(),
      })
      .strict()
      .optional(),
    statedUnit: z.enum(['dong', 'nghin', 'trieu', 'ty']).optional(),
    statedResources: z
      .object({
        total: amount.optional(),
        parts: z.array(z.object({ kind: z.enum(['programme', 'otherProgrammes', 'policies', 'credit', 'other']), label: text, amount }).strict()).optional(),
      })
      .strict()
      .optional(),
    provenance: z.record(text, figureSource).optional(),
    policies: z
      .array(
        z
          .object({
            dimension: z.enum(['education', 'health', 'housing', 'water', 'information', 'employment']),
            name: text.min(1),
            basis: text.optional(),
            unit: text.optional(),
            beneficiaries: z.number().finite().nonnegative().max(1e12).optional(),
            amount: amount.optional(),
            source: z.enum(['central', 'local', 'integrated', 'credit', 'mobilised']).optional(),
            note: text.optional(),
          })
          .strict(),
      )
      .optional(),
    otherProgrammes: z.array(z.object({ name: text.min(1), amounts, note: text.optional() }).strict()).optional(),
    targets: z
      .array(z.object({ name: text.min(1), unit: text.optional(), previous: z.number().finite().min(-1e15).max(1e15).optional(), planned: z.number().finite().min(-1e15).max(1e15).optional(), note: text.optional() }).strict())
      .optional(),
  })
  .strict()
  // a plan with totals only has no items; any other plan has at least one
  .refine((p) => p.items.length > 0 || Object.keys(p.statedTotals ?? {}).length > 0 || p.statedResources !== undefined, { path: ['items'], message: 'items' })
  .refine((p) => !p.period || (p.period.from <= p.period.to && p.year === p.period.from), { path: ['period'], message: 'period' })
  .superRefine((plan, ctx) => {
    // an amount's bound depends on the plan's unit: 10^15 đồng is 10^9 triệu
    const max = MAX_AMOUNT_DONG / 10 ** UNIT_EXPONENT[plan.unit as MoneyUnit];
    const visit = (value: unknown, path: Array<string | number>): void => {
      if (typeof value === 'number') {
        if (value > max) ctx.addIssue({ code: 'custom', path, message: 'amount', params: { kh: 'amountTooLarge', max, unit: plan.unit } });
        return;
      }
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    plan.items.forEach((item, i) => {
      visit(item.amounts, ['items', i, 'amounts']);
      visit(item.undivided, ['items', i, 'undivided']);
    });
    plan.activities.forEach((a, i) => visit(a.amounts, ['activities', i, 'amounts']));
    visit(plan.statedTotals, ['statedTotals']);
    visit(plan.statedResources, ['statedResources']);
    (plan.policies ?? []).forEach((p, i) => visit(p.amount, ['policies', i, 'amount']));
    (plan.otherProgrammes ?? []).forEach((o, i) => visit(o.amounts, ['otherProgrammes', i, 'amounts']));
  });

export interface SchemaProblem {
  path: string;
  vi: string;
  en: string;
}

function describe(issue: z.core.$ZodIssue): { vi: string; en: string } {
  const i = issue as z.core.$ZodIssue & { expected?: string; values?: unknown[]; minimum?: number | bigint; maximum?: number | bigint; keys?: string[] };
  switch (i.code) {
    case 'invalid_type':
      return { vi: `cần kiểu ${i.expected}`, en: `expected ${i.expected}` };
    case 'invalid_value':
      return { vi: `phải là một trong: ${(i.values ?? []).join(', ')}`, en: `must be one of: ${(i.values ?? []).join(', ')}` };
    case 'too_small':
      return { vi: `nhỏ nhất là ${String(i.minimum)}`, en: `minimum is ${String(i.minimum)}` };
    case 'too_big':
      if ((i as { origin?: string }).origin === 'string') return { vi: `dài nhất ${String(i.maximum)} ký tự (giới hạn một ô của Excel)`, en: `at most ${String(i.maximum)} characters (Excel's limit for a cell)` };
      return { vi: `lớn nhất là ${String(i.maximum)}`, en: `maximum is ${String(i.maximum)}` };
    case 'custom': {
      const p = (i as { params?: { kh?: string; max?: number; unit?: string } }).params;
      if (p?.kh === 'amountTooLarge') return { vi: `số tiền lớn nhất là ${String(p.max)} (đơn vị ${p.unit}, tức 10^15 đồng)`, en: `the largest amount is ${String(p.max)} (unit ${p.unit}, that is 10^15 đồng)` };
      if (i.message === 'items') return { vi: 'cần ít nhất một mục (hoặc các tổng nêu trong văn bản nếu kế hoạch chỉ có số tổng)', en: 'at least one item is needed (or stated totals for a plan with totals only)' };
      if (i.message === 'period') return { vi: 'giai đoạn phải từ năm nhỏ đến năm lớn và year là năm đầu', en: 'the period must run forward and year must be its first year' };
      return { vi: i.message, en: i.message };
    }
    case 'unrecognized_keys':
      return { vi: `trường không được biết: ${(i.keys ?? []).join(', ')}`, en: `unknown field(s): ${(i.keys ?? []).join(', ')}` };
    default:
      return { vi: i.message, en: i.message };
  }
}

export function parsePlanJson(data: unknown): { ok: true; spec: PlanSpec } | { ok: false; problems: SchemaProblem[] } {
  const r = planSchema.safeParse(data);
  if (r.success) return { ok: true, spec: r.data as PlanSpec };
  return {
    ok: false,
    problems: r.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(gốc)', ...describe(issue) })),
  };
}
