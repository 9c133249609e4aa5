/**
 * `kh` — KH without Excel: demo, new, check, export, annex, send-safe, convert, words. Exit codes
 * (EXIT in files.ts): 0 fine, 1 findings, 2 usage, 3 unreadable input, 4 output exists, 5 output
 * cannot be written.
 */
import { join, resolve } from 'path';
import { Lang, Message, translate } from '../core/i18n';
import { buildPlanWorkbook, FormulaStyle } from '../core/book/template';
import { LAI_CHAU_2024 } from '../core/examples/lai-chau-2024';
import { PlanSpec } from '../core/plan';
import { runChecks, findingsJson, CheckResult } from '../core/checks/engine';
import { messageOf } from '../core/checks/finding';
import { readPlanSpec } from '../core/book/export';
import { annexGeneration, buildPlanWithAnnexes } from '../core/book/annex/generate';
import { ANNEX_SHEET } from '../core/book/annex/layout';
import { sendSafe } from '../core/book/sendsafe';
import { amountToWords } from '../core/words';
import { parseAmount, formatAmount } from '../core/money';
import { parseUnit, UNIT_LABEL_VI } from '../core/units';
import { sourceTaxonomy } from '../core/sources';
import { convertCellText, LegacyEncoding } from '../core/text';
import { descriptionToWorkbook, descriptionToXlsx, xlsxOf, xlsxToSnapshot, applyToWorkbook, readXlsx, restyle, workbookSnapshot } from '../workbook/exceljs';
import { Inspection, READ_LIMITS } from '../workbook/preflight';
import ExcelJS from 'exceljs';
import { CliError, EXIT, inputError, problemError, readInput, renderProblem, writeOutput } from './files';
import { parsePlanJson } from './schema';
import { checkFile, summaryWorkbook, workbooksIn } from './batch';
import { statSync } from 'fs';
import { neutraliseWorkbook } from '../workbook/neutralise';
import { descriptionProblem, writtenProblem } from './plan-bounds';
import { LossKind, rewriteLosses } from '../workbook/losses';
import { ADOPT_OPTIONS, FACT_OPTIONS, adoptCommand, exportRecognised, factsOption, printRecognisedTotals } from './tables';
import { PlanFacts, readPlanModel } from '../core/checks/model';
import { CommandOptions, langIn, parseCommandLine, ParsedArgs, parseTolerance, UsageError } from './args';
import { booleanOption, Command, Out, stringOption } from './command';
import { documentCommand } from './import';

interface OpenWorkbook {
  workbook: ExcelJS.Workbook;
  inspection: Inspection;
  /** The file as read: what a rewrite would lose is measured against it. */
  bytes: Buffer;
}

/** An input workbook through the pre-flight and exceljs; any failure is exit 3 naming the file. */
async function openWorkbook(path: string, out: Out): Promise<OpenWorkbook> {
  const bytes = readInput(path);
  let opened: OpenWorkbook;
  try {
    opened = { ...(await readXlsx(bytes)), bytes };
  } catch (error) {
    throw inputError(error, path);
  }
  if (opened.inspection.macros) out.note(renderProblem({ key: 'input.macros' }, path, out.lang));
  return opened;
}

function snapshotFrom(opened: OpenWorkbook, path: string) {
  try {
    return workbookSnapshot(opened.workbook, READ_LIMITS, opened.inspection);
  } catch (error) {
    throw inputError(error, path);
  }
}

async function snapshotOf(path: string, out: Out) {
  return snapshotFrom(await openWorkbook(path, out), path);
}

/**
 * Where a command that rewrites a workbook writes. What KH writes never has macros (exceljs
 * drops vbaProject.bin and writes the .xlsx content type), so it never goes to an .xlsm name:
 * --in-place on an .xlsm would destroy its macros, and Excel refuses an .xlsm without them.
 */
function rewriteTarget(args: ParsedArgs, file: string, suffix: string): string {
  const inPlace = booleanOption(args, 'in-place');
  const suggestion = file.replace(/(\.xls[xm])?$/i, suffix);
  const target = inPlace ? resolve(file) : resolve(stringOption(args, 'out') ?? suggestion);
  if (/\.xlsm$/i.test(target)) {
    throw problemError(EXIT.usage, { key: inPlace ? 'input.macroInPlace' : 'input.macroTarget', params: { out: target, suggestion } }, file);
  }
  return target;
}

function noteDropped(out: Out, opened: OpenWorkbook, file: string, target: string): void {
  if (opened.inspection.macros) out.note(renderProblem({ key: 'input.macrosDropped', params: { out: target } }, file, out.lang));
}

/**
 * Writes an officer's workbook back (annex, send-safe, convert, adopt, also --in-place). What acts instead
 * of computing (DDE, WEBSERVICE, links to other files, script hyperlinks) is frozen first and
 * listed — KH never writes it live. Then the bytes exceljs would write are compared with the input:
 * if charts, PivotTables, shapes, names that are formulas… would be lost, nothing is written and
 * the officer is told what, unless --accept-loss.
 */
async function writeRewritten(out: Out, args: ParsedArgs, opened: OpenWorkbook, file: string, target: string, force: boolean, intended: readonly LossKind[] = []): Promise<Buffer> {
  const frozen = neutraliseWorkbook(opened.workbook);
  const bytes = Buffer.from(await opened.workbook.xlsx.writeBuffer());
  const losses = await rewriteLosses(opened.bytes, bytes, intended);
  const list = (lang: Lang): string => losses.map((l) => translate(`loss.${l.kind}`, { count: formatAmount(l.count, { locale: lang, maxDecimals: 0 }), names: (l.items ?? []).join('; ') }, lang)).join(', ');
  if (losses.length > 0 && !booleanOption(args, 'accept-loss')) {
    const params = (lang: Lang): Record<string, string> => ({ file, out: target, list: list(lang) });
    throw new CliError(EXIT.loss, translate('output.wouldLose', params('vi'), 'vi'), translate('output.wouldLose', params('en'), 'en'));
  }
  writeOutput(target, bytes, force);
  noteDropped(out, opened, file, target);
  if (losses.length > 0) out.note(out.t('output.lost', { file, out: target, list: list(out.lang) }));
  if (frozen.length > 0) {
    for (const f of frozen) out.line(`  ${f.sheet}!${f.cell}: ${f.before} → ${out.t('cli.frozenValue')}`);
    out.line(out.t('cli.neutralised', { count: frozen.length, file: target }));
  }
  return bytes;
}

function printTotals(out: Out, result: CheckResult): void {
  const summary = result.model.tables.find((t) => t.role === 'summary');
  const total = summary?.rows.find((r) => r.rawCode === 'TONG');
  if (!total) return;
  out.line(out.t('cli.totalsTitle', { unit: UNIT_LABEL_VI[result.model.unit] }));
  for (const s of sourceTaxonomy(result.model.programme)) {
    const cell = total.cells[s.key as keyof typeof total.cells];
    if (!cell || cell.number === null) continue;
    const label = out.lang === 'en' ? s.labelEn : s.labelVi;
    out.line(`  ${label.padEnd(34)} ${formatAmount(cell.number, { locale: out.lang }).padStart(14)}`);
  }
}

function printFindings(out: Out, result: CheckResult): void {
  const { error, warning, info } = result.counts;
  out.line(out.t('cli.findingsTitle', { error, warning, info }));
  for (const f of result.findings) {
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '—';
    out.line(`  [${f.severity.padEnd(7)}] ${f.rule.padEnd(15)} ${where.padEnd(18)} ${messageOf(f, out.lang)}`);
  }
}

function exitFor(result: CheckResult, strict: boolean): number {
  return result.counts.error > 0 || (strict && result.counts.warning > 0) ? EXIT.findings : EXIT.ok;
}

/**
 * A plan spec → .xlsx bytes. With `planFile` (kh new), what Excel or kh check would refuse is
 * refused here, naming the plan file: too many cells or rows, text or formulas too long for a
 * cell, words missing, or bytes the pre-flight turns down.
 */
async function buildXlsx(spec: PlanSpec, style: FormulaStyle, annexes = true, files?: { plan: string; out: string }): Promise<Buffer> {
  // the description is let go once exceljs holds the cells: writing 60k activities needs both otherwise
  const workbook = await (async () => {
    const built = annexes ? buildPlanWithAnnexes(spec, { formulaStyle: style }) : buildPlanWorkbook(spec, { formulaStyle: style });
    if (!built.ok) {
      const vi = built.errors.map((e) => translate(e.key, e.params, 'vi')).join('; ');
      const en = built.errors.map((e) => translate(e.key, e.params, 'en')).join('; ');
      throw new CliError(EXIT.usage, vi, en);
    }
    const problem = files ? descriptionProblem(built.description) : null;
    if (problem && files) throw problemError(EXIT.usage, problem, files.plan);
    return descriptionToWorkbook(built.description);
  })();
  const bytes = await xlsxOf(workbook);
  if (files) {
    const refused = await writtenProblem(bytes);
    if (refused) {
      const message = (lang: Lang): string => renderProblem({ key: 'plan.unreadable', params: { out: files.out, reason: renderProblem(refused, files.out, lang) } }, files.plan, lang);
      throw new CliError(EXIT.usage, message('vi'), message('en'));
    }
  }
  return bytes;
}

const REWRITE_OPTIONS: CommandOptions = {
  out: { type: 'string', short: 'o', example: 'ra.xlsx' },
  'in-place': { type: 'boolean' },
  force: { type: 'boolean' },
  'accept-loss': { type: 'boolean' },
};

/** Every command, by name. A new command: its own module under src/cli/ exporting a Command, one line here. */
const COMMANDS: Record<string, Command> = {
  demo: {
    options: { out: { type: 'string', short: 'o', example: 'ra.xlsx' } },
    positionals: { min: 0, max: 0 },
    help: 'cli.help.demo',
    async run(args, out) {
      const target = resolve(stringOption(args, 'out') ?? join('out', 'ke-hoach-mau.xlsx'));
      // the demo's own output is replaced on every run
      writeOutput(target, await buildXlsx(LAI_CHAU_2024, 'native'), true);
      out.line(out.t('cli.demoWritten', { file: target }));
      const result = runChecks(await xlsxToSnapshot(readInput(target)));
      printTotals(out, result);
      const built = buildPlanWithAnnexes(LAI_CHAU_2024);
      if (built.ok && built.words) out.line(out.t('cli.annexWords', { annex: ANNEX_SHEET.annex01, words: built.words.annex01 }));
      printFindings(out, result);
      return EXIT.ok;
    },
  },

  new: {
    options: { plan: { type: 'string', example: 'plan.json' }, out: { type: 'string', short: 'o', example: 'ra.xlsx' }, 'kh-formulas': { type: 'boolean' }, 'no-annex': { type: 'boolean' }, force: { type: 'boolean' } },
    positionals: { min: 0, max: 0 },
    help: 'cli.help.new',
    async run(args, out) {
      const planPath = stringOption(args, 'plan');
      const target = stringOption(args, 'out');
      if (!planPath || !target) throw usage('new');
      const parsed = parsePlanJson(readPlanJson(planPath));
      if (!parsed.ok) {
        for (const p of parsed.problems) out.line(`  ${p.path}: ${out.lang === 'en' ? p.en : p.vi}`);
        throw new CliError(EXIT.usage, translate('cli.badPlan', { file: planPath }, 'vi'), translate('cli.badPlan', { file: planPath }, 'en'));
      }
      const style = booleanOption(args, 'kh-formulas') ? 'kh' : 'native';
      writeOutput(resolve(target), await buildXlsx(parsed.spec, style, !booleanOption(args, 'no-annex'), { plan: planPath, out: resolve(target) }), booleanOption(args, 'force'));
      out.line(out.t('cli.written', { file: resolve(target) }));
      return EXIT.ok;
    },
  },

  check: {
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' }, tolerance: { type: 'string', example: '0,001' }, summary: { type: 'string', example: 'tong-hop.xlsx' }, force: { type: 'boolean' }, ...FACT_OPTIONS },
    positionals: { min: 1, max: 1 },
    help: 'cli.help.check',
    async run(args, out) {
      const file = args.positional[0];
      if (!file) throw usage('check');
      const tolerance = toleranceOption(args);
      const facts = factsOption(args);
      if (statSafe(file)?.isDirectory()) return checkFolder(args, out, file, tolerance, facts);
      const result = runChecks(await snapshotOf(file, out), { ...(tolerance !== undefined ? { tolerance } : {}), facts });
      if (booleanOption(args, 'json')) out.line(JSON.stringify({ file, ...findingsJson(result) }, null, 2));
      else {
        printTotals(out, result);
        printRecognisedTotals(out, result);
        printFindings(out, result);
      }
      return exitFor(result, booleanOption(args, 'strict'));
    },
  },

  export: {
    options: { out: { type: 'string', short: 'o', example: 'plan.json' }, force: { type: 'boolean' }, ...ADOPT_OPTIONS },
    positionals: { min: 1, max: 1 },
    help: 'cli.help.export',
    async run(args, out) {
      const file = args.positional[0];
      const target = stringOption(args, 'out');
      if (!file) throw usage('export');
      const snapshot = await snapshotOf(file, out);
      // an officer's own table is exported as the plan it adopts into
      const spec = readPlanModel(snapshot).khLayout ? readPlanSpec(snapshot) : exportRecognised(snapshot, args, file, out);
      const json = `${JSON.stringify(spec, null, 2)}\n`;
      if (target) {
        writeOutput(resolve(target), json, booleanOption(args, 'force'));
        out.line(out.t('cli.written', { file: resolve(target) }));
      } else out.line(json.trimEnd());
      return EXIT.ok;
    },
  },

  annex: {
    options: { ...REWRITE_OPTIONS, 'kh-formulas': { type: 'boolean' } },
    positionals: { min: 1, max: 1 },
    help: 'cli.help.annex',
    async run(args, out) {
      const file = args.positional[0];
      if (!file) throw usage('annex');
      const inPlace = booleanOption(args, 'in-place');
      const target = rewriteTarget(args, file, '.bieu.xlsx');
      const opened = await openWorkbook(file, out);
      // one load: reading the snapshot creates nothing in the workbook the patch is applied to
      const snapshot = snapshotFrom(opened, file);
      const spec = readPlanSpec(snapshot);
      const result = annexGeneration(spec, snapshot, { formulaStyle: booleanOption(args, 'kh-formulas') ? 'kh' : 'native' });
      if (!result.ok) {
        const vi = result.errors.map((e) => translate(e.key, e.params, 'vi')).join('; ');
        const en = result.errors.map((e) => translate(e.key, e.params, 'en')).join('; ');
        throw new CliError(EXIT.usage, vi, en);
      }
      const { report } = result;
      const wb = opened.workbook;
      await applyToWorkbook(wb, result.patch);
      await writeRewritten(out, args, opened, file, target, inPlace || booleanOption(args, 'force'));
      const list = (names: string[]): string => (names.length > 0 ? names.join(', ') : '—');
      out.line(out.t('cli.annexDone', { created: list(report.created), refreshed: list(report.refreshed), unchanged: list(report.unchanged) }));
      for (const r of report.renamed) out.line(`  ${r.wanted} → ${r.used}`);
      out.line(out.t('cli.annexKept', { notes: report.notesKept, rows: report.inputRowsKept }));
      for (const m of report.moved) out.line(out.t('cli.annexMoved', m));
      out.line(out.t('cli.annexWords', { annex: ANNEX_SHEET.annex01, words: report.words.annex01 }));
      out.line(out.t('cli.written', { file: target }));
      return EXIT.ok;
    },
  },

  'send-safe': {
    options: REWRITE_OPTIONS,
    positionals: { min: 1, max: 1 },
    help: 'cli.help.sendSafe',
    async run(args, out) {
      const file = args.positional[0];
      if (!file) throw usage('send-safe');
      const inPlace = booleanOption(args, 'in-place');
      const target = rewriteTarget(args, file, '.gui-di.xlsx');
      const opened = await openWorkbook(file, out);
      const { patch, changes } = sendSafe(snapshotFrom(opened, file));
      const wb = opened.workbook;
      await applyToWorkbook(wb, patch);
      await writeRewritten(out, args, opened, file, target, inPlace || booleanOption(args, 'force'), ['externalLinks']);
      for (const c of changes) out.line(`  ${c.sheet}!${c.cell}: ${c.before} → ${c.action === 'native' ? c.after : c.action === 'unlink' ? out.t('cli.unlinked', { text: String(c.after ?? '') }) : JSON.stringify(c.after)}`);
      out.line(out.t('cli.sendSafeDone', { count: changes.length, file: target }));
      return EXIT.ok;
    },
  },

  convert: {
    options: { ...REWRITE_OPTIONS, from: { type: 'string', example: 'tcvn3' } },
    positionals: { min: 1, max: 1 },
    help: 'cli.help.convert',
    async run(args, out) {
      const file = args.positional[0];
      if (!file) throw usage('convert');
      const from = stringOption(args, 'from');
      if (from !== undefined && from !== 'tcvn3' && from !== 'vni') throw new UsageError({ key: 'args.badFrom', params: { value: from } });
      const inPlace = booleanOption(args, 'in-place');
      const target = rewriteTarget(args, file, '.unicode.xlsx');
      const opened = await openWorkbook(file, out);
      const wb = opened.workbook;
      let total = 0;
      wb.eachSheet((ws) => {
        let count = 0;
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value !== 'string') return; // formulas, numbers, rich text stay as they are
            const r = convertCellText({ value: cell.value, font: cell.font?.name ?? null }, from as LegacyEncoding | undefined);
            if (!r.changed) return;
            cell.value = r.value as string;
            // legacy fonts draw Unicode as garbage: the converted cell gets a Unicode font (its own
            // style: the one it shares with unconverted cells of the same look stays as it was)
            restyle(cell, { font: { ...(cell.font ?? {}), name: 'Times New Roman' } });
            count++;
          }),
        );
        if (count > 0) out.line(`  ${ws.name}: ${count}`);
        total += count;
      });
      await writeRewritten(out, args, opened, file, target, inPlace || booleanOption(args, 'force'));
      out.line(out.t('cli.convertDone', { count: total, file: target }));
      return EXIT.ok;
    },
  },

  adopt: adoptCommand({
    open: async (path, out) => {
      const opened = await openWorkbook(path, out);
      return { ...opened, snapshot: snapshotFrom(opened, path) };
    },
    target: (args, file, suffix) => rewriteTarget(args, file, suffix),
    // the officer's workbook written back with KH's sheets beside: the same rules as annex
    write: (out, args, opened, file, target) => writeRewritten(out, args, opened, file, target, booleanOption(args, 'force')),
  }),

  words: {
    options: { unit: { type: 'string', example: 'triệu' }, style: { type: 'string', example: 'lẻ,ngàn' } },
    positionals: { min: 1, max: Number.MAX_SAFE_INTEGER },
    help: 'cli.help.words',
    async run(args, out) {
      const text = args.positional.join(' ');
      if (!text) throw usage('words');
      const parsed = parseAmount(text);
      if (!parsed.ok) throw new CliError(EXIT.usage, translate('amount.invalid', { text }, 'vi'), translate('amount.invalid', { text }, 'en'));
      const unitText = stringOption(args, 'unit');
      const unit = unitText ? parseUnit(unitText) : parsed.unit ?? 'dong';
      if (!unit) throw new CliError(EXIT.usage, translate('unit.unknown', { unit: unitText ?? '' }, 'vi'), translate('unit.unknown', { unit: unitText ?? '' }, 'en'));
      const style = stringOption(args, 'style') ?? '';
      const r = amountToWords(parsed.value, {
        unit,
        zeroTens: /lẻ|le\b/i.test(style) ? 'lẻ' : 'linh',
        thousand: /ngàn|ngan/i.test(style) ? 'ngàn' : 'nghìn',
        chan: /chẵn|chan/i.test(style),
      });
      if (!r.ok) throw new CliError(EXIT.usage, translate('words.tooLarge', {}, 'vi'), translate('words.tooLarge', {}, 'en'));
      out.line(r.text);
      return EXIT.ok;
    },
  },
};

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function bar(done: number, total: number): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** `kh check DIR [--summary out.xlsx]`: a status line per file with a progress bar; bad files skipped. */
async function checkFolder(args: ParsedArgs, out: Out, dir: string, tolerance: number | undefined, facts: PlanFacts = {}): Promise<number> {
  const files = workbooksIn(dir);
  const outcomes = [];
  const strict = booleanOption(args, 'strict');
  let failed = false;
  for (let i = 0; i < files.length; i++) {
    const o = await checkFile(files[i], dir, tolerance, facts);
    outcomes.push(o);
    const n = `${String(i + 1).padStart(String(files.length).length)}/${files.length}`;
    if (!o.ok) {
      failed = true;
      // the sentence names the file and says what to do; the run goes on with the next file
      out.line(`${bar(i + 1, files.length)} ${n} ✗ ${o.problem ? renderProblem(o.problem, o.file, out.lang) : o.file} — ${out.t('cli.batchSkipped')}`);
      continue;
    }
    const c = o.result?.counts ?? { error: 0, warning: 0, info: 0 };
    if (c.error > 0 || (strict && c.warning > 0)) failed = true;
    out.line(`${bar(i + 1, files.length)} ${n} ${c.error > 0 ? '✗' : '✓'} ${o.file}: ${out.t('cli.batchCounts', c)}`);
    for (const note of o.notes ?? []) out.line(`    ${renderProblem(note, o.file, out.lang)}`);
  }
  const summary = stringOption(args, 'summary');
  if (summary) {
    writeOutput(resolve(summary), await descriptionToXlsx(summaryWorkbook(outcomes)), booleanOption(args, 'force'));
    out.line(out.t('cli.written', { file: resolve(summary) }));
  }
  out.line(out.t('cli.batchDone', { files: files.length, checked: outcomes.filter((o) => o.ok).length, skipped: outcomes.filter((o) => !o.ok).length }));
  return failed ? EXIT.findings : EXIT.ok;
}

/** A plan file's JSON (a usage error naming the file when it is not JSON). */
function readPlanJson(planPath: string): unknown {
  try {
    return JSON.parse(readInput(planPath).toString('utf8'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(EXIT.usage, translate('cli.badJson', { file: planPath }, 'vi'), translate('cli.badJson', { file: planPath }, 'en'));
  }
}

/** --tolerance, checked before any file is read: 1e400, -1 and words are usage errors. */
function toleranceOption(args: ParsedArgs): number | undefined {
  const text = stringOption(args, 'tolerance');
  if (text === undefined) return undefined;
  const value = parseTolerance(text);
  if (value === null) throw new UsageError({ key: 'args.badTolerance', params: { value: text } });
  return value;
}

function usage(command: string): CliError {
  return new CliError(EXIT.usage, translate('cli.usage', { command }, 'vi'), translate('cli.usage', { command }, 'en'));
}

/** The last resort: one line, exit 3. */
export function fatal(error: unknown, argv: string[]): void {
  const lang = langIn(argv);
  process.stderr.write(`kh: ${translate('cli.unexpected', { message: error instanceof Error ? error.message : String(error) }, lang)}\n`);
  process.exit(EXIT.unreadable);
}

const OPTION_TABLES: Record<string, CommandOptions> = Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, c.options]));

function usageProblem(problem: Message, command: string | null): CliError {
  const params = { ...(problem.params ?? {}), help: command && COMMANDS[command] ? `kh ${command} --help` : 'kh --help' };
  return new CliError(EXIT.usage, translate(problem.key, params, 'vi'), translate(problem.key, params, 'en'));
}

export async function main(argv: string[]): Promise<number> {
  // plan documents (kh import, kh check plan.docx) have their own module and options
  const onDocument = documentCommand(argv);
  if (onDocument) return runDocument(onDocument, argv);
  let lang: Lang = langIn(argv);
  const fail = (error: CliError): number => {
    process.stderr.write(`kh: ${lang === 'en' ? error.en : error.vi}\n`);
    return error.exitCode;
  };
  let args: ParsedArgs;
  try {
    args = parseCommandLine(argv, OPTION_TABLES);
  } catch (error) {
    if (error instanceof UsageError) return fail(usageProblem(error.problem, error.command));
    throw error;
  }
  lang = args.values.lang === 'en' ? 'en' : 'vi';
  const out = new Out(lang);
  const command = args.command ? COMMANDS[args.command] : undefined;
  if (args.command && !command) {
    out.note(out.t('args.unknownCommand', { command: args.command }));
    out.line(out.t('cli.help'));
    return EXIT.usage;
  }
  if (!args.command || !command || booleanOption(args, 'help')) {
    out.line(out.t(command?.help ?? 'cli.help'));
    return EXIT.ok;
  }
  try {
    const { min, max } = command.positionals;
    if (args.positional.length < min) throw usage(args.command);
    if (args.positional.length > max) throw usageProblem({ key: 'args.extra', params: { command: args.command, count: max, value: args.positional[max] } }, args.command);
    return await command.run(args, out);
  } catch (error) {
    if (error instanceof UsageError) return fail(usageProblem(error.problem, args.command));
    if (error instanceof CliError) return fail(error);
    process.stderr.write(`kh: ${translate('cli.unexpected', { message: error instanceof Error ? error.message : String(error) }, lang)}\n`);
    return EXIT.unreadable;
  }
}

async function runDocument(command: (rest: string[]) => Promise<number>, argv: string[]): Promise<number> {
  const lang = langIn(argv);
  try {
    return await command(argv.slice(1));
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`kh: ${lang === 'en' ? error.en : error.vi}\n`);
      return error.exitCode;
    }
    process.stderr.write(`kh: ${translate('cli.unexpected', { message: error instanceof Error ? error.message : String(error) }, lang)}\n`);
    return EXIT.unreadable;
  }
}
