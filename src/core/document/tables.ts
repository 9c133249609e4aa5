/**
 * Tables of a plan document (a Biểu pasted into Word, or tab-separated lines in a text): the
 * header rows name the money columns ("Tổng cộng", "Ngân sách trung ương" over "Đầu tư phát
 * triển" / "Sự nghiệp", "Ngân sách địa phương"…), each row is a Dự án / Tiểu dự án (by its number
 * or, tolerantly, its name) or the total row. Each row becomes a small figure tree — Tổng over
 * NSTW (ĐTPT, SN) and the other sources — so the same checks and the same allocation apply as
 * to the text. A table without a content column and a money column is not a money table.
 */
import { Catalog, CatalogEntry, bestMatch, findByCode } from '../catalog';
import { parseAmount } from '../money';
import { MoneyUnit, parseUnit } from '../units';
import { keyOf, MoneyKey } from './allocation';
import { Figure } from './funding';
import { DocItem, writtenItem } from './items';
import { Provenance, quoteOf, tableGrid } from './model';
import { NO_WORDS, namesSource, readSourceWords, SourceWords } from './source-words';
import { ReadParagraph, Structure } from './structure';
import { maxOf } from '../arrays';

export interface TableColumn {
  index: number;
  header: string;
  key: MoneyKey;
  words: SourceWords;
}

export interface TableRow {
  from: Provenance;
  label: string;
  /** The item of the reading this row is (found by code or name); set for item rows. */
  item: DocItem | null;
  entry: CatalogEntry | null;
  /** 0: a project (or an item with no project above it), 1: a sub-project, 2: anything else. */
  level: number;
  /** In a table of all resources (Biểu 03): the resource this group row is ("A | Chương trình MTQG giảm nghèo"). */
  group?: TableGroup;
  /** In a table of all resources: a row under another resource's group (not the programme's money). */
  outside?: boolean;
  /** The row's figures as a tree (Tổng over the sources), for the allocation and the checks. */
  figures: Figure[];
}

export interface ReadDocTable {
  index: number;
  section: string;
  unit: MoneyUnit | null;
  columns: TableColumn[];
  rows: TableRow[];
  total: { from: Provenance; figures: Figure[] } | null;
  /** A table of all resources: its groups are the programme, other programmes, policies, credit…; its total is theirs. */
  resources: boolean;
}

/** The resources a Biểu 03 lists in its lettered groups. */
export type TableGroup = 'programme' | 'otherProgrammes' | 'policies' | 'credit' | 'other';

/** What a row of a table of all resources stands for, by its words, or by its letter (A, B, …) for a resource they do not name. */
function groupOf(label: string, stt: string): TableGroup | null {
  // "1 | Chính sách hỗ trợ bảo hiểm y tế" under "C | Các chính sách" is a row of that group, not a group
  if (writtenItem(label) || /^\d/.test(stt.trim())) return null;
  const w = readSourceWords(label);
  if (w.programme) return 'programme';
  if (w.otherProgramme || w.other === 'integrated') return 'otherProgrammes';
  if (w.policies) return 'policies';
  if (w.other === 'credit') return 'credit';
  return /^[A-ZĐ]\.?$/u.test(stt.trim()) ? 'other' : null;
}

const COLUMN_NUMBERS = /^\(\d+\)(?:\s*=.*)?$/;

/** The row numbering the columns under the header: "(1) (2) (3)=(4)+(5)" or "A B 1 2 3". */
export function isNumberRow(line: string[]): boolean {
  const cells = line.map((c) => c.trim()).filter(Boolean);
  if (cells.length < 2 || !cells.every((c) => COLUMN_NUMBERS.test(c) || /^(?:\d{1,2}|[A-ZĐ])$/u.test(c))) return false;
  const numbers = cells.map((c) => /^\(?(\d{1,2})/.exec(c)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}
const CONTENT = /nội dung|danh mục|dự án|tên (?:dự án|nội dung|chương trình)|chương trình/iu;
const UNIT_NAME = /đơn vị (?:thực hiện|chủ trì)|cơ quan (?:thực hiện|chủ trì)/iu;
const STT = /^(?:stt|tt|số tt|số thứ tự)$/iu;
export const TOTAL_ROW = /^(?:tổng cộng|tổng số|tổng|cộng|toàn (?:huyện|tỉnh|xã|thành phố))(?![\p{L}])/iu;
const TABLE_UNIT = /(?:đơn vị tính|đvt)\s*:?\s*(tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)/iu;

function isAmountCell(text: string): boolean {
  const t = text.trim();
  return t === '-' || (/\d/.test(t) && parseAmount(t).ok !== false) || /^\d[\d.,]*$/.test(t);
}

export function figureOf(cell: string, column: TableColumn, unit: MoneyUnit | null): Figure | null {
  const text = cell.trim();
  if (text === '') return null;
  const base: Figure = { text, label: column.header, qualifier: '', value: null, decimal: null, unit, unitBorrowed: false, none: false, problem: null, words: null, named: column.words, parts: [], at: 0 };
  if (/^[-–—]$/.test(text)) return { ...base, value: 0, decimal: { digits: 0n, scale: 0 }, none: true };
  const p = parseAmount(text);
  if (p.ok) return unit ? { ...base, value: p.value, decimal: p.decimal, unit: p.unit ?? unit } : { ...base, problem: p.unit ? null : 'no-unit', value: p.unit ? p.value : null, decimal: p.unit ? p.decimal : null, unit: p.unit };
  if (p.error === 'ambiguous') return { ...base, problem: 'ambiguous', candidates: p.candidates };
  return { ...base, problem: 'invalid' };
}

/** Tổng over NSTW (over ĐTPT, SN), NSĐP (over its split) and the other sources — those the row fills. */
export function treeOf(figures: Array<{ key: MoneyKey; figure: Figure }>): Figure[] {
  const get = (k: MoneyKey): Figure | undefined => figures.find((f) => f.key === k)?.figure;
  const withParts = (whole: Figure | undefined, parts: Array<Figure | undefined>): Figure[] => {
    const ps = parts.filter((p): p is Figure => p !== undefined);
    if (!whole) return ps;
    return [{ ...whole, parts: ps }];
  };
  const central = withParts(get('central'), [get('centralInvestment'), get('centralRecurrent')]);
  const local = withParts(get('local'), [get('localInvestment'), get('localRecurrent')]);
  const state = withParts(get('state'), [...central, ...local]);
  const sources = [...state, get('integrated'), get('credit'), get('mobilised')].filter((f): f is Figure => f !== undefined);
  const total = get('total');
  return total ? [{ ...total, parts: sources }] : sources;
}

export function tableUnit(s: Structure, index: number, grid: string[][], declared: MoneyUnit | null): MoneyUnit | null {
  for (const line of grid.slice(0, 3)) for (const cell of line) {
    const m = TABLE_UNIT.exec(cell);
    if (m) return parseUnit(m[1]);
  }
  for (let b = index - 1; b >= Math.max(0, index - 3); b--) {
    const block = s.blocks[b];
    if (block.kind !== 'paragraph') continue;
    const m = TABLE_UNIT.exec(block.text);
    if (m) return parseUnit(m[1]);
  }
  return declared;
}

/** A paragraph standing for a row that names an item the text does not (so the item has a place to point at). */
function rowParagraph(index: number, section: string, label: string): ReadParagraph {
  return { index, block: { kind: 'paragraph', text: label }, label: null, auto: false, body: label, section, path: [] };
}

/** The first row holding an amount: the header rows are the ones above it. */
export function firstDataRow(grid: string[][]): number {
  return grid.findIndex((line) => !isNumberRow(line) && line.some((c, i) => i > 0 && isAmountCell(c) && c.trim() !== '-'));
}

/** A row's label as the catalogue reads it: "- Tiểu dự án 1" and "+ Tiểu dự án 1" are "Tiểu dự án 1". */
function cellLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^[-–—+•*]\s*/u, '');
}

/**
 * Header rows (without the column numbers) as the officer sees them: a heading typed once over the columns it covers
 * ("Ngân sách trung ương" over "Đầu tư phát triển" and "Sự nghiệp", written as text or a table
 * without merged cells) covers the empty cells to its right that have a heading of their own below.
 */
export function spreadHeaders(headers: string[][], first: number): string[][] {
  // the column numbers under the header ("A B 1 2 3") are no heading
  const out = headers.slice(0, first).filter((l) => !isNumberRow(l)).map((l) => [...l]);
  for (let r = 0; r < out.length - 1; r++) {
    const line = out[r];
    const below = out[r + 1];
    for (let c = 1; c < line.length; c++) {
      if ((line[c] ?? '').trim() || !(below[c] ?? '').trim() || !(below[c - 1] ?? '').trim()) continue;
      if ((line[c - 1] ?? '').trim()) line[c] = line[c - 1];
    }
  }
  return out;
}

/** A header naming money ("Tổng cộng", "Ngân sách trung ương Sự nghiệp", "Kinh phí"): the source its words say, or a total. */
export function moneyColumn(index: number, header: string): TableColumn | null {
  const words = readSourceWords(header);
  if (!(words.money || words.whole || /kinh phí|số tiền|dự toán/iu.test(header))) return null;
  return { index, header, key: keyOfWords(words), words: namesSource(words) ? words : NO_WORDS };
}

/** The source a column's words name, or a total when they name none. */
export function keyOfWords(words: SourceWords): MoneyKey {
  return namesSource(words) ? keyOf(words) : 'total';
}

/** Money tables of the document; `policyTables` (block indexes of Biểu 02 tables, read by policy-tables.ts) are not. */
export function readTables(s: Structure, catalog: Catalog, declared: MoneyUnit | null, items: DocItem[], policyTables: ReadonlySet<number> = new Set()): ReadDocTable[] {
  const out: ReadDocTable[] = [];
  for (const t of s.tables) {
    const headers = tableGrid(t.block, true);
    const grid = tableGrid(t.block, false);
    const first = firstDataRow(grid);
    if (first <= 0 || policyTables.has(t.index)) continue;
    const spread = spreadHeaders(headers, first);
    const width = maxOf(headers.map((l) => l.length));
    const headerOf = (c: number): string => [...new Set(spread.map((l) => (l[c] ?? '').trim()).filter(Boolean))].join(' ');
    let content = -1;
    let stt = -1;
    const columns: TableColumn[] = [];
    for (let c = 0; c < width; c++) {
      const h = headerOf(c);
      if (!h) continue;
      if (STT.test(h)) stt = c;
      else if (UNIT_NAME.test(h)) continue;
      else if (content < 0 && CONTENT.test(h) && !/(?:tổng|kinh phí|vốn|ngân sách)/iu.test(h)) content = c;
      else {
        const column = moneyColumn(c, h);
        if (column) columns.push(column);
      }
    }
    if (content < 0 || columns.length === 0) continue;
    // two columns read as one source (a header repeated by a merge) cannot both be kept
    const seen = new Set<MoneyKey>();
    const cols = columns.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
    const unit = tableUnit(s, t.index, grid, declared);
    const labelAt = (r: number): string => cellLabel(grid[r][content] ?? '');
    const sttAt = (r: number): string => (stt >= 0 ? (grid[r][stt] ?? '').trim() : '');
    // a table is of all resources when a group names another programme, the policies or credit, beside the programme
    const groups = grid.map((_, r) => (r < first || TOTAL_ROW.test(labelAt(r)) ? null : groupOf(labelAt(r), sttAt(r))));
    const resources = groups.some((g) => g === 'otherProgrammes' || g === 'policies' || g === 'credit');
    const table: ReadDocTable = { index: t.index, section: t.section, unit, columns: cols, rows: [], total: null, resources };
    let group: TableGroup | null = null;
    let project: { number: number; entry: CatalogEntry | null } | null = null;
    // the item row a detail row sits under: its rows are the item's activities
    let above: DocItem | null = null;
    for (let r = first; r < grid.length; r++) {
      const line = grid[r];
      const label = cellLabel(line[content] ?? '');
      const sttText = stt >= 0 ? (line[stt] ?? '').trim() : '';
      if (!label && !sttText) continue;
      if (isNumberRow(line)) continue;
      const from: Provenance = { block: t.index, section: t.section, quote: quoteOf(line.filter((c) => c.trim()).join(' | ')), row: r + 1 };
      const figures = treeOf(cols.map((c) => ({ key: c.key, figure: figureOf(line[c.index] ?? '', c, unit) })).filter((x): x is { key: MoneyKey; figure: Figure } => x.figure !== null));
      if (TOTAL_ROW.test(label)) {
        if (!table.total) table.total = { from, figures };
        continue;
      }
      if (resources && groups[r] !== null) {
        group = groups[r];
        above = null;
        table.rows.push({ from, label, item: null, entry: null, level: -1, group: group ?? undefined, figures });
        continue;
      }
      // the detail of another programme or of the policies is neither an item nor an activity of the programme
      if (resources && group !== null && group !== 'programme') {
        table.rows.push({ from, label, item: null, entry: null, level: 3, outside: true, figures });
        continue;
      }
      const written = writtenItem(label);
      let entry: CatalogEntry | null = null;
      let level = 2;
      let code: string | null = null;
      if (written?.kind === 'project') {
        code = `DA${written.number}`;
        entry = findByCode(catalog, code);
        project = { number: written.number, entry };
        level = 0;
      } else if (written?.kind === 'subproject') {
        code = `DA${written.ofNumber ?? project?.number ?? 0}.TDA${written.number}`;
        entry = findByCode(catalog, code);
        level = project ? 1 : 0;
      } else if (!written) {
        // a row named without its number ("Cải thiện dinh dưỡng"), matched tolerantly as the checks do
        const match = bestMatch(catalog, label);
        if (match && match.confidence >= 0.8) {
          entry = match.entry;
          code = entry.code;
          level = entry.parent ? (project && entry.parent === project.entry?.code ? 1 : 0) : 0;
          if (!entry.parent) project = { number: entry.number, entry };
        }
      }
      let item: DocItem | null = null;
      if (code) {
        item = items.find((i) => i.writtenCode.toUpperCase() === code?.toUpperCase() || (entry && i.entry === entry)) ?? null;
        if (!item && entry) {
          const heading = rowParagraph(t.index, t.section, label);
          const parent = entry.parent ? items.find((i) => i.entry?.code === entry?.parent) ?? null : null;
          item = { heading, written: written ?? { kind: entry.parent ? 'subproject' : 'project', number: entry.number, ofNumber: null, name: label }, writtenCode: entry.code, entry, byName: null, parent, children: [], statements: [], activities: [], mentions: [] };
          if (parent) parent.children.push(item);
          items.push(item);
        }
      }
      if (item) above = item;
      else if (!written && above && label && figures.length > 0) above.activities.push({ name: label, figures, from });
      table.rows.push({ from, label, item, entry, level, figures });
    }
    out.push(table);
  }
  return out;
}
