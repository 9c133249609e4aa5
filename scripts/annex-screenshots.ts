/**
 * docs/screenshots/bieu-*.png: the annexes of the bundled Lai Châu 2024 plan as LibreOffice prints
 * them (PDF, then pdftoppm). Run `npm run screenshots:annexes` after changing the annex layout and
 * look at the pictures before committing them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { LAI_CHAU_2024 } from '../src/core/examples/lai-chau-2024';
import { annexPdf } from '../test/support/annex-print';
import { pdfToPngs } from '../test/support/libreoffice';

const NAMES: Array<[string, string]> = [
  ['Biểu số 01', 'bieu-01.png'],
  ['Biểu số 02', 'bieu-02.png'],
  ['Biểu số 03', 'bieu-03.png'],
  ['Phụ lục chỉ tiêu', 'phu-luc-chi-tieu.png'],
];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kh-shots-'));
  const target = join(__dirname, '..', 'docs', 'screenshots');
  mkdirSync(target, { recursive: true });
  try {
    const pdf = await annexPdf(LAI_CHAU_2024, work);
    const pngs = await pdfToPngs(pdf, join(work, 'png'), 80);
    pngs.forEach((png, i) => {
      const text = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout;
      const hit = NAMES.find(([title]) => text.includes(title));
      if (!hit) return;
      copyFileSync(png, join(target, hit[1]));
      process.stdout.write(`${hit[1]} ← page ${i + 1}\n`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
