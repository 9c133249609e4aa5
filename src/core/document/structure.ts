/**
 * Sections of a plan document: each paragraph's own number ("IV.", "4.1.", "đ)", "-") and the path
 * of the sections it sits in ("III.4.1.đ"), from the numbers typed at the start of paragraphs or
 * drawn by Word's auto-numbering. Levels follow domain.md §6: I, II → 1, 2 → 1.1 → a), b), đ) →
 * - → +; parts A, B above them.
 */
import { OutlineLabel, parseLabel, splitHeading } from '../outline';
import { DocBlock, DocParagraph, DocTable, Provenance, quoteOf } from './model';

export interface ReadParagraph {
  /** Index of the block in the document. */
  index: number;
  block: DocParagraph;
  /** The paragraph's own number, if any. */
  label: OutlineLabel | null;
  /** The number came from Word's auto-numbering (never typed twice by hand). */
  auto: boolean;
  /** The text after the number. */
  body: string;
  /** Path of the section the paragraph opens or sits in: "III.4.1.đ". */
  section: string;
  /** Labels of the path, outermost first. */
  path: OutlineLabel[];
}

export interface ReadTable {
  index: number;
  block: DocTable;
  section: string;
}

export interface Structure {
  paragraphs: ReadParagraph[];
  tables: ReadTable[];
  /** Blocks in order (paragraphs and tables), for provenance by index. */
  blocks: DocBlock[];
}

function segment(label: OutlineLabel): string {
  return label.raw.replace(/[.)]$/, '');
}

/** "III" › "4" › "4.1" › "đ" prints as "III.4.1.đ": an arabic number inside its own parent is not repeated. */
export function pathText(path: readonly OutlineLabel[]): string {
  const parts: string[] = [];
  path.forEach((l, i) => {
    const next = path[i + 1];
    if (l.kind === 'arabic' && next?.kind === 'arabic' && next.numbers.length > l.numbers.length && l.numbers.every((n, k) => next.numbers[k] === n)) return;
    parts.push(segment(l));
  });
  return parts.join('.');
}

function labelOf(p: DocParagraph): { label: OutlineLabel | null; auto: boolean; body: string } {
  const text = p.text.trim();
  if (p.autoNumber) {
    const label = parseLabel(p.autoNumber.trim());
    if (label) return { label, auto: true, body: text };
  }
  const split = splitHeading(text);
  if (split) return { label: split.label, auto: false, body: split.text };
  return { label: null, auto: false, body: text };
}

export function structure(blocks: DocBlock[]): Structure {
  const paragraphs: ReadParagraph[] = [];
  const tables: ReadTable[] = [];
  const stack: OutlineLabel[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'table') {
      tables.push({ index, block, section: pathText(stack) });
      return;
    }
    const { label, auto, body } = labelOf(block);
    let path: OutlineLabel[] = [...stack];
    if (label && label.kind !== 'dash' && label.kind !== 'plus') {
      while (stack.length > 0 && stack[stack.length - 1].rank >= label.rank) stack.pop();
      stack.push(label);
      path = [...stack];
    }
    paragraphs.push({ index, block, label, auto, body, section: pathText(path), path });
  });
  return { paragraphs, tables, blocks };
}

export function provenanceOf(p: ReadParagraph, text: string = p.block.text): Provenance {
  return { block: p.index, section: p.section, quote: quoteOf(text) };
}
