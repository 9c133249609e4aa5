import { runChecks } from '../../src/core/checks/engine';
import { LEGACY_TEXT } from '../../src/core/checks/rules/legacy-text';
import { book, sheet } from './snapshots';

const run = (wb: ReturnType<typeof book>) => runChecks(wb, {}, [LEGACY_TEXT]).findings;

test('TCVN3 in a capitals font converts to capitals; the fix lists every cell of the sheet and encoding', () => {
  const wb = book(sheet('S', [[{ v: 'Céng hßa', font: '.VnTimeH' }, 'Cộng hòa'], [null, { v: 'x· héi', font: '.VnTime' }]]));
  const found = run(wb);
  expect(found).toHaveLength(1);
  expect(found[0].message.params).toMatchObject({ count: 2, encoding: 'TCVN3', cell: 'A1', sample: 'Céng hßa', converted: 'CỘNG HÒA' });
  expect(found[0].fix).toEqual({ kind: 'convertText', sheet: 'S', cells: ['A1', 'B2'], encoding: 'tcvn3' });
});

test('Unicode text in a legacy font, formulas and numbers are left alone', () => {
  const wb = book(sheet('S', [[{ v: 'Cộng hòa', font: '.VnTime' }, { v: 'Céng hßa', f: '="Céng hßa"', font: '.VnTime' }, 1.005]]));
  expect(run(wb)).toEqual([]);
});

test('a long sample is clipped', () => {
  const long = 'Céng hßa x· héi chñ nghÜa ViÖt Nam '.repeat(4);
  const found = run(book(sheet('S', [[{ v: long, font: '.VnTime' }]])));
  expect([...(found[0].message.params.sample as string)].length).toBeLessThanOrEqual(60);
});

test("KH's own report sheet, which quotes legacy samples, is not reported", () => {
  expect(run(book(sheet('Kiểm tra', [['2 ô chữ bảng mã TCVN3 (ví dụ A1: "Céng hßa x· héi" → "Cộng hòa xã hội")', 'Céng hßa x· héi chñ nghÜa']])))).toEqual([]);
});
