/**
 * docs/screenshots: every sheet of the bundled Lai Châu 2024 plan as LibreOffice prints it (one PDF
 * per sheet, numbers shown the vi-VN way, first page through pdftoppm): bieu-01.png … for the
 * annexes, in-<sheet>.png for the plan sheets. Run `npm run screenshots:annexes` after changing a
 * layout and look at the pictures before committing them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LAI_CHAU_2024 } from '../src/core/examples/lai-chau-2024';
import { buildPlanWithAnnexes } from '../src/core/book/annex/generate';
import { descriptionToXlsx } from '../src/workbook/exceljs';
import { printEachSheet } from '../test/support/sheet-print';
import { pdfToPngs } from '../test/support/libreoffice';

const ANNEXES: Record<string, string> = { 'Biểu 01': 'bieu-01.png', 'Biểu 02': 'bieu-02.png', 'Biểu 03': 'bieu-03.png', 'Chỉ tiêu': 'phu-luc-chi-tieu.png' };

/** "Thông tin" → "in-thong-tin.png". */
function fileFor(sheet: string): string {
  if (ANNEXES[sheet]) return ANNEXES[sheet];
  const slug = sheet.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `in-${slug}.png`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kh-shots-'));
  const target = join(__dirname, '..', 'docs', 'screenshots');
  mkdirSync(target, { recursive: true });
  try {
    const built = buildPlanWithAnnexes(LAI_CHAU_2024);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const printed = await printEachSheet(await descriptionToXlsx(built.description), work, { locale: 'vi-VN' });
    for (const [i, s] of printed.entries()) {
      const [first] = await pdfToPngs(s.pdf, join(work, `png-${i}`), 80);
      copyFileSync(first, join(target, fileFor(s.sheet)));
      process.stdout.write(`${fileFor(s.sheet)} ← ${s.sheet}: ${s.pages.length} page(s), ${s.pages.map((p) => `${p.w}×${p.h} pt`).join(', ')}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
