/**
 * The playground's server (scripts/playground.mjs) as a process, under requests a browser never
 * sends: malformed percent-encoding (%E0%A4%A killed it with URIError), a null byte, a path out of
 * its folder, methods it does not serve, an absolute-form target, a client that hangs up. After
 * each it still answers.
 */
import { spawn, ChildProcess } from 'child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
let server: ChildProcess;
let port = 0;

beforeAll(async () => {
  // the script serves dist/playground of its working directory: a small one is made here
  const cwd = mkdtempSync(join(tmpdir(), 'kh-playground-'));
  mkdirSync(join(cwd, 'dist', 'playground'), { recursive: true });
  writeFileSync(join(cwd, 'dist', 'playground', 'index.html'), '<!doctype html><title>Sân thử KH</title>');
  server = spawn('node', [join(ROOT, 'scripts', 'playground.mjs'), '--no-build'], { cwd, env: { ...process.env, PORT: '0' } });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
});

afterAll(() => {
  server.kill();
});

/** Sends raw bytes as a request; resolves with the status line (or '' when the server hung up). */
function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const get = (target: string): Promise<string> => raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

test.each([
  ['/%E0%A4%A', '400'],
  ['/%', '400'],
  ['/%zz', '400'],
  ['/%C0%AF', '400'],
  ['/a%00b', '403'],
  ['/..%2f..%2f..%2fetc%2fpasswd', '403'],
  ['/../../etc/passwd', '404'],
  ['http://[::1', '400'],
  ['/' + 'x'.repeat(60_000), '431'],
].map(([target, status]) => [target.length > 40 ? `${target.slice(0, 12)}… (${target.length} characters)` : target, target, status]))('GET %s, and the server goes on', async (_label, target, status) => {
  const line = await get(target);
  expect(line === '' || line.includes(status)).toBe(true);
  expect(await get('/')).toContain('200');
  expect(server.exitCode).toBeNull();
});

test('methods it does not serve, a request cut off, garbage: answered or dropped, never fatal', async () => {
  expect(await raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')).toContain('405');
  expect(await raw('HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toContain('200');
  await raw('GET /%E0%A4%A HTTP/1.1\r\nHo');
  await raw('\u0000\u0001\u0002 garbage \r\n\r\n');
  expect(await get('/')).toContain('200');
  expect(server.exitCode).toBeNull();
});
