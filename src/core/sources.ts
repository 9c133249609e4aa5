/**
 * Funding sources (nguồn vốn) — the money columns of every plan table — and the identities that
 * bind them: Tổng = NSTW + NSĐP + lồng ghép + tín dụng + huy động (the columns in use),
 * NSTW = ĐTPT + SN, and NSĐP = ĐTPT + SN when the plan splits it.
 */
import { Programme } from './programme';
import { Lang, MessageKey, translate } from './i18n';
import { formatAmount } from './money';
import { amountsEqual, differenceExact, sumExact } from './money';
import { compare, decimalFromNumber, multiply, subtract, toNumber } from './decimal';

export type SourceKey =
  | 'total'
  | 'central'
  | 'centralInvestment'
  | 'centralRecurrent'
  | 'local'
  | 'localInvestment'
  | 'localRecurrent'
  | 'integrated'
  | 'credit'
  | 'mobilised';

export interface SourceDef {
  key: SourceKey;
  /** The source this one is a part of (ĐTPT and SN are parts of NSTW). */
  parent: SourceKey | null;
  shortVi: string;
  labelVi: string;
  shortEn: string;
  labelEn: string;
}

const RECURRENT_VI: Record<Programme, [string, string]> = {
  '2021-2025': ['SN', 'Vốn sự nghiệp'],
  // TT 60/2026/TT-BTC says "kinh phí chi thường xuyên" where the old texts said vốn sự nghiệp
  '2026-2035': ['CTX', 'Kinh phí chi thường xuyên'],
};

/** The source columns of a programme, in the order plan tables print them. */
export function sourceTaxonomy(programme: Programme): SourceDef[] {
  const [recShort, recLabel] = RECURRENT_VI[programme];
  return [
    { key: 'total', parent: null, shortVi: 'Tổng', labelVi: 'Tổng cộng', shortEn: 'Total', labelEn: 'Total' },
    { key: 'central', parent: 'total', shortVi: 'NSTW', labelVi: 'Ngân sách trung ương', shortEn: 'Central', labelEn: 'Central budget' },
    { key: 'centralInvestment', parent: 'central', shortVi: 'ĐTPT', labelVi: 'Vốn đầu tư phát triển', shortEn: 'Investment', labelEn: 'Development investment' },
    { key: 'centralRecurrent', parent: 'central', shortVi: recShort, labelVi: recLabel, shortEn: 'Recurrent', labelEn: 'Recurrent spending' },
    { key: 'local', parent: 'total', shortVi: 'NSĐP', labelVi: 'Ngân sách địa phương', shortEn: 'Local', labelEn: 'Local budget' },
    { key: 'localInvestment', parent: 'local', shortVi: 'ĐTPT', labelVi: 'Vốn đầu tư phát triển', shortEn: 'Investment', labelEn: 'Development investment' },
    { key: 'localRecurrent', parent: 'local', shortVi: recShort, labelVi: recLabel, shortEn: 'Recurrent', labelEn: 'Recurrent spending' },
    { key: 'integrated', parent: 'total', shortVi: 'Lồng ghép', labelVi: 'Vốn lồng ghép', shortEn: 'Integrated', labelEn: 'Integrated from other programmes' },
    { key: 'credit', parent: 'total', shortVi: 'Tín dụng', labelVi: 'Vốn tín dụng chính sách', shortEn: 'Credit', labelEn: 'Policy credit' },
    { key: 'mobilised', parent: 'total', shortVi: 'Huy động', labelVi: 'Vốn huy động hợp pháp khác', shortEn: 'Mobilised', labelEn: 'Other mobilised funds' },
  ];
}

export const SOURCE_KEYS: readonly SourceKey[] = sourceTaxonomy('2021-2025').map((s) => s.key);

/** The parts each identity adds up. */
export const IDENTITIES: ReadonlyArray<{ whole: SourceKey; parts: SourceKey[] }> = [
  { whole: 'total', parts: ['central', 'local', 'integrated', 'credit', 'mobilised'] },
  { whole: 'central', parts: ['centralInvestment', 'centralRecurrent'] },
  { whole: 'local', parts: ['localInvestment', 'localRecurrent'] },
];

/** One row of a plan table by source; absent or null means the column is not in use / empty. */
export type SourceRow = Partial<Record<SourceKey, number | null>>;

export interface IdentityGap {
  whole: SourceKey;
  /** The value the row states for the whole (its Tổng / NSTW / NSĐP cell). */
  stated: number;
  /** The sum of its parts. */
  computed: number;
  /** stated − computed, exact. */
  difference: number;
  parts: SourceKey[];
}

function valueOf(row: SourceRow, key: SourceKey): number | null {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The value a part contributes to its whole: its own cell, or — when it is empty but split — the
 * sum of its own parts (a row may fill ĐTPT and SN and leave NSTW blank).
 */
function contribution(row: SourceRow, key: SourceKey): number | null {
  const own = valueOf(row, key);
  if (own !== null) return own;
  const identity = IDENTITIES.find((i) => i.whole === key);
  if (!identity) return null;
  const parts = identity.parts.map((p) => valueOf(row, p)).filter((v): v is number => v !== null);
  return parts.length > 0 ? sumExact(parts) : null;
}

/**
 * Checks the identities on one row. A whole that is empty is not checked (nothing stated); parts
 * that are empty count as zero. Returns the identities that fail beyond the tolerance.
 */
export function checkSourceRow(row: SourceRow, tolerance = 0): IdentityGap[] {
  const gaps: IdentityGap[] = [];
  for (const { whole, parts } of IDENTITIES) {
    const stated = valueOf(row, whole);
    if (stated === null) continue;
    const values = parts.map((p) => contribution(row, p)).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const computed = sumExact(values);
    if (!amountsEqual(stated, computed, tolerance)) {
      gaps.push({ whole, stated, computed, difference: differenceExact(stated, computed), parts: parts.filter((p) => contribution(row, p) !== null) });
    }
  }
  return gaps;
}

const GAP_MESSAGE: Record<string, MessageKey> = { total: 'sources.totalGap', central: 'sources.centralGap', local: 'sources.localGap' };

/** The gap in words, in the user's language: "Tổng 1.728 ≠ các nguồn 1.700 (chênh 28)". */
export function describeGap(gap: IdentityGap, lang: Lang = 'vi'): string {
  const fmt = (v: number): string => formatAmount(v, { maxDecimals: 6, locale: lang });
  return translate(GAP_MESSAGE[gap.whole], { stated: fmt(gap.stated), computed: fmt(gap.computed), difference: fmt(gap.difference) }, lang);
}

/**
 * Counterpart (vốn đối ứng) minimum, QĐ 02/2022/QĐ-TTg: NSĐP at least 3% / 10% / 15% of NSTW by
 * the share of the province's budget that comes from the centre. 2026–2035 ratios are in
 * QĐ 16/2026/QĐ-TTg, whose values we do not have: callers pass them in (editable in settings).
 */
export type ProvinceGroup = 1 | 2 | 3;

export const COUNTERPART_MINIMUM_2021: Readonly<Record<ProvinceGroup, number>> = { 1: 0.03, 2: 0.1, 3: 0.15 };

export interface CounterpartResult {
  /** NSĐP / NSTW; null when NSTW is zero. */
  ratio: number | null;
  minimum: number;
  ok: boolean;
  /** NSĐP still needed to reach the minimum (0 when met), in the amounts' unit. */
  shortfall: number;
}

export function checkCounterpart(local: number, central: number, minimum: number): CounterpartResult {
  if (central === 0) return { ratio: null, minimum, ok: true, shortfall: 0 };
  const ratio = local / central;
  // exact decimals, so 3% of 1.000 is met by exactly 30
  const required = multiply(decimalFromNumber(central), decimalFromNumber(minimum));
  const ok = compare(decimalFromNumber(local), required) >= 0;
  const shortfall = ok ? 0 : toNumber(subtract(required, decimalFromNumber(local)));
  return { ratio, minimum, ok, shortfall };
}

/**
 * Reads the counterpart minimum: a province group 1, 2, 3 (≥ 70%, 50–70%, < 50% of the budget from
 * NSTW), or a share written with its sign ("3%", "10%") or as a fraction (0.1). A bare 3 is group 3.
 */
export function parseCounterpartMinimum(input: unknown): number | null {
  if (input === 1 || input === 2 || input === 3) return COUNTERPART_MINIMUM_2021[input];
  if (typeof input === 'number' && input > 0 && input < 1) return input;
  if (typeof input === 'number' && input >= 3 && input < 100) return input / 100;
  if (typeof input === 'string') {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(input);
    if (!m) return null;
    const n = Number(m[1].replace(',', '.'));
    return parseCounterpartMinimum(input.includes('%') ? n / 100 : n);
  }
  return null;
}
