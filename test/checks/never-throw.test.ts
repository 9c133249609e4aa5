/** Property: the workbook-wide rules never throw, whatever a workbook holds. */
import fc from 'fast-check';
import { runChecks } from '../../src/core/checks/engine';
import { RULES } from '../../src/core/checks/rules';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/book/snapshot';
import { goldenSnapshot } from '../golden/golden-workbook';

const MINE = ['TEXT_NUMBER', 'UNIT_SCALE', 'NEGATIVE', 'ERROR_VALUE', 'LEGACY_TEXT', 'SEND_SAFETY'];
const rules = RULES.filter((r) => MINE.includes(r.id));

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('1.005', '1,728', '\u00a0685', '#REF!', '#NAME?', 'Céng hßa', 'Coäng hoøa', '1.1', '(1.728)', '', ' ', 'kh_layout', 'chi tiết', 'nhóm', 'DA4.TDA1'),
);
const value = fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.boolean(), text);
const formula = fc.oneof(
  fc.constant(null),
  fc.string().map((s) => `=${s}`),
  fc.constantFrom('=#REF!+1', '=KH.BANGCHU(E7)', "='[a.xlsx]S'!A1", '=SUM(A:A)', "=SUM('Other'!A1:ZZ9)", '=A1', '=B1+A1', "='C:\\x\\[b.xlsx]S'!A1", '=SUMIFS(E8:E1048576,$O8:$O1048576,"DA3.*")'),
);
const sheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('_kh', 'DA4', 'Tổng hợp', 'Other', 'S')),
    cells: fc.array(fc.array(fc.tuple(value, formula, fc.option(fc.constantFrom('.VnTime', 'VNI-Times', '.VnTimeH', 'Arial'))), { maxLength: 18 }), { maxLength: 14 }),
    hiddenRows: fc.option(fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }), { nil: undefined }),
  })
  .map(({ name, cells, hiddenRows }) => ({
    name,
    visibility: 'visible' as const,
    values: cells.map((r) => r.map((c) => c[0])),
    formulas: cells.map((r) => r.map((c) => c[1])),
    fonts: cells.map((r) => r.map((c) => c[2])),
    hiddenRows,
  }));

test('my rules never throw on random snapshots', () => {
  fc.assert(
    fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
      const snapshot: WorkbookSnapshot = { sheets, names: [] };
      expect(() => runChecks(snapshot, {}, rules)).not.toThrow();
    }),
    { numRuns: 300 },
  );
});

test('my rules never throw on a KH plan with random cells written into it', async () => {
  const base = await goldenSnapshot({ plan: 'binh-lu-2025' });
  const edit = fc.record({ sheet: fc.nat(), row: fc.nat({ max: 12 }), col: fc.nat({ max: 16 }), value, formula, hide: fc.boolean() });
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
      const snapshot: WorkbookSnapshot = structuredClone(base);
      for (const e of edits) {
        const s = snapshot.sheets[e.sheet % snapshot.sheets.length];
        while (s.values.length <= e.row) s.values.push([]);
        while (s.formulas.length <= e.row) s.formulas.push([]);
        s.values[e.row][e.col] = e.value;
        s.formulas[e.row][e.col] = e.formula;
        if (e.hide) s.hiddenRows = [...(s.hiddenRows ?? []), e.row];
      }
      expect(() => runChecks(snapshot, {}, rules)).not.toThrow();
    }),
    { numRuns: 200 },
  );
});
