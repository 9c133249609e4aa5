/**
 * The allocation check of a folder of commune plans (`kh check DIR --allocation phan-bo.xlsx`) and
 * the template the province fills (`kh allocation DIR -o phan-bo.xlsx`). The comparison itself is
 * in the core (src/core/province/allocation.ts).
 */
import { basename, resolve } from 'path';
import { translate } from '../core/i18n';
import { WorkbookSnapshot } from '../core/book/snapshot';
import { formatAmount } from '../core/money';
import { Allocation, AllocationIssue, CommunePlan, allocationWorkbook, readAllocation } from '../core/province/allocation';
import { CellSpec, SheetSpec } from '../core/book/model';
import { descriptionToXlsx } from '../workbook/exceljs';
import { booleanOption, Command, Out, stringOption } from './command';
import { CliError, EXIT, problemError, writeOutput } from './files';
import { FileOutcome, checkFile, workbooksIn } from './batch';
import { programmeOfCode, sourceName } from './source-name';

export async function loadAllocation(path: string, out: Out, snapshotOf: (path: string, out: Out) => Promise<WorkbookSnapshot>): Promise<Allocation> {
  const read = readAllocation(await snapshotOf(path, out));
  if (!read.ok) {
    const { key, ...params } = read.problem;
    throw problemError(EXIT.usage, { key, params }, path);
  }
  return read.allocation;
}

/** The names a commune's file goes by: its file name, and the Địa bàn its Thông tin states. */
export function communePlans(outcomes: readonly FileOutcome[]): CommunePlan[] {
  return outcomes
    .filter((o) => o.ok && o.figures && o.figures.problem === null)
    .map((o) => {
      const area = o.result?.model.info?.fields.area?.value;
      return { file: o.file, names: [basename(o.file), ...(typeof area === 'string' && area.trim() ? [area] : [])], figures: o.figures as NonNullable<FileOutcome['figures']> };
    });
}


export function issueText(i: AllocationIssue, lang: 'vi' | 'en'): string {
  // six decimals of a triệu: one đồng over shows
  const n = (v: number | null): string => (v === null ? '—' : formatAmount(v, { locale: lang, maxDecimals: 6 }));
  const params = { file: i.file ?? '—', commune: i.commune, code: i.code, source: sourceName(i.source, programmeOfCode(i.code), lang), planned: n(i.planned), allocated: n(i.allocated), cell: i.cell ?? '—', difference: n(Math.abs(i.difference)) };
  return translate(`allocation.${i.verdict}`, params, lang);
}

export function printAllocation(out: Out, file: string, issues: readonly AllocationIssue[]): void {
  const count = (v: AllocationIssue['verdict']): number => issues.filter((i) => i.verdict === v).length;
  out.line(out.t('allocation.title', { file, over: count('over'), under: count('under'), notGiven: count('notGiven'), noPlan: count('noPlan') }));
  for (const i of issues) out.line(`  ${i.verdict === 'over' || i.verdict === 'notGiven' ? '✗' : '!'} ${issueText(i, out.lang)}`);
}

/** Over and not allocated are errors; under and no plan are warnings (money may still be coming). */
export const allocationFails = (issues: readonly AllocationIssue[], strict: boolean): boolean => issues.some((i) => i.verdict === 'over' || i.verdict === 'notGiven' || (strict && (i.verdict === 'under' || i.verdict === 'noPlan')));

/** The summary's "Phân bổ" sheet: one line per difference, in triệu. */
export function allocationSheet(issues: readonly AllocationIssue[]): SheetSpec {
  const text = (v: string | number | null): CellSpec => ({ value: v, style: 'leaf' });
  const amount = (v: number | null): CellSpec => ({ value: v, numberFormat: '#,##0.###', style: 'leafAmount' });
  const header = ['Tệp', 'Xã', 'Mã', 'Nguồn', 'Phân bổ', 'Kế hoạch', 'Chênh lệch', 'Kết luận', 'Ô phân bổ'].map((t): CellSpec => ({ value: t, style: 'header' }));
  const rows = issues.map((i) => [text(i.file), text(i.commune), text(i.code), text(sourceName(i.source, programmeOfCode(i.code), 'vi')), amount(i.allocated), amount(i.planned), amount(i.verdict === 'noPlan' ? null : i.difference), text(translate(`allocation.verdict.${i.verdict}`, {}, 'vi')), text(i.cell)]);
  return {
    name: 'Đối chiếu phân bổ',
    role: 'check',
    blocks: [{ row: 0, col: 0, cells: [header, ...rows, [], [text(translate('summary.unit', {}, 'vi'))]] }],
    columns: [{ index: 0, width: 34 }, { index: 1, width: 24 }, { index: 2, width: 10 }, { index: 3, width: 24 }, { index: 4, width: 14 }, { index: 5, width: 14 }, { index: 6, width: 14 }, { index: 7, width: 20 }, { index: 8, width: 16 }],
    freeze: { rows: 1, columns: 1 },
  };
}

/** `kh allocation DIR -o phan-bo.xlsx`: the template, one row per commune × project the folder's plans hold. */
export const allocationCommand: Command = {
  options: { out: { type: 'string', short: 'o', example: 'phan-bo.xlsx' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: 'cli.help.allocation',
  async run(args, out) {
    const dir = args.positional[0];
    const target = stringOption(args, 'out');
    if (!target) throw new CliError(EXIT.usage, translate('cli.usage', { command: 'allocation' }, 'vi'), translate('cli.usage', { command: 'allocation' }, 'en'));
    const outcomes: FileOutcome[] = [];
    for (const f of workbooksIn(dir)) outcomes.push(await checkFile(f, dir));
    const plans = communePlans(outcomes);
    const lines = plans.flatMap((p) => {
      const commune = p.names[p.names.length - 1].replace(/\.(xlsx|xlsm|xls)$/i, '');
      return [...p.figures.projects.entries()].map(([code, pr]) => ({ commune, code, name: pr.name, amounts: {} }));
    });
    writeOutput(resolve(target), await descriptionToXlsx(allocationWorkbook(lines)), booleanOption(args, 'force'));
    out.line(out.t('allocation.written', { communes: plans.length, projects: new Set(lines.map((l) => l.code)).size, file: resolve(target) }));
    return EXIT.ok;
  },
};
