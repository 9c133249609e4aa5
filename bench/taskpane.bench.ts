/**
 * The task pane: production bundle sizes (raw and gzip) and time to first render in headless
 * Chromium (the playground page: the production pane beside the fake; median of 5 fresh loads,
 * from navigation start to the pane's heading in the DOM). Aim: gzip under 300 KB, first render
 * under 1 s here.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';
import { median, table } from './harness';
import { ensurePlayground, findChromium, launchChromium, servePlayground } from '../test/support/browser';

const ROOT = resolve(__dirname, '..');

function ensureProductionBuild(): void {
  const bundle = join(ROOT, 'dist/taskpane.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs > statSync(join(ROOT, 'src/taskpane/App.tsx')).mtimeMs) return;
  const out = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`production build failed:\n${out.stdout}\n${out.stderr}`);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export async function runTaskpaneBench(): Promise<string> {
  ensureProductionBuild();
  const sizes = ['taskpane.js', 'functions.js'].map((name) => {
    const bytes = readFileSync(join(ROOT, 'dist', name));
    return [name, kb(bytes.length), kb(gzipSync(bytes, { level: 9 }).length)];
  });
  const out = [table(['production bundle', 'raw', 'gzip'], sizes)];
  if (!findChromium()) return `${out[0]}\n\n(first render not measured: no Chromium on this machine)`;
  ensurePlayground();
  const { server, origin } = await servePlayground();
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __firstRender?: number };
        new MutationObserver((_, observer) => {
          if (document.querySelector('#container main h1')) {
            w.__firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined);
      const t = await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
      if (i > 0) times.push(t); // the first load warms the disk cache and the browser
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  out.push(table(['first render (headless Chromium)', 'median of 5', 'min', 'max'], [['playground page', `${median(times).toFixed(0)} ms`, `${Math.min(...times).toFixed(0)} ms`, `${Math.max(...times).toFixed(0)} ms`]]));
  return out.join('\n\n');
}
