/**
 * An .xlsx the officer picks in the task pane (the older version of the plan, for Đối chiếu hai
 * bản) → the same snapshot the command reads with exceljs, read here in the browser: exceljs
 * would bring a megabyte, Node's streams and a `Function(...)` the pane's Content-Security-Policy
 * refuses. The zip's directory is checked by guard.ts, each part is inflated step by step by the
 * .docx reader's `streamPart` (never past its declared size or the limit) and walked by saxes —
 * no DOM, no entity ever expanded. Only what the rules and the table model read is kept: values
 * (shared strings, inline strings, numbers, booleans, errors), formulas (a shared formula written
 * out for every cell it covers, as exceljs does), number formats, font names, bold and indent,
 * merged areas, hidden rows, sheet visibility and protection, hyperlinks, defined names.
 * Nothing is computed: a formula's value is the one Excel cached. test/province/pane-xlsx.test.ts
 * proves the figures equal exceljs's read of the same bytes.
 */
import { SaxesParser, SaxesTagNS } from 'saxes';
import type { CellValue, NameSpec } from '../core/book/model';
import type { CellEmphasis, SheetSnapshot, WorkbookSnapshot } from '../core/book/snapshot';
import { cellAddress, columnIndex, columnLetter } from '../core/book/address';
import type { Message, MessageKey, MessageParams } from '../core/i18n';
import { DocumentLimits, DocumentReadError, ZipEntry, zipEntries } from './guard';
import { streamPart } from './docx';

/** Limits of a workbook read in the pane's memory (a commune's plan is well under a megabyte). */
export const PICKED_WORKBOOK_LIMITS: Readonly<DocumentLimits> = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxPartBytes: 128 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 8 * 1024 * 1024,
  maxTextBytes: 0,
};

/** Cells of the dense snapshot, all sheets (the command's limit). */
const MAX_GRID_CELLS = 5_000_000;

/** Why a picked workbook cannot be read, as a catalogue message; the caller adds {file}. */
export class PickedWorkbookError extends Error {
  constructor(readonly problem: Message) {
    super(problem.key);
    this.name = 'PickedWorkbookError';
  }
}

function refuse(key: MessageKey, params: MessageParams = {}): never {
  throw new PickedWorkbookError({ key, params });
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function parser(): SaxesParser<{ xmlns: true }> {
  return new SaxesParser({ xmlns: true });
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true';

/** Excel's built-in number formats KH may meet (exceljs's table, by id). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A number under a date format is a date (as exceljs reads it): brackets and quoted text do not count. */
function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): string | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

interface Xf {
  format: string | null;
  font: string | null;
  bold: boolean;
  indent: number;
}

interface Part {
  bytes: Uint8Array;
  byName: Map<string, ZipEntry>;
}

function walk(part: Part, name: string, on: (p: SaxesParser<{ xmlns: true }>) => void): boolean {
  const entry = part.byName.get(name.toLowerCase());
  if (!entry) return false;
  const p = parser();
  on(p);
  streamPart(part.bytes, entry, PICKED_WORKBOOK_LIMITS, (t) => p.write(t));
  p.close();
  return true;
}

/** "xl/worksheets/sheet1.xml" from a relationship target, relative to the part's folder or absolute. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function readRels(part: Part, name: string): Map<string, { target: string; external: boolean }> {
  const rels = new Map<string, { target: string; external: boolean }>();
  walk(part, name, (p) =>
    p.on('opentag', (tag) => {
      if (tag.local !== 'Relationship') return;
      rels.set(attr(tag, 'Id') ?? '', { target: attr(tag, 'Target') ?? '', external: attr(tag, 'TargetMode') === 'External' });
    }),
  );
  return rels;
}

function readSharedStrings(part: Part, name: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  // phonetic runs (<rPh>) are a reading aid, not the cell's text
  let phonetic = 0;
  let inText = false;
  walk(part, name, (p) => {
    p.on('opentag', (tag) => {
      if (tag.local === 'si') current = [];
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && phonetic === 0) inText = true;
    });
    p.on('text', (t) => {
      if (inText && current) current.push(t);
    });
    p.on('closetag', (tag) => {
      if (tag.local === 't') inText = false;
      else if (tag.local === 'rPh') phonetic--;
      else if (tag.local === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    });
  });
  return strings;
}

function readStyles(part: Part, name: string): Xf[] {
  const formats = new Map<number, string>();
  const fonts: Array<{ name: string | null; bold: boolean }> = [];
  const xfs: Xf[] = [];
  let section: 'fonts' | 'cellXfs' | null = null;
  let font: { name: string | null; bold: boolean } | null = null;
  let xf: Xf | null = null;
  walk(part, name, (p) => {
    p.on('opentag', (tag) => {
      switch (tag.local) {
        case 'numFmt':
          formats.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
          break;
        case 'fonts':
        case 'cellXfs':
          section = tag.local;
          break;
        case 'font':
          if (section === 'fonts') font = { name: null, bold: false };
          break;
        case 'name':
          if (font) font.name = attr(tag, 'val') ?? null;
          break;
        case 'b':
          if (font) font.bold = attr(tag, 'val') === undefined || truthy(attr(tag, 'val'));
          break;
        case 'xf':
          if (section === 'cellXfs') {
            const id = Number(attr(tag, 'numFmtId') ?? 0);
            const f = fonts[Number(attr(tag, 'fontId') ?? 0)];
            // General (0) is no format, as exceljs reads it
            xf = { format: id ? (formats.get(id) ?? BUILT_IN_FORMATS[id] ?? null) : null, font: f?.name ?? null, bold: f?.bold ?? false, indent: 0 };
          }
          break;
        case 'alignment':
          if (xf) xf.indent = Number(attr(tag, 'indent') ?? 0) || 0;
          break;
      }
    });
    p.on('closetag', (tag) => {
      if (tag.local === 'font' && font) {
        fonts.push(font);
        font = null;
      } else if (tag.local === 'xf' && xf) {
        xfs.push(xf);
        xf = null;
      } else if (tag.local === 'fonts' || tag.local === 'cellXfs') section = null;
    });
  });
  return xfs;
}

/** A shared formula written for another cell: relative references move by the offset, as Excel fills. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  // text in quotes is left alone; a name followed by "(" is a function
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(/((?:'(?:[^']|'')+'|[A-Za-z_\-0-9.]+)!)?(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]*)(?![A-Za-z0-9_(.!])/g, (whole, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, at: number, text: string) => {
            // the tail of a longer name (TABLE1) is not a cell
            if (at > 0 && /[A-Za-z0-9_.]/.test(text[at - 1])) return whole;
            const letters = col.toUpperCase();
            if (letters.length === 3 && letters > 'XFD') return whole;
            const c = colAbs ? columnIndex(letters) : columnIndex(letters) + to.col - from.col;
            const r = rowAbs ? Number(row) : Number(row) + to.row - from.row;
            if (c < 0 || r < 1) return '#REF!';
            return `${sheet ?? ''}${colAbs}${columnLetter(c)}${rowAbs}${r}`;
          }),
    )
    .join('');
}

function parseAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1].toUpperCase()) } : null;
}

interface CellRead {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  format: string | null;
  font: string | null;
  xf: Xf | undefined;
}

function readSheet(part: Part, file: string, name: string, state: SheetSnapshot['visibility'], context: { strings: string[]; xfs: Xf[]; date1904: boolean; grid: { cells: number } }): SheetSnapshot {
  const cells: CellRead[] = [];
  const hiddenRows: number[] = [];
  const merges: string[] = [];
  const styles: CellEmphasis[] = [];
  const linkIds: Array<{ cell: string; id: string }> = [];
  const shared = new Map<string, { formula: string; at: { row: number; col: number } }>();
  let isProtected = false;
  let cell: { row: number; col: number; type: string; xf: Xf | undefined; v: string[] | null; f: string[] | null; fShared: string | null; fIsShared: boolean; inline: string[] | null } | null = null;
  let into: 'v' | 'f' | 'is' | null = null;
  let rowIndex = -1;
  let nextCol = 0;
  walk(part, file, (p) => {
    p.on('opentag', (tag) => {
      switch (tag.local) {
        case 'row': {
          const r = attr(tag, 'r');
          rowIndex = r ? Number(r) - 1 : rowIndex + 1;
          nextCol = 0;
          if (truthy(attr(tag, 'hidden'))) hiddenRows.push(rowIndex);
          break;
        }
        case 'c': {
          const at = parseAddress(attr(tag, 'r') ?? '') ?? { row: rowIndex, col: nextCol };
          nextCol = at.col + 1;
          const s = attr(tag, 's');
          cell = { ...at, type: attr(tag, 't') ?? 'n', xf: s === undefined ? undefined : context.xfs[Number(s)], v: null, f: null, fShared: null, fIsShared: false, inline: null };
          break;
        }
        case 'v':
          if (cell) {
            cell.v = [];
            into = 'v';
          }
          break;
        case 'f':
          if (cell) {
            cell.f = [];
            into = 'f';
            if (attr(tag, 't') === 'shared') {
              cell.fIsShared = true;
              cell.fShared = attr(tag, 'si') ?? null;
            }
          }
          break;
        case 'is':
          if (cell) cell.inline = [];
          break;
        case 't':
          if (cell?.inline) into = 'is';
          break;
        case 'rPh':
          into = null;
          break;
        case 'mergeCell': {
          const ref = attr(tag, 'ref');
          if (ref) merges.push(ref);
          break;
        }
        case 'sheetProtection':
          isProtected = true;
          break;
        case 'hyperlink': {
          const id = attr(tag, 'id');
          const ref = attr(tag, 'ref');
          if (id && ref) linkIds.push({ cell: ref.split(':')[0], id });
          break;
        }
      }
    });
    p.on('text', (t) => {
      if (!cell || !into) return;
      if (into === 'v') cell.v?.push(t);
      else if (into === 'f') cell.f?.push(t);
      else cell.inline?.push(t);
    });
    p.on('closetag', (tag) => {
      if (tag.local === 'v' || tag.local === 'f' || tag.local === 't') into = null;
      if (tag.local !== 'c' || !cell) return;
      const c = cell;
      cell = null;
      let formula: string | null = null;
      if (c.f !== null) {
        const text = c.f.join('');
        if (c.fIsShared && c.fShared !== null) {
          const master = shared.get(c.fShared);
          if (text !== '') shared.set(c.fShared, { formula: text, at: { row: c.row, col: c.col } });
          formula = text !== '' ? text : master ? slideFormula(master.formula, master.at, c) : null;
        } else if (text !== '') formula = text;
      }
      const raw = c.v?.join('') ?? null;
      const format = c.xf?.format ?? null;
      let value: CellValue = null;
      if (c.type === 'inlineStr') value = c.inline?.join('') ?? raw;
      else if (raw !== null) {
        switch (c.type) {
          case 's':
            value = context.strings[Number(raw)] ?? null;
            break;
          case 'str':
            // an empty text result reads as nothing, as exceljs reads it
            value = formula && raw === '' ? null : raw;
            break;
          case 'b':
            value = raw === '1' || raw === 'true';
            break;
          case 'e':
            value = raw;
            break;
          default: {
            const n = Number(raw.trim());
            // <v>NaN</v>, <v>1E+400</v>: no number Excel holds; said with its cell, never read as blank
            if (raw.trim() === '' || !Number.isFinite(n)) refuse('input.badNumber', { sheet: name, cell: cellAddress(c.row, c.col), text: raw });
            // under a date format a number is a date; a formula's date result is not a figure
            value = isDateFormat(format) ? (formula ? null : excelDate(n, context.date1904)) : n;
          }
        }
      }
      cells.push({ row: c.row, col: c.col, value, formula: formula === null ? null : `=${formula}`, format, font: c.xf?.font ?? null, xf: c.xf });
    });
  });
  const rows = cells.reduce((m, c) => Math.max(m, c.row + 1), 0);
  const cols = cells.reduce((m, c) => Math.max(m, c.col + 1), 0);
  context.grid.cells += rows * cols;
  if (context.grid.cells > MAX_GRID_CELLS) refuse('pdiff.input.tooLarge');
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const fonts: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  // the other cells of a merged area hold nothing in Excel, whatever the file repeats there
  const covered = new Set<string>();
  for (const m of merges) {
    const [a, b = a] = m.split(':');
    const from = parseAddress(a);
    const to = parseAddress(b);
    if (!from || !to) continue;
    for (let r = from.row; r <= to.row; r++) for (let col = from.col; col <= to.col; col++) if (r !== from.row || col !== from.col) covered.add(`${r}:${col}`);
  }
  for (const c of cells) {
    // a styled cell holding nothing is no cell, as exceljs walks them
    if (covered.has(`${c.row}:${c.col}`) || (c.value === null && c.formula === null)) continue;
    values[c.row][c.col] = c.value;
    formulas[c.row][c.col] = c.formula;
    numberFormats[c.row][c.col] = c.format;
    fonts[c.row][c.col] = c.font;
    if (c.xf && (c.xf.bold || c.xf.indent > 0)) styles.push({ row: c.row, col: c.col, ...(c.xf.bold ? { bold: true } : {}), ...(c.xf.indent > 0 ? { indent: c.xf.indent } : {}) });
  }
  const sheetRels = linkIds.length > 0 ? readRels(part, `${file.replace(/[^/]+$/, '')}_rels/${file.split('/').pop() ?? ''}.rels`) : new Map<string, { target: string; external: boolean }>();
  const hyperlinks = linkIds.flatMap((l) => {
    const target = sheetRels.get(l.id)?.target;
    return target ? [{ cell: l.cell, target }] : [];
  });
  return { name, visibility: state, values, formulas, numberFormats, fonts, protected: isProtected, hiddenRows, merges, styles, ...(hyperlinks.length > 0 ? { hyperlinks } : {}) };
}

/** What the bytes are before any unzipping: a workbook package, or the sentence saying what they are instead. */
function classify(bytes: Uint8Array): void {
  if (bytes.length === 0) refuse('pdiff.input.empty');
  if (bytes.length > PICKED_WORKBOOK_LIMITS.maxFileBytes) refuse('pdiff.input.tooLarge');
  if (CFB.every((x, i) => bytes[i] === x)) {
    // an encrypted .xlsx and an old .xls are both compound files
    let names = '';
    for (let i = 0; i < Math.min(bytes.length - 1, 1 << 20); i += 2) names += bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i + 1] === 0 ? String.fromCharCode(bytes[i]) : ' ';
    refuse(/encryptedpackage|encryptioninfo/i.test(names) ? 'pdiff.input.encrypted' : 'pdiff.input.xls');
  }
  if (!ZIP.every((x, i) => bytes[i] === x)) refuse('pdiff.input.notXlsx');
}

/** The picked workbook's snapshot. Refuses, with one sentence, what is not a readable .xlsx. */
export function readPickedWorkbook(bytes: Uint8Array): WorkbookSnapshot {
  classify(bytes);
  try {
    const entries = zipEntries(bytes, PICKED_WORKBOOK_LIMITS);
    const part: Part = { bytes, byName: new Map(entries.map((e) => [e.name.toLowerCase(), e])) };
    if (!part.byName.has('xl/workbook.xml')) refuse(part.byName.has('word/document.xml') ? 'pdiff.input.docx' : 'pdiff.input.notXlsx');
    const books: Array<{ name: string; state: SheetSnapshot['visibility']; rel: string }> = [];
    const names: NameSpec[] = [];
    let date1904 = false;
    let definedName: { name: string; local: boolean; text: string[] } | null = null;
    walk(part, 'xl/workbook.xml', (p) => {
      p.on('opentag', (tag) => {
        if (tag.local === 'sheet') {
          const state = attr(tag, 'state');
          books.push({ name: attr(tag, 'name') ?? '', state: state === 'veryHidden' ? 'veryHidden' : state === 'hidden' ? 'hidden' : 'visible', rel: attr(tag, 'id') ?? '' });
        } else if (tag.local === 'workbookPr') date1904 = truthy(attr(tag, 'date1904'));
        else if (tag.local === 'definedName') definedName = { name: attr(tag, 'name') ?? '', local: attr(tag, 'localSheetId') !== undefined, text: [] };
      });
      p.on('text', (t) => definedName?.text.push(t));
      p.on('closetag', (tag) => {
        if (tag.local !== 'definedName' || !definedName) return;
        // print areas and titles belong to their sheet, not to the workbook's names
        if (!definedName.name.startsWith('_xlnm.')) names.push({ name: definedName.name, ref: `=${definedName.text.join('')}` });
        definedName = null;
      });
    });
    const rels = readRels(part, 'xl/_rels/workbook.xml.rels');
    const strings = readSharedStrings(part, resolveTarget('xl/workbook.xml', [...rels.values()].find((r) => /sharedStrings\.xml$/i.test(r.target))?.target ?? 'sharedStrings.xml'));
    const xfs = readStyles(part, resolveTarget('xl/workbook.xml', [...rels.values()].find((r) => /styles\.xml$/i.test(r.target))?.target ?? 'styles.xml'));
    const context = { strings, xfs, date1904, grid: { cells: 0 } };
    const sheets: SheetSnapshot[] = [];
    for (const b of books) {
      const target = rels.get(b.rel)?.target;
      // a chart sheet or a dialog sheet has no cells
      if (!target || !/worksheets\//i.test(target)) continue;
      const file = resolveTarget('xl/workbook.xml', target);
      if (!part.byName.has(file.toLowerCase())) refuse('pdiff.input.damaged');
      sheets.push(readSheet(part, file, b.name, b.state, context));
    }
    return { sheets, names };
  } catch (error) {
    if (error instanceof PickedWorkbookError) throw error;
    if (error instanceof DocumentReadError) {
      const key = error.problem.key;
      if (key === 'doc.input.truncated') refuse('pdiff.input.truncated');
      if (key === 'doc.input.partTooLarge' || key === 'doc.input.ratio' || key === 'doc.input.entries') refuse('pdiff.input.tooLarge');
    }
    refuse('pdiff.input.damaged');
  }
}
