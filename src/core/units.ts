/**
 * Money units used in plans. Plans mix "triệu đồng" in the detail with "tỷ đồng" in summaries;
 * every unit is a power of 1000 of the đồng, so conversion is an exact shift of the decimal point.
 */
export type MoneyUnit = 'dong' | 'nghin' | 'trieu' | 'ty';

export const MONEY_UNITS: readonly MoneyUnit[] = ['dong', 'nghin', 'trieu', 'ty'];

/** Power of ten of one unit in đồng: 1 triệu = 10^6 đồng. */
export const UNIT_EXPONENT: Readonly<Record<MoneyUnit, number>> = { dong: 0, nghin: 3, trieu: 6, ty: 9 };

/** The label a plan prints after an amount ("Đơn vị tính: triệu đồng"). */
export const UNIT_LABEL_VI: Readonly<Record<MoneyUnit, string>> = {
  dong: 'đồng',
  nghin: 'nghìn đồng',
  trieu: 'triệu đồng',
  ty: 'tỷ đồng',
};

/** Strips Vietnamese diacritics and folds case, for tolerant matching of unit words ("triệu" = "trieu"). */
function foldUnitWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Written forms seen in plans and typed by officers, folded (no diacritics, lower case).
const UNIT_WORDS: ReadonlyArray<readonly [string, MoneyUnit]> = [
  ['dong', 'dong'], ['d', 'dong'], ['vnd', 'dong'], ['vnđ', 'dong'], ['dong chan', 'dong'],
  ['nghin', 'nghin'], ['ngan', 'nghin'], ['nghin dong', 'nghin'], ['ngan dong', 'nghin'], ['1000 dong', 'nghin'], ['1.000 dong', 'nghin'], ['nd', 'nghin'],
  ['trieu', 'trieu'], ['trieu dong', 'trieu'], ['tr', 'trieu'], ['trd', 'trieu'], ['tr.d', 'trieu'], ['tr d', 'trieu'], ['tr.', 'trieu'],
  ['ty', 'ty'], ['ti', 'ty'], ['ty dong', 'ty'], ['ti dong', 'ty'],
];
const UNIT_BY_WORD = new Map(UNIT_WORDS);

/** Reads a unit name in any of its usual spellings ("triệu đồng", "trđ", "ty", "nghìn"); null when unknown. */
export function parseUnit(text: string): MoneyUnit | null {
  const folded = foldUnitWord(text).replace(/\s*\.\s*$/, '');
  if (folded === '') return null;
  return UNIT_BY_WORD.get(folded) ?? UNIT_BY_WORD.get(folded.replace(/\./g, '')) ?? null;
}
