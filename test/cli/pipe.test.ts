/**
 * `kh check DIR | head -1` through a real pipe: the reader leaves after one line, the command
 * finishes quietly (no "write EPIPE", no stack) with its own exit code, and the summary it was
 * asked for is still written.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildKh } from '../trust/kh-process';

let kh: string;
let dir: string;

beforeAll(() => {
  kh = buildKh();
  dir = mkdtempSync(join(tmpdir(), 'kh-pipe-'));
  const demo = spawnSync('node', [kh, 'demo'], { cwd: dir, encoding: 'utf8' });
  expect(demo.status).toBe(0);
  mkdirSync(join(dir, 'xa'));
  // enough files that lines are still being written after head has gone
  for (let i = 1; i <= 8; i++) copyFileSync(join(dir, 'out', 'ke-hoach-mau.xlsx'), join(dir, 'xa', `xa-${i}.xlsx`));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pipe(command: string): { stdout: string; stderr: string; status: number } {
  // bash reports the exit code of kh (the first command of the pipe) in PIPESTATUS
  const r = spawnSync('bash', ['-c', `${command} 2>err.txt | head -1; echo "status=\${PIPESTATUS[0]}"; cat err.txt`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  const [first, statusLine, ...rest] = r.stdout.split('\n');
  return { stdout: first, status: Number(/status=(\d+)/.exec(statusLine ?? '')?.[1]), stderr: rest.join('\n').trim() };
}

test('kh check DIR | head -1: one line, nothing on stderr, the exit code of the check, the summary written', () => {
  const r = pipe(`node ${JSON.stringify(kh)} check xa --summary tong-hop.xlsx`);
  expect(r.stdout).toMatch(/xa-\d\.xlsx/);
  expect(r.stderr).not.toMatch(/EPIPE|Error|Lỗi không lường trước/);
  expect(r.status).toBe(0);
  expect(existsSync(join(dir, 'tong-hop.xlsx'))).toBe(true);
});

test('kh check FILE --json | head -1: quiet too', () => {
  const r = pipe(`node ${JSON.stringify(kh)} check out/ke-hoach-mau.xlsx --json`);
  expect(r.stdout.length).toBeGreaterThan(0);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
