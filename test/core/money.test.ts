import fc from 'fast-check';
import {
  parseAmount,
  formatAmount,
  convertUnit,
  sumExact,
  amountsEqual,
  defaultTolerance,
  findAmount,
  differenceExact,
} from '../../src/core/money';

describe('parseAmount reads amounts as Vietnamese officers write them', () => {
  test.each([
    ['1.728', 1728, null],
    ['1.728 triệu đồng', 1728, 'trieu'],
    ['76,47 tỷ đồng', 76.47, 'ty'],
    ['0,05 tỷ', 0.05, 'ty'],
    ['11.266,56', 11266.56, null],
    ['1,5 triệu', 1.5, 'trieu'],
    ['530 triệu đồng', 530, 'trieu'],
    ['1.915', 1915, null],
    ['1.000.024 đồng', 1000024, 'dong'],
    ['23.010.000 đ', 23010000, 'dong'],
    ['5 tỉ', 5, 'ty'],
    ['12 trđ', 12, 'trieu'],
    ['250 nghìn đồng', 250, 'nghin'],
    ['250 ngàn', 250, 'nghin'],
    ['1 728', 1728, null],
    ['1\u00a0728\u00a0000', 1728000, null],
    ['(1.728)', -1728, null],
    ['-342', -342, null],
    ['1728', 1728, null],
    ['0,728', 0.728, null],
  ])('%s → %d (%s)', (text, expected, unit) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(expected);
      expect(r.unit).toBe(unit);
    }
  });

  test('unaccented and NFD unit words are read too', () => {
    expect(parseAmount('1.728 trieu dong')).toMatchObject({ ok: true, value: 1728, unit: 'trieu' });
    expect(parseAmount('1.728 triệu đồng'.normalize('NFD'))).toMatchObject({ ok: true, value: 1728, unit: 'trieu' });
  });

  test('"1,728" alone is reported as ambiguous with both readings, never guessed', () => {
    const r = parseAmount('1,728');
    expect(r).toEqual({ ok: false, error: 'ambiguous', candidates: [1.728, 1728] });
  });

  test('en-US notation is read but flagged', () => {
    expect(parseAmount('1,728,000')).toMatchObject({ ok: true, value: 1728000, notation: 'en' });
    expect(parseAmount('1,728.5')).toMatchObject({ ok: true, value: 1728.5, notation: 'en' });
    expect(parseAmount('76.47')).toMatchObject({ ok: true, value: 76.47, notation: 'en' });
    expect(parseAmount('1.728,5')).toMatchObject({ ok: true, value: 1728.5, notation: 'vi' });
  });

  test.each(['', '   ', 'abc', '1..2', '1.2.3', '12,34,5', '1.728,', 'triệu'])('rejects %p', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });

  test('an unknown unit is named', () => {
    expect(parseAmount('1.728 USD')).toEqual({ ok: false, error: 'unknown-unit', unitText: 'USD' });
  });

  test('values are exact decimals', () => {
    const r = parseAmount('11.266,56');
    expect(r.ok && r.decimal).toEqual({ digits: 1126656n, scale: 2 });
  });
});

describe('findAmount picks the one amount out of a plan sentence', () => {
  test('Lai Châu 2024: "đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng."', () => {
    expect(findAmount('đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.')).toMatchObject({ ok: true, value: 530, unit: 'trieu' });
  });
  test('no amount or two amounts → null', () => {
    expect(findAmount('Đơn vị thực hiện: UBND xã Sùng Phài')).toBeNull();
    expect(findAmount('từ 5 đến 16 tuổi')).toBeNull();
  });
});

describe('formatAmount writes vi-VN', () => {
  test.each([
    [1728, {}, '1.728'],
    [76.47, {}, '76,47'],
    [11266.56, {}, '11.266,56'],
    [1728, { unit: 'trieu' as const }, '1.728 triệu đồng'],
    [76.47, { unit: 'ty' as const }, '76,47 tỷ đồng'],
    [-1728.5, {}, '-1.728,5'],
    [0.05, { decimals: 2 }, '0,05'],
    [1728, { decimals: 1 }, '1.728,0'],
    [2.345, { decimals: 2 }, '2,35'],
    [-2.345, { decimals: 2 }, '-2,35'],
    [1728000000, {}, '1.728.000.000'],
    [1728.5, { locale: 'en' as const }, '1,728.5'],
  ])('%d %j → %s', (v, opts, expected) => {
    expect(formatAmount(v, opts)).toBe(expected);
  });

  test('format → parse round trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (n, places) => {
        const v = n / 10 ** places;
        const text = formatAmount(v, { maxDecimals: 3 });
        const r = parseAmount(text);
        // a single comma with exactly three decimals and a short integer part is the ambiguous case
        if (!r.ok) return r.error === 'ambiguous' && r.candidates[0] === v;
        return r.value === v;
      }),
      { numRuns: 3000 },
    );
  });

  test('parseAmount never throws on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseAmount(s).ok === 'boolean'), { numRuns: 3000 });
    fc.assert(fc.property(fc.stringMatching(/^[-(]?[\d.,  ]{0,14}\)? ?(triệu|tỷ|đồng|nghìn)?$/), (s) => typeof parseAmount(s).ok === 'boolean'), { numRuns: 3000 });
  });
});

describe('units convert exactly', () => {
  test.each([
    [1728, 'trieu', 'dong', 1728000000],
    [1728, 'trieu', 'ty', 1.728],
    [76.47, 'ty', 'trieu', 76470],
    [0.05, 'ty', 'trieu', 50],
    [1.1, 'trieu', 'nghin', 1100],
    [0.3, 'ty', 'dong', 300000000],
  ] as const)('%d %s → %s = %d', (v, from, to, expected) => {
    expect(convertUnit(v, from, to)).toBe(expected);
  });

  test('conversion there and back is the identity (property)', () => {
    const units = ['dong', 'nghin', 'trieu', 'ty'] as const;
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...units), fc.constantFrom(...units), (n, places, a, b) => {
        const v = n / 10 ** places;
        return convertUnit(convertUnit(v, a, b), b, a) === v;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sums carry no binary drift', () => {
  test('0.1 + 0.2 is 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumExact([0.1, 0.2])).toBe(0.3);
  });
  test('the Lai Châu 2024 plan adds to 1.728 triệu đồng', () => {
    expect(sumExact([530, 342, 685, 81, 17, 51, 22])).toBe(1728);
  });
  test('the Bình Lư 2025 plan adds to 1.915 triệu đồng', () => {
    expect(sumExact([1005, 459, 210, 62, 121, 58])).toBe(1915);
  });
  test('one-decimal triệu amounts add exactly', () => {
    const parts = [0.1, 0.7, 12.3, 45.6, 0.2, 1005.9];
    expect(sumExact(parts)).toBe(1064.8);
  });
  test('huge values fall back to exact BigInt arithmetic', () => {
    expect(sumExact([9007199254740991, 2, 0.5])).toBe(Number('9007199254740993.5'));
  });
  test('the exact sum of k-decimal values equals the integer sum scaled back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), fc.integer({ min: 0, max: 4 }), (ints, places) => {
        const f = 10 ** places;
        const values = ints.map((i) => i / f);
        return sumExact(values) === ints.reduce((a, b) => a + b, 0) / f;
      }),
      { numRuns: 2000 },
    );
  });
  test('differenceExact', () => {
    expect(differenceExact(1728, 1700.3)).toBe(27.7);
    expect(differenceExact(0.3, 0.1)).toBe(0.2);
  });
});

describe('comparisons use a stated tolerance', () => {
  test('default tolerance is one đồng in the sheet unit', () => {
    expect(defaultTolerance('trieu')).toBe(1e-6);
    expect(defaultTolerance('dong')).toBe(1);
    expect(defaultTolerance('ty')).toBe(1e-9);
  });
  test('exact equality through decimals, Excel binary noise allowed', () => {
    expect(amountsEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(amountsEqual(1728, 1728.001)).toBe(false);
    expect(amountsEqual(1728, 1728.001, 0.001)).toBe(true);
    expect(amountsEqual(1728, 1728.0011, 0.001)).toBe(false);
    expect(amountsEqual(1728, 1782, 1)).toBe(false);
  });
});
