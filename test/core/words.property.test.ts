import fc from 'fast-check';
import { amountToWords, wordsToAmount, type WordsOptions } from '../../src/core/words';

const TEN_18 = 10n ** 18n;
const TEN_27 = 10n ** 27n;

/** Three-digit groups that exercise the reading rules: zeros, mười/mươi, mốt/tư/lăm, linh. */
const group = fc.oneof(
  fc.constant(0),
  fc.constantFrom(1, 4, 5, 10, 11, 14, 15, 21, 24, 25, 100, 101, 104, 105, 110, 111, 115, 121, 124, 125, 900, 999),
  fc.integer({ min: 0, max: 999 }),
);

/** A number assembled from up to `maxGroups` groups of three digits, so inner zero groups are common. */
const fromGroups = (maxGroups: number): fc.Arbitrary<bigint> =>
  fc.array(group, { minLength: 1, maxLength: maxGroups }).map((gs) => gs.reduce((n, g) => n * 1000n + BigInt(g), 0n));

/** Every bigint in 0…10^18, with small amounts and digit-group shapes well represented. */
const amountTo1e18 = fc.oneof(
  fc.bigInt({ min: 0n, max: 9_999n }),
  fc.bigInt({ min: 0n, max: TEN_18 }),
  fromGroups(6),
  fc.constant(TEN_18),
);

const amountBelow1e27 = fc.oneof(fc.bigInt({ min: 0n, max: TEN_27 - 1n }), fromGroups(9));

const options: fc.Arbitrary<WordsOptions> = fc.record({
  zeroTens: fc.constantFrom<'linh' | 'lẻ'>('linh', 'lẻ'),
  thousand: fc.constantFrom<'nghìn' | 'ngàn'>('nghìn', 'ngàn'),
  currency: fc.boolean(),
  chan: fc.boolean(),
});

function text(amount: number | bigint | string, opts?: WordsOptions): string {
  const result = amountToWords(amount, opts);
  if (!result.ok) throw new Error(`refused ${String(amount)}: ${result.error}`);
  return result.text;
}

describe('amountToWords ↔ wordsToAmount properties', () => {
  it('round-trips every amount 0…10^18 under every option combination', () => {
    fc.assert(
      fc.property(amountTo1e18, options, (n, opts) => {
        expect(wordsToAmount(text(n, opts))).toEqual({ ok: true, dong: n });
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips negative amounts and amounts up to 10^27', () => {
    fc.assert(
      fc.property(amountBelow1e27, fc.boolean(), options, (n, negative, opts) => {
        const signed = negative ? -n : n;
        expect(wordsToAmount(text(signed, opts))).toEqual({ ok: true, dong: signed });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips NFD, upper-case and tỉ spellings of the text', () => {
    fc.assert(
      fc.property(amountTo1e18, options, (n, opts) => {
        const variant = text(n, opts).toUpperCase().replace(/TỶ/g, 'tỉ').normalize('NFD');
        expect(wordsToAmount(variant)).toEqual({ ok: true, dong: n });
      }),
      { numRuns: 1000 },
    );
  });

  it('writes single-spaced NFC text starting with a capital and no other capital', () => {
    fc.assert(
      fc.property(amountBelow1e27, fc.boolean(), options, (n, negative, opts) => {
        const t = text(negative ? -n : n, opts);
        expect(t).not.toMatch(/\s\s/);
        expect(t).toBe(t.trim());
        expect(t).toBe(t.normalize('NFC'));
        expect(t.charAt(0)).toBe(t.charAt(0).toUpperCase());
        expect(t.charAt(0)).not.toBe(t.charAt(0).toLowerCase());
        expect(t.slice(1)).toBe(t.slice(1).toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a safe-integer number exactly like the same bigint', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), options, (x, opts) => {
        expect(amountToWords(x, opts)).toEqual(amountToWords(BigInt(x), opts));
      }),
      { numRuns: 2000 },
    );
  });

  it('scales triệu, nghìn and tỷ exactly: x triệu reads as x·10^6 đồng', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), options, (x, opts) => {
        expect(amountToWords(x, { ...opts, unit: 'trieu' })).toEqual(amountToWords(BigInt(x) * 10n ** 6n, opts));
        expect(amountToWords(x, { ...opts, unit: 'nghin' })).toEqual(amountToWords(BigInt(x) * 10n ** 3n, opts));
        expect(amountToWords(BigInt(x), { ...opts, unit: 'ty' })).toEqual(amountToWords(BigInt(x) * 10n ** 9n, opts));
      }),
      { numRuns: 2000 },
    );
  });

  it('scales one-decimal triệu values (as plans hold them) without float error', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (tenths) => {
        const x = tenths / 10;
        expect(amountToWords(x, { unit: 'trieu' })).toEqual(amountToWords(BigInt(tenths) * 100_000n));
      }),
      { numRuns: 2000 },
    );
  });

  const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

  it('never throws on arbitrary strings and answers a typed result', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const result = wordsToAmount(s);
        if (result.ok) expect(typeof result.dong).toBe('bigint');
        else expect(['empty', 'unknown-word', 'bad-order']).toContain(result.error);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses any text containing a word that is not a number word', () => {
    fc.assert(
      fc.property(anyString, anyString, (before, after) => {
        const result = wordsToAmount(`${before} abc ${after}`);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on shuffled number words and either reads or reports a typed error', () => {
    const word = fc.constantFrom('không', 'một', 'mốt', 'hai', 'bốn', 'tư', 'năm', 'lăm', 'chín', 'mười', 'mươi', 'trăm', 'linh', 'lẻ', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'âm', 'đồng', 'chẵn', ',', 'xyz');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const result = wordsToAmount(ws.join(' '));
        if (result.ok) {
          expect(typeof result.dong).toBe('bigint');
        } else {
          expect(['empty', 'unknown-word', 'bad-order']).toContain(result.error);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back the canonical text of whatever it accepts (parse, print, parse is stable)', () => {
    const word = fc.constantFrom('không', 'một', 'hai', 'bốn', 'tư', 'năm', 'lăm', 'mười', 'mươi', 'trăm', 'linh', 'nghìn', 'triệu', 'tỷ');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (ws) => {
        const first = wordsToAmount(ws.join(' '));
        if (!first.ok || first.dong >= TEN_27) return;
        expect(wordsToAmount(text(first.dong))).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });
});
