/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser) against the built
 * playground: the production task pane beside the strict Excel fake. The playground is built
 * when missing or older than the sources, so a test never runs yesterday's pane.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import type { Server } from 'http';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { requireOrSkip } from './requirements';

const ROOT = resolve(__dirname, '../..');
export const PLAYGROUND_DIR = join(ROOT, 'dist/playground');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi-VN'];

export function findChromium(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function requireChromium(): boolean {
  return requireOrSkip(findChromium() !== null, 'Chromium (Debian package chromium, installed by scripts/ci-apt.sh)');
}

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    latest = Math.max(latest, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return latest;
}

/** Builds dist/playground unless it is newer than every file under src/. */
export function ensurePlayground(): void {
  const index = join(PLAYGROUND_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > newest(join(ROOT, 'src'))) return;
  const out = spawnSync('npx', ['webpack', '--config', 'webpack.playground.config.js'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`playground build failed:\n${out.stdout}\n${out.stderr}`);
}

export async function servePlayground(): Promise<{ server: Server; origin: string }> {
  const { serveStatic } = await import('../../scripts/static-server.cjs');
  const server = await serveStatic(PLAYGROUND_DIR, 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS });
}

/** Every request a page makes, and the errors it throws or the policy reports, for the no-network and no-crash checks. */
export function record(page: Page): { requests: string[]; errors: string[] } {
  const log = { requests: [] as string[], errors: [] as string[] };
  page.on('request', (r: Request) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  // a Content-Security-Policy refusal shows only as a console error
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) log.errors.push(m.text());
  });
  return log;
}

/** Where the e2e tests put their screenshots (`npm run screenshots:pane` points it at docs/screenshots); openPane makes it. */
export const SCREENSHOTS = resolve(process.env.KH_SCREENSHOTS ?? join(ROOT, 'out/screenshots'));

export interface OpenPane {
  browser: Browser;
  /** An explicit context: axe needs a page from one. */
  context: BrowserContext;
  page: Page;
  /** The playground's own origin ("http://127.0.0.1:port"): any request elsewhere is a leak. */
  origin: string;
  /** Every request and error of the page since before it loaded. */
  log: ReturnType<typeof record>;
  /** Closes the browser and stops serving the playground. */
  close(): Promise<void>;
}

/**
 * The built playground served on a free port and opened in Chromium (vi-VN, the given viewport)
 * at `path` ("/" or "/?view=recognise"), every request recorded from the first, once the pane's
 * heading shows. The screenshot folder is made too.
 */
export async function openPane(path: string, viewport: { width: number; height: number }): Promise<OpenPane> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensurePlayground();
  const { server, origin } = await servePlayground();
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    await browser?.close();
    server.close();
  };
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(`${origin}${path}`);
    await page.locator('#container').getByRole('heading', { name: 'KH – Kế hoạch giảm nghèo' }).waitFor();
    return { browser, context, page, origin, log, close };
  } catch (error) {
    // a browser that would not start or a pane that never showed leaves no server behind
    await close();
    throw error;
  }
}
