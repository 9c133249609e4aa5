/**
 * A source's name as the officer's programme calls it: "Vốn sự nghiệp" in 2021–2025, "Chi thường
 * xuyên" from 2026, in the language of the output.
 */
import type { Lang } from '../core/i18n';
import type { Programme } from '../core/programme';
import { sourceTaxonomy } from '../core/sources';
import type { AmountKey } from '../core/table/model';

export function sourceName(key: AmountKey, programme: Programme, lang: Lang): string {
  const s = sourceTaxonomy(programme).find((t) => t.key === key);
  return s ? (lang === 'en' ? s.labelEn : s.labelVi) : key;
}

/** The programme an item code belongs to: Hợp phần codes (HP1.ND4) are the 2026–2035 programme's. */
export function programmeOfCode(code: string): Programme {
  return /^HP\d/i.test(code) ? '2026-2035' : '2021-2025';
}
