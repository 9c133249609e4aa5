/**
 * A plan as plain text → paragraphs and tables. Text copied out of a PDF or a Word file arrives
 * with every printed line broken and blank lines between them; a paragraph is rebuilt by joining
 * lines until one ends a sentence (". ; : ! ?") or the next starts one of its own: a section
 * number ("IV.", "4.1.", "đ)"), a bullet, "Dự án 3:", "Căn cứ", a line in capitals. Lines with
 * tabs in a row are a table pasted as text. A text that keeps one paragraph per line (saved from
 * Word: some lines are long) only joins a line that starts in lower case (a page break mid-sentence).
 */
import { splitHeading } from '../outline';
import { DocBlock, DocCell } from './model';

const STARTERS = /^(?:[\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,4}, ngày|Căn cứ|Nơi nhận|TM\.|T\/M|KT\.|Q\.|Số:|Số\s|Trên đây|Dự án\s+\d|Tiểu dự án\s+\d|Nội dung thành phần|Hợp phần|Đơn vị tính|ĐVT|Biểu\s|Phụ lục|Kính gửi|Độc lập|CỘNG HÒA|CỘNG HOÀ|(?:Kinh phí|Nguồn vốn|Tổng kinh phí|Tổng vốn|Đơn vị thực hiện|Đơn vị chủ trì)[^:.;]{0,60}:)/u;
const BULLET = /^[-–—+•*]\s*/;
const ENDS_SENTENCE = /(?:[.;:!?…]|\.\/\.)["”')\]]*$/u;

/** All letters upper case (and at least two of them): a title, a heading in capitals, a signer's title. */
export function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function startsParagraph(line: string): boolean {
  return BULLET.test(line) || STARTERS.test(line) || splitHeading(line) !== null;
}

function tableOf(lines: string[]): DocBlock {
  const rows: DocCell[][] = lines.map((l) => l.split('\t').map((text) => ({ text: text.trim(), span: 1 })));
  return { kind: 'table', rows };
}

/** Paragraphs and tables of a plan written as text (UTF-8, any line ends). */
export function blocksFromText(input: string): DocBlock[] {
  const lines = input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const blocks: DocBlock[] = [];
  let current: string | null = null;
  let currentCaps = false;
  let table: string[] = [];
  // a text saved from Word keeps one paragraph per line (some lines are long); a PDF copy breaks every printed line
  const onePerLine = lines.some((l) => l.trim().length > 160);
  const flush = (): void => {
    if (current !== null && current.trim() !== '') blocks.push({ kind: 'paragraph', text: current.trim() });
    current = null;
  };
  const flushTable = (): void => {
    if (table.length > 0) blocks.push(tableOf(table));
    table = [];
  };
  for (const raw of lines) {
    const tabbed = (raw.match(/\t/g) ?? []).length >= 2;
    if (tabbed) {
      flush();
      table.push(raw);
      continue;
    }
    flushTable();
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const caps = isCapitals(line);
    const join = onePerLine
      ? current !== null && /^\p{Ll}/u.test(line) && !/[.!?]$/u.test(current)
      : current !== null && !currentCaps && !caps && !ENDS_SENTENCE.test(current) && !startsParagraph(line);
    if (join && current !== null) {
      // a word cut at a hyphen or a slash ("284/QĐ-" + "UBND") is glued back without a space
      current = /[^\s][-/]$/.test(current) ? `${current}${line}` : `${current} ${line}`;
      continue;
    }
    flush();
    current = line;
    currentCaps = caps;
  }
  flush();
  flushTable();
  return blocks;
}
