/**
 * Writing outputs, against the built `kh`: only a regular file or a new path is ever written (a
 * device, a pipe, a folder are refused even with --force); --in-place writes through a symbolic
 * link and keeps the file's mode and owner; a rewrite that would lose charts, PivotTables, shapes,
 * names that are formulas… writes nothing and says what, unless --accept-loss.
 */
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MessageKey } from '../../src/core/i18n';
import { buildKh, messagePattern, runKh, sha256, STACK_TRACE } from './kh-process';
import { basePlan, withChart, withExternalLink, withFormulaNames, withNoteAndImage, withPivot, withSparklines, withTextBox, withThreadedComments } from './rich-parts';
import { readZip } from './zip';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { fullPlanSpec } from '../../bench/plans';
import { findSoffice, requireLibreOffice } from '../support/libreoffice';

let kh = '';
const dir = mkdtempSync(join(tmpdir(), 'kh-writes-'));
const isRoot = process.getuid?.() === 0;

beforeAll(async () => {
  kh = buildKh();
  writeFileSync(join(dir, 'ke-hoach.xlsx'), await basePlan());
}, 300_000);

function expectOne(r: { code: number | null; stderr: string }, code: number, key: MessageKey, file: string): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: expect.stringMatching(messagePattern(key, 'vi', file)) });
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(STACK_TRACE);
}

describe('only a regular file or a new path is written', () => {
  test('a named pipe, even with --force: refused, still a pipe', async () => {
    execFileSync('mkfifo', [join(dir, 'ong.xlsx')]);
    expectOne(await runKh(kh, ['convert', 'ke-hoach.xlsx', '-o', 'ong.xlsx', '--force'], dir), 5, 'output.notRegular', join(dir, 'ong.xlsx'));
    expect(lstatSync(join(dir, 'ong.xlsx')).isFIFO()).toBe(true);
  });

  (isRoot ? test : test.skip)('a device node, even with --force (as root the old rename replaced it): refused, still a device', async () => {
    execFileSync('mknod', [join(dir, 'thiet-bi'), 'c', '1', '3']);
    expectOne(await runKh(kh, ['demo', '-o', 'thiet-bi'], dir), 5, 'output.notRegular', join(dir, 'thiet-bi'));
    expectOne(await runKh(kh, ['export', 'ke-hoach.xlsx', '-o', 'thiet-bi', '--force'], dir), 5, 'output.notRegular', join(dir, 'thiet-bi'));
    expect(lstatSync(join(dir, 'thiet-bi')).isCharacterDevice()).toBe(true);
    // and through a link to it
    symlinkSync(join(dir, 'thiet-bi'), join(dir, 'lien-ket-thiet-bi.xlsx'));
    expectOne(await runKh(kh, ['convert', 'ke-hoach.xlsx', '-o', 'lien-ket-thiet-bi.xlsx', '--force'], dir), 5, 'output.notRegular', join(dir, 'lien-ket-thiet-bi.xlsx'));
    expect(lstatSync(join(dir, 'thiet-bi')).isCharacterDevice()).toBe(true);
  });

  test('a folder, even with --force', async () => {
    mkdirSync(join(dir, 'thu-muc.xlsx'));
    expectOne(await runKh(kh, ['convert', 'ke-hoach.xlsx', '-o', 'thu-muc.xlsx', '--force'], dir), 5, 'output.isDirectory', join(dir, 'thu-muc.xlsx'));
    expect(statSync(join(dir, 'thu-muc.xlsx')).isDirectory()).toBe(true);
  });
});

describe('--in-place and --force keep the file what it was', () => {
  test('through a symbolic link: the file it points to is updated, the link stays a link; mode 0600 and the owner kept', async () => {
    const real = join(dir, 'that', 'ke-hoach-that.xlsx');
    mkdirSync(join(dir, 'that'));
    writeFileSync(real, readFileSync(join(dir, 'ke-hoach.xlsx')));
    chmodSync(real, 0o600);
    if (isRoot) chownSync(real, 65534, 65534);
    symlinkSync(real, join(dir, 'lien-ket.xlsx'));
    const before = sha256(real);
    const r = await runKh(kh, ['annex', 'lien-ket.xlsx', '--in-place'], dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'lien-ket.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'lien-ket.xlsx'))).toBe(real);
    expect(sha256(real)).not.toBe(before);
    const stat = statSync(real);
    expect((stat.mode & 0o777).toString(8)).toBe('600');
    if (isRoot) expect([stat.uid, stat.gid]).toEqual([65534, 65534]);
  });

  test('-o over an existing file with --force keeps its mode (0640)', async () => {
    writeFileSync(join(dir, 'cu.xlsx'), 'cũ');
    chmodSync(join(dir, 'cu.xlsx'), 0o640);
    expect((await runKh(kh, ['convert', 'ke-hoach.xlsx', '-o', 'cu.xlsx', '--force'], dir)).code).toBe(0);
    expect((statSync(join(dir, 'cu.xlsx')).mode & 0o777).toString(8)).toBe('640');
    expect(readFileSync(join(dir, 'cu.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

const RICH: Array<{ name: string; what: string; make: () => Promise<Buffer>; vi: RegExp; en: RegExp }> = [
  { name: 'bieu-do.xlsx', what: 'a chart', make: withChart, vi: /1 biểu đồ/, en: /1 chart\(s\)/ },
  { name: 'pivot.xlsx', what: 'a PivotTable', make: withPivot, vi: /1 bảng PivotTable/, en: /1 PivotTable\(s\)/ },
  { name: 'hop-chu.xlsx', what: 'a text box', make: withTextBox, vi: /1 hình vẽ hoặc hộp chữ/, en: /1 shape/ },
  { name: 'ten-cong-thuc.xlsx', what: 'names that are formulas', make: withFormulaNames, vi: /tên vùng TyLeDoiUng \(=0\.5\); DoiUng \(='Tổng hợp'!\$H\$7\*TyLeDoiUng\)/, en: /defined name\(s\) TyLeDoiUng/ },
  { name: 'lien-ket-ngoai.xlsx', what: 'an external link', make: withExternalLink, vi: /1 liên kết tới tệp khác/, en: /1 link\(s\) to other files/ },
  { name: 'sparkline.xlsx', what: 'sparklines', make: withSparklines, vi: /1 nhóm biểu đồ thu nhỏ/, en: /1 sparkline group/ },
  { name: 'binh-luan.xlsx', what: 'threaded comments', make: withThreadedComments, vi: /1 phần bình luận/, en: /1 threaded comment/ },
];

describe('a rewrite that would lose parts of the workbook writes nothing, and says what', () => {
  beforeAll(async () => {
    for (const r of RICH) writeFileSync(join(dir, r.name), await r.make());
    writeFileSync(join(dir, 'ghi-chu-anh.xlsx'), await withNoteAndImage());
  });

  test.each(RICH.map((r) => [r.what, r] as const))('%s: annex, send-safe, convert, also --in-place → exit 6, one sentence, nothing written', async (_what, r) => {
    const before = sha256(join(dir, r.name));
    for (const [command, suffix] of [['annex', '.bieu.xlsx'], ['send-safe', '.gui-di.xlsx'], ['convert', '.unicode.xlsx']]) {
      // send-safe cuts links to other files on purpose: that is no loss for it
      if (command === 'send-safe' && r.make === withExternalLink) continue;
      const out = join(dir, r.name.replace('.xlsx', suffix));
      const run = await runKh(kh, [command, r.name], dir);
      expectOne(run, 6, 'output.wouldLose', r.name);
      expect(run.stderr).toMatch(r.vi);
      expect(existsSync(out)).toBe(false);
      const inPlace = await runKh(kh, [command, r.name, '--in-place', '--lang', 'en'], dir);
      expect(inPlace.code).toBe(6);
      expect(inPlace.stderr).toMatch(r.en);
      expect(sha256(join(dir, r.name))).toBe(before);
    }
  });

  test('with --accept-loss the officer agreed: written, and the loss is said', async () => {
    const r = await runKh(kh, ['annex', 'bieu-do.xlsx', '--accept-loss'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(messagePattern('output.lost', 'vi', 'bieu-do.xlsx'));
    expect(readZip(readFileSync(join(dir, 'bieu-do.bieu.xlsx'))).some((p) => p.name.startsWith('xl/charts/'))).toBe(false);
  });

  test('send-safe on an external link: cut on purpose, written', async () => {
    const r = await runKh(kh, ['send-safe', 'lien-ket-ngoai.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tổng hợp!T30: =[1]DA4!H8 → 530');
  });

  test('what exceljs keeps (a note, a picture) is no loss: written as before', async () => {
    const r = await runKh(kh, ['annex', 'ghi-chu-anh.xlsx'], dir);
    expect(r.code).toBe(0);
    const parts = readZip(readFileSync(join(dir, 'ghi-chu-anh.bieu.xlsx'))).map((p) => p.name);
    expect(parts.some((p) => p.startsWith('xl/media/'))).toBe(true);
    expect(parts.some((p) => /^xl\/comments\d+\.xml$/.test(p))).toBe(true);
  });

  (requireLibreOffice() ? test : test.skip)('the chart is a real one: LibreOffice reads it and writes it back', () => {
    const lo = mkdtempSync(join(tmpdir(), 'kh-lo-chart-'));
    const r = spawnSync(findSoffice() as string, [`-env:UserInstallation=file://${join(lo, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(lo, 'out'), join(dir, 'bieu-do.xlsx')], { timeout: 120_000 });
    expect(r.status).toBe(0);
    const parts = readZip(readFileSync(join(lo, 'out', 'bieu-do.xlsx'))).map((p) => p.name);
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
  }, 150_000);
});

describe('kh new never writes what Excel or kh check would refuse', () => {
  const plan = (name: string, spec: unknown): string => {
    writeFileSync(join(dir, name), JSON.stringify(spec));
    return name;
  };

  test('a 10 MB issuer: exit 2 naming the field, nothing written', async () => {
    const r = await runKh(kh, ['new', '--plan', plan('to-qua.json', { ...LAI_CHAU_2024, issuer: 'U'.repeat(10 * 2 ** 20) }), '-o', 'to-qua.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('issuer: dài nhất 32767 ký tự');
    expect(existsSync(join(dir, 'to-qua.xlsx'))).toBe(false);
  });

  test('an amount of 10^21 triệu: exit 2 naming the amount, nothing written', async () => {
    const spec = { ...LAI_CHAU_2024, items: [{ ...LAI_CHAU_2024.items[0], amounts: { local: 1e21 } }, ...LAI_CHAU_2024.items.slice(1)] };
    const r = await runKh(kh, ['new', '--plan', plan('so-lon.json', spec), '-o', 'so-lon.xlsx', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/items\.0\.amounts\.local: the largest amount is 1000000000/);
    expect(existsSync(join(dir, 'so-lon.xlsx'))).toBe(false);
  });

  test('60,000 activities make more cells than kh check reads: refused before exceljs, naming the plan', async () => {
    const r = await runKh(kh, ['new', '--plan', plan('60k.json', fullPlanSpec(60_000)), '-o', '60k.xlsx'], dir, 300_000);
    expectOne(r, 2, 'plan.tooManyCells', '60k.json');
    expect(existsSync(join(dir, '60k.xlsx'))).toBe(false);
  }, 300_000);
});
