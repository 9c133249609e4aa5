/**
 * The "Kiểm tra" sheet: every finding as a row with a link to its cell, rewritten on each run.
 * Links use HYPERLINK("#'Sheet'!A1"), which Excel, LibreOffice and WPS all follow.
 */
import { SheetSpec, CellSpec } from '../book/model';
import { RenderedFinding } from './finding';
import { Lang, MessageKey, translate } from '../i18n';

export const REPORT_SHEET = 'Kiểm tra';

const SEVERITY_LABEL: Record<Lang, Record<string, string>> = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  en: { error: 'Error', warning: 'Warning', info: 'Information' },
};

const HEADERS: Record<Lang, string[]> = {
  vi: ['STT', 'Mức độ', 'Quy tắc', 'Ô', 'Nội dung', 'Cách sửa'],
  en: ['No.', 'Severity', 'Rule', 'Cell', 'Finding', 'How to fix'],
};

/** What a rule checks, in the officer's words (the id, COUNTERPART or SRC_SPLIT, is for machines). */
export function ruleTitle(rule: string, lang: Lang = 'vi'): string {
  return translate(`pane.rule.${rule}` as MessageKey, {}, lang);
}

/** "F8 (trang DA3)": a cell said the way an officer reads it. */
export function cellWhere(sheet: string, cell: string, lang: Lang = 'vi'): string {
  return translate('experience.where', { cell, sheet }, lang);
}

function linkFormula(ref: string, shown: string): string {
  return `=HYPERLINK("#${ref.replace(/"/g, '""')}","${shown.replace(/"/g, '""')}")`;
}

export function reportSheet(findings: RenderedFinding[], lang: Lang = 'vi', name = REPORT_SHEET): SheetSpec {
  const header: CellSpec[] = HEADERS[lang].map((h) => ({ value: h, style: 'header' }));
  const rows: CellSpec[][] = findings.map((f, i) => [
    { value: i + 1, style: 'leaf' },
    { value: SEVERITY_LABEL[lang][f.severity], style: f.severity === 'error' ? 'reportError' : f.severity === 'warning' ? 'reportWarning' : 'leaf' },
    { value: ruleTitle(f.rule, lang), style: 'leaf' },
    f.cell ? { formula: linkFormula(f.ref, cellWhere(f.sheet, f.cell, lang)), style: 'link' } : { value: f.sheet, style: 'leaf' },
    { value: f.message[lang], style: 'leaf' },
    { value: f.hint?.[lang] ?? null, style: 'leaf' },
  ]);
  return {
    name,
    role: 'check',
    replace: true,
    blocks: [{ row: 0, col: 0, cells: [header, ...rows] }],
    columns: [
      { index: 0, width: 5 },
      { index: 1, width: 11 },
      { index: 2, width: 30 },
      { index: 3, width: 18 },
      { index: 4, width: 70 },
      { index: 5, width: 50 },
    ],
    freeze: { rows: 1, columns: 0 },
  };
}

export const REPORT_STYLES = {
  reportError: { font: { name: 'Times New Roman', size: 11, bold: true, color: '#C00000' }, border: true },
  reportWarning: { font: { name: 'Times New Roman', size: 11, color: '#9C5700' }, border: true, fill: '#FFEB9C' },
  link: { font: { name: 'Times New Roman', size: 11, color: '#0563C1' }, border: true },
};
