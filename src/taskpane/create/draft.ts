/**
 * The wizard's form as the officer types it (text fields), and its translation into a plan spec:
 * every problem names its field and the step it is on, amounts are read the vi-VN way in the
 * unit written beside them ("0,05 tỷ") or else the plan's unit, an ambiguous "1,728" is refused
 * rather than guessed, and a date must exist. Pure: tested without a browser.
 */
import type { AdminLevel, PlanSpec, Signer } from '../../core/plan';
import type { Programme } from '../../core/programme';
import type { MoneyUnit } from '../../core/units';
import type { SourceKey } from '../../core/sources';
import { STATED_SOURCES } from '../../core/book/layout';
import { convertUnitDecimal, parseAmount } from '../../core/money';
import { toNumber } from '../../core/decimal';
import { ambiguousAmount } from '../../core/ambiguity';
import type { Message, MessageKey } from '../../core/i18n';

export type Authority = 'KT. CHỦ TỊCH' | 'Q. CHỦ TỊCH' | '';

export interface PlanDraft {
  programme: Programme;
  level: AdminLevel;
  issuer: string;
  area: string;
  province: string;
  year: string;
  unit: MoneyUnit;
  provinceGroup: '' | '1' | '2' | '3';
  poorDistrict: boolean;
  documentNumber: string;
  documentDate: string;
  preparer: string;
  signerName: string;
  signerTitle: string;
  signerAuthority: Authority;
  /** Catalogue codes picked (DA2, DA3.TDA2, HP1.ND4). */
  items: string[];
  /** Đơn vị thực hiện by item code. */
  unitNames: Record<string, string>;
  stated: Partial<Record<SourceKey, string>>;
}

export const STEPS = ['pane.create.stepFacts', 'pane.create.stepItems', 'pane.create.stepSigners', 'pane.create.stepPreview'] as const satisfies readonly MessageKey[];

export function emptyDraft(year = new Date().getFullYear() + 1): PlanDraft {
  return {
    programme: year >= 2026 ? '2026-2035' : '2021-2025',
    level: 'xa',
    issuer: '',
    area: '',
    province: '',
    year: String(year),
    unit: 'trieu',
    provinceGroup: '',
    poorDistrict: false,
    documentNumber: '',
    documentDate: '',
    preparer: '',
    signerName: '',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerAuthority: 'KT. CHỦ TỊCH',
    items: [],
    unitNames: {},
    stated: {},
  };
}

/** The form filled from a spec (the bundled example); amounts typed later go into the sheets. */
export function draftFromSpec(spec: PlanSpec): PlanDraft {
  const stated: Partial<Record<SourceKey, string>> = {};
  for (const [k, v] of Object.entries(spec.statedTotals ?? {})) if (typeof v === 'number') stated[k as SourceKey] = String(v).replace('.', ',');
  return {
    programme: spec.programme,
    level: spec.level,
    issuer: spec.issuer,
    area: spec.area,
    province: spec.province,
    year: String(spec.year),
    unit: spec.unit,
    provinceGroup: spec.provinceGroup ? (String(spec.provinceGroup) as '1') : '',
    poorDistrict: spec.poorDistrict,
    documentNumber: spec.documentNumber ?? '',
    documentDate: spec.documentDate ?? '',
    preparer: spec.preparer ?? '',
    signerName: spec.signer?.name ?? '',
    signerTitle: spec.signer?.title ?? '',
    signerAuthority: (spec.signer?.authority ?? '') as Authority,
    items: spec.items.map((i) => i.code),
    unitNames: Object.fromEntries(spec.items.filter((i) => i.unitName).map((i) => [i.code, i.unitName as string])),
    stated,
  };
}

export type DraftField = Exclude<keyof PlanDraft, 'stated' | 'unitNames'> | `stated.${SourceKey}`;

export interface DraftProblem {
  field: DraftField;
  /** 0-based wizard step the field is on. */
  step: number;
  kind: 'required' | 'year' | 'date' | 'noSuchDate' | 'amount' | 'noItems';
  text?: string;
  reason?: Message;
}

const STEP_OF: Record<string, number> = { issuer: 0, area: 0, province: 0, year: 0, documentDate: 0, items: 1 };

export type AmountRead = { ok: true; value: number } | { ok: false; reason: Message };

/**
 * An amount typed into a field of a plan kept in `planUnit`: "5,5 tỷ" in a plan in triệu is 5.500,
 * "1.728" (no unit written) is 1.728 triệu. Exact: the decimal point is shifted, never multiplied.
 */
export function readAmountIn(text: string, planUnit: MoneyUnit): AmountRead {
  const p = parseAmount(text);
  if (p.ok) {
    if (p.value < 0) return { ok: false, reason: { key: 'experience.amount.negative', params: { text } } };
    return { ok: true, value: toNumber(convertUnitDecimal(p.decimal, p.unit ?? planUnit, planUnit)) };
  }
  if (p.error === 'ambiguous') return { ok: false, reason: ambiguousAmount(text, p.candidates) };
  if (p.error === 'unknown-unit') return { ok: false, reason: { key: 'amount.unknownUnit', params: { unit: p.unitText ?? '' } } };
  return { ok: false, reason: { key: 'amount.invalid', params: { text } } };
}

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date written ngày/tháng/năm: its shape, then whether that day exists (31/02/2024 does not). */
export function dateProblem(text: string): { kind: 'date' } | { kind: 'noSuchDate'; month: number; year: number; days: number } | null {
  const m = DATE.exec(text.trim());
  if (!m) return { kind: 'date' };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return { kind: 'date' };
  const days = daysInMonth(month, year);
  if (day < 1 || day > days) return { kind: 'noSuchDate', month, year, days };
  return null;
}

/** Everything wrong with the draft, in the order of the steps. */
export function draftProblems(d: PlanDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  const need = (field: 'issuer' | 'area' | 'province'): void => {
    if (d[field].trim() === '') out.push({ field, step: STEP_OF[field], kind: 'required' });
  };
  need('issuer');
  need('area');
  need('province');
  const year = Number(d.year.trim());
  if (!/^\d{4}$/.test(d.year.trim()) || year < 2021 || year > 2035) out.push({ field: 'year', step: 0, kind: 'year', text: d.year });
  const date = d.documentDate.trim() === '' ? null : dateProblem(d.documentDate);
  if (date?.kind === 'date') out.push({ field: 'documentDate', step: 0, kind: 'date', text: d.documentDate });
  if (date?.kind === 'noSuchDate') {
    out.push({ field: 'documentDate', step: 0, kind: 'noSuchDate', text: d.documentDate.trim(), reason: { key: 'experience.date.noSuchDay', params: { text: d.documentDate.trim(), month: date.month, year: date.year, days: date.days } } });
  }
  if (d.items.length === 0) out.push({ field: 'items', step: 1, kind: 'noItems' });
  for (const source of STATED_SOURCES) {
    const text = d.stated[source]?.trim() ?? '';
    if (text === '') continue;
    const read = readAmountIn(text, d.unit);
    if (!read.ok) out.push({ field: `stated.${source}`, step: 2, kind: 'amount', text, reason: read.reason });
  }
  return out;
}

export function draftToSpec(d: PlanDraft): { ok: true; spec: PlanSpec } | { ok: false; problems: DraftProblem[] } {
  const problems = draftProblems(d);
  if (problems.length > 0) return { ok: false, problems };
  const statedTotals: Partial<Record<SourceKey, number>> = {};
  for (const source of STATED_SOURCES) {
    const text = d.stated[source]?.trim() ?? '';
    const read = text === '' ? null : readAmountIn(text, d.unit);
    if (read?.ok) statedTotals[source] = read.value;
  }
  const signer: Signer | undefined = d.signerName.trim() ? { name: d.signerName.trim(), title: d.signerTitle.trim(), authority: d.signerAuthority } : undefined;
  const spec: PlanSpec = {
    programme: d.programme,
    level: d.level,
    issuer: d.issuer.trim(),
    area: d.area.trim(),
    province: d.province.trim(),
    year: Number(d.year.trim()),
    unit: d.unit,
    poorDistrict: d.poorDistrict,
    items: d.items.map((code) => ({ code, ...(d.unitNames[code]?.trim() ? { unitName: d.unitNames[code].trim() } : {}) })),
    activities: [],
    ...(d.provinceGroup ? { provinceGroup: Number(d.provinceGroup) as 1 | 2 | 3 } : {}),
    ...(d.documentNumber.trim() ? { documentNumber: d.documentNumber.trim() } : {}),
    ...(d.documentDate.trim() ? { documentDate: d.documentDate.trim() } : {}),
    ...(d.preparer.trim() ? { preparer: d.preparer.trim() } : {}),
    ...(signer ? { signer } : {}),
    ...(Object.keys(statedTotals).length > 0 ? { statedTotals } : {}),
  };
  return { ok: true, spec };
}
