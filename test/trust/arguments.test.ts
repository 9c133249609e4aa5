/**
 * Bad arguments and outputs that cannot be written, against the built `kh` as a process: a usage
 * error is exit 2 and one sentence naming the flag; an output that cannot be written is exit 5
 * and one sentence naming the output file (never errno text, never exit 3 "unreadable input").
 */
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { MessageKey } from '../../src/core/i18n';
import { buildKh, messagePattern, runKh, STACK_TRACE } from './kh-process';
import { requireOrSkip } from '../support/requirements';

let kh = '';
const dir = mkdtempSync(join(tmpdir(), 'kh-args-'));

beforeAll(() => {
  kh = buildKh();
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(LAI_CHAU_2024));
}, 300_000);

/** One line on stderr, the catalogue's sentence, nothing on stdout, no stack trace. */
function expectOne(r: { code: number | null; stdout: string; stderr: string }, code: number, key: MessageKey, lang: 'vi' | 'en', file = ''): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: expect.stringMatching(messagePattern(key, lang, file)) });
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stdout).toBe('');
}

describe('usage errors: exit 2 naming the flag, before any file is read or written', () => {
  test.each([
    [['check', 'plan.json', '--strcit'], 'args.unknownFlag', '--strcit'],
    [['new', '--plan', 'plan.json', '--force', '-o'], 'args.missingValue', '-o'],
    [['check', 'x.xlsx', '--tolerance', 'abc'], 'args.badTolerance', 'abc'],
    [['check', 'x.xlsx', '--tolerance', '1e400'], 'args.badTolerance', '1e400'],
    [['check', 'x.xlsx', '--tolerance=-1'], 'args.badTolerance', '-1'],
    [['check', 'x.xlsx', '--tolerance', '-1'], 'args.dashValue', '-1'],
    [['check', 'x.xlsx', '--lang', 'xx'], 'args.badLang', 'xx'],
    [['check', 'x.xlsx', 'y.xlsx'], 'args.extra', 'y.xlsx'],
    [['convert', 'x.xlsx', '--from', 'abc'], 'args.badFrom', 'abc'],
    [['export', 'x.xlsx', '--json'], 'args.unknownFlag', '--json'],
    [['words', '-1728'], 'args.unknownFlag', '-1728'],
  ] as Array<[string[], MessageKey, string]>)('kh %j → %s', async (argv, key, named) => {
    const vi = await runKh(kh, argv, dir);
    expectOne(vi, 2, key, 'vi');
    expect(vi.stderr).toContain(named);
    const en = await runKh(kh, ['--lang=en', ...argv], dir);
    if (key !== 'args.badLang') {
      expectOne(en, 2, key, 'en');
      expect(en.stderr).toContain(named);
    }
  });

  test('nothing was written by the refused runs', () => {
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  test('--plan=a=b.json keeps its value whole; -- ends the options', async () => {
    writeFileSync(join(dir, 'a=b.json'), JSON.stringify(LAI_CHAU_2024));
    const r = await runKh(kh, ['new', '--plan=a=b.json', '-o', 'ab.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'ab.xlsx'))).toBe(true);
    const words = await runKh(kh, ['words', '--unit', 'triệu', '--', '-1.728'], dir);
    expect(words.stdout.trim()).toBe('Âm một tỷ bảy trăm hai mươi tám triệu đồng');
  });

  test('an unknown command: exit 2, named, then the help', async () => {
    const r = await runKh(kh, ['frobnicate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(messagePattern('args.unknownCommand', 'vi', ''));
    expect(r.stdout).toContain('kh check');
  });

  test('the help lists every exit code', async () => {
    const r = await runKh(kh, ['--help', '--lang', 'en'], dir);
    for (const code of ['0 fine', '1 errors', '2 usage', '3 an input cannot be read', '4 the output exists', '5 the output cannot be written', '6 rewriting would lose']) expect(r.stdout).toContain(code);
  });
});

describe('outputs that cannot be written: exit 5, one sentence naming the output file', () => {
  test('a folder in its place (even with --force)', async () => {
    mkdirSync(join(dir, 'ra'), { recursive: true });
    expectOne(await runKh(kh, ['new', '--plan', 'plan.json', '-o', 'ra', '--force'], dir), 5, 'output.isDirectory', 'vi', join(dir, 'ra'));
    expectOne(await runKh(kh, ['new', '--plan', 'plan.json', '-o', 'ra', '--lang', 'en'], dir), 5, 'output.isDirectory', 'en', join(dir, 'ra'));
  });

  test('a file where a folder of the path should be', async () => {
    expectOne(await runKh(kh, ['new', '--plan', 'plan.json', '-o', 'plan.json/ra.xlsx'], dir), 5, 'output.notDirectory', 'vi', join(dir, 'plan.json', 'ra.xlsx'));
  });

  test('a folder without write permission', () => {
    const locked = join(dir, 'khoa');
    mkdirSync(locked, { recursive: true });
    chmodSync(locked, 0o555);
    // root writes anywhere: the run drops to nobody (setpriv) to meet the permission as an officer does
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    for (const d of [dir, dirname(kh)]) chmodSync(d, 0o755);
    const [cmd, ...rest] = [...asUser, 'node', kh, 'demo', '-o', join(locked, 'mau.xlsx')];
    const r = spawnSync(cmd, rest, { cwd: '/', encoding: 'utf8', timeout: 120_000 });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 5, stderr: expect.stringMatching(messagePattern('output.denied', 'vi', join(locked, 'mau.xlsx'))) });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  /** A private mount namespace with a small tmpfs (root, or an unprivileged user namespace). */
  const canMount = ((): boolean => {
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { encoding: 'utf8' });
    return r.status === 0;
  })();

  (requireOrSkip(canMount, 'unshare with a private tmpfs mount') ? test : test.skip).each([
    ['a full disk', 'size=8k', 'output.noSpace'],
    ['a read-only disk', 'size=1m,ro', 'output.readOnly'],
  ] as Array<[string, string, MessageKey]>)('%s', (_what, options, key) => {
    const mnt = join(dir, `o-${key}`);
    mkdirSync(mnt, { recursive: true });
    const target = join(mnt, 'ke-hoach.xlsx');
    const script = `mount -t tmpfs -o ${options} tmpfs '${mnt}' && exec node '${kh}' new --plan plan.json -o '${target}'`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 5, stderr: expect.stringMatching(messagePattern(key, 'vi', target)) });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    // the plan was not touched, and no leftover is visible outside the private mount
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).issuer).toBe(LAI_CHAU_2024.issuer);
  });
});
