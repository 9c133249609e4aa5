/**
 * `kh consolidate DIR -o tinh.xlsx`: the province's plan workbook from its communes' files, built
 * by the plan builder (src/core/province/consolidate.ts makes the spec), with the annexes and the
 * fingerprint of the province's own figures on Thông tin.
 */
import { basename, resolve } from 'path';
import { translate } from '../core/i18n';
import { buildPlanWithAnnexes } from '../core/book/annex/generate';
import { consolidate, CommuneFile } from '../core/province/consolidate';
import { stampFingerprint } from '../core/province/stamp';
import { formatAmount, sumExact } from '../core/money';
import { UNIT_LABEL_VI } from '../core/units';
import { descriptionToXlsx } from '../workbook/exceljs';
import { booleanOption, Command, stringOption } from './command';
import { CliError, EXIT, renderProblem, writeOutput } from './files';
import { FileOutcome, checkFile, workbooksIn } from './batch';
import { UsageError } from './args';
import { Programme } from '../core/programme';

function fact(o: FileOutcome, key: string): string | number | null {
  const v = o.result?.model.info?.fields[key]?.value;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

export const consolidateCommand: Command = {
  options: { out: { type: 'string', short: 'o', example: 'tinh.xlsx' }, province: { type: 'string', example: '"Lai Châu"' }, year: { type: 'string', example: '2025' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: 'cli.help.consolidate',
  async run(args, out) {
    const dir = args.positional[0];
    const target = stringOption(args, 'out');
    if (!target) throw new CliError(EXIT.usage, translate('cli.usage', { command: 'consolidate' }, 'vi'), translate('cli.usage', { command: 'consolidate' }, 'en'));
    const yearText = stringOption(args, 'year');
    if (yearText !== undefined && !/^(19|20)\d\d$/.test(yearText.trim())) throw new UsageError({ key: 'consolidate.badYear', params: { value: yearText } });
    // each file's check result (its snapshot with it) is let go once its tables are kept: 800 communes fit
    const communes: CommuneFile[] = [];
    let province = stringOption(args, 'province');
    let year = yearText ? Number(yearText) : undefined;
    let programme: Programme | undefined;
    for (const f of workbooksIn(dir)) {
      const o = await checkFile(f, dir);
      if (!o.ok || !o.result) {
        out.line(`  ✗ ${o.problem ? renderProblem(o.problem, o.file, out.lang) : o.file} — ${out.t('cli.batchSkipped')}`);
        continue;
      }
      const area = fact(o, 'area');
      communes.push({ file: o.file, commune: typeof area === 'string' && area.trim() ? area.trim() : basename(o.file).replace(/\.(xlsx|xlsm|xls)$/i, ''), tables: o.result.model.tables });
      // the province and year the communes' Thông tin state, unless given
      province ??= typeof fact(o, 'province') === 'string' ? String(fact(o, 'province')) : undefined;
      year ??= typeof fact(o, 'year') === 'number' ? Number(fact(o, 'year')) : undefined;
      programme ??= o.result.model.programme;
    }
    if (communes.length === 0) throw new CliError(EXIT.unreadable, translate('consolidate.noFiles', { file: dir }, 'vi'), translate('consolidate.noFiles', { file: dir }, 'en'));
    const { spec, files, leftOut } = consolidate(communes, { province: province ?? '', year: year ?? new Date().getFullYear(), programme });
    const built = buildPlanWithAnnexes(spec);
    if (!built.ok) {
      const vi = built.errors.map((e) => translate(e.key, e.params, 'vi')).join('; ');
      const en = built.errors.map((e) => translate(e.key, e.params, 'en')).join('; ');
      throw new CliError(EXIT.usage, vi, en);
    }
    writeOutput(resolve(target), await descriptionToXlsx(stampFingerprint(built.description).description), booleanOption(args, 'force'));
    for (const l of leftOut) out.line(`  ! ${out.t(`consolidate.leftOut.${l.reason}`, { file: l.file, ...(l.reason === 'outsideCatalogue' ? { rows: l.rows, sheet: l.sheet } : {}) })}`);
    const total = sumExact(spec.activities.flatMap((a) => Object.values(a.amounts).filter((v): v is number => typeof v === 'number')));
    out.line(out.t('consolidate.total', { total: formatAmount(total, { locale: out.lang }), unit: UNIT_LABEL_VI[spec.unit] }));
    out.line(out.t('consolidate.done', { files: files.length, rows: spec.activities.length, file: resolve(target) }));
    return leftOut.length > 0 ? EXIT.findings : EXIT.ok;
  },
};
