/**
 * The plan document as KH reads it, whatever it came from (.docx, text): a sequence of blocks —
 * paragraphs and tables — in reading order. Readers of files (src/document) produce it; the core
 * finds sections, facts, items and money in it. Nothing here knows about zip or XML.
 */

/** A paragraph: its text as written (line breaks inside it kept as "\n"). */
export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  /**
   * The number Word draws in front of an auto-numbered paragraph ("IV.", "2.1.", "a)"); absent
   * when the number is typed in the text, as it usually is.
   */
  autoNumber?: string;
  /** Word's heading level (1 for "Heading 1" or outline level 0), when the style says so. */
  headingLevel?: number;
}

/** One cell of a table: its paragraphs joined with "\n", and how many grid columns it spans. */
export interface DocCell {
  text: string;
  span: number;
  /** A cell merged into the one above (Word's vMerge "continue"): its text is the one above. */
  mergedUp?: boolean;
}

export interface DocTable {
  kind: 'table';
  rows: DocCell[][];
}

export type DocBlock = DocParagraph | DocTable;

/** Where a figure or a fact came from: the section it sits in ("IV.2.b") and the words as written. */
export interface Provenance {
  /** Index of the block in the document. */
  block: number;
  /** Heading path of the section, e.g. "III.4.1.đ"; "" before the first heading. */
  section: string;
  /** The paragraph (or table row) as written, trimmed and shortened when very long. */
  quote: string;
  /** For a table: "Bảng 2, dòng 5" is block + row (1-based). */
  row?: number;
}

const QUOTE_MAX = 240;

/** A quote short enough for a message: whitespace collapsed, cut at a word with "…". */
export function quoteOf(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** The words of a name without what leads to its money: "Hỗ trợ 20 hộ, với kinh phí" → "Hỗ trợ 20 hộ". */
export function trimName(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/[\s:;,.–-]+$/u, '').replace(/(?:^|\s)(?:với|là|hết|dự kiến|khoảng|tổng|số tiền|kinh phí(?: thực hiện)?|mức|trị giá|tương ứng)$/iu, '').trim();
  }
  return t;
}

/** A quote centred on what it is about (a year in a long paragraph): "… của thành phố năm 2023." */
export function quoteAround(text: string, at: number, length: number, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat.trim();
  const start = Math.max(0, Math.min(at - Math.floor((max - length) / 2), flat.length - max));
  const cutStart = start > 0 ? flat.indexOf(' ', start) + 1 : 0;
  const end = Math.min(flat.length, cutStart + max);
  const cutEnd = end < flat.length ? flat.lastIndexOf(' ', end) : end;
  return `${cutStart > 0 ? '…' : ''}${flat.slice(cutStart, cutEnd).trim()}${cutEnd < flat.length ? '…' : ''}`;
}

/** The grid of a table: spanned cells repeat their text across the columns they cover (for headers). */
export function tableGrid(table: DocTable, repeatSpans: boolean): string[][] {
  const grid: string[][] = [];
  table.rows.forEach((row, r) => {
    const line: string[] = [];
    for (const cell of row) {
      const text = cell.mergedUp ? (grid[r - 1]?.[line.length] ?? '') : cell.text;
      for (let i = 0; i < Math.max(1, cell.span); i++) line.push(i === 0 || repeatSpans ? text : '');
    }
    grid.push(line);
  });
  return grid;
}
