/** The grid a sheet is drawn on, and what every plan table shares: its two-level header and its row heights. */
import { rangeAddress } from './address';
import { CellSpec, SheetSpec } from './model';
import { ColumnDef, ROWS } from './layout';
import { sourceTaxonomy } from '../sources';
import { maxOf } from '../arrays';
import { columnNumberLabel, fitRowHeights, headerHeights } from './print';
import { text } from './cells';
import { STYLES } from './styles';

export interface Grid {
  cells: (CellSpec | null)[][];
  set(row: number, col: number, spec: CellSpec): void;
}

export function grid(): Grid {
  const cells: (CellSpec | null)[][] = [];
  return {
    cells,
    set(row, col, spec) {
      while (cells.length <= row) cells.push([]);
      const line = cells[row];
      while (line.length < col) line.push(null);
      line[col] = spec;
    },
  };
}

export function rectangular(cells: (CellSpec | null)[][]): (CellSpec | null)[][] {
  const width = maxOf(cells.map((l) => l.length), 0);
  return cells.map((l) => [...l, ...new Array(width - l.length).fill(null)]);
}

/** Header rows 3–5 of a table: two-level merged headers and the column-number row. */
export function writeHeader(g: Grid, defs: readonly ColumnDef[], merges: string[]): void {
  const numbers = new Map<string, number>();
  let n = 0;
  defs.forEach((d) => {
    if (d.role === 'check' || d.role === 'code' || d.role === 'kind') return;
    numbers.set(d.key, ++n);
  });
  const numberOf = (key: string): string => `(${numbers.get(key) ?? ''})`;
  defs.forEach((d, c) => {
    if (d.group === null) {
      g.set(ROWS.header1, c, text(d.header, 'header'));
      g.set(ROWS.header2, c, text(null, 'header'));
      merges.push(rangeAddress(ROWS.header1, c, 2, 1));
    } else {
      const first = defs.findIndex((x) => x.group === d.group);
      const span = defs.filter((x) => x.group === d.group).length;
      g.set(ROWS.header1, c, text(c === first ? d.group : null, 'header'));
      if (c === first) merges.push(rangeAddress(ROWS.header1, c, 1, span));
      g.set(ROWS.header2, c, text(d.header, 'header'));
    }
    let label = numbers.has(d.key) ? numberOf(d.key) : '';
    if (d.key === 'total') {
      const parts = defs.filter((x) => x.role === 'amount' && x.source && x.source !== 'total' && sourceParent(x.source) === 'total').map((x) => numberOf(x.key));
      label = columnNumberLabel(numberOf('total'), parts, d.width);
    } else if (d.key === 'central') {
      label = columnNumberLabel(numberOf('central'), [numberOf('centralInvestment'), numberOf('centralRecurrent')], d.width);
    }
    g.set(ROWS.numbers, c, text(label, 'numbers'));
  });
}

export const SOURCE_PARENT = new Map(sourceTaxonomy('2021-2025').map((s) => [s.key, s.parent]));
export function sourceParent(key: string): string | null {
  return SOURCE_PARENT.get(key as never) ?? null;
}

/**
 * Heights of a plan table's rows: title, subtitle and unit lines, the two-level header (shared by
 * columns without a group), the column numbers, and every data row from its text.
 */
export function tableHeights(sheet: SheetSpec, defs: readonly ColumnDef[], lastRow: number): Array<{ row: number; height: number }> {
  const printed = defs.map((d, i) => ({ ...d, width: sheet.columns?.find((c) => c.index === i)?.width ?? d.width })).filter((d) => d.role !== 'check' && d.role !== 'code' && d.role !== 'kind');
  const [h1, h2] = headerHeights(printed, STYLES.header.font?.size);
  const rows: number[] = [ROWS.title, ROWS.subtitle, ROWS.unit, ROWS.numbers];
  for (let r = ROWS.firstData; r <= lastRow; r++) rows.push(r);
  return [...fitRowHeights(sheet, STYLES, rows), { row: ROWS.header1, height: h1 }, { row: ROWS.header2, height: h2 }].sort((a, b) => a.row - b.row);
}
