import { describeGap, checkSourceRow, sourceTaxonomy, checkCounterpart, parseCounterpartMinimum, COUNTERPART_MINIMUM_2021 } from '../../src/core/sources';

describe('funding-source taxonomy', () => {
  test('2021–2025 says vốn sự nghiệp, 2026–2035 says kinh phí chi thường xuyên', () => {
    const old = sourceTaxonomy('2021-2025').find((s) => s.key === 'centralRecurrent');
    const next = sourceTaxonomy('2026-2035').find((s) => s.key === 'centralRecurrent');
    expect(old?.labelVi).toBe('Vốn sự nghiệp');
    expect(next?.labelVi).toBe('Kinh phí chi thường xuyên');
  });
  test('every part names an existing whole', () => {
    const defs = sourceTaxonomy('2021-2025');
    for (const d of defs) if (d.parent) expect(defs.some((x) => x.key === d.parent)).toBe(true);
  });
});

describe('row identities', () => {
  test('Lai Châu DA2: 530 = NSTW 530 = SN 530 — no gap', () => {
    expect(checkSourceRow({ total: 530, central: 530, centralRecurrent: 530 })).toEqual([]);
  });

  test('Tổng ≠ Σ sources names the difference', () => {
    expect(checkSourceRow({ total: 1728, central: 1700, local: 0 })).toEqual([
      { whole: 'total', stated: 1728, computed: 1700, difference: 28, parts: ['central', 'local'] },
    ]);
  });

  test('the gap is named in Vietnamese (and English)', () => {
    const [gap] = checkSourceRow({ total: 1728, central: 1700.5 });
    expect(describeGap(gap)).toBe('Tổng 1.728 ≠ các nguồn 1.700,5 (chênh 27,5)');
    expect(describeGap(gap, 'en')).toBe('Total 1,728 ≠ sources 1,700.5 (difference 27.5)');
    const [central] = checkSourceRow({ central: 1000, centralInvestment: 600, centralRecurrent: 300 });
    expect(describeGap(central)).toBe('NSTW 1.000 ≠ ĐTPT + SN 900 (chênh 100)');
  });

  test('NSTW ≠ ĐTPT + SN', () => {
    const gaps = checkSourceRow({ total: 1000, central: 1000, centralInvestment: 600, centralRecurrent: 300 });
    expect(gaps).toEqual([{ whole: 'central', stated: 1000, computed: 900, difference: 100, parts: ['centralInvestment', 'centralRecurrent'] }]);
  });

  test('an empty NSTW with ĐTPT and SN filled counts their sum toward the total', () => {
    expect(checkSourceRow({ total: 900, centralInvestment: 600, centralRecurrent: 300 })).toEqual([]);
    expect(checkSourceRow({ total: 950, centralInvestment: 600, centralRecurrent: 300 })[0]).toMatchObject({ whole: 'total', computed: 900, difference: 50 });
  });

  test('money moved between NSĐP and huy động keeps the total right but the split is checked per row elsewhere', () => {
    expect(checkSourceRow({ total: 300, central: 200, local: 40, mobilised: 60 })).toEqual([]);
  });

  test('decimals: 0,1 + 0,2 = 0,3 exactly; tolerance applies', () => {
    expect(checkSourceRow({ total: 0.3, central: 0.1, local: 0.2 })).toEqual([]);
    expect(checkSourceRow({ total: 100.4, central: 100 }, 0.5)).toEqual([]);
    expect(checkSourceRow({ total: 100.6, central: 100 }, 0.5)).toHaveLength(1);
  });

  test('nothing stated, nothing checked', () => {
    expect(checkSourceRow({ central: 100 })).toEqual([]);
    expect(checkSourceRow({ total: 100 })).toEqual([]);
  });
});

describe('counterpart minimum (QĐ 02/2022/QĐ-TTg)', () => {
  test('groups 1–3 are 3%, 10%, 15%', () => {
    expect(COUNTERPART_MINIMUM_2021).toEqual({ 1: 0.03, 2: 0.1, 3: 0.15 });
    expect(parseCounterpartMinimum(2)).toBe(0.1);
    expect(parseCounterpartMinimum('10%')).toBe(0.1);
    expect(parseCounterpartMinimum('3%')).toBe(0.03);
    expect(parseCounterpartMinimum(0.15)).toBe(0.15);
    expect(parseCounterpartMinimum('abc')).toBeNull();
  });
  test('exactly the minimum is met; below names the shortfall', () => {
    expect(checkCounterpart(30, 1000, 0.03)).toEqual({ ratio: 0.03, minimum: 0.03, ok: true, shortfall: 0 });
    expect(checkCounterpart(82, 1000, 0.1)).toEqual({ ratio: 0.082, minimum: 0.1, ok: false, shortfall: 18 });
    expect(checkCounterpart(0, 0, 0.1).ok).toBe(true);
  });
});
