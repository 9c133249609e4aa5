/** Vietnamese text: normalisation, tone placement, folding, legacy encodings (domain.md §8). */
export { toNFC, normalizeTone, foldForMatch, type ToneStyle } from './normalize';
export { tcvn3ToUnicode, unicodeToTcvn3, isTcvn3Char, TCVN3_CHARS, TCVN3_UNICODE, type Tcvn3Options } from './tcvn3';
export { vniToUnicode, unicodeToVni, isVniByte } from './vni';
export {
  detectEncoding,
  fontEncoding,
  convertLegacy,
  convertCellText,
  type TextEncoding,
  type LegacyEncoding,
  type EncodingGuess,
  type ConvertOptions,
  type CellText,
  type CellConversion,
  type CellSkipReason,
} from './detect';
export { isVietnameseLetter, isVietnameseSyllable } from './letters';
