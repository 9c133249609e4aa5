/**
 * Marks in the sheet: the cells of errors and warnings get a fill, remembered with the fill they had
 * (in the very hidden sheet _kh_marks), and the next run puts the old fill back before it marks
 * again. A mark the officer has since recoloured is theirs: it is left alone.
 */
import { Finding } from './finding';
import { SheetSpec } from '../book/model';

export const MARKS_SHEET = '_kh_marks';

export const MARK_COLOR = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

export interface Mark {
  sheet: string;
  cell: string;
  /** The fill before KH marked it; null for none. */
  original: string | null;
  color: string;
}

export const markKey = (sheet: string, cell: string): string => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

/** "#ffffff", "white", "" and null all mean no fill here (Excel reports no fill as white). */
export function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (c: string | null | undefined): string => {
    const t = (c ?? '').trim().toUpperCase();
    return t === '' || t === '#FFFFFF' || t === 'WHITE' ? '' : t;
  };
  return norm(a) === norm(b);
}

/** The cells to mark: errors and warnings with a cell, one mark per cell (an error's colour wins). */
export function wantedMarks(findings: readonly Finding[], markable: (sheet: string) => boolean): Array<{ sheet: string; cell: string; color: string }> {
  const out = new Map<string, { sheet: string; cell: string; color: string }>();
  for (const f of findings) {
    if (!f.cell || (f.severity !== 'error' && f.severity !== 'warning') || !markable(f.sheet)) continue;
    const key = markKey(f.sheet, f.cell);
    const color = MARK_COLOR[f.severity];
    const prior = out.get(key);
    if (!prior || color === MARK_COLOR.error) out.set(key, { sheet: f.sheet, cell: f.cell, color });
  }
  return [...out.values()];
}

export interface MarkPlan {
  /** Marks of the last run to take off: the fill to put back (null: none). */
  restore: Array<{ sheet: string; cell: string; fill: string | null }>;
  /** Marks of this run, with the fill each cell had before any mark. */
  apply: Mark[];
}

/**
 * previous: the marks of the last run; now: the cells' current fills (for the previous marks and
 * the wanted cells); wanted: this run's cells.
 */
export function planMarks(previous: readonly Mark[], wanted: ReadonlyArray<{ sheet: string; cell: string; color: string }>, now: ReadonlyMap<string, string | null>): MarkPlan {
  const prior = new Map(previous.map((m) => [markKey(m.sheet, m.cell), m]));
  const want = new Map(wanted.map((w) => [markKey(w.sheet, w.cell), w]));
  const restore: MarkPlan['restore'] = [];
  const apply: Mark[] = [];
  for (const [key, m] of prior) {
    const stillOurs = sameFill(now.get(key), m.color);
    if (!stillOurs) continue; // recoloured by the officer since: theirs now
    const again = want.get(key);
    if (again) {
      apply.push({ sheet: again.sheet, cell: again.cell, original: m.original, color: again.color });
      want.delete(key);
    } else restore.push({ sheet: m.sheet, cell: m.cell, fill: m.original });
  }
  // new marks (and ones the officer recoloured) remember the fill the cell has now
  for (const [key, w] of want) {
    const fill = now.get(key) ?? null;
    apply.push({ sheet: w.sheet, cell: w.cell, original: sameFill(fill, null) ? null : fill, color: w.color });
  }
  return { restore, apply };
}

/** Marks as kept in _kh_marks: one row each (sheet, cell, original fill, mark colour). */
export function marksSheet(marks: readonly Mark[]): SheetSpec {
  return {
    name: MARKS_SHEET,
    role: 'meta',
    visibility: 'veryHidden',
    replace: true,
    blocks: marks.length > 0 ? [{ row: 0, col: 0, cells: marks.map((m) => [{ value: m.sheet }, { value: m.cell }, { value: m.original }, { value: m.color }]) }] : [],
  };
}

export function readMarks(values: ReadonlyArray<ReadonlyArray<unknown>> | undefined): Mark[] {
  return (values ?? [])
    .filter((r) => typeof r[0] === 'string' && typeof r[1] === 'string' && typeof r[3] === 'string')
    .map((r) => ({ sheet: r[0] as string, cell: r[1] as string, original: typeof r[2] === 'string' && r[2] !== '' ? r[2] : null, color: r[3] as string }));
}
