/**
 * The header band of an officer's table: where it is, how deep (one to four rows, merged or not),
 * and what each column under it holds — a funding source, the name, STT, a note, quantities, or
 * money under a header KH does not know (said, never taken as zero).
 */
import { cellAddress } from '../book/address';
import { SourceKey } from '../sources';
import { Grid } from './grid';
import { HeaderWord, isColumnNumberText, isMoneyWord, readHeaderWord, soundsLikeMoney } from './headers';
import { ColumnRole, TableColumn } from './model';

export interface HeaderBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const MAX_HEADER_ROWS = 5;
const UNIT_IN_PARENS = /\(\s*(?:đơn vị|đvt|đv)?\s*[:.]?\s*(đồng|nghìn đồng|ngàn đồng|triệu đồng|tỷ đồng|tỉ đồng|trđ|tr\.đ|1\.000 đồng|1000 đồng)\s*\)/giu;

/** A header text without its unit in brackets ("Tổng cộng (triệu đồng)" → "Tổng cộng"). */
export function stripUnit(text: string): string {
  return text.replace(UNIT_IN_PARENS, ' ').replace(/\s+/g, ' ').trim();
}

function wordAt(grid: Grid, r: number, c: number): HeaderWord {
  const t = grid.text(r, c);
  return t === '' ? { kind: 'unknown' } : readHeaderWord(stripUnit(t));
}

interface RowInfo {
  hits: number;
  money: boolean;
  numbers: number;
  texts: number;
}

function rowInfo(grid: Grid, r: number): RowInfo {
  let hits = 0;
  let money = false;
  let numbers = 0;
  let texts = 0;
  for (const c of grid.filled(r)) {
    if (grid.isNumber(r, c)) {
      const v = grid.value(r, c) as number;
      // a year in a header ("2024") is not data
      if (!(Number.isInteger(v) && v >= 1990 && v <= 2100)) numbers++;
      continue;
    }
    if (grid.text(r, c) === '') continue;
    texts++;
    const w = wordAt(grid, r, c);
    if (w.kind !== 'unknown' && w.kind !== 'numberRow') hits++;
    if (isMoneyWord(w)) money = true;
  }
  return { hits, money, numbers, texts };
}

/** A row under the header made of column numbers: "(1) (2) (3)=(4)+(5)", "1 2 3", "A B 1 2". */
export function isColumnNumberRow(grid: Grid, r: number, left: number, right: number): boolean {
  let n = 0;
  let numeric = 0;
  for (const c of grid.filled(r, left, right)) {
    const v = grid.value(r, c);
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 1 || v > 60) return false;
      numeric++;
    } else if (!isColumnNumberText(grid.text(r, c))) return false;
    n++;
  }
  // "1 2 3 …" across the table, or at least three "(n)" texts
  return n >= 3 && (numeric < n || n >= 4);
}

/** Whether row r starts a header: two or more header words, money named in it or just below. */
export function isAnchor(grid: Grid, r: number): boolean {
  const info = rowInfo(grid, r);
  if (info.hits < 2 || info.numbers > 0) return false;
  if (info.money) return true;
  for (let k = 1; k <= 2 && r + k < grid.rows; k++) if (rowInfo(grid, r + k).money) return true;
  return false;
}

/** The first header row at or after `from`. */
export function findAnchor(grid: Grid, from: number): number {
  for (let r = from; r < grid.rows; r++) if (isAnchor(grid, r)) return r;
  return -1;
}

/** The rows of the band that starts at the anchor, and its columns' extent. */
export function headerBand(grid: Grid, anchor: number): HeaderBand {
  let bottom = anchor;
  const spanBottom = (r: number): number => {
    let b = r;
    for (const c of grid.filled(r)) {
      const m = grid.mergeAt(r, c);
      if (m && m.top === r) b = Math.max(b, m.bottom);
    }
    return b;
  };
  bottom = Math.min(spanBottom(anchor), anchor + MAX_HEADER_ROWS - 1);
  for (let r = anchor + 1; r < grid.rows && r < anchor + MAX_HEADER_ROWS; r++) {
    if (r <= bottom) {
      bottom = Math.max(bottom, Math.min(spanBottom(r), anchor + MAX_HEADER_ROWS - 1));
      continue;
    }
    const info = rowInfo(grid, r);
    if (info.numbers > 0 || info.texts === 0) break;
    let continues = false;
    for (const c of grid.filled(r)) {
      const w = wordAt(grid, r, c);
      if (isMoneyWord(w) || w.kind === 'ofWhich' || w.kind === 'period') continues = true;
    }
    if (!continues) break;
    bottom = Math.max(r, Math.min(spanBottom(r), anchor + MAX_HEADER_ROWS - 1));
  }
  let left = Number.MAX_SAFE_INTEGER;
  let right = -1;
  for (let r = anchor; r <= bottom; r++) {
    for (const c of grid.filled(r)) {
      if (grid.text(r, c) === '') continue;
      left = Math.min(left, c);
      const m = grid.mergeAt(r, c);
      right = Math.max(right, m ? m.right : c);
    }
  }
  return { top: anchor, bottom, left: left === Number.MAX_SAFE_INTEGER ? 0 : left, right: Math.max(right, 0) };
}

/** Header texts of a column, top to bottom; a blank upper cell takes the group label to its left. */
function columnTexts(grid: Grid, band: HeaderBand, c: number): Array<{ row: number; text: string }> {
  const out: Array<{ row: number; text: string }> = [];
  for (let r = band.top; r <= band.bottom; r++) {
    const m = grid.mergeAt(r, c);
    if (m) {
      // a merged area is read once, on its first row
      if (m.top === r || (r === band.top && m.top < r)) out.push({ row: r, text: grid.text(m.top, m.left) });
      continue;
    }
    let text = grid.text(r, c);
    if (text === '' && r < band.bottom && !grid.isBlank(r + 1, c) && grid.sheet.merges === undefined) {
      // no merge information: a group label ("Nguồn vốn") written once over the columns it spans
      for (let k = c - 1; k >= band.left; k--) {
        const t = grid.text(r, k);
        if (t === '') {
          if (grid.isBlank(r + 1, k)) break;
          continue;
        }
        const w = readHeaderWord(stripUnit(t));
        if (isMoneyWord(w) || w.kind === 'period' || w.kind === 'ofWhich') text = t;
        break;
      }
    }
    if (text !== '') out.push({ row: r, text });
  }
  return out;
}

type Resolved = { role: ColumnRole; source: SourceKey | null; period: string | null; ofWhich: boolean; moneyLeaf: boolean };

const SPLIT_OF: Record<'central' | 'local', Record<'investment' | 'recurrent', SourceKey>> = {
  central: { investment: 'centralInvestment', recurrent: 'centralRecurrent' },
  local: { investment: 'localInvestment', recurrent: 'localRecurrent' },
};

/** What a column's header path names. */
function resolve(words: HeaderWord[]): Resolved {
  let period: string | null = null;
  let ofWhich = false;
  let money = false;
  const meaningful: HeaderWord[] = [];
  for (const w of words) {
    if (w.kind === 'period') period ??= w.label;
    else if (w.kind === 'ofWhich') ofWhich = true;
    else if (w.kind !== 'numberRow') meaningful.push(w);
    if (isMoneyWord(w)) money = true;
  }
  const role = meaningful.find((w): w is Extract<HeaderWord, { kind: 'role' }> => w.kind === 'role');
  if (role && !money) return { role: role.role, source: null, period, ofWhich, moneyLeaf: false };
  const leaf = meaningful[meaningful.length - 1];
  const ancestors = meaningful.slice(0, -1).reverse();
  const sourceAbove = ancestors.find((w): w is Extract<HeaderWord, { kind: 'source' }> => w.kind === 'source');
  if (!leaf) return { role: period ? 'amount' : 'other', source: null, period, ofWhich, moneyLeaf: period !== null };
  switch (leaf.kind) {
    case 'source':
      if (leaf.split && (leaf.source === 'central' || leaf.source === 'local')) return { role: 'amount', source: SPLIT_OF[leaf.source][leaf.split], period, ofWhich, moneyLeaf: false };
      return { role: 'amount', source: leaf.source === 'state' ? null : leaf.source, period, ofWhich, moneyLeaf: false };
    case 'split': {
      const parent = sourceAbove?.source === 'local' ? 'local' : 'central';
      return { role: 'amount', source: SPLIT_OF[parent][leaf.split], period, ofWhich, moneyLeaf: false };
    }
    case 'total': {
      const splitAbove = ancestors.find((w): w is Extract<HeaderWord, { kind: 'split' }> => w.kind === 'split');
      if (splitAbove) return { role: 'amount', source: SPLIT_OF[sourceAbove?.source === 'local' ? 'local' : 'central'][splitAbove.split], period, ofWhich, moneyLeaf: false };
      if (sourceAbove && sourceAbove.source !== 'state') return { role: 'amount', source: sourceAbove.source, period, ofWhich, moneyLeaf: false };
      if (sourceAbove?.source === 'state') return { role: 'amount', source: null, period, ofWhich, moneyLeaf: false };
      return { role: 'amount', source: 'total', period, ofWhich, moneyLeaf: false };
    }
    case 'money':
      return { role: 'amount', source: sourceAbove && sourceAbove.source !== 'state' ? sourceAbove.source : null, period, ofWhich, moneyLeaf: !sourceAbove };
    case 'role':
      return { role: leaf.role, source: null, period, ofWhich, moneyLeaf: false };
    default:
      // a header KH cannot read under a money group ("Vốn ODA" under "Nguồn vốn"): money of an unknown source
      return { role: money ? 'amount' : 'other', source: null, period, ofWhich, moneyLeaf: false };
  }
}

/** The columns under a band, each with its role and source. */
export function readColumns(grid: Grid, band: HeaderBand): TableColumn[] {
  const columns: TableColumn[] = [];
  for (let c = band.left; c <= band.right; c++) {
    const texts = columnTexts(grid, band, c);
    if (texts.length === 0) continue;
    const words = texts.map((t) => readHeaderWord(stripUnit(t.text)));
    const r = resolve(words);
    if (r.role === 'other' && texts.some((t) => soundsLikeMoney(t.text))) r.role = 'amount';
    const lowest = texts[texts.length - 1];
    const m = grid.mergeAt(lowest.row, c);
    columns.push({
      col: c,
      role: r.role,
      source: r.source,
      header: texts.map((t) => t.text),
      headerCell: cellAddress(m ? m.top : lowest.row, m ? m.left : c),
      period: r.period,
      ofWhich: r.ofWhich,
      ...(r.moneyLeaf ? { moneyLeaf: true } : {}),
    } as TableColumn);
  }
  // "Kinh phí" alone over the money: the total, when nothing else is
  const amounts = columns.filter((col) => col.role === 'amount');
  for (const period of new Set(amounts.map((a) => a.period))) {
    const inPeriod = amounts.filter((a) => a.period === period);
    const loose = inPeriod.filter((a) => (a as TableColumn & { moneyLeaf?: boolean }).moneyLeaf && a.source === null);
    if (loose.length === 1 && !inPeriod.some((a) => a.source === 'total')) loose[0].source = 'total';
  }
  for (const col of columns) delete (col as TableColumn & { moneyLeaf?: boolean }).moneyLeaf;
  return columns;
}
