/**
 * The allocation check on a folder of 30 generated commune plans: every over / under / project not
 * allocated / commune without a plan planted in the allocation is found, and nothing else.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { allocationWorkbook, AllocationLine } from '../../src/core/province/allocation';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { communeFile, communeName, communePlan, writeCommune } from './communes';
import { kh } from './kh';

const root = mkdtempSync(join(tmpdir(), 'kh-allocation-'));
const folder = join(root, 'xa');
const N = 30;

beforeAll(async () => {
  mkdirSync(folder);
  for (let i = 1; i <= N; i++) {
    // commune 11 also plans 40 triệu for Dự án 6, which the province did not give it
    const spec = i === 11 ? communePlan(i, [{ code: 'DA6.TDA2', unitName: 'UBND xã', amounts: { centralRecurrent: 40 } }]) : communePlan(i);
    await writeCommune(folder, i, spec);
  }
}, 120_000);

/** The allocation as the province typed it: what each commune planned, with the planted differences. */
function allocation(): Array<Omit<AllocationLine, 'cells'>> {
  const lines: Array<Omit<AllocationLine, 'cells'>> = [];
  for (let i = 1; i <= N + 1; i++) {
    const da2 = 500 + 10 * i - (i === 3 ? 15 : 0); // commune 3 plans 15 triệu over
    const da4 = 300 + i + (i === 7 ? 40 : 0); // commune 7 leaves 40 triệu unplanned
    const da7 = 20 + (i % 5) + 0.5 - (i === 19 ? 0.000001 : 0); // commune 19: one đồng over
    lines.push({ commune: communeName(i), code: 'DA2', name: 'Dự án 2', amounts: { centralRecurrent: da2, total: da2 } });
    lines.push({ commune: communeName(i), code: 'DA4', name: 'Dự án 4', amounts: { centralRecurrent: da4, local: 15 } });
    lines.push({ commune: communeName(i), code: 'DA7', name: 'Dự án 7', amounts: { centralRecurrent: da7 } });
  }
  return lines; // commune 31 has an allocation and no file
}

test('30 communes against the allocation: exactly the planted over, under, not allocated and missing plan', async () => {
  const file = join(root, 'phan-bo.xlsx');
  writeFileSync(file, await descriptionToXlsx(allocationWorkbook(allocation())));
  const summary = join(root, 'tong-hop.xlsx');
  const r = await kh(['check', folder, '--allocation', file, '--summary', summary]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('3 vượt, 1 chưa dùng hết, 1 dự án không được phân bổ, 1 xã chưa có kế hoạch');
  const lines = r.stdout.split('\n').filter((l) => /^ {2}[✗!] /.test(l));
  expect(lines).toHaveLength(6);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`✗ ${communeFile(3)} (${communeName(3)}): DA2 Tổng cộng kế hoạch 530 vượt phân bổ 515 (Phân bổ!D10) là 15 triệu đồng`),
      expect.stringContaining(`✗ ${communeFile(3)} (${communeName(3)}): DA2 Vốn sự nghiệp kế hoạch 530 vượt phân bổ 515`),
      expect.stringContaining(`! ${communeFile(7)} (${communeName(7)}): DA4 Vốn sự nghiệp kế hoạch 307 thấp hơn phân bổ 347`),
      expect.stringContaining(`✗ ${communeFile(11)} (${communeName(11)}): có 40 triệu đồng ở DA6`),
      expect.stringContaining(`✗ ${communeFile(19)} (${communeName(19)}): DA7 Vốn sự nghiệp kế hoạch 24,5 vượt phân bổ 24,499999 (Phân bổ!F60) là 0,000001 triệu đồng`),
      expect.stringContaining(`! ${communeName(31)}: được phân bổ nhưng trong thư mục không có tệp kế hoạch`),
    ]),
  );

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const sheet = wb.getWorksheet('Đối chiếu phân bổ') as ExcelJS.Worksheet;
  const verdicts: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(8).value) verdicts.push(`${row.getCell(1).value ?? ''}|${row.getCell(3).value}|${row.getCell(8).value}`);
  });
  expect(verdicts.sort()).toEqual(
    [`${communeFile(3)}|DA2|Vượt`, `${communeFile(3)}|DA2|Vượt`, `${communeFile(7)}|DA4|Chưa dùng hết`, `${communeFile(11)}|DA6|Không được phân bổ`, `${communeFile(19)}|DA7|Vượt`, `|DA2|Chưa có kế hoạch`].sort(),
  );
  const byFile = wb.getWorksheet('Theo tệp') as ExcelJS.Worksheet;
  const header = (byFile.getRow(1).values as unknown[]).map(String);
  const col = header.indexOf('Đối chiếu phân bổ');
  const against = new Map<string, string>();
  byFile.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value) against.set(String(row.getCell(1).value), String(row.getCell(col).value));
  });
  expect(against.get(communeFile(1))).toBe('Khớp phân bổ');
  expect(against.get(communeFile(3))).toBe('Vượt (2)');
  expect([...against.values()].filter((v) => v === 'Khớp phân bổ')).toHaveLength(N - 4);
}, 180_000);

test('the template lists each commune × project of the folder; an allocation without its unit is refused naming B2', async () => {
  const template = join(root, 'mau-phan-bo.xlsx');
  const r = await kh(['allocation', folder, '-o', template]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('30 xã × 4 dự án');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Phân bổ') as ExcelJS.Worksheet;
  expect(ws.getCell('B2').value).toBe('triệu đồng');
  expect(ws.rowCount).toBe(3 + 3 * N + 1);

  ws.getCell('B2').value = null;
  const noUnit = join(root, 'khong-don-vi.xlsx');
  await wb.xlsx.writeFile(noUnit);
  const refused = await kh(['check', folder, '--allocation', noUnit]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('không ghi đơn vị tính ở ô B2');
}, 180_000);

test('an allocation by Tiểu dự án: the commune over its allocation for DA4.TDA1 only is found with the exact difference and cell; DA-level lines still compare', async () => {
  const dir = join(root, 'theo-tieu-du-an');
  mkdirSync(join(dir, 'xa'), { recursive: true });
  // commune 2 plans DA4.TDA1 302 (NSTW sự nghiệp) and 15 (NSĐP), DA4.TDA3 50, DA2 520, DA7.TDA2 22,5
  await writeCommune(join(dir, 'xa'), 2, communePlan(2, [{ code: 'DA4.TDA3', unitName: 'UBND xã', amounts: { centralRecurrent: 50 } }]));
  const lines: Array<Omit<AllocationLine, 'cells'>> = [
    { commune: communeName(2), code: 'DA2', name: 'Dự án 2', amounts: { centralRecurrent: 520 } },
    { commune: communeName(2), code: 'DA4.TDA1', name: 'Tiểu dự án 1', amounts: { centralRecurrent: 300, local: 15 } },
    { commune: communeName(2), code: 'DA4.TDA3', name: 'Tiểu dự án 3', amounts: { centralRecurrent: 50 } },
    { commune: communeName(2), code: 'DA7', name: 'Dự án 7', amounts: { centralRecurrent: 22.5 } },
  ];
  const file = join(dir, 'phan-bo.xlsx');
  writeFileSync(file, await descriptionToXlsx(allocationWorkbook(lines)));
  const r = await kh(['check', join(dir, 'xa'), '--allocation', file]);
  expect(r.stdout).toContain('1 vượt, 0 chưa dùng hết, 0 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  const found = r.stdout.split('\n').filter((l) => /^ {2}[✗!] /.test(l));
  // row 5 of Phân bổ is DA4.TDA1, column F its NSTW sự nghiệp
  expect(found).toEqual([expect.stringContaining(`✗ ${communeFile(2)} (${communeName(2)}): DA4.TDA1 Vốn sự nghiệp kế hoạch 302 vượt phân bổ 300 (Phân bổ!F5) là 2 triệu đồng`)]);

  // the same commune given DA4 by Tiểu dự án 1 only: the 50 of Tiểu dự án 3 is money not given, named by its Tiểu dự án
  const only = join(dir, 'chi-tda1.xlsx');
  writeFileSync(file.replace('phan-bo', 'chi-tda1'), await descriptionToXlsx(allocationWorkbook(lines.filter((l) => l.code !== 'DA4.TDA3'))));
  const r2 = await kh(['check', join(dir, 'xa'), '--allocation', only]);
  expect(r2.stdout).toContain('1 vượt, 0 chưa dùng hết, 1 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  expect(r2.stdout).toContain(`✗ ${communeFile(2)} (${communeName(2)}): có 50 triệu đồng ở DA4.TDA3`);
}, 120_000);
