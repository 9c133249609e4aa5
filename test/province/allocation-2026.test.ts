/**
 * The allocation check for the 2026–2035 programme: a commune plans by Nội dung thành phần
 * (HP1.ND4, HP2.ND2) and the province allocates by the same catalogue codes. KH's own sheets write
 * the outline code (HP1.4) on the rows; where plan and allocation meet, both speak catalogue codes,
 * so money matched exactly is no issue, one đồng over is one 'over', and a Nội dung planned but not
 * allocated is one 'not given' — never the same money said twice under two codes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { PlanSpec } from '../../src/core/plan';
import { allocationWorkbook, AllocationLine } from '../../src/core/province/allocation';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { loadCase } from '../corpus/cases';
import { communeFile, communeName, communePlan, writeCommune } from './communes';
import { kh } from './kh';
import { issueText } from '../../src/cli/allocation';

const root = mkdtempSync(join(tmpdir(), 'kh-allocation-2026-'));
const folder = join(root, 'xa');
const COMMUNE = communeName(5);
const FILE = communeFile(5);

/** Xã Bản 05's 2027 plan (triệu): HP1.ND4 300 chi thường xuyên + 15 NSĐP; HP2.ND2 120 đầu tư + 12 NSĐP. */
const plan2027: PlanSpec = {
  ...communePlan(5),
  programme: '2026-2035',
  year: 2027,
  items: [
    { code: 'HP1.ND4', unitName: 'UBND xã', amounts: { centralRecurrent: 300, local: 15 } },
    { code: 'HP2.ND2', unitName: 'UBND xã', amounts: { centralInvestment: 120, local: 12 } },
  ],
};

const exact: Array<Omit<AllocationLine, 'cells'>> = [
  { commune: COMMUNE, code: 'HP1.ND4', name: 'Phát triển nguồn nhân lực và hỗ trợ tạo việc làm bền vững', amounts: { total: 315, centralRecurrent: 300, local: 15 } },
  { commune: COMMUNE, code: 'HP2.ND2', name: 'Nội dung thành phần 2', amounts: { total: 132, centralInvestment: 120, local: 12 } },
];

async function check(name: string, lines: Array<Omit<AllocationLine, 'cells'>>): Promise<{ code: number; summary: string; found: string[] }> {
  const file = join(root, `${name}.xlsx`);
  writeFileSync(file, await descriptionToXlsx(allocationWorkbook(lines)));
  const r = await kh(['check', folder, '--allocation', file]);
  const summary = r.stdout.split('\n').find((l) => l.includes('vượt,')) ?? '';
  return { code: r.code, summary, found: r.stdout.split('\n').filter((l) => /^ {2}[✗!] /.test(l)) };
}

beforeAll(async () => {
  mkdirSync(folder);
  await writeCommune(folder, 5, plan2027);
}, 60_000);

test('A: an allocation of exactly what the commune planned per Nội dung thành phần gives no issue at all', async () => {
  const r = await check('a-khop', exact);
  expect(r.summary).toContain('0 vượt, 0 chưa dùng hết, 0 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  expect(r.found).toEqual([]);
}, 60_000);

test('B: one Nội dung thành phần allocated one đồng less than planned is exactly one over, named by its catalogue code', async () => {
  const lines = exact.map((l) => (l.code === 'HP2.ND2' ? { ...l, amounts: { centralInvestment: 119.999999, local: 12 } } : l));
  const r = await check('b-vuot', lines);
  expect(r.summary).toContain('1 vượt, 0 chưa dùng hết, 0 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  // row 5 of Phân bổ is HP2.ND2, column E its NSTW đầu tư phát triển
  expect(r.found).toEqual([expect.stringContaining(`✗ ${FILE} (${COMMUNE}): HP2.ND2 Vốn đầu tư phát triển kế hoạch 120 vượt phân bổ 119,999999 (Phân bổ!E5) là 0,000001 triệu đồng`)]);
}, 60_000);

test('C: a Nội dung thành phần planned but not allocated is exactly one not given, named by its catalogue code', async () => {
  const r = await check('c-khong-phan-bo', exact.filter((l) => l.code !== 'HP2.ND2'));
  expect(r.summary).toContain('0 vượt, 0 chưa dùng hết, 1 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  // the money not given is said once, by its Tổng cộng: 120 đầu tư + 12 NSĐP
  expect(r.found).toEqual([expect.stringContaining(`✗ ${FILE} (${COMMUNE}): có 132 triệu đồng ở HP2.ND2`)]);
}, 60_000);

test('the template the province fills lists the commune\'s Nội dung thành phần by catalogue code', async () => {
  const template = join(root, 'mau-phan-bo.xlsx');
  const r = await kh(['allocation', folder, '-o', template]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Phân bổ') as ExcelJS.Worksheet;
  const codes: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 3) codes.push(String(row.getCell(2).value));
  });
  expect(codes.sort()).toEqual(['HP1.ND4', 'HP2.ND2']);
}, 60_000);

test('Phong Thổ\'s own 2027 table (recognised, not KH\'s layout) against an allocation by Nội dung thành phần: the one over and the one not given, by catalogue code, and nothing else', async () => {
  const dir = join(root, 'phong-tho');
  mkdirSync(join(dir, 'xa'), { recursive: true });
  // the table plans (triệu): HP1.ND2 6.450 đầu tư; HP1.ND3 1.280, HP1.ND4 640, HP1.ND10 210 chi thường
  // xuyên; HP2.ND1 3.200 đầu tư; HP2.ND2 1.150 and HP2.ND5 180 chi thường xuyên (NSĐP and huy động aside)
  writeFileSync(join(dir, 'xa', 'xa-phong-tho.xlsx'), await loadCase('15-mtqg-2026-2035').build());
  const commune = 'Xã Phong Thổ';
  const lines: Array<Omit<AllocationLine, 'cells'>> = [
    { commune, code: 'HP1.ND2', name: 'Hạ tầng kinh tế - xã hội nông thôn', amounts: { centralInvestment: 6450 } },
    { commune, code: 'HP1.ND3', name: 'Phát triển kinh tế nông thôn', amounts: { centralRecurrent: 1280 } },
    { commune, code: 'HP1.ND4', name: 'Phát triển nguồn nhân lực', amounts: { centralRecurrent: 640 } },
    { commune, code: 'HP1.ND10', name: 'Nội dung thành phần 10', amounts: { centralRecurrent: 210 } },
    { commune, code: 'HP2.ND1', name: 'Nội dung thành phần 1', amounts: { centralInvestment: 3200 } },
    { commune, code: 'HP2.ND2', name: 'Nội dung thành phần 2', amounts: { centralRecurrent: 1100 } }, // 50 over
    // HP2.ND5 not given: its 180 is money the commune was not allocated
  ];
  const file = join(dir, 'phan-bo.xlsx');
  writeFileSync(file, await descriptionToXlsx(allocationWorkbook(lines)));
  const r = await kh(['check', join(dir, 'xa'), '--allocation', file]);
  expect(r.stdout).toContain('1 vượt, 0 chưa dùng hết, 1 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  const found = r.stdout.split('\n').filter((l) => /^ {2}[✗!] /.test(l));
  // HP2.ND2 is row 9 of Phân bổ; column F its NSTW chi thường xuyên
  expect(found).toEqual([
    expect.stringContaining(`✗ xa-phong-tho.xlsx (${commune}): HP2.ND2 Kinh phí chi thường xuyên kế hoạch 1.150 vượt phân bổ 1.100 (Phân bổ!F9) là 50 triệu đồng`),
    expect.stringContaining(`✗ xa-phong-tho.xlsx (${commune}): có 180 triệu đồng ở HP2.ND5`),
  ]);
}, 60_000);

test('an issue names its source as its programme does, in the output language', () => {
  const over = { verdict: 'over', commune: COMMUNE, file: FILE, code: 'HP2.ND2', source: 'centralRecurrent', allocated: 100, planned: 120, difference: 20, cell: 'E5' } as const;
  expect(issueText(over, 'vi')).toContain('HP2.ND2 Kinh phí chi thường xuyên kế hoạch 120');
  expect(issueText(over, 'en')).toContain('HP2.ND2 Recurrent spending planned 120');
  expect(issueText({ ...over, code: 'DA2' }, 'vi')).toContain('DA2 Vốn sự nghiệp kế hoạch 120');
});
