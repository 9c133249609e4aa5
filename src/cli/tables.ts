/**
 * The `kh` side of officers' own tables: the facts a check needs that the workbook does not say
 * (--level, --poor-area, --province-group), the corrections an officer makes to a recognition
 * (--column E=nsdp, --row 12=DA3.TDA1, --unit, --nstw), the totals of a recognised table, and
 * `kh adopt`: an officer's table turned into KH's plan sheets and annexes beside it.
 */
import { resolve } from 'path';
import ExcelJS from 'exceljs';
import { MessageKey, MessageParams } from '../core/i18n';
import { PlanFacts } from '../core/checks/model';
import { CheckResult, runChecks } from '../core/checks/engine';
import { columnIndex } from '../core/book/address';
import { WorkbookSnapshot, findSheet } from '../core/book/snapshot';
import { SourceKey, sourceTaxonomy } from '../core/sources';
import { parseUnit, UNIT_LABEL_VI } from '../core/units';
import { formatAmount, amountsEqual } from '../core/money';
import { RecognitionOverrides, recogniseSheet } from '../core/table/recognise';
import { BudgetTable } from '../core/table/model';
import { readHeading } from '../core/table/heading';
import { adoptableTable } from '../core/table/pick';
import { AdoptChoices, AdoptProblem, adoptTable } from '../core/table/adopt';
import { SUMMARY_UNIT, fileFigures, tableRef } from '../core/table/figures';
import { planGeneration } from '../core/book/generate';
import { annexGeneration } from '../core/book/annex/generate';
import { PlanSpec } from '../core/plan';
import { applyToWorkbook, workbookSnapshot } from '../workbook/exceljs';
import { CommandOptions, ParsedArgs, UsageError } from './args';
import { Command, Out, booleanOption, stringOption } from './command';
import { CliError, EXIT, cliError } from './files';

/** The facts of a plan the officer gives on the command line. */
export const FACT_OPTIONS: CommandOptions = {
  level: { type: 'string', example: 'huyen' },
  'poor-area': { type: 'string', example: 'khong' },
  'province-group': { type: 'string', example: '1' },
};

const LEVELS: Record<string, PlanFacts['level']> = { tinh: 'tinh', 'tỉnh': 'tinh', huyen: 'huyen', 'huyện': 'huyen', xa: 'xa', 'xã': 'xa' };
const YES_NO: Record<string, boolean> = { co: true, 'có': true, yes: true, khong: false, 'không': false, no: false };

function bad(flag: string, value: string, allowed: string): UsageError {
  return new UsageError({ key: 'args.badChoice', params: { flag, value, allowed } });
}

export function factsOption(args: ParsedArgs): PlanFacts {
  const facts: PlanFacts = {};
  const level = stringOption(args, 'level');
  if (level !== undefined) {
    const v = LEVELS[level.trim().toLowerCase()];
    if (!v) throw bad('--level', level, 'tinh, huyen, xa');
    facts.level = v;
  }
  const poor = stringOption(args, 'poor-area');
  if (poor !== undefined) {
    const v = YES_NO[poor.trim().toLowerCase()];
    if (v === undefined) throw bad('--poor-area', poor, 'co, khong');
    facts.poorArea = v;
  }
  const group = stringOption(args, 'province-group');
  if (group !== undefined) {
    if (!/^[123]$/.test(group.trim())) throw bad('--province-group', group, '1, 2, 3');
    facts.provinceGroup = Number(group.trim()) as 1 | 2 | 3;
  }
  return facts;
}

/** Corrections to a recognition, and the facts a plan spec needs. */
export const ADOPT_OPTIONS: CommandOptions = {
  ...FACT_OPTIONS,
  sheet: { type: 'string', example: '"Biểu 01"' },
  column: { type: 'string', multiple: true, example: 'E=nsdp' },
  row: { type: 'string', multiple: true, example: '12=DA3.TDA1' },
  unit: { type: 'string', example: 'trieu' },
  nstw: { type: 'string', example: 'sn' },
  year: { type: 'string', example: '2025' },
  issuer: { type: 'string', example: '"UBND huyện Mường Tè"' },
  area: { type: 'string', example: '"huyện Mường Tè"' },
  province: { type: 'string', example: '"Lai Châu"' },
};

const SOURCE_NAMES: Record<string, SourceKey | null> = {
  tong: 'total', total: 'total',
  nstw: 'central', central: 'central',
  dtpt: 'centralInvestment', 'nstw-dtpt': 'centralInvestment', 'central-investment': 'centralInvestment',
  sn: 'centralRecurrent', ctx: 'centralRecurrent', 'nstw-sn': 'centralRecurrent', 'central-recurrent': 'centralRecurrent',
  nsdp: 'local', local: 'local',
  'nsdp-dtpt': 'localInvestment', 'local-investment': 'localInvestment',
  'nsdp-sn': 'localRecurrent', 'local-recurrent': 'localRecurrent',
  'long-ghep': 'integrated', lg: 'integrated', integrated: 'integrated',
  'tin-dung': 'credit', credit: 'credit',
  'huy-dong': 'mobilised', xhh: 'mobilised', mobilised: 'mobilised',
  khong: null, none: null, '': null,
};

function list(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function recognitionOverrides(args: ParsedArgs): RecognitionOverrides {
  const overrides: RecognitionOverrides = {};
  for (const item of list(args, 'column')) {
    const m = /^\s*([A-Za-z]{1,3})\s*=\s*(.*)$/.exec(item);
    const source = m ? SOURCE_NAMES[m[2].trim().toLowerCase().replace(/đ/g, 'd')] : undefined;
    if (!m || source === undefined || columnIndex(m[1].toUpperCase()) < 0) throw bad('--column', item, `E=tong|nstw|dtpt|sn|nsdp|nsdp-dtpt|nsdp-sn|long-ghep|tin-dung|huy-dong|khong`);
    (overrides.columns ??= {})[columnIndex(m[1].toUpperCase())] = source;
  }
  for (const item of list(args, 'row')) {
    const m = /^\s*(\d{1,7})\s*=\s*(.*)$/.exec(item);
    if (!m || Number(m[1]) < 1) throw bad('--row', item, '12=DA3.TDA1, 12=');
    (overrides.rows ??= {})[Number(m[1]) - 1] = m[2].trim() === '' ? null : m[2].trim();
  }
  const unitText = stringOption(args, 'unit');
  if (unitText !== undefined) {
    const unit = parseUnit(unitText);
    if (!unit) throw bad('--unit', unitText, 'dong, nghin, trieu, ty');
    overrides.unit = unit;
  }
  return overrides;
}

export function adoptChoices(args: ParsedArgs): AdoptChoices {
  const facts = factsOption(args);
  const choices: AdoptChoices = {};
  if (facts.level) choices.level = facts.level;
  if (facts.poorArea !== undefined) choices.poorDistrict = facts.poorArea;
  if (facts.provinceGroup) choices.provinceGroup = facts.provinceGroup;
  const nstw = stringOption(args, 'nstw');
  if (nstw !== undefined) {
    const v = nstw.trim().toLowerCase();
    if (v === 'sn' || v === 'ctx') choices.nstw = 'centralRecurrent';
    else if (v === 'dtpt' || v === 'đtpt') choices.nstw = 'centralInvestment';
    else throw bad('--nstw', nstw, 'sn, dtpt');
  }
  const year = stringOption(args, 'year');
  if (year !== undefined) {
    if (!/^\s*20\d{2}\s*$/.test(year)) throw bad('--year', year, '2025');
    choices.year = Number(year);
  }
  for (const key of ['issuer', 'area', 'province'] as const) {
    const v = stringOption(args, key);
    if (v !== undefined && v.trim() !== '') choices[key] = v.trim();
  }
  return choices;
}

/** The totals of a file read from an officer's own table (KH's layout prints its Tổng hợp). */
export function printRecognisedTotals(out: Out, result: CheckResult): void {
  if (result.model.khLayout) return;
  const figures = fileFigures(result.model.tables);
  if (figures.from !== 'recognised') return;
  const where = figures.table ? `'${figures.table.sheet}'!${figures.table.range}` : '';
  if (!figures.total) {
    out.line(out.t('cli.tableNoTotals', { table: where }));
    return;
  }
  out.line(out.t('cli.tableTotals', { table: where, unit: UNIT_LABEL_VI[SUMMARY_UNIT] }));
  printAmounts(out, figures.total, result.model.programme);
}

function printAmounts(out: Out, amounts: Record<string, number>, programme: PlanSpec['programme']): void {
  for (const s of sourceTaxonomy(programme)) {
    const v = amounts[s.key];
    if (v === undefined || (v === 0 && s.key !== 'total')) continue;
    out.line(`  ${(out.lang === 'en' ? s.labelEn : s.labelVi).padEnd(34)} ${formatAmount(v, { locale: out.lang }).padStart(14)}`);
  }
}

/** One sentence per thing the officer must settle, each naming its cell and the flag that settles it. */
function problemMessage(p: AdoptProblem, sheet: string): { key: MessageKey; params: MessageParams } {
  switch (p.kind) {
    case 'missingFact':
      return { key: `adopt.missing.${p.fact}`, params: {} };
    case 'outsideItem':
      return { key: 'adopt.outsideItem', params: { cell: `'${sheet}'!${p.cell}`, label: p.label, row: Number(/\d+$/.exec(p.cell)?.[0] ?? 0) } };
    case 'nstwUnsplit':
      return { key: 'adopt.nstwUnsplit', params: { cell: `'${sheet}'!${p.cell}`, label: p.label, code: p.code } };
    default:
      return { key: `adopt.${p.kind}`, params: { cell: `'${sheet}'!${p.cell}` } };
  }
}

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/**
 * What `kh adopt` borrows from main.ts: reading with the pre-flight, where a rewrite goes, and the
 * rewrite itself (dangerous content frozen, a loss of charts, names… refused unless
 * --accept-loss), which returns the bytes written.
 */
export interface AdoptDeps<O extends OpenedWorkbook = OpenedWorkbook> {
  open(path: string, out: Out): Promise<O>;
  target(args: ParsedArgs, file: string, suffix: string): string;
  write(out: Out, args: ParsedArgs, opened: O, file: string, target: string): Promise<Buffer>;
}

/** The recognised table to adopt: on the sheet named, else the sheet with the largest table of items. */
function pickTable(snapshot: WorkbookSnapshot, args: ParsedArgs, file: string): { table: BudgetTable; sheetName: string } {
  const wanted = stringOption(args, 'sheet');
  const overrides = recognitionOverrides(args);
  const sheets = wanted !== undefined ? [findSheet(snapshot, wanted)].filter((s) => s !== undefined) : snapshot.sheets.filter((s) => s.visibility !== 'veryHidden');
  if (wanted !== undefined && sheets.length === 0) throw cliError(EXIT.usage, 'adopt.noSheet', { sheet: wanted, file });
  let best: { table: BudgetTable; sheetName: string } | null = null;
  for (const sheet of sheets) {
    if (!sheet) continue;
    const t = adoptableTable(recogniseSheet(sheet, { overrides }).tables);
    if (!t) continue;
    if (!best || adoptableTable([best.table, t]) === t) best = { table: t, sheetName: sheet.name };
  }
  if (!best) throw cliError(EXIT.usage, 'adopt.noTable', { file });
  return best;
}

export function adoptCommand<O extends OpenedWorkbook>(deps: AdoptDeps<O>): Command {
  return {
    options: { ...ADOPT_OPTIONS, out: { type: 'string', short: 'o', example: 'kehoach.kh.xlsx' }, force: { type: 'boolean' }, 'accept-loss': { type: 'boolean' }, 'kh-formulas': { type: 'boolean' } },
    positionals: { min: 1, max: 1 },
    help: 'cli.help.adopt',
    async run(args, out) {
      const file = args.positional[0];
      const target = resolve(stringOption(args, 'out') ?? deps.target(args, file, '.kh.xlsx'));
      const opened = await deps.open(file, out);
      const { table, sheetName } = pickTable(opened.snapshot, args, file);
      const sheet = findSheet(opened.snapshot, sheetName);
      const heading = readHeading(sheet as NonNullable<typeof sheet>, table.header.top);
      const ref = tableRef(table);
      out.line(out.t('cli.adoptRead', { table: `'${ref.sheet}'!${ref.range}`, rows: table.rows.length, unit: table.unit ? UNIT_LABEL_VI[table.unit] : '?' }));
      const adopted = adoptTable(table, heading, adoptChoices(args));
      if (!adopted.ok) {
        for (const p of adopted.problems) {
          const m = problemMessage(p, sheetName);
          out.line(`  ${out.t(m.key, m.params)}`);
        }
        throw cliError(EXIT.usage, 'adopt.unsettled', { count: adopted.problems.length });
      }
      const spec = adopted.spec;
      const style = booleanOption(args, 'kh-formulas') ? 'kh' : 'native';
      // KH's sheets go beside the officer's, which stay untouched
      const plan = planGeneration(spec, opened.snapshot, { formulaStyle: style });
      if (!plan.ok) throw planErrors(out, plan.errors);
      const wb = opened.workbook;
      await applyToWorkbook(wb, plan.patch);
      const annexes = annexGeneration(spec, workbookSnapshot(wb), { formulaStyle: style });
      if (!annexes.ok) throw planErrors(out, annexes.errors);
      await applyToWorkbook(wb, annexes.patch);
      const bytes = await deps.write(out, args, opened, file, target);
      out.line(out.t('cli.adoptDone', { items: adopted.items, activities: adopted.activities, file: target }));
      // the proof: the new plan's totals are the officer's detail rows, to the đồng
      const before = fileFigures([table]);
      const after = fileFigures(runChecks(await (async () => {
        const again = new ExcelJS.Workbook();
        await again.xlsx.load(bytes as unknown as ArrayBuffer);
        return workbookSnapshot(again);
      })()).model.tables);
      const same = before.total && after.total && Object.keys(before.total).every((k) => amountsEqual(before.total?.[k as SourceKey] ?? 0, after.total?.[k as SourceKey] ?? 0, 1e-6));
      out.line(out.t(same ? 'cli.adoptSameTotals' : 'cli.adoptOtherTotals', { total: formatAmount(after.total?.total ?? 0, { locale: out.lang }), unit: UNIT_LABEL_VI[SUMMARY_UNIT] }));
      return same ? EXIT.ok : EXIT.findings;
    },
  };
}

function planErrors(out: Out, errors: Array<{ key: MessageKey; params?: MessageParams }>): CliError {
  for (const e of errors) out.line(`  ${out.t(e.key, e.params ?? {})}`);
  return cliError(EXIT.usage, 'adopt.planErrors');
}

/** `kh export` of a workbook without KH's layout: the plan spec its recognised table gives. */
export function exportRecognised(snapshot: WorkbookSnapshot, args: ParsedArgs, file: string, out: Out): PlanSpec {
  const { table, sheetName } = pickTable(snapshot, args, file);
  const sheet = findSheet(snapshot, sheetName);
  const adopted = adoptTable(table, readHeading(sheet as NonNullable<typeof sheet>, table.header.top), adoptChoices(args));
  if (!adopted.ok) {
    for (const p of adopted.problems) {
      const m = problemMessage(p, sheetName);
      out.note(out.t(m.key, m.params));
    }
    throw cliError(EXIT.usage, 'export.unsettled', { count: adopted.problems.length });
  }
  return adopted.spec;
}
