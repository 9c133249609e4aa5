/**
 * `npm run playground`: builds dist/playground (unless --no-build) and serves it on
 * http://localhost:3001 (PORT to change). Local only: it listens on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { serveStatic } from './static-server.cjs';

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npx', ['webpack', '--config', 'webpack.playground.config.js'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const port = Number(process.env.PORT ?? 3001);
const server = await serveStatic('dist/playground', port);
console.log(`Sân thử KH: http://localhost:${server.address().port}/  (Ctrl+C để dừng)`);
console.log(`KH playground: http://localhost:${server.address().port}/  (Ctrl+C to stop)`);
