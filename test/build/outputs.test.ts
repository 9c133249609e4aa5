/**
 * The three builds into one folder, as `npm run build:cli`, `npm run build` and
 * `npm run build:playground` do into dist/: none deletes the others' output, the command still runs
 * after the production build, and every URL of manifest.xml is a file the production build wrote.
 * (Real builds into a temporary folder: about two minutes on two cores.)
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { checkBundle } from '../../scripts/check-bundle.cjs';

const ROOT = join(__dirname, '..', '..');
const OUT = mkdtempSync(join(tmpdir(), 'kh-dist-'));

function webpack(args: string[]): void {
  const r = spawnSync('npx', ['webpack', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`webpack ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

beforeAll(() => {
  webpack(['--config', 'webpack.cli.config.js', '--output-path', join(OUT, 'cli')]);
  // a file left from an earlier production build: the new one cleans it away
  writeFileSync(join(OUT, 'old-chunk.js'), '// stale');
  webpack(['--mode', 'production', '--output-path', OUT]);
  webpack(['--config', 'webpack.playground.config.js', '--output-path', join(OUT, 'playground')]);
}, 600_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

test('the production build keeps the command (and cleans its own old files); the playground build keeps both', () => {
  expect(existsSync(join(OUT, 'cli', 'kh.cjs'))).toBe(true);
  expect(existsSync(join(OUT, 'old-chunk.js'))).toBe(false);
  for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'functions.en-US.json', 'help.html', 'help.css', 'playground/index.html', 'playground/taskpane.js']) {
    expect({ f, built: existsSync(join(OUT, f)) }).toEqual({ f, built: true });
  }
});

test('kh runs after the production build (npm run kh)', () => {
  const r = spawnSync('node', [join(OUT, 'cli', 'kh.cjs'), 'words', '1728', '--unit', 'triệu'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
});

test('every URL in manifest.xml is a file the production build emits', () => {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const urls = new Set<string>();
  for (const el of Array.from(doc.getElementsByTagNameNS('*', '*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^https?:\/\//.test(v)) urls.add(v);
    }
  }
  // SupportUrl and LearnMoreUrl (help.html), four icons, the pane, the functions' script and both metadata files
  expect([...urls].map((u) => u.replace(/^.*\//, '')).sort()).toEqual(
    ['functions.en-US.json', 'functions.js', 'functions.json', 'help.html', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png', 'taskpane.html'],
  );
  const base = 'https://localhost:3000/';
  const missing: string[] = [];
  for (const url of urls) {
    expect(url.startsWith(base)).toBe(true);
    if (!existsSync(join(OUT, url.slice(base.length)))) missing.push(url);
  }
  expect(missing).toEqual([]);
  for (const name of ['SupportUrl']) expect(doc.getElementsByTagNameNS('*', name)[0].getAttribute('DefaultValue')).toBe(`${base}help.html`);
});

test('help.html: the guide, Vietnamese, and the bundle check passes on everything built', () => {
  const help = readFileSync(join(OUT, 'help.html'), 'utf8');
  // html-webpack-plugin minifies every page of a production build (quotes and optional tags go)
  expect(help).toMatch(/<html lang="?vi"?>/);
  expect(help).not.toMatch(/<script/i);
  expect(help).toContain('KH chạy trên Excel nào');
  expect(checkBundle(OUT).problems).toEqual([]);
});
