/**
 * `node scripts/check-bundle.cjs [dist]`: the production bundle promises nothing leaves the
 * machine. It fails on any URL string that is not on the list below (each with why it is there),
 * on eval in any form, and on a runtime dependency that is a telemetry or analytics package.
 * CI runs it after the production build; test/trust/bundle.test.ts runs it too, and proves it can fail.
 */
const { readFileSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

/** URL strings allowed in the shipped files, and why none of them is ever fetched by KH. */
const ALLOWED_URLS = [
  { url: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', why: 'office.js, which Office requires from its CDN (taskpane.html only)' },
  { url: 'https://appsforoffice.microsoft.com', why: 'office.js’s host, the one origin besides our own that the Content-Security-Policy allows' },
  { url: 'http://www.w3.org/2000/svg', why: 'the SVG namespace name React uses to create elements, not fetched' },
  { url: 'http://www.w3.org/1999/xhtml', why: 'the HTML namespace name, not fetched' },
  { url: 'http://www.w3.org/1999/xlink', why: 'the XLink namespace name, not fetched' },
  { url: 'http://www.w3.org/1998/Math/MathML', why: 'the MathML namespace name, not fetched' },
  { url: 'http://www.w3.org/XML/1998/namespace', why: 'the XML namespace name, not fetched' },
  { url: 'http://www.w3.org/2000/xmlns/', why: 'the xmlns namespace name saxes (the .docx reader of Nhập từ văn bản) checks prefixes against, not fetched' },
  { url: 'https://reactjs.org/docs/error-decoder.html?invariant=', why: 'text of React’s minified error messages, never requested' },
];

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`);\\<>]*/g;
const EVAL_PATTERNS = [
  { name: 'eval(', re: /(?<![.\w$])eval\s*\(/ },
  { name: 'new Function(', re: /new\s+Function\s*\(/ },
  { name: 'Function("…")', re: /(?<![.\w$])Function\s*\(\s*["'`]/ },
  { name: 'setTimeout("…")', re: /setTimeout\s*\(\s*["'`]/ },
  { name: 'setInterval("…")', re: /setInterval\s*\(\s*["'`]/ },
];
// whole name parts only: "has-tostringtag" is not "gtag"
const TELEMETRY = /(^|[/@-])(applicationinsights|appinsights|sentry|bugsnag|rollbar|posthog|mixpanel|amplitude|segment|analytics|telemetry|newrelic|datadog|dd-trace|logrocket|hotjar|fullstory|heap|matomo|gtag|launchdarkly|opentelemetry|honeycomb|raygun|trackjs|usage-data|1ds|oneds)([/-]|$)/i;

/** Problems in one file's text: URLs not on the list, eval in any form. */
function checkText(name, text) {
  const problems = [];
  const allowed = new Set(ALLOWED_URLS.map((a) => a.url));
  for (const url of new Set(text.match(URL_PATTERN) ?? [])) if (!allowed.has(url)) problems.push(`${name}: unknown URL ${url}`);
  for (const p of EVAL_PATTERNS) if (p.re.test(text)) problems.push(`${name}: ${p.name}`);
  return problems;
}

/** Runtime (non-dev) packages of the lock file whose name says telemetry or analytics. */
function checkLock(lockText) {
  const lock = JSON.parse(lockText);
  const problems = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path || entry.dev || entry.devOptional) continue;
    const name = path.replace(/^.*node_modules\//, '');
    if (TELEMETRY.test(name)) problems.push(`runtime dependency ${name} looks like telemetry`);
  }
  return problems;
}

/** Everything wrong with a production build in `dist` (and the lock file beside it). */
function checkBundle(dist, lockFile) {
  const files = readdirSync(dist).filter((f) => /\.(js|html|json)$/.test(f) && !f.endsWith('.LICENSE.txt'));
  const problems = files.flatMap((f) => checkText(f, readFileSync(join(dist, f), 'utf8')));
  if (lockFile && existsSync(lockFile)) problems.push(...checkLock(readFileSync(lockFile, 'utf8')));
  return { files, problems };
}

module.exports = { ALLOWED_URLS, checkText, checkLock, checkBundle };

if (require.main === module) {
  const dist = process.argv[2] ?? 'dist';
  const { files, problems } = checkBundle(dist, 'package-lock.json');
  if (problems.length > 0) {
    console.error(`check-bundle: ${problems.length} problem(s) in ${dist}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-bundle: ${files.length} files in ${dist}: no unknown URL, no eval, no telemetry dependency`);
}
