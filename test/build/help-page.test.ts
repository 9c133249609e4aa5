/** help.html from the user guide: the Markdown the guide uses, rendered; nothing loaded from elsewhere. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { helpPage, markdownToHtml, HELP_CSP } from '../../scripts/help-page.cjs';
import { checkText } from '../../scripts/check-bundle.cjs';

const GUIDE = readFileSync(join(__dirname, '../../docs/huong-dan.md'), 'utf8');

test('headings, paragraphs over several lines, inline marks', () => {
  const { html, toc } = markdownToHtml('# Hướng dẫn\n\n## Cài đặt\n\nBấm **Trang đầu** rồi\n*Tạo kế hoạch*: gõ `=KH.` <b>.\n');
  expect(html).toBe('<h1 id="huong-dan">Hướng dẫn</h1>\n<h2 id="cai-dat">Cài đặt</h2>\n<p>Bấm <strong>Trang đầu</strong> rồi <em>Tạo kế hoạch</em>: gõ <code>=KH.</code> &lt;b&gt;.</p>');
  expect(toc).toEqual([{ id: 'cai-dat', text: 'Cài đặt' }]);
});

test('lists nest by indentation, items go on over lines and blank lines; tables keep their cells', () => {
  const md = ['1. **Tạo**: bốn bước.', '   1. *Thông tin*: chương trình,', '      cấp.', '   2. *Dự án*.', '', '   Ô nào thiếu thì báo.', '2. **Kiểm tra**:', '   - một', '   - hai', '', '| Hàm | Ví dụ |', '|---|---|', '| `KH.BANGCHU(số)` | 1.728 |', '| | `"DA4"` |'].join('\n');
  const { html } = markdownToHtml(md);
  expect(html).toBe(
    '<ol><li><strong>Tạo</strong>: bốn bước.<ol><li><em>Thông tin</em>: chương trình, cấp.</li><li><em>Dự án</em>.</li></ol><p>Ô nào thiếu thì báo.</p></li><li><strong>Kiểm tra</strong>:<ul><li>một</li><li>hai</li></ul></li></ol>\n' +
      '<table><thead><tr><th>Hàm</th><th>Ví dụ</th></tr></thead><tbody><tr><td><code>KH.BANGCHU(số)</code></td><td>1.728</td></tr><tr><td></td><td><code>&quot;DA4&quot;</code></td></tr></tbody></table>',
  );
});

test('links: to a heading of the page kept, to other documents or the web reduced to their text', () => {
  expect(markdownToHtml('[Cài đặt](#cai-dat), [thiết kế](design.md), [web](https://example.org/x)').html).toBe('<p><a href="#cai-dat">Cài đặt</a>, thiết kế, web</p>');
});

test('the guide as a page: Vietnamese, every section, a table of contents, no script, nothing from elsewhere', () => {
  const page = helpPage(GUIDE);
  expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
  expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${HELP_CSP}">`);
  expect(HELP_CSP).toContain("default-src 'none'");
  expect(page).not.toMatch(/<script|<iframe|<img|\sstyle=|\son\w+=/i);
  // the only resources are the stylesheet beside it and anchors of the page itself
  const refs = [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.filter((r) => !r.startsWith('#'))).toEqual(['help.css']);
  const ids = new Set([...page.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
  for (const r of refs.filter((x) => x.startsWith('#'))) expect(ids).toContain(r.slice(1));
  expect(checkText('help.html', page)).toEqual([]);
  for (const heading of [...GUIDE.matchAll(/^#{1,3} +(.*)$/gm)].map((m) => m[1].replace(/`/g, ''))) {
    expect(page.replace(/<[^>]+>/g, '')).toContain(heading);
  }
  // what the guide says about which Excel gets what is in the page
  expect(page).toContain('KH chạy trên Excel nào');
  expect(page).not.toContain('**');
});
