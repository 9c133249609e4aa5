import { runChecks } from '../../src/core/checks/engine';
import { ERROR_VALUE } from '../../src/core/checks/rules/error-value';
import { formulaRefs } from '../../src/core/checks/rules/cells';
import { book, sheet } from './snapshots';
import { render } from '../../src/core/checks/finding';

const run = (wb: ReturnType<typeof book>) => runChecks(wb, {}, [ERROR_VALUE]).findings.filter((f) => f.rule === 'ERROR_VALUE');

describe('ERROR_VALUE', () => {
  test('reports where an error starts, not the formulas it spreads to (across sheets too)', () => {
    const wb = book(
      sheet('A', [
        [1, { v: '#REF!', f: '=#REF!+1' }, { v: '#REF!', f: '=B1*2' }],
        [{ v: '#REF!', f: '=SUM(B1:C1)' }, { v: '#REF!', f: '=SUM(B:B)' }],
      ]),
      sheet('Tổng hợp', [[{ v: '#REF!', f: "='A'!C1" }, { v: '#REF!', f: '=A!A2+1' }, { v: '#N/A', f: '=VLOOKUP(1,X1:Y2,2,0)' }]]),
    );
    expect(run(wb).map((f) => `${f.sheet}!${f.cell} ${f.message.params.error}`)).toEqual(['A!B1 #REF!', 'Tổng hợp!C1 #N/A']);
  });

  test('a KH function showing #NAME? gets the khName message; another #NAME? the plain one', () => {
    const wb = book(sheet('S', [[{ v: '#NAME?', f: '=KH.BANGCHU(E7)' }, { v: '#NAME?', f: '=SUMM(5)' }]]));
    const found = run(wb);
    expect(found.map((f) => f.message.key)).toEqual(['rule.ERROR_VALUE.khName', 'rule.ERROR_VALUE.message']);
    expect(found[1].hint).toEqual({ key: 'rule.ERROR_VALUE.hint', params: { formula: '=SUMM(5)' } });
  });

  test('#VALUE! from text where a number belongs: the advice names the cell that causes it and the number to type', () => {
    // row 8: G8 = 100, H8 typed "200 triệu", E8 = G8+H8 shows #VALUE!
    const row = (cells: unknown[]) => cells as never;
    const wb = book(sheet('DA3', [...Array.from({ length: 7 }, () => row([])), row([null, null, null, null, { v: '#VALUE!', f: '=G8+H8' }, null, 100, '200 triệu'])]));
    const [found] = run(wb);
    expect(found.cell).toBe('E8');
    expect(found.related).toEqual(["'DA3'!H8"]);
    expect(render(found).hint?.vi).toBe('Ô H8 (trang DA3) chứa chữ "200 triệu" thay cho số: hãy gõ 200 vào ô H8');
    // not "Sửa công thức: =G8+H8": the formula is right
    expect(render(found).hint?.vi).not.toContain('=G8+H8');
    const words = book(sheet('S', [[{ v: '#VALUE!', f: '=B1*2' }, 'hai trăm']]));
    expect(render(run(words)[0]).hint?.vi).toBe('Ô B1 (trang S) chứa chữ "hai trăm" ở chỗ phải là số: hãy gõ số vào ô B1');
    // in another unit than the plan's (triệu by default), the number is converted
    const billions = book(sheet('S', [[{ v: '#VALUE!', f: '=B1+1' }, '0,5 tỷ']]));
    expect(render(run(billions)[0]).hint?.vi).toContain('hãy gõ 500 vào ô B1');
  });

  test('errors that only refer to each other are all reported', () => {
    const wb = book(sheet('S', [[{ v: '#VALUE!', f: '=B1' }, { v: '#VALUE!', f: '=A1' }]]));
    expect(run(wb).map((f) => f.cell)).toEqual(['A1', 'B1']);
  });

  test('typed error constants and every Excel error code are found; look-alike text is not', () => {
    const codes = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
    const wb = book(sheet('S', [codes, ['#REF', 'N/A', '#Lỗi', 'REF!']]));
    expect(run(wb).map((f) => f.message.params.error)).toEqual(codes);
  });
});

describe('formulaRefs', () => {
  test('cells, ranges, whole columns, quoted sheets; not names, functions or strings', () => {
    const refs = formulaRefs(`=SUMIFS('DA2'!E:E,'DA2'!$O:$O,"DA2")+DA4!H8+$A$1:B2+LOG10(C3)+KH_SaiSo+"Z9"`);
    expect(refs.map((r) => [r.sheet, r.top, r.left, r.bottom === Number.MAX_SAFE_INTEGER ? 'end' : r.bottom, r.right])).toEqual([
      ['DA2', 0, 4, 'end', 4],
      ['DA2', 0, 14, 'end', 14],
      ['DA4', 7, 7, 7, 7],
      [null, 0, 0, 1, 1],
      [null, 2, 2, 2, 2],
    ]);
  });
});
