/**
 * `kh import plan.docx|plan.txt` and `kh check plan.docx|plan.txt`: the plan document read on this
 * machine, what was read printed with its section and quote, the document's own errors reported,
 * and — for import — the plan workbook written anyway, with the totals the document states, so
 * the workbook's own checks go on. Options are parsed with util.parseArgs (strict).
 */
import { parseArgs } from 'util';
import { basename, resolve } from 'path';
import { Lang, MessageKey, MessageParams, translate } from '../core/i18n';
import { formatAmount, sumExact } from '../core/money';
import type { PlanSpec } from '../core/plan';
import { UNIT_LABEL_VI } from '../core/units';
import { DocumentImport, countFindings, importBlocks, placeOf, renderDocMessage } from '../core/document';
import { buildPlanWithAnnexes } from '../core/book/annex/generate';
import { buildPlanWorkbook } from '../core/book/template';
import { descriptionToXlsx } from '../workbook/exceljs';
import { DocumentReadError, readPlanDocument } from '../document/docx';
import { CliError, EXIT, problemError, readInput, writeOutput } from './files';

/** Plan documents are recognised by name; their bytes then decide .docx or text. */
export function isDocumentPath(path: string | undefined): boolean {
  return typeof path === 'string' && /\.(?:docx|txt)$/i.test(path);
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  json: { type: 'string' },
  lang: { type: 'string' },
  force: { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'province-group': { type: 'string' },
  'poor-district': { type: 'boolean' },
  'no-annex': { type: 'boolean' },
  'kh-formulas': { type: 'boolean' },
} as const;

const CHECK_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'province-group': { type: 'string' },
  'poor-district': { type: 'boolean' },
} as const;

function usage(command: string, detail: string): CliError {
  const p = { command, detail };
  return new CliError(EXIT.usage, translate('doc.cli.badOption', p, 'vi'), translate('doc.cli.badOption', p, 'en'));
}

function write(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function readDocumentFile(file: string, options: { provinceGroup?: 1 | 2 | 3; poorDistrict?: boolean }): Promise<{ kind: 'docx' | 'text'; result: DocumentImport }> {
  const bytes = readInput(file);
  try {
    const { kind, blocks } = await readPlanDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { kind, result: importBlocks(blocks, options) };
  } catch (error) {
    if (error instanceof DocumentReadError) throw problemError(EXIT.unreadable, error.problem, file);
    throw error;
  }
}

function groupOf(command: string, text: string | undefined): 1 | 2 | 3 | undefined {
  if (text === undefined) return undefined;
  if (text === '1' || text === '2' || text === '3') return Number(text) as 1 | 2 | 3;
  throw usage(command, `--province-group ${text}`);
}

function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return translate(key, params, lang);
}

function amount(v: number, lang: Lang): string {
  return formatAmount(v, { maxDecimals: 6, locale: lang });
}

function printReading(lang: Lang, file: string, kind: 'docx' | 'text', { spec, findings }: DocumentImport): void {
  const unit = lang === 'en' ? t(lang, `doc.unit.${spec.unit}` as MessageKey) : UNIT_LABEL_VI[spec.unit];
  const period = spec.period ? `${spec.period.from} - ${spec.period.to}` : spec.year ? String(spec.year) : t(lang, 'doc.cli.missing');
  write(t(lang, 'doc.cli.read', { file: basename(file), kind: t(lang, `doc.cli.kind.${kind}` as MessageKey), issuer: spec.issuer || t(lang, 'doc.cli.missing'), period, items: spec.items.length }));
  const prov = spec.provenance ?? {};
  if (spec.items.length > 0) {
    write(t(lang, 'doc.cli.itemsTitle', { unit }));
    for (const item of spec.items) {
      const money = Object.entries(item.amounts ?? {}).map(([k, v]) => `${t(lang, `doc.source.${k}` as MessageKey)} ${amount(v as number, lang)}`);
      const open = Object.entries(item.undivided ?? {}).map(([k, v]) => `${t(lang, `doc.source.${k}` as MessageKey)} ${amount(v as number, lang)} (?)`);
      const where = Object.entries(prov).find(([path]) => path.startsWith(`items.${item.code}.`) && !path.endsWith('.unitName'))?.[1];
      write(`  ${item.code.padEnd(10)} ${[...money, ...open].join('; ') || '—'}${item.unitName ? ` — ${item.unitName}` : ''}${where ? `  [${placeOf({ block: 0, section: where.section, quote: '' }, lang)}]` : ''}`);
      spec.activities.forEach((a, i) => {
        if (a.parent !== item.code) return;
        const lineMoney = Object.entries(a.amounts).map(([k, v]) => `${t(lang, `doc.source.${k}` as MessageKey)} ${amount(v as number, lang)}`);
        const at = prov[`activities.${i}`];
        write(`    · ${a.name}: ${lineMoney.join('; ')}${at ? `  [${placeOf({ block: 0, section: at.section, quote: '' }, lang)}]` : ''}`);
      });
    }
    const total = sumExact(spec.items.flatMap((i) => Object.values(i.amounts ?? {}) as number[]));
    write(t(lang, 'doc.cli.detailTotal', { total: amount(total, lang), unit }));
  }
  const stated = Object.entries(spec.statedTotals ?? {});
  if (stated.length > 0) {
    const su = spec.statedUnit ?? spec.unit;
    write(t(lang, 'doc.cli.statedTitle', { unit: lang === 'en' ? t(lang, `doc.unit.${su}` as MessageKey) : UNIT_LABEL_VI[su] }));
    for (const [k, v] of stated) {
      const where = prov[`statedTotals.${k}`];
      write(`  ${t(lang, `doc.source.${k}` as MessageKey).padEnd(34)} ${amount(v as number, lang).padStart(12)}${where ? `  [${placeOf({ block: 0, section: where.section, quote: '' }, lang)}]` : ''}`);
    }
  }
  const res = spec.statedResources;
  if (res) {
    const su = spec.statedUnit ?? spec.unit;
    write(t(lang, 'doc.cli.resourcesTitle', { unit: lang === 'en' ? t(lang, `doc.unit.${su}` as MessageKey) : UNIT_LABEL_VI[su] }));
    if (res.total !== undefined) write(`  ${'Σ'.padEnd(34)} ${amount(res.total, lang).padStart(12)}`);
    for (const p of res.parts ?? []) write(`  ${p.label.slice(0, 34).padEnd(34)} ${amount(p.amount, lang).padStart(12)}`);
  }
  if (spec.policies && spec.policies.length > 0) {
    write(t(lang, 'doc.cli.policiesTitle', { unit }));
    spec.policies.forEach((p, i) => {
      const at = prov[`policies.${i}`];
      const source = p.source ? ` (${t(lang, `doc.source.${p.source}` as MessageKey)})` : '';
      write(`  ${t(lang, `doc.cli.dimension.${p.dimension}` as MessageKey).padEnd(10)} ${p.name}: ${amount(p.amount ?? 0, lang)}${source}${at ? `  [${placeOf({ block: 0, section: at.section, quote: '' }, lang)}]` : ''}`);
    });
  }
  const c = countFindings(findings);
  write(t(lang, 'doc.cli.findingsTitle', c));
  for (const f of findings) {
    write(`  [${f.severity.padEnd(7)}] ${f.rule.padEnd(20)} ${placeOf(f.at, lang)}: ${renderDocMessage(f.message, lang)}`);
    if (f.at.quote) write(`      «${f.at.quote}»`);
    if (f.hint) write(`      → ${renderDocMessage(f.hint, lang)}`);
  }
}

async function buildXlsx(spec: PlanSpec, annexes: boolean, khFormulas: boolean): Promise<Buffer> {
  const style = khFormulas ? 'kh' : 'native';
  const built = annexes ? buildPlanWithAnnexes(spec, { formulaStyle: style }) : buildPlanWorkbook(spec, { formulaStyle: style });
  if (!built.ok) {
    const vi = built.errors.map((e) => translate(e.key, e.params, 'vi')).join('; ');
    const en = built.errors.map((e) => translate(e.key, e.params, 'en')).join('; ');
    throw new CliError(EXIT.usage, vi, en);
  }
  return descriptionToXlsx(built.description);
}

/** util.parseArgs throws on an unknown flag or a missing value: that is a usage error naming it. */
function strictly<T>(command: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw usage(command, error instanceof Error ? error.message : String(error));
  }
}

/** `kh import`. argv is what follows the command name. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = strictly('import', () => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  if (values.help) {
    write(t(lang, 'doc.cli.help.import'));
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usage('import', positionals.length > 1 ? positionals.slice(1).join(' ') : 'FILE');
  const options = { provinceGroup: groupOf('import', values['province-group']), ...(values['poor-district'] ? { poorDistrict: true } : {}) };
  const { kind, result } = await readDocumentFile(file, options);
  printReading(lang, file, kind, result);
  const force = Boolean(values.force);
  if (values.json) {
    const target = resolve(values.json);
    writeOutput(target, `${JSON.stringify(result.spec, null, 2)}\n`, force);
    write(t(lang, 'doc.cli.written', { file: target }));
  }
  const target = resolve(values.out ?? file.replace(/\.(?:docx|txt)$/i, '.xlsx'));
  writeOutput(target, await buildXlsx(result.spec, !values['no-annex'], Boolean(values['kh-formulas'])), force);
  write(t(lang, 'doc.cli.written', { file: target }));
  return countFindings(result.findings).error > 0 ? EXIT.findings : EXIT.ok;
}

/** `kh check plan.docx|plan.txt`. */
export async function checkDocumentCommand(argv: string[]): Promise<number> {
  const { values, positionals } = strictly('check', () => parseArgs({ args: argv, options: CHECK_OPTIONS, allowPositionals: true, strict: true }));
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  if (values.help) {
    write(t(lang, 'doc.cli.help.check'));
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usage('check', positionals.length > 1 ? positionals.slice(1).join(' ') : 'FILE');
  const options = { provinceGroup: groupOf('check', values['province-group']), ...(values['poor-district'] ? { poorDistrict: true } : {}) };
  const { kind, result } = await readDocumentFile(file, options);
  const c = countFindings(result.findings);
  if (values.json) {
    const findings = result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      section: f.at.section,
      quote: f.at.quote,
      ...(f.at.row !== undefined ? { table: f.at.block + 1, row: f.at.row } : {}),
      message: { vi: renderDocMessage(f.message, 'vi'), en: renderDocMessage(f.message, 'en') },
      hint: f.hint ? { vi: renderDocMessage(f.hint, 'vi'), en: renderDocMessage(f.hint, 'en') } : null,
      related: (f.related ?? []).map((r) => ({ section: r.section, quote: r.quote })),
    }));
    write(JSON.stringify({ file, kind, counts: c, findings }, null, 2));
  } else printReading(lang, file, kind, result);
  return c.error > 0 || (values.strict && c.warning > 0) ? EXIT.findings : EXIT.ok;
}

/** The command a document argument line runs, or null when it is not about a plan document. */
export function documentCommand(argv: string[]): ((rest: string[]) => Promise<number>) | null {
  if (argv[0] === 'import') return importCommand;
  if (argv[0] === 'check' && isDocumentPath(argv.slice(1).find((a) => !a.startsWith('-')))) return checkDocumentCommand;
  return null;
}
