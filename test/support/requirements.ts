/**
 * Tests that need something outside the repo (../shared, Chromium, LibreOffice) skip with a loud
 * line on a newcomer's machine, and fail in CI: .ci/run sets KH_REQUIRE_ALL=1.
 */
export function requireOrSkip(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.KH_REQUIRE_ALL === '1') {
    throw new Error(`KH_REQUIRE_ALL=1 but ${what} is missing: CI must run every test`);
  }
  console.warn(`\n*** SKIPPED: ${what} is missing on this machine — these tests did not run ***\n`);
  return false;
}
