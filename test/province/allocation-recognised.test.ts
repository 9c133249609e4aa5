/**
 * The allocation check by Tiểu dự án on a commune's own table (not KH's layout): Bình Lư's 2025
 * plan as its officer typed it (the corpus case, amounts partly typed as text), recognised, and
 * compared with an allocation given partly by Tiểu dự án, partly by Dự án. Every planted
 * difference is found at its Tiểu dự án with the exact amount and cell, and nothing else.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { allocationWorkbook, AllocationLine } from '../../src/core/province/allocation';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { loadCase } from '../corpus/cases';
import { kh } from './kh';

const COMMUNE = 'Xã Bình Lư';

test('Bình Lư\'s own table against an allocation by Tiểu dự án: over, under and not given found by Tiểu dự án; a Dự án line still compares', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kh-allocation-recognised-'));
  const folder = join(root, 'xa');
  mkdirSync(folder);
  // the table plans (triệu, NSTW sự nghiệp): DA2 1.005; DA3.TDA1 459, DA3.TDA2 210; DA4.TDA1 62, DA4.TDA3 121; DA7.TDA2 58
  writeFileSync(join(folder, 'xa-binh-lu.xlsx'), await loadCase('03-xa-binh-lu-text-numbers').build());
  const lines: Array<Omit<AllocationLine, 'cells'>> = [
    { commune: COMMUNE, code: 'DA2', name: 'Dự án 2', amounts: { centralRecurrent: 1005 } },
    { commune: COMMUNE, code: 'DA3.TDA1', name: 'Tiểu dự án 1', amounts: { centralRecurrent: 459 } },
    { commune: COMMUNE, code: 'DA3.TDA2', name: 'Tiểu dự án 2', amounts: { centralRecurrent: 200 } }, // 10 over
    { commune: COMMUNE, code: 'DA4.TDA1', name: 'Tiểu dự án 1', amounts: { centralRecurrent: 70 } }, // 8 left unplanned
    { commune: COMMUNE, code: 'DA7', name: 'Dự án 7', amounts: { centralRecurrent: 58 } },
    // DA4.TDA3 not given: its 121 is money the commune was not allocated
  ];
  const file = join(root, 'phan-bo.xlsx');
  writeFileSync(file, await descriptionToXlsx(allocationWorkbook(lines)));
  const r = await kh(['check', folder, '--allocation', file]);
  expect(r.stdout).toContain('1 vượt, 1 chưa dùng hết, 1 dự án không được phân bổ, 0 xã chưa có kế hoạch');
  const found = r.stdout.split('\n').filter((l) => /^ {2}[✗!] /.test(l));
  // the lines start on row 4 of Phân bổ; column F is NSTW sự nghiệp
  expect(found).toEqual([
    expect.stringContaining(`✗ xa-binh-lu.xlsx (${COMMUNE}): DA3.TDA2 Vốn sự nghiệp kế hoạch 210 vượt phân bổ 200 (Phân bổ!F6) là 10 triệu đồng`),
    expect.stringContaining(`! xa-binh-lu.xlsx (${COMMUNE}): DA4.TDA1 Vốn sự nghiệp kế hoạch 62 thấp hơn phân bổ 70`),
    expect.stringContaining(`✗ xa-binh-lu.xlsx (${COMMUNE}): có 121 triệu đồng ở DA4.TDA3`),
  ]);
}, 120_000);
