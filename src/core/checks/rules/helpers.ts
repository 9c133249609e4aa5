/** Small pieces several rules share. */
import { differenceExact } from '../../money';
import { sourceTaxonomy } from '../../sources';
import { Programme } from '../../programme';
import { AmountKey } from '../model';

export function gapParams(stated: number, computed: number): { stated: number; computed: number; difference: number } {
  return { stated, computed, difference: differenceExact(stated, computed) };
}

/** The Vietnamese short label of an amount column (for messages): "Tổng", "NSTW", "ĐTPT"… */
export function columnLabel(programme: Programme, key: AmountKey): string {
  const def = sourceTaxonomy(programme).find((s) => s.key === key);
  return def?.shortVi ?? key;
}
