/**
 * Properties of the money-phrase parser (fast-check): an amount written the vi-VN way comes back
 * exact or is refused as ambiguous with both readings; a total with "trong đó" parts comes back as
 * a whole over its parts whatever the separators and bullets; the source words of each part are
 * recognised; years, dates and document numbers are never read as money; any text parses without
 * throwing.
 */
import fc from 'fast-check';
import { parseFunding, allFigures } from '../../src/core/document/funding';
import { keyOf } from '../../src/core/document/allocation';
import { formatAmount } from '../../src/core/money';
import { MoneyUnit, UNIT_LABEL_VI } from '../../src/core/units';

const UNITS: MoneyUnit[] = ['dong', 'nghin', 'trieu', 'ty'];
/** Amounts as plans hold them: whole numbers, or up to three decimals. */
const amount = fc.oneof(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 }).chain((n) => fc.constantFrom(n / 10, n / 100, n / 1000)));

const SOURCES: Array<[string, string]> = [
  ['Ngân sách trung ương (vốn sự nghiệp)', 'centralRecurrent'],
  ['NSTW vốn đầu tư phát triển', 'centralInvestment'],
  ['ngân sách địa phương', 'local'],
  ['NSĐP', 'local'],
  ['vốn lồng ghép', 'integrated'],
  ['vốn tín dụng chính sách', 'credit'],
  ['vốn huy động hợp pháp khác', 'mobilised'],
  ['nhân dân đóng góp', 'mobilised'],
  ['vốn ngân sách nhà nước', 'state'],
];

test('an amount written vi-VN with its unit comes back exact, or refused as ambiguous with both readings', () => {
  fc.assert(
    fc.property(amount, fc.constantFrom(...UNITS), fc.constantFrom('Kinh phí thực hiện: ', 'Nguồn vốn: Dự kiến ', 'Tổng kinh phí là '), (value, unit, lead) => {
      const text = `${lead}${formatAmount(value, { maxDecimals: 3 })} ${UNIT_LABEL_VI[unit]}.`;
      const figures = allFigures(parseFunding(text).figures);
      expect(figures).toHaveLength(1);
      const [f] = figures;
      expect(f.unit).toBe(unit);
      if (f.problem === 'ambiguous') expect(f.candidates).toContain(value);
      else {
        expect(f.problem).toBeNull();
        expect(f.value).toBe(value);
      }
    }),
    { numRuns: 400 },
  );
});

test('a total with "trong đó" parts is a whole over its parts, in order, whatever the separators and bullets', () => {
  const part = fc.record({ source: fc.constantFrom(...SOURCES), value: fc.integer({ min: 1, max: 99_999 }) });
  fc.assert(
    fc.property(
      fc.array(part, { minLength: 1, maxLength: 5 }).filter((ps) => new Set(ps.map((p) => p.source[1])).size === ps.length),
      fc.constantFrom('; ', ', ', '\n- ', '\n+ '),
      fc.constantFrom(', trong đó: ', '. Trong đó: ', ', gồm: ', ', bao gồm:\n- '),
      fc.boolean(),
      (parts, sep, of, colon) => {
        const whole = parts.reduce((a, p) => a + p.value, 0);
        const list = parts.map((p) => `${p.source[0]}${colon ? ': ' : ' '}${formatAmount(p.value)} triệu đồng`).join(sep);
        const s = parseFunding(`Tổng kinh phí thực hiện: ${formatAmount(whole)} triệu đồng${of}${list}.`);
        expect(s.figures).toHaveLength(1);
        const [top] = s.figures;
        expect(top.value).toBe(whole);
        expect(top.named.whole).toBe(true);
        expect(top.parts.map((p) => p.value)).toEqual(parts.map((p) => p.value));
        expect(top.parts.map((p) => keyOf(p.named))).toEqual(parts.map((p) => p.source[1]));
      },
    ),
    { numRuns: 300 },
  );
});

test('years, dates, document numbers and percentages around one amount are never read as money', () => {
  const noise = fc.constantFrom('năm 2024', 'ngày 28/12/2023', 'Quyết định số 1234/QĐ-UBND', 'giai đoạn 2021 - 2025', 'tăng 15%', 'cho 185 lao động', 'tháng 6 năm 2025', 'Kế hoạch số 599/KH-UBND');
  fc.assert(
    fc.property(fc.array(noise, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 99_999 }), fc.nat(4), (words, value, at) => {
      const pieces: string[] = [...words];
      pieces.splice(Math.min(at, pieces.length), 0, `kinh phí ${formatAmount(value)} triệu đồng`);
      const figures = allFigures(parseFunding(`Theo ${pieces.join(', ')}.`).figures);
      expect(figures.map((f) => f.value)).toEqual([value]);
    }),
    { numRuns: 300 },
  );
});

test('an amount without a unit borrows its whole\'s or a neighbour\'s; with none anywhere it stays unread, never zero', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(...UNITS), (a, b, unit) => {
      const lent = allFigures(parseFunding(`NSTW: ${formatAmount(a)}; NSĐP: ${formatAmount(b)} ${UNIT_LABEL_VI[unit]}`).figures);
      expect(lent.map((f) => [f.value, f.unit])).toEqual([[a, unit], [b, unit]]);
      expect(lent[0].unitBorrowed).toBe(true);
      const alone = allFigures(parseFunding(`NSTW: ${formatAmount(a)}.`).figures);
      expect(alone.map((f) => [f.problem, f.unit])).toEqual([['no-unit', null]]);
    }),
    { numRuns: 200 },
  );
});

test('any text parses without throwing', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      parseFunding(text);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.array(fc.constantFrom('(', ')', ';', ':', 'trong đó', '1.200', 'triệu đồng', 'NSTW', 'Không', ',', '.', '\n', '- ', 'gồm', '0,5 tỷ'), { maxLength: 40 }), (tokens) => {
      const s = parseFunding(tokens.join(' '));
      for (const f of allFigures(s.figures)) expect(f.value === null || Number.isFinite(f.value)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});
