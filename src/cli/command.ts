/**
 * What a `kh` command is: its option table, how many file names it takes, its help, and what it
 * does. A new command lives in its own module under src/cli/ and is added to the list in main.ts.
 */
import { Lang, MessageKey, MessageParams, translate } from '../core/i18n';
import type { CommandOptions, ParsedArgs } from './args';

export class Out {
  constructor(readonly lang: Lang) {}
  t(key: MessageKey, params: MessageParams = {}): string {
    return translate(key, params, this.lang);
  }
  line(text = ''): void {
    process.stdout.write(`${text}\n`);
  }
  /** A remark about an input (macros ignored…): stderr, so `--json` output stays JSON. */
  note(text: string): void {
    process.stderr.write(`kh: ${text}\n`);
  }
}

export interface Command {
  /** The command's own options (--lang and --help are everyone's). */
  options: CommandOptions;
  /** File names (or words) after the command: fewer is a usage error, more names the first extra. */
  positionals: { min: number; max: number };
  help: MessageKey;
  run(args: ParsedArgs, out: Out): Promise<number>;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
