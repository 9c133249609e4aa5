/**
 * help.html, the page the manifest's SupportUrl and LearnMoreUrl open: the user guide
 * (docs/huong-dan.md) as one Vietnamese page. The build writes it with its stylesheet beside it; it
 * loads nothing from anywhere else and runs no script, under a policy that says so.
 *
 * The guide uses a small part of Markdown — headings, paragraphs, nested lists (- and 1.), tables,
 * `code`, **bold**, *italic* and links — and this reads exactly that part; anything else stays text.
 */

const HELP_CSP = ["default-src 'none'", "style-src 'self'", "img-src 'self'", "base-uri 'none'", "form-action 'none'"].join('; ');

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline marks: code first (its content stays literal), then links, bold, italic. */
function inline(text) {
  const codes = [];
  let s = text.replace(/`([^`]+)`/g, (_, code) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  s = escapeHtml(s);
  // a link to a page of this site stays a link; one to another document of the repository or
  // to the web becomes its text (the help page opens nothing else)
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => (/^#[\w-]+$/.test(href) ? `<a href="${href}">${label}</a>` : label));
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?![\w*])/g, '$1<em>$2</em>');
  // code spans were held aside under private-use marks, which no guide text contains
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => codes[Number(i)]);
}

const LIST_ITEM = /^( *)([-*]|\d+\.) +(.*)$/;
const HEADING = /^(#{1,6}) +(.*?) *#*$/;

function indentOf(line) {
  return line.length - line.trimStart().length;
}

function isTableStart(lines, i) {
  return /^\s*\|/.test(lines[i]) && i + 1 < lines.length && /^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(lines[i + 1]) && lines[i + 1].includes('-');
}

function cells(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** Headings get ids from their text, so the table of contents can point at them. */
function slug(text, used) {
  const base =
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'muc';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function blocks(lines, ctx) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const id = slug(heading[2], ctx.ids);
      if (level === 2) ctx.toc.push({ id, text: heading[2] });
      out.push(`<h${level} id="${id}">${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (isTableStart(lines, i)) {
      const head = cells(lines[i]);
      i += 2;
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cells(lines[i++]));
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && indentOf(line) === 0) {
      const ordered = /\d/.test(item[2]);
      const items = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (!m || indentOf(lines[i]) !== 0 || /\d/.test(m[2]) !== ordered) break;
        const width = m[1].length + m[2].length + 1;
        const body = [m[3]];
        i++;
        // the item goes on while lines are indented under its text (blank lines inside included)
        while (i < lines.length) {
          if (lines[i].trim() === '') {
            let next = i + 1;
            while (next < lines.length && lines[next].trim() === '') next++;
            if (next < lines.length && indentOf(lines[next]) >= Math.min(width, 2)) {
              body.push('');
              i++;
              continue;
            }
            break;
          }
          if (indentOf(lines[i]) < Math.min(width, 2)) break;
          body.push(lines[i].slice(Math.min(width, indentOf(lines[i]))));
          i++;
        }
        items.push(body);
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((body) => `<li>${blocks(body, ctx).join('').replace(/^<p>([\s\S]*?)<\/p>/, '$1')}</li>`).join('')}</${tag}>`);
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() !== '' && !HEADING.test(lines[i]) && !isTableStart(lines, i) && !(LIST_ITEM.test(lines[i]) && indentOf(lines[i]) === 0 && para.length > 0)) {
      para.push(lines[i].trim());
      i++;
    }
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return out;
}

/** Markdown (the guide's subset) → HTML body, and the level-2 headings for a table of contents. */
function markdownToHtml(markdown) {
  const ctx = { ids: new Set(), toc: [] };
  const html = blocks(markdown.replace(/\r\n?/g, '\n').split('\n'), ctx).join('\n');
  return { html, toc: ctx.toc };
}

const HELP_CSS = `body{font-family:"Segoe UI","Times New Roman",serif;max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.75rem 0;display:block;overflow-x:auto}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f0f0f0}
code{font-family:Consolas,"Courier New",monospace;background:#f4f4f4;padding:0 .2rem;border-radius:2px;overflow-wrap:anywhere}
nav{background:#f7f7f7;border:1px solid #ddd;padding:.5rem 1rem;margin-bottom:1rem}nav ul{margin:.25rem 0;padding-left:1.25rem}
a{color:#0f5ea8}li{margin:.2rem 0}
@media print{nav{display:none}body{max-width:none}}
`;

/** The whole page: title, a table of contents, the guide. */
function helpPage(markdown) {
  const { html, toc } = markdownToHtml(markdown);
  const title = /^# +(.*)$/m.exec(markdown)?.[1] ?? 'Hướng dẫn sử dụng KH';
  const nav = toc.length > 0 ? `<nav aria-label="Mục lục"><strong>Mục lục</strong><ul>${toc.map((t) => `<li><a href="#${t.id}">${inline(t.text)}</a></li>`).join('')}</ul></nav>` : '';
  const body = html.replace(/(<h1[^>]*>[\s\S]*?<\/h1>)/, `$1\n${nav}`);
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HELP_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="help.css">',
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

module.exports = { markdownToHtml, helpPage, HELP_CSS, HELP_CSP };
