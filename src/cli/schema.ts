/**
 * The plan spec as JSON (`kh new --plan plan.json`), validated with zod. Errors name the field
 * and what is expected, in Vietnamese and English.
 */
import { z } from 'zod';
import { PlanSpec } from '../core/plan';

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
const figureSource = z.object({ section: z.string(), quote: z.string() }).strict();

export const planSchema = z
  .object({
    programme: z.enum(['2021-2025', '2026-2035']),
    level: z.enum(['tinh', 'huyen', 'xa']),
    issuer: z.string().min(1),
    area: z.string().min(1),
    province: z.string().min(1),
    year: z.number().int().min(2021).max(2035),
    period: z.object({ from: z.number().int().min(2021).max(2035), to: z.number().int().min(2021).max(2035) }).strict().optional(),
    documentNumber: z.string().optional(),
    documentDate: z.string().optional(),
    unit: z.enum(['dong', 'nghin', 'trieu', 'ty']),
    decimals: z.number().int().min(0).max(6).optional(),
    provinceGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    poorDistrict: z.boolean(),
    preparer: z.string().optional(),
    signer: z.object({ name: z.string(), title: z.string(), authority: z.string() }).strict().optional(),
    items: z.array(
      z
        .object({ code: z.string().min(1), unitName: z.string().optional(), unitNames: z.array(z.string().min(1)).optional(), amounts: amounts.optional(), undivided: undivided.optional(), note: z.string().optional() })
        .strict(),
    ),
    activities: z
      .array(
        z
          .object({ parent: z.string().min(1), name: z.string().min(1), unitName: z.string().optional(), location: z.string().optional(), note: z.string().optional(), amounts })
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
        parts: z.array(z.object({ kind: z.enum(['programme', 'otherProgrammes', 'policies', 'credit', 'other']), label: z.string(), amount }).strict()).optional(),
      })
      .strict()
      .optional(),
    provenance: z.record(z.string(), figureSource).optional(),
    policies: z
      .array(
        z
          .object({
            dimension: z.enum(['education', 'health', 'housing', 'water', 'information', 'employment']),
            name: z.string().min(1),
            basis: z.string().optional(),
            unit: z.string().optional(),
            beneficiaries: z.number().finite().nonnegative().optional(),
            amount: amount.optional(),
            source: z.enum(['central', 'local', 'integrated', 'credit', 'mobilised']).optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    otherProgrammes: z.array(z.object({ name: z.string().min(1), amounts, note: z.string().optional() }).strict()).optional(),
    targets: z
      .array(z.object({ name: z.string().min(1), unit: z.string().optional(), previous: z.number().finite().optional(), planned: z.number().finite().optional(), note: z.string().optional() }).strict())
      .optional(),
  })
  .strict()
  // a plan with totals only has no items; any other plan has at least one
  .refine((p) => p.items.length > 0 || Object.keys(p.statedTotals ?? {}).length > 0 || p.statedResources !== undefined, { path: ['items'], message: 'items' })
  .refine((p) => !p.period || (p.period.from <= p.period.to && p.year === p.period.from), { path: ['period'], message: 'period' });

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
      return { vi: `lớn nhất là ${String(i.maximum)}`, en: `maximum is ${String(i.maximum)}` };
    case 'unrecognized_keys':
      return { vi: `trường không được biết: ${(i.keys ?? []).join(', ')}`, en: `unknown field(s): ${(i.keys ?? []).join(', ')}` };
    case 'custom':
      return i.message === 'items'
        ? { vi: 'cần ít nhất một mục (hoặc các tổng nêu trong văn bản nếu kế hoạch chỉ có số tổng)', en: 'at least one item is needed (or stated totals for a plan with totals only)' }
        : { vi: 'giai đoạn phải từ năm nhỏ đến năm lớn và year là năm đầu', en: 'the period must run forward and year must be its first year' };
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
