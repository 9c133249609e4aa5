/**
 * One measurement of reading a plan document, in a process of its own so its peak memory is its
 * own: `node --import tsx bench/import-worker.ts FILE RUNS` prints JSON.
 */
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import { readPlanDocument } from '../src/document/docx';
import { importBlocks } from '../src/core/document';
import { median } from './harness';

async function main(): Promise<void> {
  const [file, runsText] = process.argv.slice(2);
  const bytes = new Uint8Array(readFileSync(file));
  const rssStart = process.memoryUsage().rss;
  const reads: number[] = [];
  const imports: number[] = [];
  let summary = { blocks: 0, items: 0, findings: 0, total: 0, policies: 0, policyTotal: 0 };
  for (let i = 0; i < Number(runsText ?? 5); i++) {
    const t0 = performance.now();
    const { blocks } = await readPlanDocument(bytes);
    const t1 = performance.now();
    const result = importBlocks(blocks);
    const t2 = performance.now();
    reads.push(t1 - t0);
    imports.push(t2 - t1);
    const amounts = result.spec.items.flatMap((it) => Object.values(it.amounts ?? {}) as number[]);
    const policies = result.spec.policies ?? [];
    summary = { blocks: blocks.length, items: result.spec.items.length, findings: result.findings.length, total: amounts.reduce((a, b) => a + b, 0), policies: policies.length, policyTotal: policies.reduce((a, p) => a + (p.amount ?? 0), 0) };
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ readMs: median(reads), importMs: median(imports), rssStart, maxRss, ...summary }));
}

void main();
