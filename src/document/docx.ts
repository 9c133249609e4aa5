/**
 * A Word document (.docx) → the blocks the core reads (paragraphs and tables, in order). Only the
 * three parts needed (word/document.xml, numbering.xml, styles.xml) are inflated, by fflate's
 * streaming inflater in 64 KB steps that stop at the part's declared size or the limit (the zip's
 * directory is read by guard.ts); saxes, a strict streaming XML parser,
 * walks them without building a DOM (a 100-page plan stays small in memory, and no entity or
 * external reference is ever expanded). The numbers Word draws for auto-numbered paragraphs
 * ("IV.", "2.1.", "a)") are computed from numbering.xml, so the core sees what the reader sees.
 * Runs the same in Node and in the browser (no Buffer, no zlib).
 */
import { Inflate } from 'fflate';
import { SaxesParser, SaxesTagNS } from 'saxes';
import type { DocBlock, DocCell, DocParagraph, DocTable } from '../core/document/model';
import { blocksFromText } from '../core/document/text';
import { DOCUMENT_LIMITS, DocumentLimits, DocumentReadError, ZipEntry, checkPart, classify, entryData, refuse, zipEntries } from './guard';

const WORD_NS = /wordprocessingml\/(?:2006\/)?main$/;
const MC_NS = /markup-compatibility\/2006$/;

const STEP = 64 * 1024;

/** Inflates one part step by step into a parser, never past its declared size or the limit. */
export function streamPart(bytes: Uint8Array, entry: ZipEntry, limits: DocumentLimits, feed: (text: string) => void): void {
  checkPart(entry, limits);
  const data = entryData(bytes, entry);
  const decoder = new TextDecoder('utf-8');
  const cap = Math.min(entry.size, limits.maxPartBytes);
  let total = 0;
  const take = (chunk: Uint8Array): void => {
    total += chunk.length;
    // more bytes than the directory declared is how a bomb hides its size: stop at once
    if (total > cap) refuse(total > limits.maxPartBytes ? 'doc.input.partTooLarge' : 'doc.input.damaged', { part: entry.name, size: Math.ceil(limits.maxPartBytes / 1048576), limit: limits.maxPartBytes / 1048576 });
    feed(decoder.decode(chunk, { stream: true }));
  };
  if (entry.method === 0) {
    for (let o = 0; o < data.length; o += STEP) take(data.subarray(o, o + STEP));
  } else if (entry.method === 8) {
    let ended = false;
    const inflate = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let o = 0; o < data.length; o += STEP) inflate.push(data.subarray(o, o + STEP), o + STEP >= data.length);
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      refuse('doc.input.damaged');
    }
    if (!ended) refuse('doc.input.damaged');
  } else refuse('doc.input.damaged');
  if (total !== entry.size) refuse('doc.input.damaged');
  feed(decoder.decode());
}

function parser(): SaxesParser<{ xmlns: true }> {
  return new SaxesParser({ xmlns: true });
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

const isW = (tag: SaxesTagNS): boolean => WORD_NS.test(tag.uri);

// ---------------------------------------------------------------------------------------------
// numbering.xml and styles.xml

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
}

function readNumbering(bytes: Uint8Array, entry: ZipEntry | undefined, limits: DocumentLimits): Numbering {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  if (!entry) return numbering;
  const p = parser();
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstract: string; starts: Map<number, number> } | null = null;
  let overrideLevel: number | null = null;
  p.on('opentag', (tag) => {
    if (!isW(tag)) return;
    switch (tag.local) {
      case 'abstractNum':
        abstract = new Map();
        numbering.abstract.set(attr(tag, 'abstractNumId') ?? '', abstract);
        break;
      case 'lvl':
        if (abstract) {
          level = { start: 1, format: 'decimal', text: '' };
          abstract.set(Number(attr(tag, 'ilvl') ?? 0), level);
        }
        break;
      case 'start':
        if (level) level.start = Number(attr(tag, 'val') ?? 1);
        break;
      case 'numFmt':
        if (level) level.format = attr(tag, 'val') ?? 'decimal';
        break;
      case 'lvlText':
        if (level) level.text = attr(tag, 'val') ?? '';
        break;
      case 'num':
        num = { abstract: '', starts: new Map() };
        numbering.nums.set(attr(tag, 'numId') ?? '', num);
        break;
      case 'abstractNumId':
        if (num) num.abstract = attr(tag, 'val') ?? '';
        break;
      case 'lvlOverride':
        overrideLevel = Number(attr(tag, 'ilvl') ?? 0);
        break;
      case 'startOverride':
        if (num && overrideLevel !== null) num.starts.set(overrideLevel, Number(attr(tag, 'val') ?? 1));
        break;
    }
  });
  p.on('closetag', (tag) => {
    if (!isW(tag)) return;
    if (tag.local === 'abstractNum') abstract = null;
    else if (tag.local === 'lvl') level = null;
    else if (tag.local === 'num') num = null;
    else if (tag.local === 'lvlOverride') overrideLevel = null;
  });
  streamPart(bytes, entry, limits, (t) => p.write(t));
  p.close();
  return numbering;
}

interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
  name?: string;
}

function readStyles(bytes: Uint8Array, entry: ZipEntry | undefined, limits: DocumentLimits): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!entry) return styles;
  const p = parser();
  let style: Style | null = null;
  p.on('opentag', (tag) => {
    if (!isW(tag)) return;
    if (tag.local === 'style') {
      style = {};
      styles.set(attr(tag, 'styleId') ?? '', style);
    } else if (style) {
      if (tag.local === 'basedOn') style.basedOn = attr(tag, 'val');
      else if (tag.local === 'numId') style.numId = attr(tag, 'val');
      else if (tag.local === 'ilvl') style.ilvl = Number(attr(tag, 'val') ?? 0);
      else if (tag.local === 'outlineLvl') style.outline = Number(attr(tag, 'val') ?? 9);
      else if (tag.local === 'name') style.name = attr(tag, 'val');
    }
  });
  p.on('closetag', (tag) => {
    if (isW(tag) && tag.local === 'style') style = null;
  });
  streamPart(bytes, entry, limits, (t) => p.write(t));
  p.close();
  return styles;
}

function styleChain(styles: Map<string, Style>, id: string | undefined): Style[] {
  const chain: Style[] = [];
  for (let s = id ? styles.get(id) : undefined, guard = 0; s && guard < 20; s = s.basedOn ? styles.get(s.basedOn) : undefined, guard++) chain.push(s);
  return chain;
}

const ROMAN: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
    case 'lowerRoman': {
      let out = '';
      let x = n;
      for (const [v, s] of ROMAN) while (x >= v) {
        out += s;
        x -= v;
      }
      return format === 'lowerRoman' ? out.toLowerCase() : out;
    }
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'bullet':
      return '-';
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters of Word's lists: per abstract list, deeper levels restart when a level above moves on. */
class Counters {
  private readonly counts = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}
  next(numId: string, ilvl: number): string | undefined {
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    const levels = this.numbering.abstract.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level) return undefined;
    let counts = this.counts.get(num.abstract);
    if (!counts) this.counts.set(num.abstract, (counts = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (level.start - 1)) + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return '-';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      return formatNumber(counts?.[l] ?? lv?.start ?? 1, l === ilvl ? level.format : lv?.format ?? 'decimal');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// document.xml

interface ParagraphState {
  text: string;
  style?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
}

interface TableState {
  rows: DocCell[][];
  row: DocCell[] | null;
  cell: { texts: string[]; span: number; mergedUp: boolean } | null;
}

function readBody(bytes: Uint8Array, entry: ZipEntry, limits: DocumentLimits, numbering: Numbering, styles: Map<string, Style>): DocBlock[] {
  const blocks: DocBlock[] = [];
  const counters = new Counters(numbering);
  const paragraphs: ParagraphState[] = [];
  const tables: TableState[] = [];
  // text runs are read only inside <w:t>; deleted text, field codes and fallbacks are skipped
  let inText = 0;
  let skip = 0;
  const p = parser();

  const finishParagraph = (state: ParagraphState): void => {
    const chain = styleChain(styles, state.style);
    const numId = state.numId ?? chain.find((s) => s.numId !== undefined)?.numId;
    const ilvl = state.ilvl ?? chain.find((s) => s.ilvl !== undefined)?.ilvl ?? 0;
    const autoNumber = numId && numId !== '0' ? counters.next(numId, ilvl) : undefined;
    const text = state.text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    const table = tables[tables.length - 1];
    if (table?.cell) {
      const line = autoNumber ? `${autoNumber} ${text}`.trim() : text;
      if (line) table.cell.texts.push(line);
      return;
    }
    if (!text && !autoNumber) return;
    const block: DocParagraph = { kind: 'paragraph', text };
    if (autoNumber) block.autoNumber = autoNumber;
    const outline = state.outline ?? chain.find((s) => s.outline !== undefined)?.outline;
    const heading = /^heading (\d)$/i.exec(chain.find((s) => s.name)?.name ?? '');
    if (heading) block.headingLevel = Number(heading[1]);
    else if (outline !== undefined && outline < 9) block.headingLevel = outline + 1;
    blocks.push(block);
  };

  const tags: string[] = [];
  p.on('opentag', (tag) => {
    if (MC_NS.test(tag.uri) && tag.local === 'Fallback') skip++;
    if (!isW(tag)) return;
    const parentTag = tags[tags.length - 1];
    tags.push(tag.local);
    if (skip > 0) {
      if (['del', 'moveFrom', 'instrText', 'delText'].includes(tag.local)) skip++;
      return;
    }
    const para = paragraphs[paragraphs.length - 1];
    switch (tag.local) {
      case 'p':
        paragraphs.push({ text: '' });
        break;
      case 'pStyle':
        if (para) para.style = attr(tag, 'val');
        break;
      case 'numId':
        if (para) para.numId = attr(tag, 'val');
        break;
      case 'ilvl':
        if (para) para.ilvl = Number(attr(tag, 'val') ?? 0);
        break;
      case 'outlineLvl':
        if (para) para.outline = Number(attr(tag, 'val') ?? 9);
        break;
      case 't':
        inText++;
        break;
      case 'del':
      case 'moveFrom':
      case 'instrText':
      case 'delText':
        skip++;
        break;
      case 'tab':
        // a tab character in a run (not a tab stop of the paragraph's properties)
        if (para && parentTag === 'r') para.text += ' ';
        break;
      case 'br':
      case 'cr':
        if (para) para.text += '\n';
        break;
      case 'noBreakHyphen':
        if (para) para.text += '-';
        break;
      case 'tbl':
        tables.push({ rows: [], row: null, cell: null });
        break;
      case 'tr':
        if (tables.length) tables[tables.length - 1].row = [];
        break;
      case 'tc':
        if (tables.length) tables[tables.length - 1].cell = { texts: [], span: 1, mergedUp: false };
        break;
      case 'gridSpan': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell) cell.span = Math.max(1, Number(attr(tag, 'val') ?? 1));
        break;
      }
      case 'vMerge': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell) cell.mergedUp = (attr(tag, 'val') ?? 'continue') === 'continue';
        break;
      }
    }
  });
  p.on('text', (text) => {
    if (inText > 0 && skip === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1].text += text;
  });
  p.on('closetag', (tag) => {
    if (MC_NS.test(tag.uri) && tag.local === 'Fallback') {
      skip--;
      return;
    }
    if (!isW(tag)) return;
    tags.pop();
    if (skip > 0) {
      if (['del', 'moveFrom', 'instrText', 'delText'].includes(tag.local)) skip--;
      return;
    }
    switch (tag.local) {
      case 't':
        inText--;
        break;
      case 'p': {
        const state = paragraphs.pop();
        if (state) finishParagraph(state);
        break;
      }
      case 'tc': {
        const t = tables[tables.length - 1];
        if (t?.cell && t.row) t.row.push({ text: t.cell.texts.join('\n'), span: t.cell.span, ...(t.cell.mergedUp ? { mergedUp: true } : {}) });
        if (t) t.cell = null;
        break;
      }
      case 'tr': {
        const t = tables[tables.length - 1];
        if (t?.row) t.rows.push(t.row);
        if (t) t.row = null;
        break;
      }
      case 'tbl': {
        const t = tables.pop();
        if (!t) break;
        const parent = tables[tables.length - 1];
        // a table inside a cell: its text joins the cell (plans nest tables only for layout)
        if (parent?.cell) parent.cell.texts.push(t.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n'));
        else if (t.rows.length > 0) blocks.push({ kind: 'table', rows: t.rows } as DocTable);
        break;
      }
    }
  });
  streamPart(bytes, entry, limits, (t) => p.write(t));
  p.close();
  return blocks;
}

/** The blocks of a .docx. Refuses, with one sentence, what is not a readable Word document. */
export async function readDocx(bytes: Uint8Array, limits: DocumentLimits = DOCUMENT_LIMITS): Promise<DocBlock[]> {
  const entries = zipEntries(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const main = byName.get('word/document.xml');
  if (!main) refuse(byName.has('xl/workbook.xml') ? 'doc.input.workbook' : 'doc.input.notDocx');
  try {
    const numbering = readNumbering(bytes, byName.get('word/numbering.xml'), limits);
    const styles = readStyles(bytes, byName.get('word/styles.xml'), limits);
    return readBody(bytes, main, limits, numbering, styles);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    refuse('doc.input.damaged');
  }
}

/** UTF-8 text, with or without a byte-order mark; anything else is refused. */
export function readTextBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    refuse('doc.input.encoding');
  }
}

/** A plan document's blocks, from a .docx or a .txt, decided by the bytes (not the name). */
export async function readPlanDocument(bytes: Uint8Array, limits: DocumentLimits = DOCUMENT_LIMITS): Promise<{ kind: 'docx' | 'text'; blocks: DocBlock[] }> {
  const kind = classify(bytes, limits);
  if (kind === 'docx') return { kind, blocks: await readDocx(bytes, limits) };
  return { kind, blocks: blocksFromText(readTextBytes(bytes)) };
}

export { DocumentReadError, DOCUMENT_LIMITS, type DocumentLimits } from './guard';
