/**
 * The money unit of an officer's table: declared ("Đơn vị tính: triệu đồng", "ĐVT: đồng"), in the
 * title or a header ("(triệu đồng)"), and cross-checked against the magnitudes of the amounts. A
 * unit the sheet does not say and the figures do not tell is left unknown — never assumed.
 */
import { MoneyUnit, UNIT_EXPONENT, parseUnit } from '../units';
import { foldForMatch } from '../text/normalize';
import { Grid } from './grid';
import { UnitEvidence } from './model';

export interface UnitReading {
  unit: MoneyUnit;
  evidence: UnitEvidence;
  /** Where it was read ("A3"), for the officer. */
  row: number;
  col: number;
}

const DECLARED = /\b(?:don vi tinh|don vi|dvt|d v t)\b\s*(.*)$/;
const IN_PARENS = /\(([^()]*)\)/g;

function unitOfText(text: string): MoneyUnit | null {
  const t = text.replace(/^[\s:.\-–]+/, '').replace(/[\s.;,)]+$/, '').trim();
  return t === '' ? null : parseUnit(t) ?? parseUnit(t.split(/[;,]/)[0]);
}

/** Reads a declared unit in rows [from, to] (the title rows above a header and the header itself). */
export function declaredUnit(grid: Grid, from: number, to: number, headerTop: number): UnitReading | null {
  for (let r = from; r <= to; r++) {
    for (const c of grid.filled(r)) {
      const text = grid.text(r, c);
      if (text === '') continue;
      const folded = foldForMatch(text);
      const m = DECLARED.exec(folded);
      if (m) {
        // "Đơn vị tính: triệu đồng" — read from the original text after the label
        const after = text.slice(text.search(/[:：]/) + 1);
        const unit = unitOfText(after) ?? unitOfText(m[1]);
        if (unit) return { unit, evidence: 'declared', row: r, col: c };
        continue;
      }
      for (const p of text.matchAll(IN_PARENS)) {
        const unit = unitOfText(p[1].replace(/^(?:đơn vị|đvt|đv)\s*[:.]?/iu, ''));
        if (unit) return { unit, evidence: r >= headerTop ? 'header' : 'title', row: r, col: c };
      }
    }
  }
  return null;
}

/** Amounts per row in đồng a plan table holds: a commune's activity to a province's programme. */
const PLAUSIBLE_DONG = { low: 1e5, high: 1e12 };

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Whether the typical amount, read in this unit, is a plausible plan amount. */
export function plausibleIn(unit: MoneyUnit, typical: number): boolean {
  const dong = typical * 10 ** UNIT_EXPONENT[unit];
  return dong >= PLAUSIBLE_DONG.low && dong <= PLAUSIBLE_DONG.high;
}

/**
 * The unit the magnitudes alone tell: only đồng is unmistakable — a typical row of a billion or more
 * (a thousand tỷ in nghìn), or millions all rounded to the thousand; otherwise null: 350 may be
 * triệu, nghìn or tỷ.
 */
export function unitFromMagnitude(typical: number | null, values: readonly number[] = []): MoneyUnit | null {
  if (typical === null) return null;
  if (typical >= 1e9) return 'dong';
  // millions rounded to the thousand on every row (215.400.000): đồng, not whole tỷ in nghìn
  if (typical >= 1e6 && values.length >= 3 && values.filter((v) => Number.isInteger(v) && v % 1000 === 0).length >= 0.8 * values.length) return 'dong';
  return null;
}
