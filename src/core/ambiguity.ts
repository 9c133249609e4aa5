/**
 * What KH says about "1,728": two honest readings (one thousand seven hundred and twenty-eight in
 * an en-US Excel, one point seven two eight the vi-VN way), each named in words and each with a
 * way to write it that has only one reading — never the text the officer already typed.
 */
import type { Message } from './i18n';
import { formatAmount } from './money';
import { amountToWords } from './words';

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function wholeWords(value: number): string {
  const words = amountToWords(Math.abs(value), { currency: false });
  const text = words.ok ? lowerFirst(words.text) : String(Math.abs(value));
  return value < 0 ? `âm ${text}` : text;
}

/** "một phẩy bảy hai tám": the integer part in words, then each decimal digit. */
function decimalWords(value: number): string {
  const [int, frac = ''] = String(Math.abs(value)).split('.');
  const digits = [...frac].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
  const text = `${wholeWords(Number(int))}${digits ? ` phẩy ${digits}` : ''}`;
  return value < 0 ? `âm ${text}` : text;
}

/**
 * The message for an ambiguous amount. `candidates` is what parseAmount gives: [the decimal
 * reading, the thousands reading] (1.728 and 1728 for "1,728").
 */
export function ambiguousAmount(text: string, candidates: readonly [number, number]): Message {
  const [decimal, whole] = candidates;
  const number = formatAmount(decimal, { maxDecimals: 6 });
  return {
    key: 'amount.ambiguous',
    params: {
      text,
      number,
      whole: formatAmount(whole),
      wholeWords: wholeWords(whole),
      decimalWords: decimalWords(decimal),
      // a fourth decimal digit leaves one reading only
      decimalText: `${number}0`,
    },
  };
}
