/**
 * The read model of a budget table — one shape whatever the workbook's layout. Two readers fill
 * it: the exact reader of KH's own plan sheets (kh-reader.ts) and the recogniser of any sheet an
 * officer made (recognise.ts). Every rule reads this model, so a rule written once runs on both,
 * naming the officer's own cells.
 */
import { CellValue } from '../book/model';
import { SourceKey, SOURCE_KEYS } from '../sources';
import { MoneyUnit } from '../units';
import { Programme } from '../programme';

/** The money columns a table can hold: every funding source of the taxonomy. */
export type AmountKey = SourceKey;
export const AMOUNT_KEYS: readonly AmountKey[] = SOURCE_KEYS;

/** A detail row, a row that sums others, or the table's grand total. */
export type RowKind = 'leaf' | 'group' | 'total';

/** One amount cell as read: what the file holds and the number it stands for. */
export interface AmountCell {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  formula: string | null;
  /** The number the cell stands for (cached, or computed from KH's own formula); null if unknown or not numeric. */
  number: number | null;
  /** The formula KH writes here (KH's layout only); null where an input belongs or the layout is the officer's. */
  expected: string | null;
}

export interface TableRow {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  stt: CellValue;
  content: CellValue;
  /** The name as text: legacy fonts decoded, NFC, trimmed. */
  label: string;
  /** Machine outline code: KH's code column, or the catalogue item the recogniser matched ("DA3.1") and its activities ("DA3.1.2"). */
  code: string | null;
  /** Catalogue code of the item the row is or belongs to ("DA3.TDA1" for its activities too); null outside any item. */
  item: string | null;
  /** What KH's code column holds (KH's layout); null on a recognised table. */
  rawCode: CellValue;
  kind: RowKind | null;
  hidden: boolean;
  /** Index in table.rows of the row this one adds into; null at the top. */
  parent: number | null;
  /** Indexes in table.rows of the rows that add into this one. */
  children: number[];
  unitName: CellValue;
  note: CellValue;
  /** The locality a row stands for, in a table whose rows are xã / huyện. */
  locality: string | null;
  cells: Partial<Record<AmountKey, AmountCell>>;
  /** Money in the row's columns of unknown source (UNMAPPED_COLUMN), added up; absent when none. */
  unmapped?: number;
}

export type ColumnRole = 'stt' | 'content' | 'unitName' | 'location' | 'note' | 'amount' | 'quantity' | 'check' | 'code' | 'kind' | 'other';

export interface TableColumn {
  col: number;
  role: ColumnRole;
  /** The source an amount column holds; null for a money column whose header names no known source. */
  source: SourceKey | null;
  /** Header texts top to bottom, as read (legacy fonts decoded). */
  header: string[];
  /** The lowest header cell ("E7"). */
  headerCell: string;
  /** The period a column belongs to in a multi-year table ("Năm 2024"); null otherwise. */
  period: string | null;
  /** The parts sit under "Trong đó" (of which: need not be exhaustive) rather than "Chia ra". */
  ofWhich: boolean;
}

/** How the table's unit was learnt. */
export type UnitEvidence = 'kh' | 'declared' | 'title' | 'header' | 'magnitude';

export interface BudgetTable {
  /** The sheet (findings name it). */
  name: string;
  origin: 'kh' | 'recognised';
  /** A table of items (project sheet, officer's Biểu) or KH's Tổng hợp. */
  role: 'project' | 'summary';
  /** Catalogue entry of a KH project sheet (DA4); null otherwise. */
  entryCode: string | null;
  programme: Programme;
  /** 0-based rows of the header band and of the data, inclusive. */
  header: { top: number; bottom: number };
  data: { top: number; bottom: number };
  left: number;
  right: number;
  columns: TableColumn[];
  /** Column index of each source in use. */
  amountCols: Partial<Record<AmountKey, number>>;
  sttCol: number | null;
  contentCol: number;
  unitNameCol: number | null;
  noteCol: number | null;
  rows: TableRow[];
  unit: MoneyUnit | null;
  unitEvidence: UnitEvidence | null;
  /** Rows are xã / huyện (a province or district table by locality) rather than projects. */
  rowAxis: 'items' | 'localities';
  /** The period of the amounts read when the table has several; null otherwise. */
  period: string | null;
  /** The view of the table the totals come from: the plan year of a multi-year table, or the only one. */
  primary: boolean;
  /** 0..1: how sure the recogniser is (1 for KH's own layout). */
  confidence: number;
}

export function cellOf(row: TableRow, key: AmountKey): AmountCell | undefined {
  return row.cells[key];
}

export function numberOf(v: CellValue): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The leaf rows below a row (itself when it is a leaf). */
export function leavesUnder(table: BudgetTable, index: number): number[] {
  const out: number[] = [];
  const stack = [index];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const kids = table.rows[i].children;
    if (kids.length === 0) {
      if (i !== index || table.rows[i].kind === 'leaf') out.push(i);
      continue;
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out.sort((a, b) => a - b);
}
