/**
 * VNI-Windows legacy encoding, fonts "VNI-Times"…: a base letter followed by a mark byte
 * ("aø" = à, "oâ" = ô), a few single bytes (ô = ơ, ö = ư, ñ = đ, the i family, î = ỵ).
 * VNI's bytes are also real Unicode letters (ô, ö, ñ, ó…), so decode only text known to be VNI.
 */
import { TONE_MARKS } from './letters';

// Mark bytes by tone index 1..5 (huyền, sắc, hỏi, ngã, nặng); index 0 is the bare modifier.
const PLAIN = { lower: ['', 'ø', 'ù', 'û', 'õ', 'ï'], upper: ['', 'Ø', 'Ù', 'Û', 'Õ', 'Ï'] };
const BREVE = { lower: ['ê', 'è', 'é', 'ú', 'ü', 'ë'], upper: ['Ê', 'È', 'É', 'Ú', 'Ü', 'Ë'] };
const CIRCUMFLEX = { lower: ['â', 'à', 'á', 'å', 'ã', 'ä'], upper: ['Â', 'À', 'Á', 'Å', 'Ã', 'Ä'] };
// The i family is one byte per letter.
const I_FAMILY = { lower: ['i', 'ì', 'í', 'æ', 'ó', 'ò'], upper: ['I', 'Ì', 'Í', 'Æ', 'Ó', 'Ò'] };

/** Unicode base letter (no tone) → [VNI prefix, mark set]. */
const FAMILIES: ReadonlyArray<readonly [string, string, typeof PLAIN]> = [
  ['a', 'a', PLAIN], ['ă', 'a', BREVE], ['â', 'a', CIRCUMFLEX],
  ['e', 'e', PLAIN], ['ê', 'e', CIRCUMFLEX],
  ['o', 'o', PLAIN], ['ô', 'o', CIRCUMFLEX], ['ơ', 'ô', PLAIN],
  ['u', 'u', PLAIN], ['ư', 'ö', PLAIN],
  ['y', 'y', PLAIN],
];

const ENCODE = new Map<string, string>();
const DECODE1 = new Map<string, string>();
const DECODE2 = new Map<string, string>();

function compose(base: string, tone: number): string {
  return (base + TONE_MARKS[tone]).normalize('NFC');
}

function addPair(unicode: string, vni: string): void {
  ENCODE.set(unicode, vni);
  if (vni === unicode) return;
  if (vni.length === 1) DECODE1.set(vni, unicode);
  else DECODE2.set(vni, unicode);
}

(() => {
  for (const upper of [false, true]) {
    for (const [base, prefix, marks] of FAMILIES) {
      const u = upper ? base.toUpperCase() : base;
      const p = upper ? prefix.toUpperCase() : prefix;
      const m = upper ? marks.upper : marks.lower;
      for (let t = 0; t < 6; t++) addPair(compose(u, t), p + m[t]);
    }
    const iMarks = upper ? I_FAMILY.upper : I_FAMILY.lower;
    for (let t = 1; t < 6; t++) addPair(compose(upper ? 'I' : 'i', t), iMarks[t]);
    // ỵ is a single byte, unlike the rest of the y family.
    addPair(compose(upper ? 'Y' : 'y', 5), upper ? 'Î' : 'î');
    addPair(upper ? 'Đ' : 'đ', upper ? 'Ñ' : 'ñ');
  }
  // Tolerate mixed case ("Aù" typed for "Á"): the base letter decides the case.
  for (const [vni, unicode] of [...DECODE2]) {
    const [b, m] = [...vni];
    const swapped = b + (m === m.toUpperCase() ? m.toLowerCase() : m.toUpperCase());
    if (!DECODE2.has(swapped)) DECODE2.set(swapped, unicode);
  }
})();

/** Converts VNI-Windows text to Unicode (NFC), longest match first. Other characters are kept. */
export function vniToUnicode(s: string): string {
  if (typeof s !== 'string') return '';
  let out = '';
  let i = 0;
  while (i < s.length) {
    const two = DECODE2.get(s.slice(i, i + 2));
    if (two !== undefined && i + 1 < s.length) {
      out += two;
      i += 2;
      continue;
    }
    const ch = s[i];
    out += DECODE1.get(ch) ?? ch;
    i++;
  }
  return out;
}

/** Converts Unicode text to VNI-Windows. Characters without a VNI form are kept. */
export function unicodeToVni(s: string): string {
  if (typeof s !== 'string') return '';
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}

/** True for characters that only occur in VNI text as mark bytes or single-byte letters. */
export function isVniByte(ch: string): boolean {
  if (DECODE1.has(ch)) return true;
  for (const set of [PLAIN, BREVE, CIRCUMFLEX]) if (set.lower.includes(ch) || set.upper.includes(ch)) return true;
  return false;
}
