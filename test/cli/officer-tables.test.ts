/**
 * The built `kh` on workbooks officers made themselves (the corpus): a check that finds the planted
 * errors and prints the table's totals; a province folder rolled up with the real totals, and a
 * file whose unit nobody wrote listed as such, never as zeros; a table adopted into a KH plan whose
 * own check gives the same totals; and the plan spec exported from a table.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { loadCorpus } from '../corpus/cases';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { fileFigures } from '../../src/core/table/figures';
import { convertUnit, sumExact, amountsEqual } from '../../src/core/money';
import { withChart } from '../trust/rich-parts';

const ROOT = join(__dirname, '..', '..');
const KH = join(ROOT, 'dist', 'cli', 'kh.cjs');
const corpus = loadCorpus();
const byName = (prefix: string) => corpus.find((c) => c.name.startsWith(prefix)) as (typeof corpus)[number];

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
}, 120_000);

function kh(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', [KH, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kh-officer-'));

test('kh check on an officer\'s Biểu 01 with a typed total off by 100: exit 1, the cell named, the table\'s totals printed', async () => {
  const c = byName('01-');
  const planted = c.errors.find((e) => e.id === 'typed-total-off-100') ?? c.errors[0];
  writeFileSync(join(dir, 'muong-te.xlsx'), await c.build(planted.edits));
  const r = kh(['check', 'muong-te.xlsx', '--json'], dir);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as { findings: Array<{ rule: string; ref: string }> };
  for (const e of planted.expect) expect(json.findings.map((f) => `${f.rule} ${f.ref}`)).toContain(`${e.rule} '${e.sheet}'!${e.cell}`);
  const text = kh(['check', 'muong-te.xlsx'], dir);
  expect(text.stdout).toContain('Tổng theo nguồn vốn của bảng tự lập');
  expect(text.stdout).not.toContain('không theo mẫu của KH');
});

test('kh check --level/--poor-area: facts the workbook lacks; a bad value is a usage error naming the flag', async () => {
  const c = byName('16-');
  const planted = c.errors.find((e) => e.expect.some((x) => x.rule === 'ELIGIBILITY')) as (typeof c.errors)[number];
  writeFileSync(join(dir, 'khong-ngheo.xlsx'), await c.build(planted.edits));
  const told = kh(['check', 'khong-ngheo.xlsx', '--json', '--poor-area', 'khong', '--level', 'huyen'], dir);
  expect((JSON.parse(told.stdout) as { findings: Array<{ rule: string; severity: string }> }).findings.filter((f) => f.rule === 'ELIGIBILITY' && f.severity === 'error').length).toBeGreaterThan(0);
  const bad = kh(['check', 'khong-ngheo.xlsx', '--poor-area', 'maybe'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--poor-area');
});

test('kh check DIR --summary over the whole corpus: the real totals of every file, a file with no unit said, never zeros', async () => {
  const folder = join(dir, 'tinh');
  mkdirSync(folder);
  for (const c of corpus) writeFileSync(join(folder, `${c.name}.xlsx`), await c.build());
  const r = kh(['check', folder, '--summary', 'tong-hop.xlsx', '--force'], dir);
  expect([0, 1]).toContain(r.code);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'tong-hop.xlsx'));
  const byFile = wb.getWorksheet('Theo tệp') as ExcelJS.Worksheet;
  const header = (byFile.getRow(1).values as unknown[]).map(String);
  const totalCol = header.indexOf('Tổng cộng');
  let grand = 0;
  for (const c of corpus) {
    const row = (byFile.getSheetValues() as unknown[][]).find((v) => v?.[1] === `${c.name}.xlsx`) as unknown[];
    expect(row).toBeDefined();
    // the file's total, from the plan period of the table the roll-up uses, in triệu
    const snapshot = await xlsxToSnapshot(await c.build());
    const figures = fileFigures(runChecks(snapshot).model.tables);
    if (figures.problem === 'unitUnknown') {
      expect(String(row[2])).toContain('không ghi đơn vị tính');
      expect(row[totalCol] ?? null).toBeNull();
      continue;
    }
    const want = c.expected.tables.find((t) => t.sheet === figures.table?.sheet && t.header.startsWith(figures.table?.range.split(':')[0] ?? '?'));
    expect(want).toBeDefined();
    const total = convertUnit(want?.totals.total ?? 0, want?.unit ?? 'trieu', 'trieu');
    expect([c.name, amountsEqual(Number(row[totalCol]), total, 1e-6)]).toEqual([c.name, true]);
    grand = sumExact([grand, total]);
  }
  const summary = wb.getWorksheet('Tổng hợp các tệp') as ExcelJS.Worksheet;
  expect(amountsEqual(Number(summary.getRow(2).getCell(4).value), grand, 1e-6)).toBe(true);
}, 300_000);

test('kh adopt: the Biểu 01 of Mường Tè becomes KH plan sheets beside it; the new plan\'s check gives the same totals', async () => {
  const c = byName('01-');
  writeFileSync(join(dir, 'muong-te-sach.xlsx'), await c.build());
  const missing = kh(['adopt', 'muong-te-sach.xlsx'], dir);
  expect(missing.code).toBe(2);
  expect(missing.stdout).toContain('--poor-area');
  const r = kh(['adopt', 'muong-te-sach.xlsx', '--province', 'Lai Châu', '--poor-area', 'co', '--nstw', 'sn', '-o', 'muong-te.kh.xlsx', '--force'], dir);
  expect(r.stdout).toContain('Tổng của kế hoạch KH bằng tổng các dòng chi tiết của bảng gốc');
  expect(r.code).toBe(0);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(readFileSync(join(dir, 'muong-te.kh.xlsx')) as unknown as ArrayBuffer);
  const names = out.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(['Biểu 01 (KH)', 'Thông tin', 'Tổng hợp']));
  expect(names).toContain(c.input.sheets[0].name);
  const checked = kh(['check', 'muong-te.kh.xlsx', '--json'], dir);
  const findings = (JSON.parse(checked.stdout) as { findings: Array<{ rule: string; severity: string }> }).findings;
  // the officer's typed total equals the detail: the plan's own stated-total check agrees
  expect(findings.filter((f) => f.rule === 'STATED_TOTAL')).toEqual([]);
}, 180_000);

test('kh adopt writes the officer\'s workbook back as annex does: a chart it would lose is refused (exit 6) unless --accept-loss; a DDE formula is frozen', async () => {
  const c = byName('01-');
  const sheet = c.input.sheets[0].name;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await c.build()) as unknown as ArrayBuffer);
  wb.addWorksheet('Ghi chú').getCell('B2').value = { formula: "cmd|'/c calc'!A1", result: 0 } as ExcelJS.CellFormulaValue;
  writeFileSync(join(dir, 'muong-te-bieu-do.xlsx'), await withChart(Buffer.from(await wb.xlsx.writeBuffer()), sheet));
  const facts = ['--province', 'Lai Châu', '--poor-area', 'co', '--nstw', 'sn'];
  const refused = kh(['adopt', 'muong-te-bieu-do.xlsx', ...facts], dir);
  expect(refused.code).toBe(6);
  expect(refused.stderr).toMatch(/1 biểu đồ/);
  expect(existsSync(join(dir, 'muong-te-bieu-do.kh.xlsx'))).toBe(false);
  const r = kh(['adopt', 'muong-te-bieu-do.xlsx', ...facts, '--accept-loss'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Ghi chú!B2: =cmd|'/c calc'!A1");
  const out = await xlsxToSnapshot(readFileSync(join(dir, 'muong-te-bieu-do.kh.xlsx')));
  const note = out.sheets.find((s) => s.name === 'Ghi chú');
  expect(note?.formulas[1]?.[1] ?? null).toBeNull();
  expect(runChecks(out).findings.filter((f) => f.rule === 'DANGEROUS_CONTENT')).toEqual([]);
}, 180_000);

test('kh export of an officer\'s table: the plan spec it adopts into', async () => {
  const c = byName('03-');
  writeFileSync(join(dir, 'binh-lu.xlsx'), await c.build());
  const r = kh(['export', 'binh-lu.xlsx', '--province', 'Lai Châu', '--poor-area', 'khong'], dir);
  expect(r.code).toBe(0);
  const spec = JSON.parse(r.stdout) as { unit: string; year: number; items: Array<{ code: string; amounts?: Record<string, number> }> };
  expect(spec.unit).toBe('trieu');
  expect(spec.year).toBe(2025);
  expect(spec.items.map((i) => i.code)).toEqual(expect.arrayContaining(['DA2', 'DA3.TDA1', 'DA3.TDA2']));
});
