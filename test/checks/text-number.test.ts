import { runChecks } from '../../src/core/checks/engine';
import { TEXT_NUMBER, textNumber } from '../../src/core/checks/rules/text-number';
import { goldenSnapshot } from '../golden/golden-workbook';
import { book, sheet } from './snapshots';

describe('textNumber', () => {
  test.each([
    ['1.728', 1728],
    ['\u00a0685\u00a0', 685],
    [' 76,47 ', 76.47],
    ['1.728.000', 1728000],
    ['(1.728)', -1728],
  ])('%j reads as %p', (text, value) => {
    expect(textNumber(text, null)).toEqual({ ok: true, value });
  });
  test('"1,728" is ambiguous; labels and outline numbers are not numbers', () => {
    expect(textNumber('1,728', null)).toEqual({ ok: false, ambiguous: true });
    for (const t of ['1.1', '2.3.4', 'DA3', 'Tổng', '', '15/01/2024']) expect(textNumber(t, null)).toEqual({ ok: false, ambiguous: false });
  });
});

describe('TEXT_NUMBER', () => {
  const run = async (input: Parameters<typeof goldenSnapshot>[0]) => runChecks(await goldenSnapshot(input), {}, [TEXT_NUMBER]).findings;

  test('the 1.005 trap in a plan in tỷ: 0.459 among integers → 459', async () => {
    const found = await run({ plan: 'binh-lu-2025', planPatch: { unit: 'ty' }, edits: [{ sheet: 'DA3', cell: 'H8', value: 0.459 }] });
    expect(found.map((f) => [f.cell, f.message.key, f.fix])).toEqual([['H8', 'rule.TEXT_NUMBER.trap', { kind: 'value', sheet: 'DA3', cell: 'H8', value: 459 }]]);
  });

  test('no trap in a plan in đồng, nor when the other values have decimals too', async () => {
    expect(await run({ plan: 'binh-lu-2025', planPatch: { unit: 'dong' }, edits: [{ sheet: 'DA2', cell: 'H7', value: 1.005 }] })).toEqual([]);
    expect(await run({ plan: 'binh-lu-2025', edits: [{ sheet: 'DA2', cell: 'H7', value: 1.005 }, { sheet: 'DA3', cell: 'H8', value: 459.25 }] })).toEqual([]);
  });

  test('a text amount with a unit is converted to the plan unit', async () => {
    const found = await run({ plan: 'binh-lu-2025', edits: [{ sheet: 'DA3', cell: 'H8', value: '1,2 tỷ' }] });
    expect(found.map((f) => f.fix)).toEqual([{ kind: 'value', sheet: 'DA3', cell: 'H8', value: 1200 }]);
  });

  test('on other sheets only a column of numbers counts; a text column with one number-like text does not', () => {
    const wb = book(sheet('S', [['Tên', 'Số'], ['a', 1], ['b', '2'], ['c', 3], ['2025', 'x']]));
    expect(runChecks(wb, {}, [TEXT_NUMBER]).findings.map((f) => f.cell)).toEqual(['B3']);
  });
});

test('no trap when Thông tin declares three decimals', async () => {
  const snap = await goldenSnapshot({ plan: 'binh-lu-2025', planPatch: { unit: 'ty', decimals: 3 }, edits: [{ sheet: 'DA3', cell: 'H8', value: 0.459 }] });
  expect(runChecks(snap, {}, [TEXT_NUMBER]).findings).toEqual([]);
});
