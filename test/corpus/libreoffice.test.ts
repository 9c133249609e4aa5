/**
 * The oracle on the corpus: LibreOffice recalculates every clean workbook and every planted-error
 * workbook (one soffice start for all of them). The recalculated grand-total cells equal the
 * totals in expected.json; every formula cell equals the cached value the builder wrote (so a
 * reader trusting cached values sees what a spreadsheet computes); a planted typed total stays
 * as typed.
 */
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { requireLibreOffice } from '../support/libreoffice';
import { BatchResult, recalculateMany } from '../support/libreoffice-batch';
import { a1, parseA1, storedText } from './build';
import { CorpusCase, loadCorpus } from './cases';
import { PlantedError } from './schema';

const describeLO = requireLibreOffice() ? describe : describe.skip;
const cases = loadCorpus();

type Value = number | string | boolean | null;

/** exceljs reads a cached 0 back as empty: compare numbers with empty as 0. */
function comparable(v: Value): Value {
  return v === null || v === '' ? 0 : v;
}

function expectSame(where: string, lo: Value, ours: Value): void {
  const a = comparable(lo);
  const b = comparable(ours);
  if (typeof a === 'number' && typeof b === 'number') expect({ where, value: a }).toEqual({ where, value: expect.closeTo(b, 6) });
  else expect({ where, value: a }).toEqual({ where, value: b });
}

describeLO('LibreOffice recalculates the officer corpus', () => {
  let lo: BatchResult;
  const ours = new Map<string, WorkbookSnapshot>();
  const key = (c: CorpusCase, e?: PlantedError) => (e ? `${c.name}/${e.id}` : c.name);

  beforeAll(async () => {
    const books: Record<string, Uint8Array> = {};
    for (const c of cases) {
      for (const e of [undefined, ...c.errors]) {
        const bytes = await c.build(e?.edits);
        books[key(c, e)] = bytes;
        ours.set(key(c, e), await xlsxToSnapshot(bytes));
      }
    }
    lo = await recalculateMany(books);
  }, 600_000);

  test.each(cases.map((c) => [c.name, c] as const))('%s: the recalculated grand totals equal expected.json, and every formula equals its cached value', (_, c) => {
    const book = lo.books[key(c)];
    for (const t of c.expected.tables) {
      if (t.totalRow === null) continue;
      for (const p of t.periods ?? [{ label: 'plan', columns: t.columns, totals: t.totals }]) {
        for (const [col, source] of Object.entries(p.columns)) {
          const cell = `${col}${t.totalRow}`;
          expectSame(`${t.sheet}!${cell} (${p.label}, ${source})`, book.sheets[t.sheet].values[cell] ?? null, p.totals[source] as number);
        }
      }
    }
    let formulas = 0;
    for (const [sheet, s] of Object.entries(book.sheets)) {
      const mine = ours.get(key(c))?.sheets.find((x) => x.name === sheet);
      for (const cell of Object.keys(s.formulas)) {
        const { row, col } = parseA1(cell);
        expectSame(`${sheet}!${cell}`, s.values[cell], (mine?.values[row]?.[col] ?? null) as Value);
        formulas++;
      }
    }
    expect(formulas).toBeGreaterThan(0);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s: with each planted error, typed values stay typed and the formulas equal their cached values', (_, c) => {
    for (const e of c.errors) {
      const book = lo.books[key(c, e)];
      for (const edit of e.edits) {
        if (edit.cell === undefined || (edit.value === undefined && edit.text === undefined)) continue;
        const s = book.sheets[edit.sheet];
        const typed = edit.text ?? (typeof edit.value === 'string' ? storedText(edit.value, edit.encoding, edit.font ?? '') : edit.value);
        expect({ error: e.id, cell: edit.cell, formula: s.formulas[edit.cell] ?? null, value: s.values[edit.cell] ?? null }).toEqual({ error: e.id, cell: edit.cell, formula: null, value: typed === '' ? null : typed });
      }
      for (const [sheet, s] of Object.entries(book.sheets)) {
        const mine = ours.get(key(c, e))?.sheets.find((x) => x.name === sheet);
        for (const cell of Object.keys(s.formulas)) {
          const { row, col } = parseA1(cell);
          expectSame(`${e.id}: ${sheet}!${a1(row, col)}`, s.values[cell], (mine?.values[row]?.[col] ?? null) as Value);
        }
      }
    }
  });

  test('one LibreOffice run for the whole corpus', () => {
    const books = cases.reduce((n, c) => n + 1 + c.errors.length, 0);
    expect(Object.keys(lo.books)).toHaveLength(books);
    expect(lo.elapsedMs).toBeGreaterThan(0);
  });
});
