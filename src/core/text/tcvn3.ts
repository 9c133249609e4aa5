/**
 * TCVN3 (ABC) legacy encoding, fonts ".VnTime", ".VnArial"… One byte per lower-case accented
 * letter, stored in Excel as the Latin-1 character with that code. Capitals come from separate
 * fonts whose names end in "H" (".VnTimeH"): there the lower-case bytes are drawn as capitals.
 */

/** TCVN3 characters, in the order of {@link TCVN3_UNICODE} (domain.md §8). Note U+00AD (soft hyphen) = ư. */
export const TCVN3_CHARS =
  '¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô' + '\u00AD' + 'øõö÷ùýúûüþ®¡¢£¤¥¦§';

/** The Unicode letters the TCVN3 characters stand for. */
export const TCVN3_UNICODE =
  'áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂÊÔƠƯĐ';

const DECODE = new Map<string, string>();
const ENCODE = new Map<string, string>();
(() => {
  const from = [...TCVN3_CHARS];
  const to = [...TCVN3_UNICODE];
  for (let i = 0; i < from.length; i++) {
    DECODE.set(from[i], to[i]);
    ENCODE.set(to[i], from[i]);
  }
})();

export interface Tcvn3Options {
  /** Text was in a capitals font (".VnTimeH"): upper-case the result, as the user saw it. */
  readonly capitals?: boolean;
}

/** Converts TCVN3 text to Unicode (NFC). Characters outside the table are kept. */
export function tcvn3ToUnicode(s: string, opts: Tcvn3Options = {}): string {
  if (typeof s !== 'string') return '';
  let out = '';
  for (const ch of s) out += DECODE.get(ch) ?? ch;
  return opts.capitals ? out.toUpperCase() : out;
}

/**
 * Converts Unicode text to TCVN3 for the normal (non-"H") fonts. TCVN3 has no byte for
 * accented capitals other than Ă Â Ê Ô Ơ Ư Đ, so those ("Ấ", "Ộ"…) get their lower-case byte:
 * the text reads right but shows that letter in lower case. Other characters are kept.
 */
export function unicodeToTcvn3(s: string): string {
  if (typeof s !== 'string') return '';
  let out = '';
  for (const ch of s.normalize('NFC')) {
    out += ENCODE.get(ch) ?? ENCODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

/** True for characters that are TCVN3 letter bytes. */
export function isTcvn3Char(ch: string): boolean {
  return DECODE.has(ch);
}
