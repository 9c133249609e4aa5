/**
 * A Biểu 02 pasted into Word as a table: a row per policy, under group rows naming the dimension of
 * poverty ("I | Giáo dục"), with columns for the legal basis, the dimension, the beneficiaries and
 * the money — one "Kinh phí" column beside a "Nguồn vốn" column of words (as KH's own Biểu 02
 * prints it), or a column per source. Each policy row becomes a policy line, exactly as a line of
 * the policies section; the total row is the section's total. Such a table is never a money table
 * of the programme: its total is not the programme's.
 */
import { parseAmount } from '../money';
import { parseLabel } from '../outline';
import { foldForMatch } from '../text/normalize';
import { MoneyUnit } from '../units';
import { maxOf } from '../arrays';
import { Figure } from './funding';
import { Provenance, quoteOf, tableGrid } from './model';
import { PolicyLine, PolicySection, dimensionOf, inSection } from './policies';
import { readSourceWords } from './source-words';
import { MoneyKey } from './allocation';
import { ReadTable, Structure } from './structure';
import { TOTAL_ROW, figureOf, firstDataRow, isNumberRow, keyOfWords, moneyColumn, spreadHeaders, tableUnit, treeOf, TableColumn } from './tables';

type Role = 'stt' | 'content' | 'basis' | 'dimension' | 'unit' | 'beneficiaries' | 'source' | 'note';

const ROLE_HEADERS: Array<[Role, RegExp]> = [
  ['stt', /^(?:stt|tt|số tt|số thứ tự)$/iu],
  ['dimension', /chiều thiếu hụt|lĩnh vực/iu],
  ['basis', /căn cứ|văn bản|cơ sở pháp lý/iu],
  ['unit', /^(?:đơn vị tính|đvt)$/iu],
  ['beneficiaries', /số (?:đối tượng|lượt|người|hộ|lượng)|đối tượng/iu],
  ['source', /^nguồn(?: vốn| kinh phí)?$/iu],
  ['note', /^ghi chú$/iu],
  ['content', /chính sách|nội dung|tên/iu],
];

const ITEM_ROW = /^(?:Dự án|Tiểu dự án|Hợp phần|Nội dung thành phần)\s+\d/iu;
const TITLE = /(?:biểu|phụ lục)\s*(?:số\s*)?0?2(?!\d)|chính sách/iu;

export interface PolicyTable {
  index: number;
  lines: PolicyLine[];
  total: { figures: Figure[]; from: Provenance } | null;
}

/** The paragraph right above a table, when it is its title ("Biểu 02: … các chính sách …"). */
function titleAbove(s: Structure, index: number): string {
  for (let b = index - 1; b >= Math.max(0, index - 2); b--) {
    const block = s.blocks[b];
    // "Đơn vị tính: triệu đồng" often sits between the title and its table
    if (block.kind === 'paragraph' && block.text.trim() && !/^\s*(?:đơn vị tính|đvt)\s*:/iu.test(block.text)) return block.text;
  }
  return '';
}

/** A table of policies: its content column says "Chính sách", or it names dimensions, or it sits in a policies section or under such a title. */
export function isPolicyTable(s: Structure, t: ReadTable, sections: readonly PolicySection[]): boolean {
  const grid = tableGrid(t.block, true);
  const first = firstDataRow(tableGrid(t.block, false));
  if (first <= 0) return false;
  // a table listing the programme's Dự án / Tiểu dự án is a money table, whatever its title says
  if (grid.slice(first).some((line) => line.some((c) => ITEM_ROW.test(c.trim())))) return false;
  const header = grid.slice(0, first).flat().join(' ');
  if (/chính sách|chiều thiếu hụt/iu.test(header)) return true;
  if (sections.some((sec) => inSection(s.paragraphs, sec, t.index))) return true;
  const title = titleAbove(s, t.index);
  return TITLE.test(title) && !/chương trình mục tiêu quốc gia/iu.test(title) && /chính sách/iu.test(title);
}

function count(text: string): number | undefined {
  const p = parseAmount(text.trim());
  return p.ok && Number.isInteger(p.value) ? p.value : undefined;
}

/** Policy lines of a Biểu 02 table; unit is the document's declared unit. */
export function readPolicyTable(s: Structure, t: ReadTable, declared: MoneyUnit | null): PolicyTable {
  const headers = tableGrid(t.block, true);
  const grid = tableGrid(t.block, false);
  const first = firstDataRow(grid);
  const width = maxOf(headers.map((l) => l.length));
  const spread = spreadHeaders(headers, first);
  const headerOf = (c: number): string => [...new Set(spread.map((l) => (l[c] ?? '').trim()).filter(Boolean))].join(' ');
  const roles = new Map<Role, number>();
  const money: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    const h = headerOf(c);
    if (!h) continue;
    const role = ROLE_HEADERS.find(([r, re]) => !roles.has(r) && re.test(h) && !(r === 'content' && /kinh phí|số tiền/iu.test(h)))?.[0];
    if (role && !(role === 'beneficiaries' && /kinh phí/iu.test(h))) {
      roles.set(role, c);
      continue;
    }
    const column = moneyColumn(c, h);
    if (column && !money.some((m) => m.key === column.key)) money.push(column);
  }
  const unit = tableUnit(s, t.index, grid, declared);
  const out: PolicyTable = { index: t.index, lines: [], total: null };
  const content = roles.get('content');
  if (content === undefined || money.length === 0) return out;
  const cellOf = (line: string[], role: Role): string => {
    const c = roles.get(role);
    return c === undefined ? '' : (line[c] ?? '').replace(/\s+/g, ' ').trim();
  };
  // the group row a policy sits under ("I | Giáo dục"): its dimension when the row names none
  let group = '';
  for (let r = first; r < grid.length; r++) {
    const line = grid[r];
    if (isNumberRow(line)) continue;
    const label = cellOf(line, 'content');
    const stt = cellOf(line, 'stt');
    if (!label && !stt) continue;
    const from: Provenance = { block: t.index, section: t.section, quote: quoteOf(line.filter((c) => c.trim()).join(' | ')), row: r + 1 };
    const sourceWords = readSourceWords(cellOf(line, 'source'));
    const figures = treeOf(
      money
        .map((m) => {
          // one "Kinh phí" column takes its source from the row's "Nguồn vốn" words
          const column = m.key === 'total' && money.length === 1 && cellOf(line, 'source') ? { ...m, key: keyOfWords(sourceWords), words: sourceWords } : m;
          return { key: column.key, figure: figureOf(line[m.index] ?? '', column, unit) };
        })
        .filter((x): x is { key: MoneyKey; figure: Figure } => x.figure !== null),
    );
    if (TOTAL_ROW.test(label)) {
      if (!out.total) out.total = { figures, from };
      continue;
    }
    const sttLabel = parseLabel(stt);
    const isGroup = (sttLabel !== null && (sttLabel.kind === 'roman' || sttLabel.kind === 'part')) || (!stt && dimensionOf(label) !== null && foldForMatch(label).split(' ').length <= 6 && !figures.some((f) => f.value !== null && !f.none));
    if (isGroup) {
      group = label;
      continue;
    }
    if (!figures.some((f) => (f.value !== null && !f.none) || f.problem !== null)) continue;
    const dimensionText = cellOf(line, 'dimension');
    const dimension = (dimensionText ? dimensionOf(dimensionText) : null) ?? dimensionOf(label) ?? (group ? dimensionOf(group) : null);
    const policy: PolicyLine = { name: label, dimension, figures, from };
    const basis = cellOf(line, 'basis');
    if (basis) policy.basis = basis;
    const unitName = cellOf(line, 'unit');
    const beneficiaries = count(cellOf(line, 'beneficiaries'));
    if (beneficiaries !== undefined) {
      policy.beneficiaries = beneficiaries;
      if (unitName) policy.unit = unitName;
    }
    out.lines.push(policy);
  }
  return out;
}
