/**
 * `npm start`: the https dev server on port 3000, sideloaded into desktop Excel where one exists
 * (Windows, macOS — through office-addin-debugging). Elsewhere (Linux, CI) it only serves, and
 * says how to sideload into Excel on the web.
 */
import { spawn } from 'node:child_process';

const desktopExcel = process.platform === 'win32' || process.platform === 'darwin';
const command = desktopExcel
  ? ['--yes', 'office-addin-debugging@7', 'start', 'manifest.xml', 'desktop']
  : ['webpack', 'serve', '--mode', 'development'];

if (!desktopExcel) {
  console.log('Không có Excel trên máy này: chỉ chạy máy chủ https://localhost:3000.');
  console.log('Excel trên web: Trang đầu → Bổ trợ → Thêm bổ trợ → Tải lên bổ trợ của tôi → chọn manifest.xml.');
  console.log('No desktop Excel here: serving https://localhost:3000 only. In Excel on the web: Home → Add-ins → More add-ins → Upload My Add-in → manifest.xml.');
}
const child = spawn('npx', command, { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
