/** The built `kh` command, run as a process the way an officer or a CI job runs it. */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { recalculate, numberAt, requireLibreOffice } from '../support/calc-oracle';
import { ROWS, SHEET, planColumns } from '../../src/core/book/layout';

const ROOT = join(__dirname, '..', '..');
const KH = join(ROOT, 'dist', 'cli', 'kh.cjs');

beforeAll(() => {
  // the suite runs the built command, built from the sources under test (a stale build would lie)
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
}, 120_000);

function kh(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', [KH, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function hashes(dir: string): Record<string, string> {
  const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

const findingsSchema = z.object({
  file: z.string(),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  findings: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      sheet: z.string(),
      cell: z.string(),
      ref: z.string(),
      related: z.array(z.string()),
      message: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
      hint: z.object({ vi: z.string(), en: z.string() }).nullable(),
      fix: z.unknown().nullable(),
    }),
  ),
});

describe('kh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-cli-'));

  test('demo: exit 0, the workbook exists, totals by source printed', () => {
    const r = kh(['demo'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'ke-hoach-mau.xlsx'))).toBe(true);
    expect(r.stdout).toMatch(/Tổng cộng\s+1\.728/);
    expect(r.stdout).toContain('0 lỗi');
    expect(r.stdout).toContain('Biểu 01: Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.');
  });

  (requireLibreOffice() ? test : test.skip)('demo: LibreOffice recalculates the total to 1.728', async () => {
    const snap = await recalculate(readFileSync(join(dir, 'out', 'ke-hoach-mau.xlsx')));
    expect(numberAt(snap, SHEET.summary, ROWS.firstData, planColumns('2021-2025').summary.index.total)).toBe(1728);
    // Biểu 01's total row (column D) too
    expect(numberAt(snap, 'Biểu 01', 10, 3)).toBe(1728);
  }, 120_000);

  test('new → check: a broken row exits 1 and names the cell; --json validates; the input never changes', async () => {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(LAI_CHAU_2024));
    expect(kh(['new', '--plan', 'plan.json', '-o', 'kh.xlsx'], dir).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'kh.xlsx'));
    (wb.getWorksheet('DA4') as ExcelJS.Worksheet).getCell('E8').value = 700;
    await wb.xlsx.writeFile(join(dir, 'broken.xlsx'));

    const before = hashes(dir);
    const clean = kh(['check', 'kh.xlsx'], dir);
    expect(clean.code).toBe(0);
    const broken = kh(['check', 'broken.xlsx'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/DA4!E8\s+Tổng 700 ≠ tổng các nguồn 685/);
    const json = kh(['check', 'broken.xlsx', '--json'], dir);
    expect(json.code).toBe(1);
    const parsed = findingsSchema.parse(JSON.parse(json.stdout));
    expect(parsed.findings.find((f) => f.rule === 'SRC_SPLIT')?.ref).toBe("'DA4'!E8");
    expect(kh(['export', 'kh.xlsx'], dir).code).toBe(0);
    expect(hashes(dir)).toEqual(before);
  });

  test('annex: builds the annexes of a plan made without them, refreshes after an edit, leaves the input alone', async () => {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(LAI_CHAU_2024));
    expect(kh(['new', '--plan', 'plan.json', '-o', 'bare.xlsx', '--no-annex'], dir).code).toBe(0);
    const before = hashes(dir);
    const r = kh(['annex', 'bare.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tạo mới: Biểu 01, Biểu 02, Biểu 03, Chỉ tiêu');
    expect(r.stdout).toContain('Biểu 01: Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.');
    expect({ ...hashes(dir), 'bare.bieu.xlsx': undefined }).toEqual({ ...before, 'bare.bieu.xlsx': undefined });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bare.bieu.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu']));
    // the officer raises Dự án 2 from 530 to 600: the annex words follow on the next refresh
    (wb.getWorksheet('DA2') as ExcelJS.Worksheet).getCell('H7').value = 600;
    await wb.xlsx.writeFile(join(dir, 'edited.xlsx'));
    const again = kh(['annex', 'edited.xlsx', '--in-place', '--lang', 'en'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('refreshed: Biểu 01, Biểu 03');
    expect(again.stdout).toContain('Một tỷ bảy trăm chín mươi tám triệu đồng');
    const notPlan = kh(['annex', 'plan.json'], dir);
    expect(notPlan.code).toBe(3);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'không phải kế hoạch';
    await other.xlsx.writeFile(join(dir, 'other.xlsx'));
    const refused = kh(['annex', 'other.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('chưa phải bảng kế hoạch của KH');
    expect(refused.stderr).not.toMatch(/at .*\.js/);
  });

  test('an existing output is not overwritten without --force; a bad plan names the field', () => {
    const r = kh(['new', '--plan', 'plan.json', '-o', 'kh.xlsx'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--force');
    expect(kh(['new', '--plan', 'plan.json', '-o', 'kh.xlsx', '--force'], dir).code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...LAI_CHAU_2024, unit: 'USD', year: 'năm nay' }));
    const bad = kh(['new', '--plan', 'bad.json', '-o', 'bad.xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/unit: phải là một trong: dong, nghin, trieu, ty/);
    expect(bad.stdout).toMatch(/year: cần kiểu number/);
    expect(kh(['new', '--plan', 'bad.json', '-o', 'bad.xlsx', '--lang', 'en'], dir).stdout).toMatch(/unit: must be one of/);
  });

  test('a file that is not a workbook is reported in one line, no stack trace', () => {
    writeFileSync(join(dir, 'notes.xlsx'), 'đây không phải là bảng tính');
    const r = kh(['check', 'notes.xlsx'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('notes.xlsx không phải bảng tính Excel (.xlsx)');
  });

  test('words, help and usage errors', () => {
    expect(kh(['words', '1.728', '--unit', 'triệu'], dir).stdout.trim()).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
    expect(kh(['--help'], dir).stdout).toContain('kh check');
    expect(kh(['check', '--help'], dir).stdout).toContain('--strict');
    expect(kh(['check'], dir).code).toBe(2);
    expect(kh(['frobnicate'], dir).code).toBe(2);
  });

  test('send-safe writes a copy next to the input and leaves the input alone', () => {
    writeFileSync(join(dir, 'plan-kh.json'), JSON.stringify(LAI_CHAU_2024));
    expect(kh(['new', '--plan', 'plan-kh.json', '-o', 'khstyle.xlsx', '--kh-formulas'], dir).code).toBe(0);
    const before = createHash('sha256').update(readFileSync(join(dir, 'khstyle.xlsx'))).digest('hex');
    const r = kh(['send-safe', 'khstyle.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã đổi \d+ ô/);
    expect(createHash('sha256').update(readFileSync(join(dir, 'khstyle.xlsx'))).digest('hex')).toBe(before);
    expect(existsSync(join(dir, 'khstyle.gui-di.xlsx'))).toBe(true);
    const check = kh(['check', 'khstyle.gui-di.xlsx', '--json'], dir);
    expect(JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === 'SEND_SAFETY')).toEqual([]);
  });
});

describe('kh convert', () => {
  test('TCVN3 and VNI cells become Unicode in Times New Roman; formulas and Unicode untouched; the input kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-convert-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu cũ');
    ws.getCell('A1').value = 'Céng hßa x· héi chñ nghÜa ViÖt Nam';
    ws.getCell('A1').font = { name: '.VnTime', bold: true };
    ws.getCell('A2').value = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam';
    ws.getCell('A2').font = { name: 'VNI-Times' };
    ws.getCell('A3').value = 'Kế hoạch năm 2024';
    ws.getCell('A4').value = { formula: 'A3&" (Céng)"' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(join(dir, 'cu.xlsx'));
    const before = hashes(dir);
    const r = kh(['convert', 'cu.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã chuyển 2 ô');
    expect(hashes(dir)).toEqual({ ...before, 'cu.unicode.xlsx': expect.any(String) });
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'cu.unicode.xlsx'));
    const sheet = out.getWorksheet('Biểu cũ') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(sheet.getCell('A2').value).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(sheet.getCell('A3').value).toBe('Kế hoạch năm 2024');
    expect((sheet.getCell('A4').value as ExcelJS.CellFormulaValue).formula).toBe('A3&" (Céng)"');
  });
});

describe('kh check DIR --summary', () => {
  test('every plan checked, a corrupt file skipped with a clear line, a province summary, the folder untouched', async () => {
    const { BINH_LU_2025 } = await import('../../src/core/examples/lai-chau-2024');
    const dir = mkdtempSync(join(tmpdir(), 'kh-batch-'));
    const plans = join(dir, 'xa');
    execFileSync('mkdir', ['-p', plans]);
    writeFileSync(join(dir, 'lai-chau.json'), JSON.stringify(LAI_CHAU_2024));
    writeFileSync(join(dir, 'binh-lu.json'), JSON.stringify(BINH_LU_2025));
    expect(kh(['new', '--plan', 'lai-chau.json', '-o', 'xa/01-lai-chau.xlsx'], dir).code).toBe(0);
    expect(kh(['new', '--plan', 'binh-lu.json', '-o', 'xa/02-binh-lu.xlsx'], dir).code).toBe(0);
    writeFileSync(join(plans, '03-hong.xlsx'), Buffer.from('PK\u0003\u0004 truncated zip'));
    const before = hashes(plans);

    const r = kh(['check', 'xa', '--summary', 'tong-hop.xlsx'], dir);
    expect(r.code).toBe(1); // the corrupt file
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\[#+\.*\] 1\/3 ✓ 01-lai-chau\.xlsx: 0 lỗi/);
    expect(lines[2]).toMatch(/3\/3 ✗ 03-hong\.xlsx bị thiếu phần cuối .* — bỏ qua$/);
    expect(r.stdout).toContain('3 tệp: 2 đã kiểm tra, 1 bỏ qua');
    expect(hashes(plans)).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tong-hop.xlsx'));
    const sheet = wb.getWorksheet('Tổng hợp các tệp') as ExcelJS.Worksheet;
    expect(sheet.getCell('A2').value).toBe('TỔNG CỘNG');
    expect(sheet.getCell('D2').value).toBe(1728 + 1915);
    const da2 = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(1).value === 'DA2');
    expect(da2?.getCell(3).value).toBe(2);
    expect(da2?.getCell(4).value).toBe(530 + 1005);
  });
});
