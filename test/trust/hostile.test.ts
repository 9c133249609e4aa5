/**
 * Hostile and broken inputs against the built `kh` command, run as a process: each is refused with
 * one catalogue sentence that names the file and says what to do, exit 3, no stack trace, in
 * Vietnamese and with --lang en. Time and memory are measured by bench/hostile.ts, not here.
 */
import { execFileSync } from 'child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync, ftruncateSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { MessageKey } from '../../src/core/i18n';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { HOSTILE, ISSUE_BOMBS, ROUND_TWO, asXlsm, truncated } from './hostile-files';
import { readZip } from './zip';
import { buildKh, messagePattern, pooled, runKh, sha256, STACK_TRACE } from './kh-process';

let kh = '';
const dir = mkdtempSync(join(tmpdir(), 'kh-hostile-'));
let plan: Buffer;

beforeAll(async () => {
  kh = buildKh();
  const built = buildPlanWithAnnexes(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  plan = await descriptionToXlsx(built.description);
  for (const h of HOSTILE) writeFileSync(join(dir, h.name), await h.bytes());
  writeFileSync(join(dir, 'cat-nua.xlsx'), truncated(plan, 0.5));
  writeFileSync(join(dir, 'cat-duoi.xlsx'), truncated(plan, 0.9995));
  writeFileSync(join(dir, 'cat-dau.xlsx'), truncated(plan, 0.0002));
  sparse(join(dir, 'qua-lon.xlsx'));
}, 300_000);

/** A file above the size limit that costs nothing on disk. */
function sparse(path: string): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 201 * 1024 * 1024);
  closeSync(fd);
}

const CASES: Array<{ name: string; key: MessageKey }> = [
  ...HOSTILE.map((h) => ({ name: h.name, key: h.key as MessageKey })),
  { name: 'cat-nua.xlsx', key: 'input.truncated' },
  { name: 'cat-duoi.xlsx', key: 'input.truncated' },
  { name: 'cat-dau.xlsx', key: 'input.truncated' },
  { name: 'qua-lon.xlsx', key: 'input.tooLarge' },
];

function expectRefused(r: { code: number | null; stdout: string; stderr: string }, name: string, key: MessageKey, lang: 'vi' | 'en'): void {
  expect({ name, code: r.code }).toEqual({ name, code: 3 });
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^kh: /);
  expect(lines[0]).toMatch(messagePattern(key, lang, name));
  expect(r.stderr).not.toMatch(STACK_TRACE);
}

/** `kh check` reads a .docx or .txt as a plan document (kh import's checks), not as a workbook. */
const PLAN_DOCUMENT = /\.(?:docx|txt)$/i;

describe('kh check refuses every hostile file with its own message', () => {
  test.each(CASES.filter((c) => !PLAN_DOCUMENT.test(c.name)))('$name → $key', async ({ name, key }) => {
    const [vi, en] = await Promise.all([runKh(kh, ['check', name], dir), runKh(kh, ['check', name, '--lang', 'en'], dir)]);
    expectRefused(vi, name, key, 'vi');
    expect(vi.stdout).toBe('');
    expectRefused(en, name, key, 'en');
  });
});

describe('every command that reads a workbook refuses the same way and writes nothing', () => {
  const commands = [['export'], ['annex'], ['send-safe'], ['convert'], ['check', '--json'], ['annex', '--in-place'], ['convert', '--in-place']];
  test('export, annex, send-safe, convert (also --in-place) on every hostile file', async () => {
    // the dense grid limit is the snapshot's: convert walks stored cells only and reads o-xa.xlsx (below)
    // round two's files meet the same pre-flight on every command: two writers suffice (the time stays within bounds)
    const roundTwo = new Set(ROUND_TWO.map((h) => h.name));
    const jobs = CASES.flatMap((c) =>
      commands
        .filter((cmd) => !(c.key === 'input.extent' && cmd[0] === 'convert') && !(PLAN_DOCUMENT.test(c.name) && cmd[0] === 'check'))
        .filter((cmd) => !roundTwo.has(c.name) || (cmd[0] === 'annex' && cmd[1] === '--in-place') || cmd[0] === 'send-safe')
        .map((cmd) => ({ ...c, cmd })),
    );
    const before = Object.fromEntries(CASES.map((c) => [c.name, sha256(join(dir, c.name))]));
    const runs = await pooled(jobs, 2, async (j) => ({ j, r: await runKh(kh, [j.cmd[0], j.name, ...j.cmd.slice(1), '--lang', 'en'], dir) }));
    for (const { j, r } of runs) expectRefused(r, `${j.name}`, j.key, 'en');
    // nothing written next to the inputs, the inputs untouched
    for (const c of CASES) {
      for (const suffix of ['.bieu.xlsx', '.gui-di.xlsx', '.unicode.xlsx']) expect(existsSync(join(dir, c.name.replace(/(\.xls[xm])?$/i, suffix)))).toBe(false);
      expect(sha256(join(dir, c.name))).toBe(before[c.name]);
    }
  }, 1_200_000); // a safety cap, not a speed goal: some 150 processes, slow when the machine is shared

  test('kh check on a .docx or .txt checks it as a plan document: read, not refused', async () => {
    for (const c of CASES.filter((x) => PLAN_DOCUMENT.test(x.name))) {
      const r = await runKh(kh, ['check', c.name, '--json'], dir);
      // an empty Word document and two lines of text lack the plan's facts: findings (exit 1), not a refusal (exit 3)
      expect({ name: c.name, code: r.code, stderr: r.stderr }).toEqual({ name: c.name, code: 1, stderr: '' });
      expect(JSON.parse(r.stdout)).toMatchObject({ kind: c.name.endsWith('.txt') ? 'text' : 'docx', findings: expect.arrayContaining([expect.objectContaining({ rule: 'DOC_FACT_MISSING' })]) });
    }
  });

  test('convert needs no dense grid: the far cell is read and written back', async () => {
    const r = await runKh(kh, ['convert', 'o-xa.xlsx', '-o', 'o-xa.ra.xlsx'], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'o-xa.ra.xlsx'));
    expect(wb.worksheets[0].getCell('XFD1048576').value).toBe(2);
  });

  test('a device and a named pipe are refused unread (reading them would never end)', async () => {
    expectRefused(await runKh(kh, ['check', '/dev/zero'], dir), '/dev/zero', 'input.notWorkbook', 'vi');
    execFileSync('mkfifo', [join(dir, 'ong.xlsx')]);
    expectRefused(await runKh(kh, ['check', 'ong.xlsx', '--lang', 'en'], dir), 'ong.xlsx', 'input.notWorkbook', 'en');
  });

  test('a folder given where a file is wanted, a missing file', async () => {
    mkdirSync(join(dir, 'thu-muc'), { recursive: true });
    expectRefused(await runKh(kh, ['export', 'thu-muc'], dir), 'thu-muc', 'input.directory', 'vi');
    const missing = await runKh(kh, ['export', 'khong-co.xlsx'], dir);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('khong-co.xlsx');
  });
});

describe('an .xlsm is read as data: macros never run, never written', () => {
  let xlsm = '';
  beforeAll(() => {
    xlsm = join(dir, 'co-macro.xlsm');
    writeFileSync(xlsm, asXlsm(plan));
  });

  test('check reads it, says the macros were ignored, and --json stays JSON', async () => {
    const r = await runKh(kh, ['check', 'co-macro.xlsm'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi');
    expect(r.stderr).toMatch(messagePattern('input.macros', 'vi', 'co-macro.xlsm'));
    const json = await runKh(kh, ['check', 'co-macro.xlsm', '--json', '--lang', 'en'], dir);
    expect(JSON.parse(json.stdout).counts.error).toBe(0);
    expect(json.stderr).toMatch(messagePattern('input.macros', 'en', 'co-macro.xlsm'));
  });

  test('annex writes a macro-free .xlsx beside it and says so; the .xlsm is untouched', async () => {
    const before = sha256(xlsm);
    const r = await runKh(kh, ['annex', 'co-macro.xlsm'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(messagePattern('input.macrosDropped', 'vi', 'co-macro.xlsm'));
    const out = join(dir, 'co-macro.bieu.xlsx');
    const parts = readZip(readFileSync(out));
    expect(parts.map((p) => p.name)).not.toContain('xl/vbaProject.bin');
    const types = parts.find((p) => p.name === '[Content_Types].xml')?.content.toString('utf8') ?? '';
    expect(types).not.toMatch(/macroEnabled|vbaProject/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Biểu 01')).toBeDefined();
    expect(sha256(xlsm)).toBe(before);
  });

  test('--in-place and an .xlsm output name are refused (exit 2): the macros would be lost', async () => {
    const before = sha256(xlsm);
    for (const args of [['annex', 'co-macro.xlsm', '--in-place'], ['send-safe', 'co-macro.xlsm', '--in-place'], ['convert', 'co-macro.xlsm', '--in-place']]) {
      const r = await runKh(kh, args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(messagePattern('input.macroInPlace', 'vi', 'co-macro.xlsm'));
    }
    const named = await runKh(kh, ['send-safe', 'co-macro.xlsm', '-o', 'ra.xlsm', '--lang', 'en'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(messagePattern('input.macroTarget', 'en', 'co-macro.xlsm'));
    expect(existsSync(join(dir, 'ra.xlsm'))).toBe(false);
    expect(sha256(xlsm)).toBe(before);
  });
});

describe('kh check DIR: every hostile file reported and skipped, the rest checked', () => {
  test('two plans among all the hostile files', async () => {
    const folder = join(dir, 'tinh');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '00-lai-chau.xlsx'), plan);
    const other = buildPlanWithAnnexes(BINH_LU_2025);
    if (!other.ok) throw new Error('example plan does not build');
    writeFileSync(join(folder, '99-binh-lu.xlsm'), asXlsm(await descriptionToXlsx(other.description)));
    // every hostile file under a name the folder walk picks up (a PDF renamed .xlsx happens)
    const bad = CASES.map((c, i) => ({ ...c, file: `${String(i + 1).padStart(2, '0')}-${c.name.replace(/\.(pdf|txt|docx?)$/, '.$1.xlsx')}` }));
    for (const c of bad) {
      if (c.key === 'input.tooLarge') sparse(join(folder, c.file));
      else writeFileSync(join(folder, c.file), readFileSync(join(dir, c.name)));
    }
    // a link back up the tree and a link to nothing
    symlinkSync('.', join(folder, 'vong'));
    symlinkSync(join(dir, 'khong-co-dau.xlsx'), join(folder, '98-lien-ket-hong.xlsx'));
    const r = await runKh(kh, ['check', 'tinh', '--summary', 'tong-hop-tinh.xlsx'], dir, 300_000);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const lines = r.stdout.trim().split('\n');
    const total = bad.length + 3;
    expect(lines.find((l) => l.includes('98-lien-ket-hong.xlsx'))).toMatch(messagePattern('cli.notFound', 'vi', '98-lien-ket-hong.xlsx'));
    expect(lines[0]).toMatch(new RegExp(`1/${total} ✓ 00-lai-chau\\.xlsx: 0 lỗi`));
    for (const c of bad) {
      const line = lines.find((l) => l.includes(' ✗ ') && l.includes(c.file)) ?? '';
      expect({ file: c.file, line }).toEqual({ file: c.file, line: expect.stringMatching(messagePattern(c.key, 'vi', c.file)) });
      expect(line).toMatch(/ — bỏ qua$/);
    }
    const last = lines.findIndex((l) => l.includes('99-binh-lu.xlsm'));
    expect(lines[last]).toMatch(/✓ 99-binh-lu\.xlsm: 0 lỗi/);
    expect(lines[last + 1]).toMatch(messagePattern('input.macros', 'vi', '99-binh-lu.xlsm'));
    expect(r.stdout).toContain(`${total} tệp: 2 đã kiểm tra, ${bad.length + 1} bỏ qua`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tong-hop-tinh.xlsx'));
    const byFile = wb.getWorksheet('Theo tệp') as ExcelJS.Worksheet;
    const statuses = new Map<string, string>();
    byFile.eachRow((row, n) => {
      if (n > 1) statuses.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    // a KH plan is read through its own layout: the status names the table it summed
    expect(statuses.get('00-lai-chau.xlsx')).toMatch(/^đã kiểm tra — mẫu KH \('Tổng hợp'!A\d+:[A-Z]+\d+\)$/);
    for (const c of bad) expect(statuses.get(c.file)).toMatch(messagePattern(c.key, 'vi', c.file));
  }, 300_000);
});

describe('kh check DIR: the 1.5 KB range bombs of round two, each between two good plans', () => {
  // the kinds the regex pre-flight let through; one such file stopped the whole batch with "Reached heap limit"
  const BOMBS = ISSUE_BOMBS;

  test('every good plan is checked and reported, every bomb refused on its own line, the batch goes to the end', async () => {
    const folder = join(dir, 'xen-ke');
    mkdirSync(folder, { recursive: true });
    const other = buildPlanWithAnnexes(BINH_LU_2025);
    if (!other.ok) throw new Error('example plan does not build');
    const plans = [plan, await descriptionToXlsx(other.description)];
    const good: string[] = [];
    const bad: Array<{ file: string; key: MessageKey }> = [];
    BOMBS.forEach((name, i) => {
      const n = String(2 * i).padStart(2, '0');
      good.push(`${n}-xa-${i}.xlsx`);
      writeFileSync(join(folder, good[good.length - 1]), plans[i % 2]);
      const bytes = readFileSync(join(dir, name));
      expect({ name, small: bytes.length < 2048 }).toEqual({ name, small: true });
      bad.push({ file: `${String(2 * i + 1).padStart(2, '0')}-${name}`, key: (ROUND_TWO.find((h) => h.name === name)?.key ?? 'input.damaged') as MessageKey });
      writeFileSync(join(folder, bad[bad.length - 1].file), bytes);
    });
    good.push('99-xa-cuoi.xlsx');
    writeFileSync(join(folder, '99-xa-cuoi.xlsx'), plans[1]);

    const r = await runKh(kh, ['check', 'xen-ke', '--summary', 'tong-hop-xen-ke.xlsx'], dir, 300_000);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(/heap|Allocation failed/);
    expect(r.code).toBe(1); // files were skipped
    const lines = r.stdout.trim().split('\n');
    for (const file of good) expect({ file, line: lines.find((l) => l.includes(file)) }).toEqual({ file, line: expect.stringMatching(new RegExp(`✓ ${file.replace(/\./g, '\\.')}: 0 lỗi`)) });
    for (const { file, key } of bad) {
      const line = lines.find((l) => l.includes(file)) ?? '';
      expect({ file, line }).toEqual({ file, line: expect.stringMatching(messagePattern(key, 'vi', file)) });
      expect(line).toMatch(/ ✗ .* — bỏ qua$/);
    }
    expect(r.stdout).toContain(`${good.length + bad.length} tệp: ${good.length} đã kiểm tra, ${bad.length} bỏ qua`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tong-hop-xen-ke.xlsx'));
    const statuses = new Map<string, string>();
    (wb.getWorksheet('Theo tệp') as ExcelJS.Worksheet).eachRow((row, n) => {
      if (n > 1) statuses.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    for (const file of good) expect({ file, status: statuses.get(file) }).toEqual({ file, status: expect.stringMatching(/^đã kiểm tra — mẫu KH \(/) });
  }, 300_000);
});
