/** One typed layout per (programme, unit, formula style), shared by every writer and reader. */
import { planColumns } from '../../src/core/book/layout';
import { planLayout } from '../../src/core/book/sheet-layout';

describe('planLayout', () => {
  const laiChau = { programme: '2021-2025' as const, unit: 'trieu' as const, decimals: undefined };

  test('is made once per (programme, unit, style) and shared', () => {
    expect(planLayout(laiChau, 'native')).toBe(planLayout({ ...laiChau }, 'native'));
    expect(planLayout(laiChau, 'kh')).not.toBe(planLayout(laiChau, 'native'));
    expect(planLayout(laiChau, 'kh').style).toBe('kh');
    // the columns depend on the programme only: every unit and style shares them
    expect(planLayout({ ...laiChau, unit: 'ty' }, 'kh').project).toBe(planLayout(laiChau, 'native').project);
    expect(planLayout(laiChau).summary).toBe(planColumns('2021-2025').summary);
  });

  test('the unit gives the amount formats: tỷ with two decimals, triệu whole, the annexes a dash for zero', () => {
    expect(planLayout(laiChau).amountFormat).toBe('#,##0');
    expect(planLayout({ ...laiChau, unit: 'ty' }).amountFormat).toBe('#,##0.00');
    expect(planLayout({ ...laiChau, decimals: 1 }).amountFormat).toBe('#,##0.0');
    expect(planLayout(laiChau).annexAmountFormat).toBe('#,##0;-#,##0;"-"');
  });

  test('project sheets: STT in A, Tổng cộng in E, NSTW sự nghiệp in H, Mã and Loại dòng at the end', () => {
    const { letter, index, amounts, defs } = planColumns('2021-2025').project;
    expect([letter.stt, letter.content, letter.total, letter.centralRecurrent, letter.code, letter.kind]).toEqual(['A', 'B', 'E', 'H', 'O', 'P']);
    expect(amounts.map((i) => defs[i].key)).toEqual(['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised']);
    expect(defs[index.centralRecurrent].header).toBe('Sự nghiệp');
    expect(planColumns('2026-2035').project.defs[index.centralRecurrent].header).toBe('Chi thường xuyên');
  });

  test('Tổng hợp has no Đơn vị thực hiện or Địa bàn: its money starts two columns earlier', () => {
    const summary = planColumns('2021-2025').summary;
    expect(summary.defs.map((d) => d.key)).not.toContain('unitName');
    expect(summary.letter.total).toBe('C');
    expect((summary.index as Record<string, number | undefined>).location).toBeUndefined();
  });

  test('is frozen: no writer can change the layout the others read', () => {
    const project = planColumns('2021-2025').project;
    expect(Object.isFrozen(project.index)).toBe(true);
    expect(Object.isFrozen(project.defs)).toBe(true);
    expect(Object.isFrozen(project.defs[0])).toBe(true);
    expect(Object.isFrozen(planLayout(laiChau))).toBe(true);
  });
});
