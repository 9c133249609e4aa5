/** The command line, in process: each command's table, every usage problem named by its flag. */
import fc from 'fast-check';
import { CommandOptions, langIn, parseCommandLine, parseTolerance, UsageError } from '../../src/cli/args';
import { outputError, EXIT } from '../../src/cli/files';
import { MessageKey, translate } from '../../src/core/i18n';

const TABLES: Record<string, CommandOptions> = {
  new: { plan: { type: 'string', example: 'plan.json' }, out: { type: 'string', short: 'o', example: 'ra.xlsx' }, force: { type: 'boolean' }, 'no-annex': { type: 'boolean' } },
  check: { json: { type: 'boolean' }, strict: { type: 'boolean' }, tolerance: { type: 'string' } },
  words: { unit: { type: 'string' } },
};

function problem(argv: string[]): { key: string; params?: Record<string, unknown>; command: string | null } | null {
  try {
    parseCommandLine(argv, TABLES);
    return null;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { ...error.problem, command: error.command };
  }
}

describe('parseCommandLine', () => {
  test('the command is the first positional, wherever the common options stand', () => {
    expect(parseCommandLine(['--lang', 'en', 'check', 'kh.xlsx', '--strict'], TABLES)).toEqual({ command: 'check', positional: ['kh.xlsx'], values: { lang: 'en', strict: true } });
    expect(parseCommandLine(['new', '--plan=a=b.json', '-o', 'ke hoach.xlsx'], TABLES).values).toEqual({ plan: 'a=b.json', out: 'ke hoach.xlsx' });
    expect(parseCommandLine(['words', '--', '-1728', '--unit'], TABLES).positional).toEqual(['-1728', '--unit']);
    expect(parseCommandLine([], TABLES)).toEqual({ command: null, positional: [], values: {} });
  });

  test('an option of another command is unknown here (each command has its own table)', () => {
    expect(problem(['check', 'kh.xlsx', '--strcit'])).toEqual({ key: 'args.unknownFlag', params: { flag: '--strcit' }, command: 'check' });
    expect(problem(['check', 'kh.xlsx', '--plan', 'p.json'])).toEqual({ key: 'args.unknownFlag', params: { flag: '--plan' }, command: 'check' });
    expect(problem(['words', '-1728'])).toEqual({ key: 'args.unknownFlag', params: { flag: '-1728' }, command: 'words' });
    expect(problem(['--strcit'])).toEqual({ key: 'args.unknownFlag', params: { flag: '--strcit' }, command: null });
  });

  test('a value missing, a value that looks like an option, a value given to a switch', () => {
    expect(problem(['new', '--plan', 'p.json', '-o'])).toEqual({ key: 'args.missingValue', params: { flag: '-o', example: 'ra.xlsx' }, command: 'new' });
    expect(problem(['new', '--plan', '-o', 'x.xlsx'])).toEqual({ key: 'args.dashValue', params: { flag: '--plan', value: '-o' }, command: 'new' });
    expect(problem(['check', 'kh.xlsx', '--json=1'])).toEqual({ key: 'args.noValue', params: { flag: '--json', value: '1' }, command: 'check' });
  });

  test('--lang is vi or en', () => {
    expect(problem(['check', 'kh.xlsx', '--lang', 'xx'])).toEqual({ key: 'args.badLang', params: { value: 'xx' }, command: 'check' });
    expect(problem(['check', 'kh.xlsx', '--lang=fr'])).toMatchObject({ key: 'args.badLang' });
    expect(langIn(['check', '--lang=en'])).toBe('en');
    expect(langIn(['--', '--lang', 'en'])).toBe('vi');
  });

  test('an unknown command is returned for the caller to name (its options are not judged)', () => {
    expect(parseCommandLine(['frobnicate', '--x'], TABLES)).toEqual({ command: 'frobnicate', positional: [], values: {} });
  });

  test('any argv: a parse or a UsageError, nothing else', () => {
    const token = fc.oneof(fc.constantFrom('new', 'check', 'words', '--', '-', '-o', '--out', '--plan', '--plan=', '--json', '--json=x', '--lang', 'en', 'xx', '-h', '--help', '-1', '--tolerance', '=', '--='), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          const r = parseCommandLine(argv, TABLES);
          expect(Array.isArray(r.positional)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseTolerance', () => {
  test.each([
    ['0.001', 0.001],
    ['0,001', 0.001],
    ['1e-3', 0.001],
    ['0', 0],
    ['12', 12],
  ])('%s → %p', (text, value) => expect(parseTolerance(text)).toBe(value));

  test.each(['abc', '1e400', '-1', '', ' ', 'Infinity', 'NaN', '1,000.5', '0x10', '1e', '9'.repeat(400)])('%p is refused', (text) => expect(parseTolerance(text)).toBeNull());
});

describe('outputError: one sentence naming the output file, exit 5', () => {
  test.each([
    ['ENOSPC', 'output.noSpace'],
    ['EROFS', 'output.readOnly'],
    ['EACCES', 'output.denied'],
    ['EISDIR', 'output.isDirectory'],
    ['ENOTDIR', 'output.notDirectory'],
    ['EIO', 'output.failed'],
  ])('%s', (code, key) => {
    const e = outputError(Object.assign(new Error('raw errno text'), { code }), '/srv/ra/ke-hoach.xlsx');
    expect(e.exitCode).toBe(EXIT.output);
    expect(e.vi).toContain('/srv/ra/ke-hoach.xlsx');
    expect(e.en).toContain('/srv/ra/ke-hoach.xlsx');
    expect(e.vi).not.toContain('raw errno text');
    expect(e.vi).toBe(translate(key as MessageKey, { file: '/srv/ra/ke-hoach.xlsx', code }, 'vi'));
    expect(e.vi.split('\n')).toHaveLength(1);
  });
});
