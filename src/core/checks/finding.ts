/**
 * What a check reports: a stable, language-neutral record (rule id, severity, cell, message key
 * and parameters) rendered in Vietnamese and English from the one message catalogue.
 */
import { Lang, MessageKey, MessageParams, translate } from '../i18n';
import { formatAmount } from '../money';
import { quoteSheet } from '../book/address';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type RuleId =
  | 'SRC_SPLIT'
  | 'SRC_NSTW'
  | 'SRC_NSDP'
  | 'FORMULA_RANGE'
  | 'HIDDEN_ROW'
  | 'TABLE'
  | 'UNMAPPED_COLUMN'
  | 'UNIT_UNKNOWN'
  | 'ROLLUP'
  | 'HARDCODED_TOTAL'
  | 'FORMULA_SHAPE'
  | 'TEXT_NUMBER'
  | 'UNIT_SCALE'
  | 'NEGATIVE'
  | 'BLANK_REQUIRED'
  | 'ERROR_VALUE'
  | 'CODE'
  | 'MONEY_TYPE'
  | 'ELIGIBILITY'
  | 'COUNTERPART'
  | 'DA5_CEILING'
  | 'STATED_TOTAL'
  | 'ANNEX_DRIFT'
  | 'LEGACY_TEXT'
  | 'SEND_SAFETY'
  | 'DANGEROUS_CONTENT'
  | 'LAYOUT';

/** A change KH can make safely on the officer's say-so (never applied by checking itself). */
export type QuickFix =
  | { kind: 'formula'; sheet: string; cell: string; formula: string }
  | { kind: 'value'; sheet: string; cell: string; value: string | number | null }
  | { kind: 'convertText'; sheet: string; cells: string[]; encoding: 'tcvn3' | 'vni' };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** The cell the finding points at ("E9"); '' for a workbook-wide finding. */
  cell: string;
  /** Other cells involved (the children of a roll-up, the sibling formulas…). */
  related?: string[];
  message: { key: MessageKey; params: MessageParams };
  hint?: { key: MessageKey; params: MessageParams };
  fix?: QuickFix;
}

export interface RenderedFinding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  /** "'Tổng hợp'!E9" — ready for a hyperlink or Excel's Go To. */
  ref: string;
  related: string[];
  message: { vi: string; en: string };
  hint: { vi: string; en: string } | null;
  fix: QuickFix | null;
}

export function render(finding: Finding): RenderedFinding {
  const both = (m: { key: MessageKey; params: MessageParams }): { vi: string; en: string } => ({
    vi: translate(m.key, localized(m.params, 'vi'), 'vi'),
    en: translate(m.key, localized(m.params, 'en'), 'en'),
  });
  return {
    rule: finding.rule,
    severity: finding.severity,
    sheet: finding.sheet,
    cell: finding.cell,
    ref: finding.cell ? `${quoteSheet(finding.sheet)}!${finding.cell}` : quoteSheet(finding.sheet),
    related: finding.related ?? [],
    message: both(finding.message),
    hint: finding.hint ? both(finding.hint) : null,
    fix: finding.fix ?? null,
  };
}

/** Amounts in parameters are numbers; each language shows them its own way (1.728,5 / 1,728.5). */
export function localized(params: MessageParams, lang: Lang): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' ? formatAmount(v, { maxDecimals: 6, locale: lang }) : v;
  return out;
}

export function messageOf(finding: Finding, lang: Lang): string {
  return translate(finding.message.key, localized(finding.message.params, lang), lang);
}
