/**
 * The command line, parsed with Node's own `util.parseArgs` in strict mode. Each command declares
 * its options in a small table (`CommandOptions`); an option not in the command's table, a value
 * missing or given to a switch, or a value that looks like another option is a usage error naming
 * the flag. `--` ends the options (`kh words -- -1728`); `--plan=a=b.json` keeps its value whole.
 */
import { parseArgs } from 'util';
import type { Message } from '../core/i18n';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** A sample value for the "needs a value" message. */
  example?: string;
  /** May be given several times (--column E=nsdp --column F=huy-dong). */
  multiple?: boolean;
}

/** The options of one command, by long name (without the dashes). */
export type CommandOptions = Record<string, OptionSpec>;

/** Options every command takes. */
export const COMMON_OPTIONS: CommandOptions = {
  lang: { type: 'string', example: 'en' },
  help: { type: 'boolean', short: 'h' },
};

export const LANGS = ['vi', 'en'] as const;

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** A usage problem: a catalogue message naming the flag; the caller exits 2. */
export class UsageError extends Error {
  constructor(
    readonly problem: Message,
    /** The command being parsed, when known (its help is named). */
    readonly command: string | null = null,
  ) {
    super(problem.key);
    this.name = 'UsageError';
  }
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function tokensOf(args: string[], options: CommandOptions): Token[] {
  return parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens ?? [];
}

/** The first positional argument, skipping the values of every option any command knows. */
function findCommand(argv: string[], known: CommandOptions): { command: string | null; rest: string[] } {
  for (const t of tokensOf(argv, known)) {
    if (t.kind === 'option-terminator') break;
    if (t.kind === 'positional') return { command: t.value, rest: [...argv.slice(0, t.index), ...argv.slice(t.index + 1)] };
  }
  return { command: null, rest: argv };
}

/**
 * Why the strict parse refused: the first token that breaks the command's table, named as the
 * officer typed it. Node's own message is English and long; ours comes from the catalogue.
 */
function explain(args: string[], options: CommandOptions): Message {
  for (const t of tokensOf(args, options)) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    // a short group (-1728) is named whole, as typed
    const flag = t.rawName.startsWith('--') ? t.rawName : (args[t.index] ?? t.rawName);
    if (!spec) return { key: 'args.unknownFlag', params: { flag } };
    if (spec.type === 'string' && t.value === undefined) return { key: 'args.missingValue', params: { flag, example: spec.example ?? '…' } };
    if (spec.type === 'string' && !t.inlineValue && t.value?.startsWith('-')) return { key: 'args.dashValue', params: { flag, value: t.value } };
    if (spec.type === 'boolean' && t.value !== undefined) return { key: 'args.noValue', params: { flag, value: t.value } };
  }
  return { key: 'args.invalid' };
}

/**
 * argv (after `node kh.cjs`) → command, positionals and option values. `tables` gives each
 * command's own options; an unknown command is returned as is (the caller prints the help).
 */
export function parseCommandLine(argv: string[], tables: Record<string, CommandOptions>): ParsedArgs {
  const known: CommandOptions = { ...COMMON_OPTIONS };
  for (const table of Object.values(tables)) Object.assign(known, table);
  const { command, rest } = findCommand(argv, known);
  const table = command !== null ? tables[command] : undefined;
  const options: CommandOptions = { ...COMMON_OPTIONS, ...(table ?? {}) };
  let values: ParsedArgs['values'];
  let positional: string[];
  try {
    const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
    values = parsed.values as ParsedArgs['values'];
    positional = parsed.positionals;
  } catch {
    // an unknown command's options are not judged: its name is the problem
    if (command !== null && !table) return { command, positional: [], values: {} };
    throw new UsageError(explain(rest, options), table ? command : null);
  }
  const lang = values.lang;
  if (lang !== undefined && !(LANGS as readonly unknown[]).includes(lang)) throw new UsageError({ key: 'args.badLang', params: { value: String(lang) } }, table ? command : null);
  return { command, positional, values };
}

/** The language asked for, leniently (for the last-resort message, when parsing itself failed). */
export function langIn(argv: string[]): 'vi' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang=en' || (argv[i] === '--lang' && argv[i + 1] === 'en')) return 'en';
  }
  return 'vi';
}

/**
 * A tolerance as the officer types it: a finite number ≥ 0, with a dot or a comma as the decimal
 * mark (0.001, 0,001, 1e-3). Infinity (1e400), negatives and words are refused.
 */
export function parseTolerance(text: string): number | null {
  const t = text.trim();
  if (!/^(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : null;
}
