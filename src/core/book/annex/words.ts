/**
 * "Bằng chữ: …" under an annex total. KH writes the words itself when it builds or refreshes, so
 * the file reads right without the add-in; with the KH formula style the cell is =KH.BANGCHU(…)
 * over the total and follows it live.
 */
import { amountToWords, WordsOptions } from '../../words';
import { MoneyUnit } from '../../units';
import { CellSpec } from '../model';
import { FormulaStyle } from '../template';

export type WordsCell = (totalAddress: string) => CellSpec;

const UNIT_WORD: Readonly<Record<MoneyUnit, string>> = { dong: 'đồng', nghin: 'nghìn', trieu: 'triệu', ty: 'tỷ' };

export const WORDS_PREFIX = 'Bằng chữ: ';

/** The words of an amount in the plan's unit, as printed under the total; nothing under an empty table. */
export function wordsText(amount: number, unit: MoneyUnit, options: WordsOptions = {}): string {
  if (amount === 0) return '';
  const words = amountToWords(amount, { ...options, unit });
  return words.ok ? `${WORDS_PREFIX}${words.text}.` : WORDS_PREFIX;
}

export function wordsCell(amount: number, unit: MoneyUnit, style: FormulaStyle, options: WordsOptions = {}): WordsCell {
  return (totalAddress) => {
    if (style === 'kh') {
      const flags = [options.zeroTens === 'lẻ' ? 'lẻ' : null, options.thousand === 'ngàn' ? 'ngàn' : null, options.chan ? 'chẵn' : null].filter(Boolean).join(',');
      const args = flags ? `,"${UNIT_WORD[unit]}","${flags}"` : `,"${UNIT_WORD[unit]}"`;
      return { formula: `=IF(${totalAddress}=0,"","${WORDS_PREFIX}"&KH.BANGCHU(${totalAddress}${args})&".")`, style: 'words', locked: true };
    }
    const text = wordsText(amount, unit, options);
    return { value: text === '' ? null : text, style: 'words', locked: true };
  };
}
