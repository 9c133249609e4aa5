/**
 * How KH's sheets print: row heights that fit their text, column-number labels that wrap where a
 * reader expects, the print area, the NĐ 30/2020 rule lines of a document header. Excel and
 * LibreOffice do not grow a row for wrapped text a program wrote, so KH estimates the lines from the
 * text, the font and the column width (Times New Roman: Vietnamese lower case is narrower than the
 * width unit's digit, bold and capitals wider) and sets every row's height itself.
 */
import { rangeAddress } from './address';
import type { CellSpec, PrintSpec, SheetSpec, StyleSpec } from './model';

/** NĐ 30/2020: margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PRINT_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** A4, one page wide, the given orientation; rows and title rows as given. */
export function a4(orientation: PrintSpec['orientation'], area: string, titleRows?: string): PrintSpec {
  return { orientation, paper: 'A4', fitToWidth: true, margins: { ...PRINT_MARGINS }, area, ...(titleRows ? { titleRows } : {}) };
}

/** "A1:M7": from A1 to the last printed cell (0-based row and column). The adapters make it absolute. */
export function printArea(lastRow: number, lastCol: number): string {
  return `A1:${rangeAddress(lastRow, lastCol, 1, 1)}`;
}

/** How many characters of a font fit a column `width` wide (Excel's width unit: one digit of the default font). */
function perLine(width: number, bold: boolean, size: number): number {
  return Math.max(4, Math.floor(width * (bold ? 1.15 : 1.3) * (12 / size)));
}

/** How many lines a text needs in a column of `width` (wrapped at spaces, a too long word inside itself). */
export function linesFor(text: string, width: number, bold: boolean, size = 12): number {
  const room = perLine(width, bold, size);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/)) {
      let w = [...word].length;
      if (line > 0 && line + 1 + w > room) {
        lines++;
        line = 0;
      }
      while (w > room) {
        lines++;
        w -= room;
      }
      line += (line > 0 ? 1 : 0) + w;
    }
  }
  return lines;
}

/** Points a row needs for `lines` lines of a `size` point font (line spacing and a little air). */
export function heightFor(lines: number, size = 12): number {
  return Math.ceil(lines * size * 1.3 + 4);
}

/**
 * "(4)=(5)+(8)+(9)+(10)+(11)" broken after a "+" where the column is too narrow for it, never
 * inside a number ("(10" / ")+(11)" is what a printer made of it).
 */
export function columnNumberLabel(own: string, parts: string[], width: number, size = 10): string {
  if (parts.length === 0) return own;
  const room = perLine(width, false, size);
  const pack = (target: number): string[] => {
    const lines: string[] = [];
    let line = `${own}=`;
    parts.forEach((p, i) => {
      const piece = i < parts.length - 1 ? `${p}+` : p;
      if (line.length + piece.length > target && !line.endsWith('=')) {
        lines.push(line);
        line = '';
      }
      line += piece;
    });
    lines.push(line);
    return lines;
  };
  // the fewest lines the column allows, then lines of about equal length
  const fewest = pack(room).length;
  const whole = `${own}=${parts.join('+')}`.length;
  for (let target = Math.ceil(whole / fewest); target < room; target++) {
    const lines = pack(target);
    if (lines.length <= fewest) return lines.join('\n');
  }
  return pack(room).join('\n');
}

/**
 * The height of each of `rows` (0-based) of a sheet, from the text of its cells: a cell's width is
 * its column's, or the merged columns' when it starts a merge; a wrapped cell takes as many lines
 * as its text needs, any other one line of its font. Rows spanned by a vertical merge are left to
 * the caller (two-level headers).
 */
export function fitRowHeights(sheet: Pick<SheetSpec, 'blocks' | 'merges' | 'columns'>, styles: Record<string, StyleSpec>, rows: Iterable<number>): Array<{ row: number; height: number }> {
  const widths = new Map((sheet.columns ?? []).map((c) => [c.index, c.hidden ? 0 : c.width ?? 8.43]));
  const widthOf = (col: number): number => widths.get(col) ?? 8.43;
  const spans = new Map<string, number>();
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(':');
    const from = cellIndex(a);
    const to = cellIndex(b ?? a);
    if (!from || !to || from.row !== to.row) continue;
    let w = 0;
    for (let c = from.col; c <= to.col; c++) w += widthOf(c);
    spans.set(`${from.row}:${from.col}`, w);
  }
  const cells = new Map<number, Array<{ col: number; spec: CellSpec }>>();
  for (const b of sheet.blocks) {
    b.cells.forEach((line, r) => line.forEach((spec, c) => {
      if (!spec) return;
      const row = b.row + r;
      const list = cells.get(row) ?? [];
      list.push({ col: b.col + c, spec });
      cells.set(row, list);
    }));
  }
  const out: Array<{ row: number; height: number }> = [];
  for (const row of rows) {
    let height = 0;
    for (const { col, spec } of cells.get(row) ?? []) {
      const style = spec.style ? styles[spec.style] : undefined;
      const size = style?.font?.size ?? 11;
      const v = spec.value;
      const lines = typeof v === 'string' && style?.wrap ? linesFor(v, spans.get(`${row}:${col}`) ?? widthOf(col), style.font?.bold === true, size) : 1;
      height = Math.max(height, heightFor(lines, size));
    }
    if (height > 0) out.push({ row, height });
  }
  return out;
}

function cellIndex(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * The heights of a two-level table header: a column without a group spans both rows (its text is
 * shared between them), a group's title sits on the first row and its columns' titles on the second.
 */
export function headerHeights(columns: ReadonlyArray<{ header: string; group: string | null; width: number }>, size = 11): [number, number] {
  let spanning = 1;
  let groupTitles = 1;
  let groupParts = 1;
  for (const c of columns) {
    if (c.group === null) spanning = Math.max(spanning, linesFor(c.header, c.width, true, size));
    else {
      groupParts = Math.max(groupParts, linesFor(c.header, c.width, true, size));
      const span = columns.filter((x) => x.group === c.group).reduce((n, x) => n + x.width, 0);
      groupTitles = Math.max(groupTitles, linesFor(c.group, span, true, size));
    }
  }
  const first = Math.max(groupTitles, Math.ceil(spanning / 2));
  const second = Math.max(groupParts, spanning - first);
  return [heightFor(first, size), heightFor(second, size)];
}

/** Em widths of Times New Roman, roughly: capitals wide, lower case narrow, spaces narrower still. */
function emWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') w += 0.25;
    else if (/[-.,:;()]/.test(ch)) w += 0.33;
    else if (ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')) w += bold ? 0.72 : 0.68;
    else w += bold ? 0.52 : 0.47;
  }
  return w;
}

/**
 * A rule line of NĐ 30/2020 under a line of the document header, as a run of em dashes in the
 * same font size (they join into one line): `share` of the text's length — ½ to ⅓ under the
 * issuing body, the full length under the tiêu ngữ.
 */
export function ruleUnder(text: string, bold: boolean, share: number): string {
  const dashes = Math.max(3, Math.round(emWidth(text, bold) * share));
  return '—'.repeat(dashes);
}
