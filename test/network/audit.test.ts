/**
 * The dependency gate (`node scripts/audit.cjs`, run by .ci/run): a high or critical advisory in a
 * production dependency fails the build; lower ones do not; when the advisory service cannot be
 * reached the gate says so loudly, and KH_AUDIT_REQUIRED=1 turns that into a failure.
 * The reports below have the shape `npm audit --json` prints (npm 11).
 */
import { auditVerdict } from '../../scripts/audit.cjs';

const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string; range: string }> = {}) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } } });

describe('the npm audit gate', () => {
  test('a clean report passes', () => {
    expect(auditVerdict(report({}), false).code).toBe(0);
  });

  test('moderate and low advisories do not fail the build', () => {
    const verdict = auditVerdict(report({ low: 2, moderate: 1, total: 3 }), false);
    expect(verdict.code).toBe(0);
    expect(verdict.lines[0]).toContain('"moderate":1');
  });

  test('a high advisory fails and names the package', () => {
    const verdict = auditVerdict(report({ high: 1, total: 1 }, { exceljs: { severity: 'high', range: '<4.4.1' } }), false);
    expect(verdict.code).toBe(1);
    expect(verdict.lines).toContain('  high: exceljs (<4.4.1)');
  });

  test('a critical advisory fails', () => {
    expect(auditVerdict(report({ critical: 1, total: 1 }, { zod: { severity: 'critical', range: '*' } }), false).code).toBe(1);
  });

  test('no answer from the advisory service: a loud line, a failure only when required', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', method: 'POST' });
    const lenient = auditVerdict(refused, false);
    expect(lenient.code).toBe(0);
    expect(lenient.lines.join('\n')).toMatch(/405 Method Not Allowed.*NOT checked/s);
    expect(auditVerdict(refused, true).code).toBe(1);
    expect(auditVerdict('', true).code).toBe(1);
    expect(auditVerdict('not json', false).lines.join('')).toContain('no answer from the advisory endpoint');
  });
});
