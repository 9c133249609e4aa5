/**
 * The task pane's Content-Security-Policy: its own origin, and office.js's host (Office requires
 * office.js from Microsoft's CDN, which loads its host-specific parts from there too). No eval,
 * no inline script, no other connection. Styles may be inline: Fluent UI (Griffel) inserts them
 * at run time. The playground page uses the same policy, so the browser tests run under it.
 */
const OFFICE_HOST = 'https://appsforoffice.microsoft.com';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_HOST}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_HOST}`,
  `frame-src 'self' ${OFFICE_HOST}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

module.exports = { CONTENT_SECURITY_POLICY, OFFICE_HOST };
