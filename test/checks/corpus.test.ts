/**
 * A corpus of nasty workbooks made by test code: each yields its expected findings, and none
 * crashes the engine.
 */
import { runChecks } from '../../src/core/checks/engine';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { GoldenInput, goldenSnapshot } from '../golden/golden-workbook';

const CASES: Array<[string, GoldenInput, string[]]> = [
  ['merged cells over amounts', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'H8', merge: 'H8:I9' }] }, []],
  ['a hidden leaf row inside a total', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'A9', hideRow: true }] }, ['SEND_SAFETY DA4']],
  ['#REF! after a deleted row', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'E8', formula: '=#REF!+I8', result: '#REF!' }] }, ['ERROR_VALUE DA4!E8']],
  ['a number stored as text', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'H9', value: '81' }] }, ['TEXT_NUMBER DA4!H9']],
  ['TCVN3 text in a .VnTime cell', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA2', cell: 'M7', value: 'Céng hßa x· héi chñ nghÜa ViÖt Nam', font: '.VnTime' }] }, ['LEGACY_TEXT DA2']],
  ['the 1.005 trap', { plan: 'binh-lu-2025', edits: [{ sheet: 'DA2', cell: 'H7', value: 1.005 }] }, ['TEXT_NUMBER DA2!H7']],
  ['a SUM that stops one row short', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'E7', formula: '=SUM(E8:E8)', result: 685 }] }, ['ROLLUP DA4!E7', 'FORMULA_SHAPE DA4!E7']],
  ['a row inserted outside a total (no code)', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'B10', value: 'Hỗ trợ thêm' }, { sheet: 'DA4', cell: 'H10', value: 50 }] }, ['CODE DA4!O10']],
  ['a parent typed over', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA7', cell: 'E7', value: 80 }] }, ['HARDCODED_TOTAL DA7!E7', 'ROLLUP DA7!E7']],
  ['circular sums', { plan: 'lai-chau-2024', edits: [{ sheet: 'DA4', cell: 'E7', formula: '=E7+E8', result: 0 }] }, ['FORMULA_SHAPE DA4!E7']],
];

describe.each(CASES)('%s', (_, input, expected) => {
  test('yields its findings and does not crash', async () => {
    const result = runChecks(await goldenSnapshot(input));
    const got = result.findings.map((f) => (f.cell ? `${f.rule} ${f.sheet}!${f.cell}` : `${f.rule} ${f.sheet}`));
    const gotLoose = [...got, ...result.findings.map((f) => `${f.rule} ${f.sheet}`)];
    for (const e of expected) expect(gotLoose).toContain(e);
  });
});

test('65 536+ rows of an ordinary workbook: checked without the KH layout, no crash', () => {
  const rows = 70_000;
  const values = Array.from({ length: rows }, (_, r) => [`Dòng ${r + 1}`, r % 997, r === 40_000 ? '1.728' : r * 0.5]);
  const formulas = Array.from({ length: rows }, () => [null, null, null]);
  const snapshot: WorkbookSnapshot = { sheets: [{ name: 'Số liệu', visibility: 'visible', values, formulas }], names: [] };
  const result = runChecks(snapshot);
  expect(result.skippedRules.length).toBeGreaterThan(0);
  expect(result.findings.some((f) => f.rule === 'LAYOUT')).toBe(true);
  expect(result.findings.some((f) => f.rule === 'TEXT_NUMBER' && f.cell === 'C40001')).toBe(true);
});
