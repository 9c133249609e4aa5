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
  'diff.title': 'Comparing {before} → {after} (amounts in {unit})',
  'diff.none': 'Both versions have the same figures, names and implementing units on their detail rows.',
  'diff.added': 'Rows added ({count}):',
  'diff.removed': 'Rows removed ({count}):',
  'diff.moved': 'Rows moved to another project ({count}):',
  'diff.movedLine': '"{label}": {from} ({fromCell}) → {to} ({toCell})',
  'diff.amounts': 'Amounts changed ({count}):',
  'diff.texts': 'Text changed ({count}):',
  'diff.field.name': 'name',
  'diff.field.unitName': 'implementing unit',
  'diff.totals': 'Detail rows added up by source:',
  'diff.appeared': 'Errors / warnings that appeared ({count}):',
  'diff.disappeared': 'Errors / warnings that are gone ({count}):',
  'diff.fingerprints': 'Fingerprint: {before} → {after}',
  'cli.help.diff': 'kh diff old.xlsx new.xlsx [--json]: what changed between two versions of a plan — rows added, removed, moved to another project; amounts by source with the difference; names and implementing units retyped; errors that appeared or are gone. Works on KH\'s layout and on officers\' own tables. Exit 0 when nothing differs, 1 when something changed.',
  'summary.fingerprint': 'Fingerprint of the figures',
};
