/**
 * `kh verify file.xlsx FINGERPRINT`: are the file's figures still those that were sent? The
 * fingerprint (src/core/province/fingerprint.ts) is computed on the figures as read now and
 * compared with the one given — exit 0 when they match, 1 when not.
 */
import { translate } from '../core/i18n';
import { WorkbookSnapshot } from '../core/book/snapshot';
import { runChecks } from '../core/checks/engine';
import { Fingerprint, fingerprintOf, normaliseFingerprint, storedFingerprint } from '../core/province/fingerprint';
import { CheckResult } from '../core/checks/engine';
import { Command, Out } from './command';
import { CliError, EXIT } from './files';

/** The fingerprint lines of `kh check`: the figures' own, and what Thông tin says when it differs. */
export function printFingerprint(out: Out, result: CheckResult): Fingerprint {
  const fp = fingerprintOf(result.model.tables);
  out.line(out.t('fp.line', { value: fp.value, rows: fp.rows, tables: fp.tables }));
  const stored = storedFingerprint(result.model.info ? result.model.snapshot.sheets.find((s) => s.name === result.model.info?.sheet) : undefined);
  if (stored && stored !== fp.value) out.line(out.t('fp.storedDiffers', { stored, value: fp.value }));
  return fp;
}

export function verifyCommand(snapshotOf: (path: string, out: Out) => Promise<WorkbookSnapshot>): Command {
  return {
    options: {},
    positionals: { min: 2, max: 2 },
    help: 'cli.help.verify',
    async run(args, out) {
      const [file, typed] = args.positional;
      const expected = normaliseFingerprint(typed);
      // the fingerprint is checked before the file is read: a typo is a usage error, not a mismatch
      if (!expected) throw new CliError(EXIT.usage, translate('verify.badFingerprint', { value: typed }, 'vi'), translate('verify.badFingerprint', { value: typed }, 'en'));
      const fp = fingerprintOf(runChecks(await snapshotOf(file, out)).model.tables);
      if (fp.value === expected) {
        out.line(out.t('verify.same', { file, value: fp.value }));
        return EXIT.ok;
      }
      out.line(out.t('verify.differs', { file, value: fp.value, expected }));
      return EXIT.findings;
    },
  };
}
