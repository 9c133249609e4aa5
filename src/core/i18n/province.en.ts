/** Messages of the province's work with its communes' files in English: the same keys as province.vi.ts (the compiler enforces it). */
import type { provinceVi } from './province.vi';

export const provinceEn: Record<keyof typeof provinceVi, string> = {
  'fp.line': 'Fingerprint of the figures: {value} ({rows} detail rows, {tables} tables)',
  'fp.stored': 'Fingerprint written on Thông tin: {value}',
  'fp.storedDiffers': 'The fingerprint written on Thông tin ({stored}) differs from the fingerprint of the figures now ({value}): the figures were changed after KH made the file',
  'verify.same': 'Match: the figures of {file} are the figures with fingerprint {value}',
  'verify.differs': 'NO match: the figures of {file} have fingerprint {value}, not {expected}. The figures are not those that were sent: ask the sender, or compare both versions with kh diff old.xlsx {file}',
  'verify.badFingerprint': '"{value}" is not a fingerprint: a fingerprint has 16 letters and digits, for example 7K3M-Q9XD-2HBT-W0RA (copy it from cell B2 of Thông tin, or from kh check)',
  'cli.help.verify': 'kh verify file.xlsx FINGERPRINT: says whether the file\'s figures are the figures with that fingerprint (exit 0 match, 1 no match). The fingerprint covers the amounts, codes and implementing units of the detail rows, whatever the formatting or the program that wrote the file.',
  'summary.fingerprint': 'Fingerprint of the figures',
};
