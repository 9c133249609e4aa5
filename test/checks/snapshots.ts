/** Hand-made snapshots for rule unit tests: a cell is a value, or { v, f } for a formula and its cached value. */
import { CellValue } from '../../src/core/book/model';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/book/snapshot';

export type TestCell = CellValue | { v: CellValue; f?: string; font?: string };

export function sheet(name: string, rows: TestCell[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const isObj = (c: TestCell): c is Exclude<TestCell, CellValue> => c !== null && typeof c === 'object';
  return {
    name,
    visibility: 'visible',
    values: rows.map((r) => r.map((c) => (isObj(c) ? c.v : c))),
    formulas: rows.map((r) => r.map((c) => (isObj(c) ? (c.f ?? null) : null))),
    fonts: rows.map((r) => r.map((c) => (isObj(c) ? (c.font ?? null) : null))),
    ...extra,
  };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets, names: [] };
}
