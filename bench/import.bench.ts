/**
 * Reading plan documents (kh import, the pane's "Nhập từ văn bản"): documents of 10, 100 and 300
 * pages as text and as .docx (built with the `docx` package, runs split as Word splits them),
 * each read in a fresh process: the median time to read the file into paragraphs and tables, the
 * time to read the plan out of them (sections, items, money, findings), and the peak memory of
 * the process (max RSS) over its size at start.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { docxFromText } from '../test/support/docx-builder';
import { CHARS_PER_PAGE, planDocument } from './documents';
import { fmtMs, table } from './harness';

const MB = 1024 * 1024;

export async function runImportBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-import-'));
  const rows: Array<Array<string | number>> = [];
  try {
    for (const pages of [10, 100, 300]) {
      const doc = planDocument(pages);
      const files: Array<[string, string]> = [['txt', join(dir, `plan-${pages}.txt`)], ['docx', join(dir, `plan-${pages}.docx`)]];
      writeFileSync(files[0][1], doc.text);
      writeFileSync(files[1][1], await docxFromText(doc.text, { runLength: 40 }));
      for (const [kind, file] of files) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'import-worker.ts'), file, pages >= 300 ? '3' : '5'], { encoding: 'utf8', cwd: join(__dirname, '..') });
        if (r.status !== 0) throw new Error(`import worker failed: ${r.stderr}`);
        const m = JSON.parse(r.stdout) as { readMs: number; importMs: number; rssStart: number; maxRss: number; blocks: number; items: number; findings: number; total: number; policies: number; policyTotal: number };
        if (m.total !== doc.total || m.items !== doc.items) throw new Error(`read ${m.items} items / ${m.total}, written ${doc.items} / ${doc.total}`);
        if (m.policies !== doc.policies || m.policyTotal !== doc.policyTotal) throw new Error(`read ${m.policies} policies / ${m.policyTotal}, written ${doc.policies} / ${doc.policyTotal}`);
        rows.push([
          `${Math.round(doc.text.length / CHARS_PER_PAGE)} (${kind})`,
          `${(statSync(file).size / 1024).toFixed(0)} KB`,
          m.blocks.toLocaleString('en-US'),
          m.items,
          m.policies,
          fmtMs(m.readMs),
          fmtMs(m.importMs),
          fmtMs(m.readMs + m.importMs),
          (m.maxRss / MB).toFixed(0),
          ((m.maxRss - m.rssStart) / MB).toFixed(0),
        ]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '### Reading a plan document — median of 5 runs (3 at 300 pages), each size in a fresh process',
    '',
    table(['pages (file)', 'size', 'paragraphs + tables', 'items', 'policies (Biểu 02 table)', 'file → blocks (ms)', 'blocks → plan + findings (ms)', 'total (ms)', 'peak RSS (MB)', 'over start (MB)'], rows),
    '',
    'Every run checks that the items, the total and the Biểu 02 table\'s policies read equal the ones written.',
  ].join('\n');
}
