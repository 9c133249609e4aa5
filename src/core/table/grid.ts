/**
 * A sheet snapshot seen as the recogniser needs it: cell text decoded from legacy fonts (TCVN3,
 * VNI) once and remembered, merged areas resolved to their top-left cell, bold and indentation.
 */
import { CellValue } from '../book/model';
import { SheetSnapshot } from '../book/snapshot';
import { parseCell } from '../book/address';
import { convertCellText } from '../text/detect';
import { foldForMatch } from '../text/normalize';

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseMerge(ref: string): MergeArea | null {
  const [a, b] = ref.replace(/\$/g, '').split(':');
  const p = parseCell(a);
  const q = parseCell(b ?? a);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export class Grid {
  readonly rows: number;
  readonly cols: number;
  private readonly texts = new Map<number, string>();
  private readonly folded = new Map<number, string>();
  /** Cell key → the merge area it belongs to (only areas of more than one cell). */
  private readonly merged = new Map<number, MergeArea>();
  private readonly bold = new Set<number>();
  private readonly indent = new Map<number, number>();
  readonly hidden: Set<number>;
  /** Some cell text was in a legacy encoding. */
  legacy = false;

  constructor(readonly sheet: SheetSnapshot) {
    this.rows = Math.max(sheet.values.length, sheet.formulas.length);
    this.cols = sheet.values.reduce((m, line) => Math.max(m, line?.length ?? 0), 0);
    this.hidden = new Set(sheet.hiddenRows ?? []);
    for (const ref of sheet.merges ?? []) {
      const area = parseMerge(ref);
      if (!area) continue;
      // a whole-column merge must not allocate a million keys: only the used range matters
      const bottom = Math.min(area.bottom, this.rows - 1);
      const right = Math.min(area.right, this.cols - 1);
      if ((bottom - area.top + 1) * (right - area.left + 1) > 50_000) continue;
      for (let r = area.top; r <= bottom; r++) for (let c = area.left; c <= right; c++) this.merged.set(this.key(r, c), area);
    }
    for (const s of sheet.styles ?? []) {
      if (s.bold) this.bold.add(this.key(s.row, s.col));
      if (s.indent) this.indent.set(this.key(s.row, s.col), s.indent);
    }
  }

  private key(r: number, c: number): number {
    return r * 16_384 + c;
  }

  value(r: number, c: number): CellValue {
    return this.sheet.values[r]?.[c] ?? null;
  }

  formula(r: number, c: number): string | null {
    return this.sheet.formulas[r]?.[c] ?? null;
  }

  /** The value shown at a cell: its own, or the top-left value of the merged area it lies in. */
  shown(r: number, c: number): CellValue {
    const area = this.merged.get(this.key(r, c));
    return area ? this.value(area.top, area.left) : this.value(r, c);
  }

  mergeAt(r: number, c: number): MergeArea | null {
    return this.merged.get(this.key(r, c)) ?? null;
  }

  /** Decoded, NFC, trimmed text of a cell's own value ('' for numbers and blanks). */
  text(r: number, c: number): string {
    const k = this.key(r, c);
    const known = this.texts.get(k);
    if (known !== undefined) return known;
    const v = this.value(r, c);
    let out = '';
    if (typeof v === 'string' && v.trim() !== '') {
      const conv = convertCellText({ value: v, formula: this.formula(r, c), font: this.sheet.fonts?.[r]?.[c] ?? null });
      if (conv.changed) this.legacy = true;
      out = String(conv.value).normalize('NFC').replace(/\s+/g, ' ').trim();
    }
    this.texts.set(k, out);
    return out;
  }

  /** The text shown at a cell, merged areas included. */
  shownText(r: number, c: number): string {
    const area = this.merged.get(this.key(r, c));
    return area ? this.text(area.top, area.left) : this.text(r, c);
  }

  fold(r: number, c: number): string {
    const k = this.key(r, c);
    const known = this.folded.get(k);
    if (known !== undefined) return known;
    const out = foldForMatch(this.text(r, c));
    this.folded.set(k, out);
    return out;
  }

  isNumber(r: number, c: number): boolean {
    const v = this.value(r, c);
    return typeof v === 'number' && Number.isFinite(v);
  }

  isBlank(r: number, c: number): boolean {
    const v = this.value(r, c);
    return (v === null || v === '' || (typeof v === 'string' && v.trim() === '')) && this.formula(r, c) === null;
  }

  isBold(r: number, c: number): boolean {
    return this.bold.has(this.key(r, c));
  }

  indentOf(r: number, c: number): number {
    return this.indent.get(this.key(r, c)) ?? 0;
  }

  /** Columns of a row holding something, left to right. */
  filled(r: number, from = 0, to = this.cols - 1): number[] {
    const out: number[] = [];
    const line = this.sheet.values[r];
    const fline = this.sheet.formulas[r];
    if (!line && !fline) return out;
    for (let c = from; c <= to; c++) if (!this.isBlank(r, c)) out.push(c);
    return out;
  }
}
