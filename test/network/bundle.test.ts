/**
 * Nothing leaves the machine, as far as the shipped files can show it: the production bundle
 * holds no URL but the allowed ones, no eval, and no telemetry package is a runtime dependency;
 * the pane's page carries a Content-Security-Policy of its own origin and office.js's host.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { requireOrSkip } from '../support/requirements';
import { ALLOWED_URLS, checkBundle, checkLock, checkText } from '../../scripts/check-bundle.cjs';
import { CONTENT_SECURITY_POLICY, OFFICE_HOST } from '../../scripts/csp.cjs';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const built = requireOrSkip(existsSync(join(DIST, 'taskpane.js')) && existsSync(join(DIST, 'taskpane.html')), 'the production build in dist/ (npm run build)');

(built ? describe : describe.skip)('the production build', () => {
  test('no unknown URL, no eval, no telemetry dependency', () => {
    const { files, problems } = checkBundle(DIST, join(ROOT, 'package-lock.json'));
    expect(files).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js', 'taskpane.html', 'functions.json']));
    expect(problems).toEqual([]);
  });

  test('taskpane.html carries the Content-Security-Policy before any script', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const meta = html.indexOf('Content-Security-Policy');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(CONTENT_SECURITY_POLICY.replace(/"/g, '&quot;').slice(0, 40));
  });
});

describe('the policy and the check themselves', () => {
  test('the policy: own origin, office.js host, no eval, no inline script, no other connection', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", OFFICE_HOST]);
    expect(directives['connect-src']).toEqual(["'self'", OFFICE_HOST]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });

  test('the check fails on a planted URL, eval, new Function and a telemetry package; every allowed URL says why', () => {
    expect(checkText('x.js', 'fetch("https://telemetry.example.com/collect")')).toEqual(['x.js: unknown URL https://telemetry.example.com/collect']);
    expect(checkText('x.js', 'var f=eval("1")')).toEqual(['x.js: eval(']);
    expect(checkText('x.js', 'return new Function("return this")()')).toEqual(expect.arrayContaining(['x.js: new Function(']));
    expect(checkText('x.js', 'a.eval(1); evaluate(2)')).toEqual([]);
    const lock = JSON.stringify({ packages: { '': {}, 'node_modules/@sentry/browser': {}, 'node_modules/has-tostringtag': {}, 'node_modules/posthog-js': { dev: true } } });
    expect(checkLock(lock)).toEqual(['runtime dependency @sentry/browser looks like telemetry']);
    for (const a of ALLOWED_URLS) expect(a.why.length).toBeGreaterThan(10);
  });
});
