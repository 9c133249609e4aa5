import { amountToWords, toDong, wordsToAmount, type WordsOptions } from '../../src/core/words';

/** The text, failing the test loudly when the amount is refused. */
function words(amount: number | bigint | string, options?: WordsOptions): string {
  const result = amountToWords(amount, options);
  if (!result.ok) throw new Error(`amountToWords(${String(amount)}) failed: ${result.error}`);
  return result.text;
}

const plain: WordsOptions = { currency: false };

describe('amountToWords — golden vectors of domain.md §7', () => {
  it.each<[bigint, string]>([
    [21n, 'Hai mươi mốt'],
    [24n, 'Hai mươi tư'],
    [25n, 'Hai mươi lăm'],
    [55n, 'Năm mươi lăm'],
    [105n, 'Một trăm linh năm'],
    [104n, 'Một trăm linh bốn'],
    [101n, 'Một trăm linh một'],
    [115n, 'Một trăm mười lăm'],
    [111n, 'Một trăm mười một'],
    [114n, 'Một trăm mười bốn'],
    [1_005n, 'Một nghìn không trăm linh năm'],
    [1_100n, 'Một nghìn một trăm'],
    [1_010n, 'Một nghìn không trăm mười'],
    [1_000_024n, 'Một triệu không trăm hai mươi tư'],
    [23_010_000n, 'Hai mươi ba triệu không trăm mười nghìn'],
    [100_000_001n, 'Một trăm triệu không trăm linh một'],
  ])('%s đồng → "%s"', (amount, text) => {
    expect(words(amount, plain)).toBe(text);
  });

  it.each<[bigint, string]>([
    [0n, 'Không đồng'],
    [1_728_000_000n, 'Một tỷ bảy trăm hai mươi tám triệu đồng'],
    [1_005_000_000n, 'Một tỷ không trăm linh năm triệu đồng'],
    [10n ** 12n, 'Một nghìn tỷ đồng'],
    [1_000_000_000_005n, 'Một nghìn tỷ không trăm linh năm đồng'],
    [2n * 10n ** 15n, 'Hai triệu tỷ đồng'],
    [10n ** 18n, 'Một tỷ tỷ đồng'],
    [10n ** 18n + 5n * 10n ** 9n, 'Một tỷ không trăm linh năm tỷ đồng'],
    [10n ** 21n, 'Một nghìn tỷ tỷ đồng'],
    [10n ** 27n - 1n, 'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
  ])('%s đồng → "%s"', (amount, text) => {
    expect(words(amount)).toBe(text);
  });
});

describe('amountToWords — plans in triệu and tỷ are scaled to đồng', () => {
  it('reads the Lai Châu 2024 plan total, 1.728 triệu đồng', () => {
    expect(words(1728, { unit: 'trieu' })).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
  });

  it('reads the Bình Lư 2025 plan total, 1.915 triệu đồng', () => {
    expect(words(1915, { unit: 'trieu' })).toBe('Một tỷ chín trăm mười lăm triệu đồng');
  });

  it('reads 530 triệu đồng', () => {
    expect(words(530, { unit: 'trieu' })).toBe('Năm trăm ba mươi triệu đồng');
  });

  it('reads 0,05 tỷ đồng as fifty million', () => {
    expect(words(0.05, { unit: 'ty' })).toBe('Năm mươi triệu đồng');
  });

  it('reads a one-decimal triệu value exactly: 76,5 triệu', () => {
    expect(amountToWords(76.5, { unit: 'trieu' })).toEqual({ ok: true, dong: 76_500_000n, text: 'Bảy mươi sáu triệu năm trăm nghìn đồng' });
  });

  it('accepts a string with "." as decimal point', () => {
    expect(amountToWords('1728.5', { unit: 'trieu' })).toMatchObject({ ok: true, dong: 1_728_500_000n });
    expect(amountToWords(' -0.05 ', { unit: 'ty' })).toMatchObject({ ok: true, dong: -50_000_000n });
  });

  it('accepts a bigint amount in nghìn', () => {
    expect(amountToWords(459n, { unit: 'nghin' })).toMatchObject({ ok: true, dong: 459_000n });
  });
});

describe('toDong — exact decimal shift, rounding half away from zero', () => {
  it('does not multiply floats: 0,5005 nghìn is 500,5 đồng → 501 (float gives 500,49999…)', () => {
    expect(0.5005 * 1000).toBeLessThan(500.5);
    expect(toDong(0.5005, 'nghin')).toEqual({ ok: true, dong: 501n });
  });

  it('rounds half away from zero in both directions', () => {
    expect(toDong(0.5)).toEqual({ ok: true, dong: 1n });
    expect(toDong(2.5)).toEqual({ ok: true, dong: 3n });
    expect(toDong(0.49)).toEqual({ ok: true, dong: 0n });
    expect(toDong(-0.5)).toEqual({ ok: true, dong: -1n });
    expect(toDong(-2.5)).toEqual({ ok: true, dong: -3n });
    expect(toDong('0.0000005', 'trieu')).toEqual({ ok: true, dong: 1n });
  });

  it('reads JavaScript exponent forms', () => {
    expect(String(1.5e-7)).toBe('1.5e-7');
    expect(toDong(1.5e-7, 'ty')).toEqual({ ok: true, dong: 150n });
    expect(toDong(1e21)).toEqual({ ok: true, dong: 10n ** 21n });
    expect(toDong(1.23e-18)).toEqual({ ok: true, dong: 0n });
    expect(toDong('1e-999999999')).toEqual({ ok: true, dong: 0n });
  });

  it('refuses amounts of 10^27 đồng and more, including after rounding or scaling', () => {
    expect(toDong(1e27)).toEqual({ ok: false, error: 'too-large' });
    expect(toDong(10n ** 27n)).toEqual({ ok: false, error: 'too-large' });
    expect(toDong(-(10n ** 27n))).toEqual({ ok: false, error: 'too-large' });
    expect(toDong('999999999999999999999999999.5')).toEqual({ ok: false, error: 'too-large' });
    expect(toDong(1e18, 'ty')).toEqual({ ok: false, error: 'too-large' });
    expect(toDong('1e999999999')).toEqual({ ok: false, error: 'too-large' });
    expect(toDong('999999999999999999999999999.4')).toEqual({ ok: true, dong: 10n ** 27n - 1n });
  });

  it.each([NaN, Infinity, -Infinity, '', ' ', 'abc', '1,5', '1.728.000', '12a', '.', '-', '1e', '0x10'])(
    'refuses %p as not-a-number',
    (amount) => {
      expect(amountToWords(amount)).toEqual({ ok: false, error: 'not-a-number' });
    },
  );
});

describe('amountToWords — variants, sign, capitalisation', () => {
  it('uses "lẻ" instead of "linh" on request', () => {
    expect(words(105, { ...plain, zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm');
    expect(words(1_005_000_000, { zeroTens: 'lẻ' })).toBe('Một tỷ không trăm lẻ năm triệu đồng');
  });

  it('uses "ngàn" instead of "nghìn" on request', () => {
    expect(words(1_005, { ...plain, thousand: 'ngàn' })).toBe('Một ngàn không trăm linh năm');
    expect(words(10n ** 12n, { thousand: 'ngàn' })).toBe('Một ngàn tỷ đồng');
  });

  it('ends a whole number of nghìn with "đồng chẵn" on request', () => {
    expect(words(1_000_000, { chan: true })).toBe('Một triệu đồng chẵn');
    expect(words(1728, { unit: 'trieu', chan: true })).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng chẵn');
    expect(words(1_000_024, { chan: true })).toBe('Một triệu không trăm hai mươi tư đồng');
    expect(words(0, { chan: true })).toBe('Không đồng');
  });

  it('reads negative amounts with "Âm"', () => {
    expect(words(-1728, { unit: 'trieu' })).toBe('Âm một tỷ bảy trăm hai mươi tám triệu đồng');
    expect(words(-21n, plain)).toBe('Âm hai mươi mốt');
  });

  it('reads negative zero and amounts rounding to zero as "Không"', () => {
    expect(amountToWords(-0)).toEqual({ ok: true, dong: 0n, text: 'Không đồng' });
    expect(amountToWords(-0.4)).toEqual({ ok: true, dong: 0n, text: 'Không đồng' });
  });

  it('returns NFC text', () => {
    const text = words(1_915_000_000);
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('wordsToAmount — reading words back', () => {
  it.each<[string, bigint]>([
    ['Một tỷ bảy trăm hai mươi tám triệu đồng', 1_728_000_000n],
    ['Một tỷ chín trăm mười lăm triệu đồng chẵn', 1_915_000_000n],
    ['một trăm lẻ năm', 105n],
    ['một trăm linh tư', 104n],
    ['hai mươi một', 21n],
    ['hai mươi bốn', 24n],
    ['hai mươi năm', 25n],
    ['mười năm', 15n],
    ['Một ngàn không trăm linh năm', 1_005n],
    ['một tỉ', 1_000_000_000n],
    ['MỘT TỶ TỶ ĐỒNG', 10n ** 18n],
    ['Một nghìn tỷ không trăm linh năm đồng', 1_000_000_000_005n],
    ['Không đồng', 0n],
    ['Âm năm mươi triệu đồng', -50_000_000n],
    ['Một triệu, không trăm hai mươi tư đồng.', 1_000_024n],
    ['(Một trăm triệu không trăm linh một đồng chẵn)', 100_000_001n],
  ])('"%s" → %s', (text, dong) => {
    expect(wordsToAmount(text)).toEqual({ ok: true, dong });
  });

  it('accepts decomposed (NFD) input', () => {
    expect(wordsToAmount('Một tỷ bảy trăm hai mươi tám triệu đồng'.normalize('NFD'))).toEqual({ ok: true, dong: 1_728_000_000n });
  });

  it('reports empty input', () => {
    expect(wordsToAmount('')).toEqual({ ok: false, error: 'empty' });
    expect(wordsToAmount(' đồng chẵn. ')).toEqual({ ok: false, error: 'empty' });
    expect(wordsToAmount('âm')).toEqual({ ok: false, error: 'empty' });
  });

  it('reports the unknown word and its position', () => {
    expect(wordsToAmount('Một tỷ bảy trăm hai mươi tám triệu VNĐ')).toEqual({ ok: false, error: 'unknown-word', word: 'vnđ', index: 8 });
    expect(wordsToAmount('1.728 triệu')).toMatchObject({ ok: false, error: 'unknown-word', word: '1' });
  });

  it.each<[string, string, number]>([
    ['nghìn một trăm', 'nghìn', 0],
    ['một nghìn hai triệu', 'nghìn', 1],
    ['một triệu hai triệu', 'triệu', 3],
    ['một trăm năm', 'năm', 2],
    ['linh năm', 'linh', 0],
    ['một mươi', 'mươi', 1],
    ['mốt', 'mốt', 0],
    ['tư trăm', 'tư', 0],
    ['hai mươi không', 'không', 2],
    ['một trăm linh không', 'không', 3],
    ['tỷ', 'tỷ', 0],
    ['một âm hai', 'âm', 1],
    ['không không', 'không', 0],
  ])('reports "%s" as bad order at "%s"', (text, word, index) => {
    expect(wordsToAmount(text)).toEqual({ ok: false, error: 'bad-order', word, index });
  });
});
