/** Small pieces several rules share. */
import { convertUnit, differenceExact, parseAmount } from '../../money';
import { sourceTaxonomy } from '../../sources';
import { Programme } from '../../programme';
import { MoneyUnit } from '../../units';
import { CellValue } from '../../book/model';
import { AmountKey } from '../model';

export function gapParams(stated: number, computed: number): { stated: number; computed: number; difference: number } {
  return { stated, computed, difference: differenceExact(stated, computed) };
}

/** The Vietnamese short label of an amount column (for messages): "Tổng", "NSTW", "ĐTPT"… */
export function columnLabel(programme: Programme, key: AmountKey): string {
  const def = sourceTaxonomy(programme).find((s) => s.key === key);
  return def?.shortVi ?? key;
}

/** Outline numbers ("1.1", "2.3.4") look like decimals but are labels. */
const OUTLINE = /^\s*\d{1,2}(\.\d{1,2})+\.?\s*$/;

/** The amount a text cell stands for ("1.250", " 300 ", "0,5 tỷ" in a table in triệu); null when it is not one. */
export function textAmount(value: CellValue, unit: MoneyUnit | null): number | null {
  if (typeof value !== 'string' || value.trim() === '' || OUTLINE.test(value)) return null;
  const p = parseAmount(value);
  if (!p.ok) return null;
  return p.unit && unit ? convertUnit(p.value, p.unit, unit) : p.value;
}

/** What Excel's arithmetic makes of a text in an en-US Excel ("2.150" + 1 is 3,15): the other reading of a text amount. */
export function coercedText(value: CellValue): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}
