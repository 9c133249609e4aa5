/**
 * Every sheet KH writes, as LibreOffice prints it: A4 in the sheet's orientation, the expected
 * number of pages (no blank page, nothing cut across pages), the print area without the helper
 * columns (Kiểm tra, Mã, Loại dòng), the NĐ 30/2020 rule lines in the annex headers, and no
 * "Bằng chữ: Không đồng." under an empty Biểu 02.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { requireLibreOffice, requirePdftoppm } from '../support/libreoffice';
import { PrintedSheet, printEachSheet } from '../support/sheet-print';
import { fullPlan } from '../support/annex-print';

const run = requireLibreOffice() && requirePdftoppm() ? describe : describe.skip;
const LANDSCAPE = { w: 842, h: 595 };
const PORTRAIT = { w: 595, h: 842 };

async function printed(spec: PlanSpec): Promise<{ sheets: PrintedSheet[]; xlsx: Buffer }> {
  const built = buildPlanWithAnnexes(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const xlsx = await descriptionToXlsx(built.description);
  const dir = mkdtempSync(join(tmpdir(), 'kh-print-'));
  try {
    return { sheets: await printEachSheet(xlsx, dir), xlsx };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run('every sheet of a plan, printed', () => {
  let lai: PrintedSheet[];
  let laiXlsx: Buffer;
  const sheet = (name: string): PrintedSheet => {
    const s = lai.find((x) => x.sheet === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };

  beforeAll(async () => {
    ({ sheets: lai, xlsx: laiXlsx } = await printed(LAI_CHAU_2024));
  }, 300_000);

  test('Lai Châu 2024: each sheet one A4 page, in its orientation', () => {
    const got = Object.fromEntries(lai.map((s) => [s.sheet, { pages: s.pages.length, size: s.pages.map((p) => (p.w === LANDSCAPE.w && p.h === LANDSCAPE.h ? 'A4 ngang' : p.w === PORTRAIT.w && p.h === PORTRAIT.h ? 'A4 dọc' : `${p.w}×${p.h}`)) }]));
    const one = (size: string) => ({ pages: 1, size: [size] });
    expect(got).toEqual({
      'Thông tin': one('A4 dọc'),
      'Tổng hợp': one('A4 ngang'),
      DA2: one('A4 ngang'),
      DA3: one('A4 ngang'),
      DA4: one('A4 ngang'),
      DA6: one('A4 ngang'),
      DA7: one('A4 ngang'),
      'Biểu 01': one('A4 ngang'),
      'Biểu 02': one('A4 ngang'),
      'Biểu 03': one('A4 ngang'),
      'Chỉ tiêu': one('A4 dọc'),
      'Danh mục': one('A4 ngang'),
    });
  });

  test('the plan sheets print without the helper columns Kiểm tra, Mã and Loại dòng; Ghi chú is the last', () => {
    for (const name of ['Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7']) {
      const text = sheet(name).text.join('\n');
      expect({ name, ghiChu: text.includes('Ghi chú'), kiemTra: text.includes('Kiểm tra'), loaiDong: text.includes('Loại dòng'), kind: /chi tiết|\bnhóm\b/.test(text), check: text.includes('✓') }).toEqual({
        name, ghiChu: true, kiemTra: false, loaiDong: false, kind: false, check: false,
      });
    }
  });

  test('print areas are written absolute in the file (a relative one is ignored by LibreOffice)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-print-xml-'));
    try {
      writeFileSync(join(dir, 'plan.xlsx'), laiXlsx);
      const xml = spawnSync('unzip', ['-p', join(dir, 'plan.xlsx'), 'xl/workbook.xml'], { encoding: 'utf8' }).stdout.replace(/&apos;/g, "'");
      const areas = [...xml.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
      expect(areas).toEqual(expect.arrayContaining(["'Thông tin'!$A$1:$E$32", "'Tổng hợp'!$A$1:$K$12", "'DA2'!$A$1:$M$7", "'Biểu 01'!$A$1:$L$32", "'Danh mục'!$A$1:$I$19"]));
      expect(areas).toHaveLength(12);
      for (const a of areas) expect(a).toMatch(/^'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the annex headers carry the NĐ 30/2020 rule lines; an empty Biểu 02 prints no "Bằng chữ"', () => {
    for (const name of ['Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu']) {
      const lines = sheet(name).text[0].split('\n');
      const motto = lines.findIndex((l) => l.includes('Độc lập - Tự do - Hạnh phúc'));
      // the line right under the issuing body and the tiêu ngữ holds the two rules
      expect({ name, rules: (lines[motto + 1]?.match(/—{3,}/g) ?? []).length }).toEqual({ name, rules: 2 });
    }
    expect(sheet('Biểu 01').text.join('\n')).toContain('Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.');
    expect(sheet('Biểu 02').text.join('\n')).not.toContain('Bằng chữ');
  });

  test('Danh mục says the kinds in Vietnamese', () => {
    const text = sheet('Danh mục').text.join('\n');
    expect(text).toContain('tiểu dự án');
    expect(text).not.toMatch(/\bsubproject\b|\bproject\b/);
  });

  test('a plan with all seven Dự án and every sub-project: the plan sheets still one page each, Biểu 01 over pages one wide', async () => {
    const { sheets } = await printed(fullPlan());
    const pages = Object.fromEntries(sheets.map((s) => [s.sheet, s.pages.length]));
    for (const name of ['Thông tin', 'Tổng hợp', 'DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu', 'Danh mục']) expect({ name, pages: pages[name] }).toEqual({ name, pages: 1 });
    expect(pages['Biểu 01']).toBe(2);
    for (const s of sheets) for (const p of s.pages) expect([LANDSCAPE, PORTRAIT]).toContainEqual(p);
  }, 300_000);
});
