/** A small static file server for dist/ folders (the playground, the browser tests): local only, no directory listing. */
const { createServer } = require('node:http');
const { readFile } = require('node:fs/promises');
const { extname, join, normalize, resolve, sep } = require('node:path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css', '.xml': 'application/xml' };

/** Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves with the server when listening. */
function serveStatic(dir, port = 0, headers = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    // a request the server cannot make sense of is answered, never fatal: a malformed
    // percent-encoding (%E0%A4%A) threw URIError out of this handler and the process died
    let file;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if ((file !== root && !file.startsWith(root + sep)) || file.includes('\0')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(404).end();
    }
  });
  // a client that goes away mid-answer is no error of the server's
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

module.exports = { serveStatic };
