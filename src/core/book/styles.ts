/** The cell styles and amount formats of a plan workbook (sheets and annexes share them). */
import { PlanSpec } from '../plan';
import { StyleSpec } from './model';

export const FONT = 'Times New Roman';
export const LAST_ROW = 1048576;

export const STYLES: Record<string, StyleSpec> = {
  title: { font: { name: FONT, size: 14, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  subtitle: { font: { name: FONT, size: 12, italic: true }, horizontal: 'center' },
  unit: { font: { name: FONT, size: 11, italic: true }, horizontal: 'right' },
  header: { font: { name: FONT, size: 11, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: '#E2EFDA' },
  numbers: { font: { name: FONT, size: 10, italic: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  grandTotal: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', vertical: 'middle' },
  grandTotalAmount: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', horizontal: 'right' },
  group: { font: { name: FONT, size: 12, bold: true }, border: true, vertical: 'middle', wrap: true },
  groupAmount: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'right', vertical: 'middle' },
  leaf: { font: { name: FONT, size: 12 }, border: true, vertical: 'middle', wrap: true },
  leafAmount: { font: { name: FONT, size: 12 }, border: true, horizontal: 'right', vertical: 'middle' },
  input: { font: { name: FONT, size: 12 }, border: true, fill: '#FFFBEA', vertical: 'middle', wrap: true },
  inputAmount: { font: { name: FONT, size: 12 }, border: true, fill: '#FFFBEA', horizontal: 'right', vertical: 'middle' },
  check: { font: { name: FONT, size: 11 }, border: true, horizontal: 'center' },
  code: { font: { name: FONT, size: 10, color: '#7F7F7F' }, border: true },
  label: { font: { name: FONT, size: 12, bold: true } },
  text: { font: { name: FONT, size: 12 } },
  meta: { font: { name: FONT, size: 10 } },
  // annexes: the document around the table (NĐ 30/2020 sizes)
  docBody: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center', vertical: 'middle' },
  docMotto: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center', vertical: 'middle' },
  // NĐ 30/2020 rule lines: em dashes that join into one line, just under the text above
  docRule: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center', vertical: 'top' },
  docNumber: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center' },
  docTitle: { font: { name: FONT, size: 13, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true },
  docAttached: { font: { name: FONT, size: 12, italic: true }, horizontal: 'center' },
  words: { font: { name: FONT, size: 12, italic: true }, horizontal: 'left', vertical: 'middle', wrap: true },
  signature: { font: { name: FONT, size: 12, bold: true }, horizontal: 'center' },
  // annexes print without fills (government documents are black on white)
  docHeader: { font: { name: FONT, size: 11, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  docTotal: { font: { name: FONT, size: 12, bold: true }, border: true, vertical: 'middle', wrap: true },
  docTotalAmount: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'right', vertical: 'middle' },
  docTotalCenter: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'center', vertical: 'middle' },
  docInput: { font: { name: FONT, size: 12 }, border: true, vertical: 'middle', wrap: true },
  docInputAmount: { font: { name: FONT, size: 12 }, border: true, horizontal: 'right', vertical: 'middle' },
  grandTotalCenter: { font: { name: FONT, size: 12, bold: true }, border: true, fill: '#FFF2CC', horizontal: 'center', vertical: 'middle' },
  groupCenter: { font: { name: FONT, size: 12, bold: true }, border: true, horizontal: 'center', vertical: 'middle' },
  leafCenter: { font: { name: FONT, size: 12 }, border: true, horizontal: 'center', vertical: 'middle' },
};

/** Annex amounts: the plan's format, with a dash for zero as printed tables show it. */
export function annexAmountFormat(spec: Pick<PlanSpec, 'unit' | 'decimals'>): string {
  const f = amountFormat(spec);
  return `${f};-${f};"-"`;
}

/** `#,##0`, or with decimals (tỷ defaults to two). */
export function amountFormat(spec: Pick<PlanSpec, 'unit' | 'decimals'>): string {
  const decimals = spec.decimals ?? (spec.unit === 'ty' ? 2 : 0);
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
