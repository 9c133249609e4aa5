/**
 * How the playground's grid shows a cell: as a vi-VN Excel would (dot groups thousands, comma is
 * the decimal mark), for the number formats KH writes ("#,##0", "#,##0.0", a dash for zero,
 * percentages). Anything else shows the plain number.
 */
import type { CellValue } from '../testing/excel-fake';

function section(format: string, value: number): string {
  const parts = format.split(';');
  if (value < 0 && parts[1] !== undefined) return parts[1];
  if (value === 0 && parts[2] !== undefined) return parts[2];
  return parts[0];
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function displayText(value: CellValue | null | undefined, format: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = section(format ?? 'General', value);
  const literal = /^"([^"]*)"$/.exec(fmt);
  if (literal) return literal[1];
  if (fmt === 'General' || fmt === '' || fmt === '@') {
    const plain = String(Number(value.toPrecision(11)));
    return plain.replace('.', ',');
  }
  const percent = fmt.includes('%');
  const decimals = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  const grouped = fmt.includes(',');
  const n = Math.abs(percent ? value * 100 : value);
  const [int, frac] = n.toFixed(decimals).split('.');
  // KH's negative sections are "-#,##0": a sign, as with no negative section at all
  const sign = value < 0 ? '-' : '';
  return `${sign}${grouped ? group(int) : int}${frac ? `,${frac}` : ''}${percent ? '%' : ''}`;
}
