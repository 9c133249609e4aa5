/**
 * Builds .docx plan documents for tests with the `docx` package (a dev dependency), so no binary
 * document is committed: the two real plans' paragraphs, each split into several runs, with the
 * header and the signature as Word tables, and — optionally — Word's own auto-numbering for the
 * roman and arabic section numbers (the number is then drawn by Word, not typed).
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { blocksFromText } from '../../src/core/document/text';
import type { DocBlock } from '../../src/core/document/model';

export interface BuildOptions {
  /** Lines of the header table's left and right cells (issuer, number; motto, place and date). */
  header?: { left: string[]; right: string[] };
  /** Draw "I.", "II." and "1.", "2." with Word's numbering instead of typing them. */
  autoNumber?: boolean;
  /** Split every paragraph into runs of this many characters (Word splits text at every edit). */
  runLength?: number;
}

function runs(text: string, length: number): TextRun[] {
  const out: TextRun[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (let k = 0; k < line.length; k += length) out.push(new TextRun({ text: line.slice(k, k + length), break: i > 0 && k === 0 ? 1 : undefined }));
    if (line.length === 0 && i > 0) out.push(new TextRun({ text: '', break: 1 }));
  });
  return out;
}

const ROMAN = /^([IVX]+)\.\s+(.*)$/s;
const ARABIC = /^(\d+)\.\s+(?!\d)(.*)$/s;

function cell(lines: string[], length: number): TableCell {
  return new TableCell({ width: { size: 4500, type: WidthType.DXA }, children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs(l, length) })) });
}

function table(rows: string[][], length: number): Table {
  return new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => cell(c.split('\n'), length)) })) });
}

/** A .docx of the given blocks (paragraphs and tables). */
export async function buildDocx(blocks: DocBlock[], options: BuildOptions = {}): Promise<Buffer> {
  const length = options.runLength ?? 7;
  const children: Array<Paragraph | Table> = [];
  if (options.header) children.push(table([[options.header.left.join('\n'), options.header.right.join('\n')]], length));
  for (const b of blocks) {
    if (b.kind === 'table') {
      children.push(table(b.rows.map((r) => r.map((c) => c.text)), length));
      continue;
    }
    const roman = options.autoNumber ? ROMAN.exec(b.text) : null;
    const arabic = options.autoNumber && !roman ? ARABIC.exec(b.text) : null;
    if (roman) children.push(new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: runs(roman[2], length) }));
    else if (arabic) children.push(new Paragraph({ numbering: { reference: 'sections', level: 1 }, children: runs(arabic[2], length) }));
    else children.push(new Paragraph({ children: runs(b.text, length) }));
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** A .docx of a plan written as text (the examples), its paragraphs rebuilt first. */
export async function docxFromText(text: string, options: BuildOptions = {}): Promise<Buffer> {
  return buildDocx(blocksFromText(text), options);
}
