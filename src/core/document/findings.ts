/**
 * What the document checks report: a rule id, a severity, the paragraph it points at (section
 * number and quote), other paragraphs involved, and a message from the one catalogue. Parameters
 * may themselves be messages (a source's name, a unit), so each language names them its own way.
 */
import { Lang, MessageKey, translate } from '../i18n';
import { formatAmount } from '../money';
import type { Severity } from '../checks/finding';
import { Provenance } from './model';

export type DocRuleId =
  | 'DOC_PARTS_SUM'
  | 'DOC_PART_EXCEEDS'
  | 'DOC_SUMMARY_DETAIL'
  | 'DOC_PROJECT_TOTAL'
  | 'DOC_YEAR'
  | 'DOC_SECTION_REPEATED'
  | 'DOC_SECTION_SKIPPED'
  | 'DOC_UNKNOWN_ITEM'
  | 'DOC_ITEM_NAME'
  | 'DOC_PEOPLE_SN'
  | 'DOC_ELIGIBILITY'
  | 'DOC_MONEY_TYPE'
  | 'DOC_COUNTERPART'
  | 'DOC_UNREAD'
  | 'DOC_SOURCE_UNKNOWN'
  | 'DOC_SOURCE_INFERRED'
  | 'DOC_NO_MONEY'
  | 'DOC_NO_TOTAL'
  | 'DOC_FACT_MISSING'
  | 'DOC_NUMBER_BLANK'
  | 'DOC_DATE_BLANK'
  | 'DOC_WORDS'
  | 'DOC_ITEM_CONFLICT'
  | 'DOC_STATED_CONFLICT'
  | 'DOC_TABLE_TEXT'
  | 'DOC_TABLE_TOTAL'
  | 'DOC_POLICY_DIMENSION'
  | 'DOC_ACTIVITY_UNPLACED'
  | 'DOC_POLICY_SOURCE';

export type DocParam = string | number | { key: MessageKey };
export type DocParams = Record<string, DocParam>;

export interface DocMessage {
  key: MessageKey;
  params: DocParams;
}

export interface DocFinding {
  rule: DocRuleId;
  severity: Severity;
  /** The paragraph (or table row) the finding is about. */
  at: Provenance;
  /** Other places involved (the detail lines under a summary, the first of two section numbers). */
  related?: Provenance[];
  message: DocMessage;
  hint?: DocMessage;
}

function params(p: DocParams, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    out[k] = typeof v === 'number' ? formatAmount(v, { maxDecimals: 6, locale: lang }) : typeof v === 'string' ? v : translate(v.key, {}, lang);
  }
  return out;
}

export function renderDocMessage(m: DocMessage, lang: Lang): string {
  return translate(m.key, params(m.params, lang), lang);
}

/** "mục III.4.1.đ" / "section III.4.1.đ"; a table row says its table and row. */
export function placeOf(at: Provenance, lang: Lang): string {
  if (at.row !== undefined) return translate('doc.place.tableRow', { table: at.block + 1, row: at.row, section: at.section || '—' }, lang);
  return at.section ? translate('doc.place.section', { section: at.section }, lang) : translate('doc.place.start', {}, lang);
}

export interface RenderedDocFinding {
  rule: DocRuleId;
  severity: Severity;
  section: string;
  quote: string;
  place: { vi: string; en: string };
  message: { vi: string; en: string };
  hint: { vi: string; en: string } | null;
  related: Provenance[];
}

export function renderDocFinding(f: DocFinding): RenderedDocFinding {
  const both = (m: DocMessage): { vi: string; en: string } => ({ vi: renderDocMessage(m, 'vi'), en: renderDocMessage(m, 'en') });
  return {
    rule: f.rule,
    severity: f.severity,
    section: f.at.section,
    quote: f.at.quote,
    place: { vi: placeOf(f.at, 'vi'), en: placeOf(f.at, 'en') },
    message: both(f.message),
    hint: f.hint ? both(f.hint) : null,
    related: f.related ?? [],
  };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then in the order of the document. */
export function sortFindings(findings: DocFinding[]): DocFinding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.at.block - b.at.block || (a.at.row ?? 0) - (b.at.row ?? 0));
}

export function countFindings(findings: readonly DocFinding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
