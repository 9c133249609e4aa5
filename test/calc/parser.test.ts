/**
 * The formula parser: every reference form KH writes or an officer types, Excel's operator
 * precedence, array constants, and syntax errors.
 */
import { FormulaSyntaxError, parseFormula } from '../../src/testing/calc';
import { MAX_COLS, MAX_ROWS, columnLetters, parseCellAddress, quoteSheetName } from '../../src/testing/calc/parser';
import { CalcError } from '../../src/testing/calc/values';

const ALL_ROWS = MAX_ROWS - 1;

describe('references', () => {
  test.each([
    ['=B3', { sheet: null, area: { top: 2, left: 1, bottom: 2, right: 1 } }],
    ['=$B$3', { sheet: null, area: { top: 2, left: 1, bottom: 2, right: 1 } }],
    ['=b$3', { sheet: null, area: { top: 2, left: 1, bottom: 2, right: 1 } }],
    ['=E8:E1048576', { sheet: null, area: { top: 7, left: 4, bottom: ALL_ROWS, right: 4 } }],
    ['=C5:A1', { sheet: null, area: { top: 0, left: 0, bottom: 4, right: 2 } }],
    ['=E:E', { sheet: null, area: { top: 0, left: 4, bottom: ALL_ROWS, right: 4 } }],
    ['=$O:$P', { sheet: null, area: { top: 0, left: 14, bottom: ALL_ROWS, right: 15 } }],
    ['=3:7', { sheet: null, area: { top: 2, left: 0, bottom: 6, right: MAX_COLS - 1 } }],
    ['=$3:$3', { sheet: null, area: { top: 2, left: 0, bottom: 2, right: MAX_COLS - 1 } }],
    ["='DA4'!$E:$E", { sheet: 'DA4', area: { top: 0, left: 4, bottom: ALL_ROWS, right: 4 } }],
    ["='Tổng hợp'!E5", { sheet: 'Tổng hợp', area: { top: 4, left: 4, bottom: 4, right: 4 } }],
    ["='Kế hoạch của ''xã'''!A1", { sheet: "Kế hoạch của 'xã'", area: { top: 0, left: 0, bottom: 0, right: 0 } }],
    ['=Sheet1!A1:B2', { sheet: 'Sheet1', area: { top: 0, left: 0, bottom: 1, right: 1 } }],
    ['=XFD1048576', { sheet: null, area: { top: ALL_ROWS, left: MAX_COLS - 1, bottom: ALL_ROWS, right: MAX_COLS - 1 } }],
  ])('%s', (formula, ref) => {
    expect(parseFormula(formula)).toEqual({ t: 'ref', ...ref });
  });

  test('names, including cell-like words that are not cells', () => {
    expect(parseFormula('=KH_SaiSo')).toEqual({ t: 'name', sheet: null, name: 'KH_SaiSo' });
    expect(parseFormula('=A1B')).toEqual({ t: 'name', sheet: null, name: 'A1B' });
    expect(parseFormula('=XFE1')).toEqual({ t: 'name', sheet: null, name: 'XFE1' });
    expect(parseFormula("='Thông tin'!KH_Nam")).toEqual({ t: 'name', sheet: 'Thông tin', name: 'KH_Nam' });
    expect(parseFormula('=Hỗ_trợ')).toEqual({ t: 'name', sheet: null, name: 'Hỗ_trợ' });
  });

  test('functions: LOG10( is a call, not the cell LOG10; KH.* and _xlfn. prefixes', () => {
    expect(parseFormula('=LOG10(100)')).toMatchObject({ t: 'fn', name: 'LOG10' });
    expect(parseFormula('=kh.rollup(A1)')).toMatchObject({ t: 'fn', name: 'KH.ROLLUP' });
    expect(parseFormula('=_xlfn.IFNA(A1,0)')).toMatchObject({ t: 'fn', name: 'IFNA' });
    expect(parseFormula('=SUM ( 1 , 2 )')).toMatchObject({ t: 'fn', name: 'SUM', args: [{ t: 'lit', v: 1 }, { t: 'lit', v: 2 }] });
    expect(parseFormula('=IF(A1,,1)')).toMatchObject({ t: 'fn', args: [{ t: 'ref' }, { t: 'missing' }, { t: 'lit', v: 1 }] });
    expect(parseFormula('=NA()')).toEqual({ t: 'fn', name: 'NA', args: [] });
  });

  test('a range between two sheet-qualified cells: the sheet name is not the end of the first corner', () => {
    expect(parseFormula('=DA4!C4:DA4!C5')).toEqual({
      t: 'range',
      left: { t: 'ref', sheet: 'DA4', area: { top: 3, left: 2, bottom: 3, right: 2 } },
      right: { t: 'ref', sheet: 'DA4', area: { top: 4, left: 2, bottom: 4, right: 2 } },
    });
  });

  test('a deleted reference reads #REF!', () => {
    expect(parseFormula("='DA4'!#REF!")).toEqual({ t: 'lit', v: CalcError.of('#REF!') });
    expect(parseFormula('=#REF!+1')).toMatchObject({ t: 'bin', op: '+', left: { t: 'lit', v: CalcError.of('#REF!') } });
  });
});

describe('literals and operators', () => {
  test('numbers, text with doubled quotes, booleans, errors', () => {
    expect(parseFormula('=1728')).toEqual({ t: 'lit', v: 1728 });
    expect(parseFormula('=.5')).toEqual({ t: 'lit', v: 0.5 });
    expect(parseFormula('=1.5E3')).toEqual({ t: 'lit', v: 1500 });
    expect(parseFormula('="Lệch ""nguồn"""')).toEqual({ t: 'lit', v: 'Lệch "nguồn"' });
    expect(parseFormula('=true')).toEqual({ t: 'lit', v: true });
    expect(parseFormula('=#n/a')).toEqual({ t: 'lit', v: CalcError.of('#N/A') });
  });

  test('precedence: comparison < & < + - < * / < ^ < % < unary minus; left-associative', () => {
    const shape = (f: string): string => {
      const show = (n: ReturnType<typeof parseFormula>): string => {
        switch (n.t) {
          case 'lit':
            return String(n.v);
          case 'bin':
            return `(${show(n.left)}${n.op}${show(n.right)})`;
          case 'neg':
            return `(-${show(n.arg)})`;
          case 'pct':
            return `(${show(n.arg)}%)`;
          default:
            return n.t;
        }
      };
      return show(parseFormula(f));
    };
    expect(shape('=1+2*3')).toBe('(1+(2*3))');
    expect(shape('=-2^2')).toBe('((-2)^2)');
    expect(shape('=2^3^2')).toBe('((2^3)^2)');
    expect(shape('=10-4-3')).toBe('((10-4)-3)');
    expect(shape('=1&2+3')).toBe('(1&(2+3))');
    expect(shape('=1+2=3')).toBe('((1+2)=3)');
    expect(shape('=50%*2')).toBe('((50%)*2)');
    expect(shape('=2^-1')).toBe('(2^(-1))');
    expect(shape('=1<>2')).toBe('(1<>2)');
    expect(shape('=1<=2')).toBe('(1<=2)');
  });

  test('array constants: rows with ";", signs on numbers', () => {
    expect(parseFormula('={1,2,3,4,5}')).toEqual({ t: 'array', rows: [[1, 2, 3, 4, 5]] });
    expect(parseFormula('={1,-2;"a",TRUE}')).toEqual({ t: 'array', rows: [[1, -2], ['a', true]] });
  });

  test.each(['=1+', '=SUM(1', '="abc', "='DA4", '=(1))', '={1,2;3}', '={A1}', '=1 2', '=@A1', '=Sheet1!'])('syntax error: %s', (f) => {
    expect(() => parseFormula(f)).toThrow(FormulaSyntaxError);
  });
});

describe('address helpers', () => {
  test('columns and cells', () => {
    expect([0, 25, 26, 701, 702, MAX_COLS - 1].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(parseCellAddress('$P$10018')).toEqual({ row: 10017, col: 15 });
    expect(() => parseCellAddress('A0')).toThrow();
  });

  test('sheet names are quoted as Excel writes them', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('DA4')).toBe("'DA4'");
    expect(quoteSheetName('Tổng hợp')).toBe("'Tổng hợp'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
  });
});
