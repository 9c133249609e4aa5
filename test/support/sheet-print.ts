/**
 * Every sheet of a workbook as LibreOffice prints it, one PDF per sheet (the others hidden), made
 * in one LibreOffice run: page count, page sizes and each page's text, for the print tests and
 * the pictures in docs/screenshots.
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { toPdfs } from './libreoffice';
import { readXlsx } from '../../src/workbook/exceljs';

export interface PrintedSheet {
  sheet: string;
  pdf: string;
  /** Page sizes in points, rounded: A4 portrait is 595 × 842, landscape 842 × 595. */
  pages: Array<{ w: number; h: number }>;
  /** pdftotext -layout of each page. */
  text: string[];
}

function pageSizes(pdf: string): Array<{ w: number; h: number }> {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).stdout;
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ w: Math.round(Number(m[1])), h: Math.round(Number(m[2])) }));
}

function pageText(pdf: string, page: number): string {
  return spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
}

/** The visible sheets of `xlsx`, each printed alone. */
export async function printEachSheet(xlsx: Buffer, dir: string, options: { locale?: string } = {}): Promise<PrintedSheet[]> {
  const probe = new ExcelJS.Workbook();
  await probe.xlsx.load(xlsx as unknown as ArrayBuffer);
  const names = probe.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
  const files: string[] = [];
  for (const [i, name] of names.entries()) {
    // read as KH reads a file: print areas stay absolute when written back
    const { workbook: wb } = await readXlsx(xlsx);
    const index = wb.worksheets.findIndex((w) => w.name === name);
    for (const ws of wb.worksheets) {
      if (ws.name === name || ws.state !== 'visible') continue;
      ws.state = 'hidden';
      // LibreOffice's PDF export prints the print area of a hidden sheet too: only this sheet keeps one
      ws.pageSetup.printArea = undefined;
    }
    wb.views = [{ activeTab: index, firstSheet: index, x: 0, y: 0, width: 20000, height: 20000, visibility: 'visible' }] as never;
    const file = join(dir, `sheet-${String(i + 1).padStart(2, '0')}.xlsx`);
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  const pdfs = await toPdfs(files, dir, { locale: options.locale });
  return names.map((sheet, i) => {
    const pages = pageSizes(pdfs[i]);
    return { sheet, pdf: pdfs[i], pages, text: pages.map((_, p) => pageText(pdfs[i], p + 1)) };
  });
}
