/** Biểu 03 part C finds a policy's source as SUMIFS does: the label's text, case aside; numbers only. */
import { policyMoney, sumifsSource } from '../../src/core/book/annex/funding';

test('a source is found by its label, case aside, and nothing else', () => {
  expect(sumifsSource('NSTW')).toBe('central');
  expect(sumifsSource('nstw')).toBe('central');
  expect(sumifsSource('Tín dụng chính sách')).toBe('credit');
  expect(sumifsSource('TÍN DỤNG CHÍNH SÁCH')).toBe('credit');
  // SUMIFS compares whole cells: a space, another word or the key are not the label
  for (const v of [' NSTW', 'NSTW ', 'central', 'Ngân sách trung ương', '', null, 5]) expect(sumifsSource(v)).toBeNull();
});

test('the money of Biểu 02 split into what Biểu 03 counts and what it leaves out', () => {
  expect(
    policyMoney([
      { amount: 412.5, source: 'NSTW' },
      { amount: 96, source: 'nsđp' },
      { amount: 4800, source: null },
      { amount: 10, source: 'central' },
      // text is not money to SUM or SUMIFS
      { amount: '200 triệu', source: 'NSTW' },
    ]),
  ).toEqual({ total: 5318.5, funded: 508.5, unfunded: 4810 });
});
