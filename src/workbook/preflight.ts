/**
 * Pre-flight inspection of a workbook file before exceljs sees it. exceljs (through JSZip) inflates
 * every part of the zip into one JavaScript string and keeps every cell as an object, so a zip
 * bomb, a million-row sheet or a giant shared-strings table would exhaust memory long before any
 * error could be reported. Here the file is classified by its bytes (zip, OLE compound file, PDF,
 * text), the zip's central directory is checked against the limits, and every part is inflated
 * as a stream — counted, never kept — so the cost of refusing is bounded by the limits themselves.
 * Nothing in a file is executed: macros are detected only to say they were ignored.
 */
import { createInflateRaw, inflateRawSync } from 'zlib';
import type { Message, MessageKey, MessageParams } from '../core/i18n';
import { decodeEnd, GRID, leadingInteger, scanDefinedName, scanRef, scanRefList } from './grid-refs';
import { XmlScanError, XmlScanner } from './xml-scan';

export interface ReadLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Parts in the zip (a workbook with 200 sheets has about 500). */
  maxEntries: number;
  /** All parts inflated. */
  maxUncompressedBytes: number;
  /** One part inflated: exceljs turns each part into one string (V8 strings stop at 2^29 characters). */
  maxPartBytes: number;
  /** Inflated ÷ stored size, checked on parts larger than `ratioFloorBytes` (KH's plans: 10–15). */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Rows of one sheet: its row elements, its declared <dimension>, and the last row read. */
  maxRowsPerSheet: number;
  /** Stored cells in the workbook (exceljs keeps ~0.5 KB per cell). */
  maxCells: number;
  /** Rows × columns of the used ranges, all sheets: the snapshot is dense from A1. */
  maxGridCells: number;
  maxSharedStrings: number;
  /** Merged ranges of one sheet: exceljs checks each new one against all before (quadratic time). */
  maxMergesPerSheet: number;
  /**
   * Memory exceljs will take for what it creates cell by cell: stored cells, every cell of a merged
   * range, of a data-validation range and of a named range (a validation on A1:XFD1048576 is 17
   * billion entries: exceljs would never finish).
   */
  maxEstimatedBytes: number;
}

/** Bytes exceljs takes per cell it creates, measured on Node 20 (docs/design.md, "Hostile files"). */
export const BYTES_PER = { cell: 480, merged: 620, validated: 170, named: 420, style: 300, comment: 730 } as const;

const MB = 1024 * 1024;

/** The limits documented in the README ("Limits") and measured in docs/design.md. */
export const READ_LIMITS: Readonly<ReadLimits> = {
  maxFileBytes: 200 * MB,
  maxEntries: 10_000,
  maxUncompressedBytes: 512 * MB,
  maxPartBytes: 256 * MB,
  maxRatio: 100,
  ratioFloorBytes: 8 * MB,
  maxRowsPerSheet: 200_000,
  maxCells: 1_500_000,
  maxGridCells: 5_000_000,
  maxSharedStrings: 1_000_000,
  maxMergesPerSheet: 10_000,
  maxEstimatedBytes: 1024 * MB,
};

/** Why a file cannot be read, as a catalogue message; the caller adds {file}. */
export class WorkbookReadError extends Error {
  constructor(readonly problem: Message) {
    super(problem.key);
    this.name = 'WorkbookReadError';
  }
}

function refuse(key: MessageKey, params: MessageParams = {}): never {
  throw new WorkbookReadError({ key, params });
}

export interface Inspection {
  format: 'xlsx' | 'xlsm';
  /** VBA project, Excel 4 macro sheets or dialog sheets: never run, dropped from what KH writes. */
  macros: boolean;
  entries: number;
  uncompressedBytes: number;
  cells: number;
  sharedStrings: number;
  /** Cells of merged, data-validation and named ranges (exceljs creates each one). */
  merged: number;
  validated: number;
  named: number;
  /** Formats, fonts, fills, borders of xl/styles.xml; notes of xl/comments*.xml. */
  styles: number;
  comments: number;
  estimatedBytes: number;
  /** Where the workbook's external-link parts point (xl/externalLinks/_rels). */
  externalLinks: string[];
}

const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Classifies bytes that are not a zip: each kind gets its own advice. */
function notZip(bytes: Buffer): never {
  if (bytes.length === 0) refuse('input.empty');
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB_MAGIC)) refuse(compoundFileKind(bytes));
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') refuse('input.pdf');
  refuse('input.notWorkbook');
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (CFB): .xls, password-protected OOXML, old Word / PowerPoint

const FREE_SECT = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/** The names in a compound file's directory (lower case), or null when its structure is broken. */
export function compoundFileNames(bytes: Buffer): Set<string> | null {
  if (bytes.length < 512) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (n: number): number => (n + 1) * size;
  const fatCount = bytes.readUInt32LE(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  // the rest of the FAT's sector list lives in DIFAT sectors (files above ~7 MB)
  let difat = bytes.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE_SECT && fatSectors.length < fatCount && guard < 10_000; guard++) {
    const at = sectorAt(difat);
    if (at + size > bytes.length) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(at + i * 4));
    difat = bytes.readUInt32LE(at + size - 4);
  }
  const next = (sector: number): number | null => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return null;
    const at = sectorAt(fat) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? bytes.readUInt32LE(at) : null;
  };
  const names = new Set<string>();
  let dir = bytes.readUInt32LE(0x30);
  for (let guard = 0; dir !== END_OF_CHAIN; guard++) {
    const at = sectorAt(dir);
    if (guard > 100_000 || at + size > bytes.length) return names.size > 0 ? names : null;
    for (let o = at; o < at + size; o += 128) {
      const length = bytes.readUInt16LE(o + 0x40);
      const type = bytes[o + 0x42];
      if (type === 0 || length < 2 || length > 64) continue;
      names.add(bytes.toString('utf16le', o, o + length - 2).toLowerCase());
    }
    const n = next(dir);
    if (n === null) return names.size > 0 ? names : null;
    dir = n;
  }
  return names;
}

function compoundFileKind(bytes: Buffer): MessageKey {
  let names = compoundFileNames(bytes);
  if (!names) {
    // a truncated or damaged container: its directory names may still be read in the raw bytes
    // (the first and last 4 MB: directories sit near either end, and the text stays small)
    const ends = bytes.length > 8 * MB ? Buffer.concat([bytes.subarray(0, 4 * MB), bytes.subarray(bytes.length - 4 * MB)]) : bytes;
    const text = ends.toString('utf16le').toLowerCase() + ends.subarray(1).toString('utf16le').toLowerCase();
    names = new Set(['encryptedpackage', 'encryptioninfo', 'workbook', 'book', 'worddocument', 'powerpoint document'].filter((n) => text.includes(`${n}\0`)));
  }
  if (names.has('encryptedpackage') || names.has('encryptioninfo')) return 'input.encrypted';
  if (names.has('workbook') || names.has('book')) return 'input.xls';
  if (names.has('worddocument') || names.has('powerpoint document')) return 'input.otherOffice';
  return 'input.notWorkbook';
}

// ---------------------------------------------------------------------------------------------
// zip

interface ZipPart {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

function u64(bytes: Buffer, at: number): number {
  return Number(bytes.readBigUInt64LE(at));
}

/** The central directory, or a refusal: truncated (no end record), damaged, multi-volume. */
function centralDirectory(bytes: Buffer, maxEntries: number): ZipPart[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  // a download or copy cut short loses the end first: the directory is at the end of a zip
  if (eocd < 0) refuse('input.truncated');
  let count = bytes.readUInt16LE(eocd + 10);
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) refuse('input.damaged');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) refuse('input.damaged');
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== 0x06064b50) refuse('input.truncated');
    count = u64(bytes, record + 32);
    cdSize = u64(bytes, record + 40);
    cdOffset = u64(bytes, record + 48);
  }
  if (cdOffset + cdSize > bytes.length) refuse('input.truncated');
  if (count > maxEntries) refuse('input.entries', { count, limit: maxEntries });
  const parts: ZipPart[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) refuse('input.damaged');
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > bytes.length) refuse('input.truncated');
    const part: ZipPart = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, ''),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    // zip64: the real sizes are in extra field 0x0001, in this order, only for the saturated fields
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = bytes.readUInt16LE(e);
      const len = bytes.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => {
          if (q + 8 > e + 4 + len) refuse('input.damaged');
          const v = u64(bytes, q);
          q += 8;
          return v;
        };
        if (part.size === 0xffffffff) part.size = take();
        if (part.compressed === 0xffffffff) part.compressed = take();
        if (part.localOffset === 0xffffffff) part.localOffset = take();
      }
      e += 4 + len;
    }
    parts.push(part);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function dataOf(bytes: Buffer, part: ZipPart): Buffer {
  const at = part.localOffset;
  if (at + 30 > bytes.length) refuse('input.truncated');
  if (bytes.readUInt32LE(at) !== 0x04034b50) refuse('input.damaged');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + part.compressed > bytes.length) refuse('input.truncated');
  return bytes.subarray(start, start + part.compressed);
}

/** The parts of a zip KH or exceljs wrote, or one the pre-flight accepted (for comparing two files). */
export function zipParts(bytes: Buffer, limits: ReadLimits = READ_LIMITS): Array<{ name: string; size: number; read: (onChunk: (chunk: Buffer) => void) => Promise<void> }> {
  return centralDirectory(bytes, limits.maxEntries).map((part) => ({ name: part.name, size: part.size, read: (onChunk) => eachChunk(dataOf(bytes, part), part, onChunk) }));
}

const SMALL_PART = 1024 * 1024;
const STREAM_CHUNK = 64 * 1024;

/**
 * Inflates a part chunk by chunk, never holding more than one chunk: more bytes than the header
 * declared is a lie (the trick of a bomb that hides its size) and stops at once.
 */
async function eachChunk(data: Buffer, part: ZipPart, onChunk: (chunk: Buffer) => void): Promise<void> {
  if (part.method === 0) {
    if (data.length !== part.size) refuse('input.damaged');
    for (let o = 0; o < data.length; o += STREAM_CHUNK) onChunk(data.subarray(o, o + STREAM_CHUNK));
    return;
  }
  if (part.size <= SMALL_PART) {
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(part.size, 1) });
    } catch {
      refuse('input.damaged');
    }
    if (out.length !== part.size) refuse('input.damaged');
    onChunk(out);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: STREAM_CHUNK });
    let total = 0;
    let done = false;
    const stop = (error: unknown): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      reject(error instanceof WorkbookReadError ? error : new WorkbookReadError({ key: 'input.damaged', params: {} }));
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > part.size) return stop(new WorkbookReadError({ key: 'input.damaged', params: {} }));
      try {
        onChunk(chunk);
      } catch (error) {
        stop(error);
      }
    });
    inflate.on('error', stop);
    inflate.on('end', () => {
      if (done) return;
      done = true;
      if (total !== part.size) reject(new WorkbookReadError({ key: 'input.damaged', params: {} }));
      else resolve();
    });
    inflate.end(data);
  });
}

/** Counts `<tag` followed by a delimiter across chunk boundaries (a tag split over two chunks counts once). */
export class TagCounter {
  private carry = Buffer.alloc(0);
  readonly counts: number[];
  constructor(private readonly tags: Buffer[]) {
    this.counts = tags.map(() => 0);
  }
  feed(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const carried = this.carry.length;
    this.tags.forEach((tag, t) => {
      for (let i = buf.indexOf(tag); i >= 0; i = buf.indexOf(tag, i + 1)) {
        const after = buf[i + tag.length];
        if (after === undefined) break; // decided with the next chunk
        if (i + tag.length + 1 <= carried) continue; // counted with the previous chunk
        if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) this.counts[t]++;
      }
    });
    this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - 5)));
  }
}

// ---------------------------------------------------------------------------------------------
// the parts read with the XML tokenizer: workbook, worksheets, tables, notes

const STYLE_ITEMS = ['<xf', '<font', '<fill', '<border', '<numFmt', '<dxf'].map((t) => Buffer.from(t));
const STRING_ITEM = Buffer.from('<si');

/** Attributes that hold cell references or lists of them, on any element of a sheet or table. */
const REF_ATTRIBUTES = ['ref', 'sqref', 'activeCell', 'topLeftCell'] as const;

/** A start tag as text, for messages: `<mergeCell ref="A1:XFD99999999">` (values decoded). */
function tagText(local: string, attributes: Record<string, string>, names: readonly string[]): string {
  const shown = names.filter((n) => attributes[n] !== undefined).map((n) => ` ${n}="${attributes[n].length > 60 ? `${attributes[n].slice(0, 60)}…` : attributes[n]}"`);
  return `<${local}${shown.join('')}>`;
}

function outOfGrid(sheet: string, ref: string, what: string): never {
  refuse('input.outOfGrid', { sheet, ref: ref.length > 60 ? `${ref.slice(0, 60)}…` : ref, what });
}

/** Every reference attribute of a tag bounded by the grid (the sheet or part is named if not). */
function boundRefs(sheet: string, local: string, attributes: Record<string, string>): void {
  for (const name of REF_ATTRIBUTES) {
    const value = attributes[name];
    if (value === undefined) continue;
    const scan = scanRefList(value);
    if (scan.outside !== null) outOfGrid(sheet, scan.outside, tagText(local, attributes, [name]));
  }
}

interface WorkbookXml {
  /** Sheet name → relationship id. */
  sheets: Array<{ name: string; rid: string }>;
  /** Cells of the defined names that exceljs expands. */
  named: number;
}

/** xl/workbook.xml: its sheets, and its defined names bounded by the grid. */
function workbookReader(found: WorkbookXml): XmlScanner {
  let current = '';
  return new XmlScanner(
    ({ local, attributes }) => {
      if (local === 'sheet') {
        const rid = Object.entries(attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
        found.sheets.push({ name: attributes.name ?? '', rid });
      }
      if (local === 'definedName') current = attributes.name ?? '';
    },
    new Set(['definedName']),
    (_local, text) => {
      const scan = scanDefinedName(text);
      if (scan.outside !== null) refuse('input.nameOutOfGrid', { name: current, ref: scan.outside.length > 60 ? `${scan.outside.slice(0, 60)}…` : scan.outside });
      // print areas and titles go to the page setup: exceljs expands no cell of them
      if (!/^_xlnm\.Print_(Area|Titles)$/i.test(current)) found.named += scan.area;
    },
  );
}

/** xl/_rels/workbook.xml.rels: relationship id → part. */
function relationshipsReader(targets: Map<string, string>): XmlScanner {
  return new XmlScanner(({ local, attributes }) => {
    if (local === 'Relationship' && attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target.replace(/^\/?(xl\/)?/, 'xl/'));
  });
}

/** Runs a part through a scanner; XML exceljs would reject is damage, a DTD is refused. */
async function scanPart(bytes: Buffer, part: ZipPart, scanner: XmlScanner, onChunk: () => void = () => undefined): Promise<void> {
  try {
    await eachChunk(dataOf(bytes, part), part, (chunk) => {
      scanner.feed(chunk);
      onChunk();
    });
    scanner.end();
  } catch (error) {
    if (error instanceof XmlScanError) refuse('input.damaged');
    throw error;
  }
}

/** The same test exceljs uses to decide a part is a worksheet (unanchored, as there). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const TABLE = /xl\/tables\/table\d+[.]xml/;
const COMMENTS = /xl\/comments\d+[.]xml/;

/**
 * Inspects a workbook file. Refuses (WorkbookReadError) what KH cannot or should not read; returns
 * what it found otherwise. Bounded in memory by one inflated chunk, in time by the limits.
 */
export async function inspectWorkbook(bytes: Buffer, limits: ReadLimits = READ_LIMITS): Promise<Inspection> {
  if (bytes.length > limits.maxFileBytes) refuse('input.tooLarge', { size: Math.ceil(bytes.length / MB), limit: limits.maxFileBytes / MB });
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    // an empty zip (only an end record) is a zip, but no workbook
    if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x06054b50) refuse('input.notWorkbook');
    notZip(bytes);
  }
  const parts = centralDirectory(bytes, limits.maxEntries);
  const byName = new Map(parts.map((p) => [p.name, p]));
  const workbookPart = byName.get('xl/workbook.xml');
  if (!workbookPart) {
    if (byName.has('xl/workbook.bin')) refuse('input.xlsb');
    if (byName.has('content.xml') && byName.has('mimetype')) refuse('input.ods');
    if ([...byName.keys()].some((n) => n.startsWith('word/') || n.startsWith('ppt/'))) refuse('input.otherOffice');
    refuse('input.notWorkbook');
  }
  let total = 0;
  for (const part of parts) {
    if (part.flags & 1) refuse('input.damaged'); // zip encryption: never written by Office
    if (part.method !== 0 && part.method !== 8) refuse('input.damaged');
    total += part.size;
    // the bomb's signature first, so its message says bomb rather than "split the sheet"
    if (part.size > limits.ratioFloorBytes && part.size / Math.max(part.compressed, 1) > limits.maxRatio) {
      refuse('input.ratio', { part: part.name, ratio: Math.round(part.size / Math.max(part.compressed, 1)), limit: limits.maxRatio });
    }
  }
  for (const part of parts) {
    if (part.size > limits.maxPartBytes) refuse('input.partTooLarge', { part: part.name, size: Math.ceil(part.size / MB), limit: limits.maxPartBytes / MB });
  }
  if (total > limits.maxUncompressedBytes) refuse('input.unpacked', { size: Math.ceil(total / MB), limit: limits.maxUncompressedBytes / MB });

  const small = async (name: string): Promise<string> => {
    const part = byName.get(name);
    if (!part || part.size > SMALL_PART * 8) return '';
    const chunks: Buffer[] = [];
    await eachChunk(dataOf(bytes, part), part, (c) => chunks.push(Buffer.from(c)));
    return Buffer.concat(chunks).toString('utf8');
  };
  const contentTypes = await small('[Content_Types].xml');

  // the workbook first: sheet names for the messages, defined names bounded before any sheet
  const book: WorkbookXml = { sheets: [], named: 0 };
  await scanPart(bytes, workbookPart, workbookReader(book));
  const targets = new Map<string, string>();
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (rels) await scanPart(bytes, rels, relationshipsReader(targets));
  const sheetOfPart = new Map<string, string>();
  for (const s of book.sheets) {
    const target = targets.get(s.rid);
    if (target) sheetOfPart.set(target, s.name);
  }
  // the files external-link parts point to (exceljs keeps none of them; the rule and the writers need them)
  const externalLinks: string[] = [];
  for (const part of parts) {
    if (!/^xl\/externalLinks\/_rels\/externalLink\d+\.xml\.rels$/.test(part.name)) continue;
    await scanPart(
      bytes,
      part,
      new XmlScanner(({ local, attributes }) => {
        if (local === 'Relationship' && attributes.Target && /externalLinkPath|oleObject|ddeObject/i.test(attributes.Type ?? '')) externalLinks.push(attributes.Target);
      }),
    );
  }
  // tables and notes are named by the sheet they belong to (its relationships say which)
  for (const part of parts) {
    const m = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(part.name);
    const owner = m ? sheetOfPart.get(`xl/worksheets/${m[1]}`) : undefined;
    if (!m || owner === undefined) continue;
    const own = new Map<string, string>();
    await scanPart(bytes, part, relationshipsReader(own));
    for (const target of own.values()) sheetOfPart.set(target.replace(/^xl\/\.\.\//, 'xl/'), owner);
  }

  let macros = /macroEnabled/i.test(contentTypes);
  let cells = 0;
  let strings = 0;
  let merged = 0;
  let validated = 0;
  let styles = 0;
  let comments = 0;
  const named = book.named;
  const estimate = (stored: number): number =>
    stored * BYTES_PER.cell + merged * BYTES_PER.merged + validated * BYTES_PER.validated + named * BYTES_PER.named + styles * BYTES_PER.style + comments * BYTES_PER.comment;
  const checkMemory = (stored: number, sheet: string): void => {
    const bytes = estimate(stored);
    if (bytes > limits.maxEstimatedBytes) {
      refuse('input.memory', { size: Math.ceil(bytes / MB), limit: Math.floor(limits.maxEstimatedBytes / MB), cells: stored, merged, validated, named, styles, comments, sheet });
    }
  };
  checkMemory(0, '');
  for (const part of parts) {
    if (/(^|\/)vbaProject\.bin$/i.test(part.name) || /^xl\/(macrosheets|dialogsheets)\//i.test(part.name)) macros = true;
    if (part === workbookPart || part === rels) continue;
    const sheet = sheetOfPart.get(part.name) ?? part.name;
    if (WORKSHEET.test(part.name)) {
      let rows = 0;
      let merges = 0;
      const scanner = new XmlScanner(
        ({ local, attributes }) => {
          if (local === 'c') {
            cells++;
            if (cells > limits.maxCells) refuse('input.cells', { cells, limit: limits.maxCells, sheet });
            const r = attributes.r;
            if (r !== undefined && scanRef(r).outside !== null) outOfGrid(sheet, r, tagText(local, attributes, ['r']));
            return;
          }
          if (local === 'row') {
            rows++;
            if (rows > limits.maxRowsPerSheet) refuse('input.rows', { rows, limit: limits.maxRowsPerSheet, sheet });
            const r = leadingInteger(attributes.r ?? '');
            if (r > GRID.rows) outOfGrid(sheet, attributes.r, tagText(local, attributes, ['r']));
            return;
          }
          if (local === 'dimension') {
            const ref = attributes.ref ?? '';
            const scan = scanRef(ref);
            if (scan.outside !== null) outOfGrid(sheet, ref, tagText(local, attributes, ['ref']));
            const [first, last = first] = ref.split(':').map(decodeEnd);
            // Excel writes the used range here: a sheet that says it is too tall is refused unread
            const lastRow = Math.max(first.row ?? 0, last.row ?? 0);
            if (lastRow > limits.maxRowsPerSheet) refuse('input.rows', { rows: lastRow, limit: limits.maxRowsPerSheet, sheet });
            return;
          }
          if (local === 'col') {
            // exceljs makes one column object for every index up to max
            const min = leadingInteger(attributes.min ?? '');
            const max = leadingInteger(attributes.max ?? '');
            if (min > GRID.columns || max > GRID.columns) outOfGrid(sheet, `${attributes.min}–${attributes.max}`, tagText(local, attributes, ['min', 'max']));
            return;
          }
          boundRefs(sheet, local, attributes);
          if (local === 'mergeCell') {
            merges++;
            if (merges > limits.maxMergesPerSheet) refuse('input.merges', { count: merges, limit: limits.maxMergesPerSheet, sheet });
            merged += scanRef(attributes.ref ?? '').area;
          } else if (local === 'dataValidation') validated += scanRefList(attributes.sqref ?? '').area;
        },
        // the sqref of extension lists (x14 validations, conditional formats) is element text
        new Set(['sqref']),
        (_local, text) => {
          const scan = scanRefList(text);
          if (scan.outside !== null) outOfGrid(sheet, scan.outside, `<sqref>${text.length > 60 ? `${text.slice(0, 60)}…` : text}</sqref>`);
        },
      );
      await scanPart(bytes, part, scanner, () => checkMemory(cells, sheet));
      checkMemory(cells, sheet);
      continue;
    }
    if (TABLE.test(part.name)) {
      await scanPart(bytes, part, new XmlScanner(({ local, attributes }) => boundRefs(sheet, local, attributes)));
      continue;
    }
    if (COMMENTS.test(part.name)) {
      await scanPart(
        bytes,
        part,
        new XmlScanner(({ local, attributes }) => {
          boundRefs(sheet, local, attributes);
          if (local === 'comment') comments++;
        }),
        () => checkMemory(cells, part.name),
      );
      checkMemory(cells, part.name);
      continue;
    }
    const isStrings = part.name === 'xl/sharedStrings.xml';
    const isStyles = part.name === 'xl/styles.xml';
    const isXml = /\.(xml|rels|vml)$/i.test(part.name);
    const counter = isStrings ? new TagCounter([STRING_ITEM]) : isStyles ? new TagCounter(STYLE_ITEMS) : null;
    let head = true;
    const countedBefore = styles;
    await eachChunk(dataOf(bytes, part), part, (chunk) => {
      if (head && isXml) {
        head = false;
        // OPC forbids DTDs in a package; one here can only be an entity-expansion attempt
        if (/<!DOCTYPE|<!ENTITY/i.test(chunk.subarray(0, 4096).toString('latin1'))) refuse('input.damaged');
      }
      if (!counter) return;
      counter.feed(chunk);
      if (isStrings && counter.counts[0] > limits.maxSharedStrings) refuse('input.strings', { count: counter.counts[0], limit: limits.maxSharedStrings });
      if (isStyles) {
        styles = countedBefore + counter.counts.reduce((x, y) => x + y, 0);
        checkMemory(cells, part.name);
      }
    });
    if (isStrings && counter) strings = counter.counts[0];
  }
  return { format: macros ? 'xlsm' : 'xlsx', macros, entries: parts.length, uncompressedBytes: total, cells, sharedStrings: strings, merged, validated, named, styles, comments, estimatedBytes: estimate(cells), externalLinks };
}
