/**
 * Values Excel can hold, however large, never make a KH function throw or return Infinity or NaN:
 * past 1.8 × 10^308 the answer is #NUM! (or #VALUE!) with a Vietnamese sentence.
 */
import fc from 'fast-check';
import { checkSourcesImpl, doiDonViImpl, doiUngImpl, FunctionError, rollupImpl, soTienImpl, bangChuImpl, Out } from '../../src/functions/impl';

const huge = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(9e307, -9e307, 1.7976931348623157e308, -1.7976931348623157e308, 1e308, 5e-324, 1e-308, 0, -0),
  fc.integer({ min: -1e9, max: 1e9 }),
);
const digits = fc.integer({ min: 1, max: 420 }).map((n) => '9'.repeat(n));
const text = fc.oneof(digits, digits.map((d) => `${d} tỷ`), digits.map((d) => `${d},5 triệu đồng`), fc.constantFrom('1e308 tỷ', '1.728 triệu', '', 'abc'), fc.string({ maxLength: 12 }));
const unit = fc.constantFrom('đồng', 'nghìn', 'triệu', 'tỷ');

/** A function's answer: numbers finite, errors carrying a message, nothing else. */
function sane(value: Out | Out[][] | FunctionError | number | string): boolean {
  if (Array.isArray(value)) return value.every((row) => Array.isArray(row) && row.every((c) => sane(c)));
  if (value instanceof FunctionError) return ['value', 'na', 'num'].includes(value.kind) && value.message.length > 0 && !/Infinity|NaN|RangeError/.test(value.message);
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && !/Infinity|NaN/.test(value);
}

test('the cases that threw or gave Infinity', () => {
  expect(checkSourcesImpl([[1e308]], [[9e307, 9e307]])).toEqual([[expect.objectContaining({ kind: 'num' })]]);
  expect(checkSourcesImpl([[10]], [[5, 5]], '1' + '0'.repeat(309))).toMatchObject({ kind: 'num' });
  expect(rollupImpl([['DA1'], ['DA1.1'], ['DA1.2']], [[null], [9e307], [9e307]])).toEqual([[expect.objectContaining({ kind: 'num' })], [9e307], [9e307]]);
  expect(rollupImpl([['DA1'], ['DA1.1'], ['DA1.2']], [[null], [9e307], [9e307]], 'DA1')).toEqual([[expect.objectContaining({ kind: 'num' })]]);
  expect(soTienImpl('1' + '0'.repeat(320))).toMatchObject({ kind: 'num', message: expect.stringContaining('1,8 × 10^308') });
  expect(doiDonViImpl([[1e300, 5]], 'tỷ', 'đồng')).toEqual([[expect.objectContaining({ kind: 'num' }), 5e9]]);
  expect(doiUngImpl(1e308, 1e-308)).toMatchObject({ kind: 'num' });
  expect(doiUngImpl(1e308, 1e-308, 1)).toMatchObject({ kind: 'num' });
});

test('KH.CHECK_SOURCES on any numbers and tolerances', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(huge, fc.array(huge, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 }), fc.oneof(huge.map(Math.abs), digits, fc.constant(undefined)), (rows, tol) => {
      const width = Math.max(...rows.map((r) => r[1].length));
      const sources = rows.map((r) => [...r[1], ...new Array(width - r[1].length).fill(null)]);
      expect(sane(checkSourcesImpl(rows.map((r) => [r[0]]), sources, tol))).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test('KH.ROLLUP, KH.DOIDONVI, KH.DOIUNG on any numbers', () => {
  fc.assert(
    fc.property(fc.array(huge, { minLength: 1, maxLength: 8 }), unit, unit, fc.option(fc.constantFrom(1, 2, 3, '3%', 0.5), { nil: undefined }), (values, from, to, group) => {
      const codes = ['DA1', ...values.slice(1).map((_, i) => `DA1.${i + 1}`)].map((c) => [c]);
      expect(sane(rollupImpl(codes, values.map((v, i) => [i === 0 ? null : v])))).toBe(true);
      expect(sane(rollupImpl(codes, values.map((v, i) => [i === 0 ? null : v]), 'DA1'))).toBe(true);
      expect(sane(doiDonViImpl([values], from, to))).toBe(true);
      expect(sane(doiUngImpl(values[0], values[values.length - 1], group))).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test('KH.SOTIEN and KH.BANGCHU on any text, however many digits', () => {
  fc.assert(
    fc.property(text, fc.option(unit, { nil: undefined }), (t, u) => {
      expect(sane(soTienImpl(t, u))).toBe(true);
      expect(sane(bangChuImpl(t, u))).toBe(true);
    }),
    { numRuns: 3000 },
  );
});
