/**
 * Rewrites the manifest's base URL for deployment, e.g. to an intranet host:
 *   npm run manifest:url -- https://host/kh/              → dist/manifest.xml
 *   npm run manifest:url -- https://host/kh/ --out FILE   → FILE
 *   npm run manifest:url -- https://host/kh/ --in-place   → manifest.xml itself
 * Every resource URL (and the AppDomain) shares one base, so one replacement is enough.
 */
const { readFileSync, writeFileSync, mkdirSync, renameSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

const DEV_BASE = 'https://localhost:3000/';

function rewriteBase(xml, base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`Địa chỉ không hợp lệ / invalid URL: ${base}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office chỉ nhận https / Office requires https: ${base}`);
  const normalized = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const current = /<SourceLocation DefaultValue="(https:\/\/[^"]*?)taskpane\.html"/.exec(xml);
  if (!current) throw new Error('manifest.xml: no taskpane SourceLocation to find the current base URL');
  const oldBase = current[1];
  const oldOrigin = new URL(oldBase).origin;
  return xml
    .split(oldBase).join(normalized)
    .replace(`<AppDomain>${oldOrigin}</AppDomain>`, `<AppDomain>${new URL(normalized).origin}</AppDomain>`);
}

function main(argv) {
  const args = argv.slice(2);
  const base = args.find((a) => !a.startsWith('--'));
  if (!base || args.includes('--help')) {
    console.log('Cách dùng / usage: npm run manifest:url -- https://host/kh/ [--out FILE | --in-place]');
    return base ? 0 : 2;
  }
  const source = resolve('manifest.xml');
  const outIndex = args.indexOf('--out');
  const target = args.includes('--in-place') ? source : resolve(outIndex >= 0 ? args[outIndex + 1] : 'dist/manifest.xml');
  const xml = rewriteBase(readFileSync(source, 'utf8'), base);
  mkdirSync(dirname(target), { recursive: true });
  // write then rename: a half-written manifest never replaces a good one
  writeFileSync(`${target}.tmp`, xml);
  renameSync(`${target}.tmp`, target);
  console.log(`${target}: ${base}`);
  return 0;
}

module.exports = { rewriteBase, DEV_BASE };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
