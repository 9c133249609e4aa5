/**
 * `kh import` and `kh check` on plan documents, run as the built command: a .docx built in the
 * test and the real plans' text in, the workbook and the JSON spec out, findings with their
 * section, exit codes, strict options, refusals in one sentence.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { parsePlanJson } from '../../src/cli/schema';
import { docxFromText } from '../support/docx-builder';
import { requireOrSkip } from '../support/requirements';

const ROOT = join(__dirname, '..', '..');
const KH = join(ROOT, 'dist', 'cli', 'kh.cjs');
const EXAMPLES = join(ROOT, '..', 'shared', 'examples');
const describeIfExamples = requireOrSkip(existsSync(EXAMPLES), `the real plans in ${EXAMPLES}`) ? describe : describe.skip;

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
}, 120_000);

function kh(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', [KH, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describeIfExamples('kh import / kh check on plan documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-import-'));
  const laiChau = readFileSync(join(EXAMPLES, 'ke-hoach-2024-tp-lai-chau.txt'), 'utf8');

  beforeAll(async () => {
    writeFileSync(join(dir, 'lai-chau.txt'), laiChau);
    writeFileSync(join(dir, 'lai-chau.docx'), await docxFromText(laiChau));
  });

  test('import a .docx: what was read with sections, the findings, the workbook (checked clean) and the JSON spec (valid)', async () => {
    const r = kh(['import', 'lai-chau.docx', '--json', 'lai-chau.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã đọc lai-chau.docx (văn bản Word): UBND thành phố Lai Châu, 2024; 7 mục');
    expect(r.stdout).toMatch(/DA4\.TDA1\s+NSTW vốn sự nghiệp 685 — Phòng Lao động - Thương binh và Xã hội thành phố {2}\[mục III\.4\.1\.đ\]/);
    expect(r.stdout).toContain('Cộng các dự án, tiểu dự án: 1.728 triệu đồng');
    expect(r.stdout).toMatch(/\[warning\] DOC_SECTION_REPEATED +mục V: Số mục "V\." được dùng hai lần/);
    expect(r.stdout).toMatch(/DOC_YEAR +mục I\.1/);
    const result = runChecks(await xlsxToSnapshot(readFileSync(join(dir, 'lai-chau.xlsx'))));
    expect(result.counts.error).toBe(0);
    expect(parsePlanJson(JSON.parse(readFileSync(join(dir, 'lai-chau.json'), 'utf8')))).toMatchObject({ ok: true });
  });

  test('activity lines are printed under their item and policies under their dimension; the JSON spec holds both', () => {
    const golden = (name: string): string => readFileSync(join(ROOT, 'test', 'document', 'golden', name, 'input.txt'), 'utf8');
    writeFileSync(join(dir, 'hoat-dong.txt'), golden('18-hoat-dong-khop'));
    writeFileSync(join(dir, 'chinh-sach.txt'), golden('20-chinh-sach'));
    const lines = kh(['import', 'hoat-dong.txt', '--json', 'hoat-dong.json'], dir);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toContain('    · Mô hình nuôi trâu sinh sản tại bản Pa Tần (15 hộ tham gia): NSTW vốn sự nghiệp 650  [mục II.1.b]');
    expect(JSON.parse(readFileSync(join(dir, 'hoat-dong.json'), 'utf8')).activities).toHaveLength(5);
    const policies = kh(['import', 'chinh-sach.txt', '--json', 'chinh-sach.json'], dir);
    expect(policies.stdout).toContain('Các chính sách (Biểu 02), triệu đồng:');
    expect(policies.stdout).toMatch(/Y tế +Chính sách hỗ trợ y tế: 6\.120 \(Ngân sách trung ương\) {2}\[mục III\.2\]/);
    expect(policies.stdout).toMatch(/DOC_POLICY_DIMENSION +mục III\.4/);
    expect(policies.stdout).not.toMatch(/DOC_SUMMARY_DETAIL|DOC_STATED_CONFLICT|DOC_SOURCE_INFERRED/);
    expect(JSON.parse(readFileSync(join(dir, 'chinh-sach.json'), 'utf8')).policies).toHaveLength(4);
  });

  test('an existing output is kept without --force (exit 4); English with --lang en', () => {
    const again = kh(['import', 'lai-chau.txt', '-o', 'lai-chau.xlsx'], dir);
    expect(again.code).toBe(4);
    const en = kh(['import', 'lai-chau.txt', '-o', 'en.xlsx', '--lang', 'en'], dir);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Read lai-chau.txt (plain text): UBND thành phố Lai Châu, 2024; 7 items');
    expect(en.stdout).toContain('Section number "V." is used twice');
  });

  test('kh check on a document: JSON findings; exit 1 on an error, --strict on warnings', () => {
    const json = kh(['check', 'lai-chau.txt', '--json'], dir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { counts: Record<string, number>; findings: Array<{ rule: string; section: string; quote: string }> };
    expect(report.counts).toEqual({ error: 0, warning: 5, info: 1 });
    expect(report.findings.find((f) => f.rule === 'DOC_SECTION_REPEATED')).toMatchObject({ section: 'V', quote: 'V. Tổ chức thực hiện' });
    expect(kh(['check', 'lai-chau.txt', '--strict'], dir).code).toBe(1);
    writeFileSync(join(dir, 'sai.txt'), laiChau.replace('1.728 triệu đồng', '1.782 triệu đồng'));
    const wrong = kh(['check', 'sai.txt'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('Phần tổng hợp ghi NSTW vốn sự nghiệp 1.782 triệu đồng, nhưng các dự án, tiểu dự án cộng lại được 1.728 triệu đồng (chênh 54)');
  });

  test('an unknown option is a usage error (exit 2); a PDF is refused in one sentence (exit 3)', () => {
    const bad = kh(['import', 'lai-chau.txt', '--bogus'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("kh: Tùy chọn không hợp lệ cho kh import: Unknown option '--bogus'");
    expect(kh(['check', 'lai-chau.txt', '--province-group', '4'], dir).code).toBe(2);
    writeFileSync(join(dir, 'scan.txt'), '%PDF-1.4 …');
    const pdf = kh(['import', 'scan.txt'], dir);
    expect(pdf.code).toBe(3);
    expect(pdf.stderr).toBe('kh: scan.txt là tệp PDF: KH cần tệp Word (.docx) hoặc văn bản (.txt) của kế hoạch, hãy xin người gửi tệp .docx\n');
  });

  test('help of both commands; the general help lists import', () => {
    expect(kh(['import', '--help'], dir).stdout).toMatch(/^kh import kehoach\.docx\|kehoach\.txt/);
    expect(kh(['check', 'x.docx', '--help'], dir).stdout).toMatch(/^kh check kehoach\.docx\|kehoach\.txt/);
    expect(kh(['--help'], dir).stdout).toContain('kh import kehoach.docx');
  });
});
