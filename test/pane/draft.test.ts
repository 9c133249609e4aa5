/**
 * The wizard's form read into a plan spec (pure): amounts keep the unit written beside them or
 * take the plan's, an ambiguous "1,728" is refused naming its field, a date must exist.
 */
import fc from 'fast-check';
import { dateProblem, draftProblems, draftToSpec, emptyDraft, readAmountIn, PlanDraft } from '../../src/taskpane/create/draft';
import { render } from '../../src/core/i18n';
import { MONEY_UNITS, MoneyUnit, UNIT_LABEL_VI } from '../../src/core/units';
import { convertUnit, formatAmount } from '../../src/core/money';
import { STATED_SOURCES } from '../../src/core/book/layout';

const base: PlanDraft = { ...emptyDraft(2024), issuer: 'UBND thành phố Lai Châu', area: 'thành phố Lai Châu', province: 'Lai Châu', items: ['DA2'] };

describe('stated totals keep their unit', () => {
  test.each<[string, MoneyUnit, number]>([
    ['0,05 tỷ đồng', 'trieu', 50],
    ['5,5 tỷ', 'trieu', 5500],
    ['76,47 tỷ đồng', 'trieu', 76470],
    ['1.728', 'trieu', 1728],
    ['1.728 triệu đồng', 'trieu', 1728],
    ['1.728 triệu', 'ty', 1.728],
    ['530.000.000 đồng', 'trieu', 530],
    ['685.000 nghìn', 'trieu', 685],
    ['1.728', 'ty', 1728],
  ])('%s in a plan kept in %s → %d', (text, unit, expected) => {
    expect(readAmountIn(text, unit)).toEqual({ ok: true, value: expected });
    const spec = draftToSpec({ ...base, unit, stated: { total: text } });
    expect(spec.ok && spec.spec.statedTotals).toEqual({ total: expected });
  });

  test('every amount field of the wizard reads its unit (one field at a time)', () => {
    for (const source of STATED_SOURCES) {
      const spec = draftToSpec({ ...base, unit: 'trieu', stated: { [source]: '0,05 tỷ' } });
      expect({ source, stated: spec.ok && spec.spec.statedTotals }).toEqual({ source, stated: { [source]: 50 } });
    }
  });

  test('any amount written with any unit lands in the plan unit exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...MONEY_UNITS), fc.constantFrom(...MONEY_UNITS), (mantissa, places, written, plan) => {
        const amount = mantissa / 10 ** places;
        const text = `${formatAmount(amount, { maxDecimals: 3 })} ${UNIT_LABEL_VI[written]}`;
        const read = readAmountIn(text, plan);
        // "1,728" is refused by design; everything else is read, and exactly
        if (!read.ok) return expect(read.reason.key).toBe('amount.ambiguous');
        expect(read.value).toBe(convertUnit(amount, written, plan));
      }),
      { numRuns: 300 },
    );
  });

  test('an ambiguous value is refused with a sentence that names the field and is not circular', () => {
    const problems = draftProblems({ ...base, stated: { centralRecurrent: '1,728' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'stated.centralRecurrent', step: 2, kind: 'amount', text: '1,728' });
    const said = render(problems[0].reason!);
    expect(said).toContain('một nghìn bảy trăm hai mươi tám');
    expect(said).toContain('một phẩy bảy hai tám');
    // each way of writing it that KH proposes is read, and differs from what was typed
    for (const proposed of ['1.728', '1,7280']) {
      expect(said).toContain(proposed);
      expect(readAmountIn(proposed, 'trieu').ok).toBe(true);
    }
    expect(draftToSpec({ ...base, stated: { total: '1,728' } }).ok).toBe(false);
  });

  test('a negative total, an unknown unit and words are refused', () => {
    expect(readAmountIn('-5', 'trieu')).toMatchObject({ ok: false, reason: { key: 'experience.amount.negative' } });
    expect(readAmountIn('5 USD', 'trieu')).toMatchObject({ ok: false, reason: { key: 'amount.unknownUnit' } });
    expect(readAmountIn('năm triệu', 'trieu')).toMatchObject({ ok: false, reason: { key: 'amount.invalid' } });
  });
});

describe('dates', () => {
  test.each(['15/01/2024', '29/02/2024', '1/2/2025', '31/12/2025'])('%s exists', (text) => {
    expect(dateProblem(text)).toBeNull();
  });
  test.each<[string, number]>([['31/02/2024', 29], ['29/02/2023', 28], ['31/04/2024', 30], ['0/01/2024', 31]])('%s does not exist', (text, days) => {
    expect(dateProblem(text)).toMatchObject({ kind: 'noSuchDate', days });
    const problems = draftProblems({ ...base, documentDate: text });
    expect(problems.map((p) => p.kind)).toEqual(['noSuchDate']);
    expect(render(problems[0].reason!)).toContain(`chỉ có ${days} ngày`);
  });
  test.each(['15-01-2024', '15/13/2024', 'ngày 15', '2024/01/15'])('%s is not a date', (text) => {
    expect(draftProblems({ ...base, documentDate: text }).map((p) => p.kind)).toEqual(['date']);
  });
});
