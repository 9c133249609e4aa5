/**
 * Operators and worksheet functions, one by one, with the amounts of the Lai Châu 2024 plan
 * (triệu đồng: 530, 342, 685 + 81 = 766, 17, 51 + 22 = 73; 1.728 in all). Expected values are
 * Excel's; where LibreOffice differs (booleans are numbers there) the test says so.
 */
import { CalcError, ERROR_CODES, evaluateFormula, gridWorkbook, calculate, type CalcWorkbook, type Scalar } from '../../src/testing/calc';

const err = (code: string): CalcError => CalcError.of(code as never);
/** An expected value: error codes stand for the error, anything else for itself. */
const want = (v: unknown): unknown => (typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v) ? err(v) : v);

/**
 * A project sheet as KH writes one, cut down: A code, B kind, C amount (NSTW sự nghiệp), D text.
 * Row 1 is the header; the activity rows carry the money.
 */
const DA4: unknown[][] = [
  ['Mã', 'Loại dòng', 'Kinh phí', 'Ghi chú'],
  ['DA4', 'nhóm', null, 'Dự án 4'],
  ['DA4.1', 'nhóm', null, 'Tiểu dự án 1'],
  ['DA4.1.1', 'chi tiết', 600, 'Hỗ trợ đào tạo nghề'],
  ['DA4.1.2', 'CHI TIẾT', 85, 'Hỗ trợ việc làm'],
  ['DA4.3', 'nhóm', null, 'Tiểu dự án 3'],
  ['DA4.3.1', 'chi tiết', 81, 'Thu thập thông tin lao động'],
  ['DA40.1', 'chi tiết', 1000, 'không thuộc DA4'],
  ['XDA4.1', 'chi tiết', 2000, 'không thuộc DA4'],
  ['DA4.9', 'chi tiết', 'chưa có', 'số tiền là chữ'],
  ['DA4.*', 'chi tiết', 7, 'mã có dấu sao'],
  [5, 'chi tiết', 3, 'mã là số'],
  ['5', 'chi tiết', 4, 'mã là chữ số'],
  [true, 'chi tiết', 9, 'mã là TRUE'],
];

const PLAN: CalcWorkbook = gridWorkbook(
  {
    'Tổng hợp': [
      ['Mã', 'Tổng'],
      ['DA2', 530],
      ['DA3', 342],
      ['DA4', 766],
      ['DA6', 17],
      ['DA7', 73],
      ['TRUE', true],
      ['chữ', 'abc'],
      ['lỗi', err('#N/A')],
    ],
    DA4,
    "Kế hoạch của 'xã'": [[1728]],
    'Thông tin': [['Sai số', 0.5]],
  },
  { KH_SaiSo: "='Thông tin'!$B$1", KH_TongCong: "='Kế hoạch của ''xã'''!$A$1", DM_Tong: "='Tổng hợp'!$B$2:$B$6" },
);

/** A formula's value in the plan workbook (typed far from the cells it reads). */
const calc = (formula: string, workbook: CalcWorkbook = PLAN): Scalar => evaluateFormula(formula, workbook, { sheet: 'Tổng hợp', address: 'Z100' });

const T = "'Tổng hợp'!";

describe('operators', () => {
  test.each([
    ['=530+342', 872],
    ['=1728-766', 962],
    ['=17*3', 51],
    ['=1728/2', 864],
    ['=2^10', 1024],
    ['=530+342*2', 1214],
    ['=(530+342)*2', 1744],
    ['=10-4-3', 3],
    ['=2^3^2', 64],
    ['=-2^2', 4],
    ['=-(2^2)', -4],
    ['=2^-1', 0.5],
    ['=50%*1728', 864],
    ['=10%%', 0.001],
    ['=--"530"', 530],
    ['=-"530"', -530],
    ['=+530', 530],
    ['=1+"2"', 3],
    ['="1,234.5"+1', 1235.5],
    ['=" 12 "*2', 24],
    ['="50%"*1728', 864],
    ['=TRUE+1', 2],
    ['=FALSE*5', 0],
    [`=${T}B2+${T}B3+${T}B4+${T}B5+${T}B6`, 1728],
    [`=${T}Z1+1`, 1],
    // binary noise cancels to 0 as in Excel and LibreOffice
    ['=76.4-(76.3+0.1)', 0],
    ['=685+81-766', 0],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(value);
  });

  test.each([
    ['="Tổng: "&1728', 'Tổng: 1728'],
    ['="a"&1.5&TRUE', 'a1.5TRUE'],
    ['=1728/7&""', '246.857142857143'],
    [`=${T}A2&"-"&${T}B2`, 'DA2-530'],
    [`=${T}Z1&"x"`, 'x'],
  ])('concatenation %s = %p', (formula, value) => {
    expect(calc(formula)).toBe(value);
  });

  test.each([
    ['=1728=1728', true],
    ['=530<>342', true],
    ['=17<73', true],
    ['=73>17', true],
    ['=17<=17', true],
    ['=17>=73', false],
    ['="DA4"="da4"', true],
    ['="abc"<"abd"', true],
    ['=1<"a"', true],
    ['="z"<TRUE', true],
    ['=TRUE>1', true],
    ['=0.1+0.2=0.3', true],
    [`=${T}Z1=0`, true],
    [`=${T}Z1=""`, true],
    [`=${T}Z1=FALSE`, true],
    [`=${T}B2="530"`, false],
  ])('comparison %s = %p', (formula, value) => {
    expect(calc(formula)).toBe(value);
  });

  test.each([
    ['=1728/0', '#DIV/0!'],
    [`=1728/${T}Z1`, '#DIV/0!'],
    ['="abc"+1', '#VALUE!'],
    [`=${T}A2*2`, '#VALUE!'],
    ['=0^0', '#NUM!'],
    ['=(-8)^(1/3)', '#NUM!'],
    ['=0^-1', '#DIV/0!'],
    ['=10^400', '#NUM!'],
    ['=#N/A+1', '#N/A'],
    [`=${T}B9+1`, '#N/A'],
    ['=1/0&"x"', '#DIV/0!'],
    ['=-(1/0)', '#DIV/0!'],
    ['=(1/0)%', '#DIV/0!'],
    ['=#REF!+1/0', '#REF!'],
    ['=1/0+#REF!', '#DIV/0!'],
    ['=1/0=1/0', '#DIV/0!'],
  ])('error %s = %s', (formula, code) => {
    expect(calc(formula)).toBe(err(code));
  });

  test('array constants and arithmetic over them', () => {
    expect(calc('={530,342,766}')).toBe(530);
    expect(calc('=SUM({530,342,766,17,73})')).toBe(1728);
    expect(calc('=SUM({1,2;3,4}*2)')).toBe(20);
    expect(calc('=SUM({1,2,3}+{10;20})')).toBe(102);
    expect(calc('=SUM(-{1,2,3})')).toBe(-6);
    expect(calc(`=SUM(${T}B2:B6*1000)`)).toBe(1728000);
  });
});

describe('SUM, MIN, MAX', () => {
  test.each([
    ['=SUM(530,342,766,17,73)', 1728],
    [`=SUM(${T}B2:B6)`, 1728],
    [`=SUM(${T}B:B)`, '#N/A'],
    [`=SUM(${T}B2:B8)`, 1728],
    [`=SUM(${T}B2:B6,${T}B2)`, 2258],
    ['=SUM(DM_Tong)', 1728],
    ['=SUM(DA4!C:C)', 3789],
    ['=SUM(DA4!C4:C1048576)', 3789],
    ['=SUM(DA4!4:4)', 600],
    ['=SUM(DA4!C4:D5)', 685],
    ['=SUM(1,"2",TRUE)', 4],
    ['=SUM(DA4!Z:Z)', 0],
    ['=SUM("abc")', '#VALUE!'],
    ['=SUM(1,1/0)', '#DIV/0!'],
    [`=MIN(${T}B2:B6)`, 17],
    [`=MAX(${T}B2:B6)`, 766],
    [`=MIN(${T}B2:B8)`, 17],
    ['=MAX(DA4!D:D)', 0],
    ['=MIN(DA4!C:C,-1)', -1],
    ['=MAX(-1,"3")', 3],
    ['=MAX(-5,TRUE)', 1],
    [`=MAX(${T}B2:B9)`, '#N/A'],
    ['=MIN("abc",1)', '#VALUE!'],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });
});

describe('SUMIFS and SUMIF (criteria as Excel reads them)', () => {
  const D = 'DA4!';
  test.each([
    // KH's group-row formula: the activities of a project, detail rows only
    [`=SUMIFS(${D}C3:C1048576,${D}A3:A1048576,"DA4.*",${D}B3:B1048576,"chi tiết")`, 773],
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4.1.*")`, 685],
    [`=SUMIFS(${D}$C:$C,${D}$A:$A,"DA4.3.1")`, 81],
    [`=SUMIFS(${D}C:C,${D}A:A,"da4.3.1")`, 81],
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4*")`, 1773],
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4.?.1")`, 681],
    [`=SUMIFS(${D}C:C,${D}A:A,"*4.1.*")`, 685],
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4.~*")`, 7],
    [`=SUMIFS(${D}C:C,${D}A:A,"?DA4.1")`, 2000],
    [`=SUMIFS(${D}C:C,${D}B:B,"chi tiết")`, 3789],
    [`=SUMIFS(${D}C:C,${D}B:B,"nhóm")`, 0],
    [`=SUMIFS(${D}C:C,${D}A:A,"<>DA40.1")`, 2789],
    [`=SUMIFS(${D}C:C,${D}C:C,">=100")`, 3600],
    [`=SUMIFS(${D}C:C,${D}C:C,"<100")`, 189],
    [`=SUMIFS(${D}C:C,${D}C:C,">"&${D}C7)`, 3685],
    [`=SUMIFS(${D}C:C,${D}C:C,81)`, 81],
    [`=SUMIFS(${D}C:C,${D}C:C,"=81")`, 81],
    // numbers and numeric text are the same to = and <>, only numbers to < and >
    [`=SUMIFS(${D}C:C,${D}A:A,5)`, 7],
    [`=SUMIFS(${D}C:C,${D}A:A,"5")`, 7],
    [`=SUMIFS(${D}C:C,${D}A:A,">4")`, 3],
    [`=SUMIFS(${D}C:C,${D}A:A,TRUE)`, 9],
    [`=SUMIFS(${D}C:C,${D}A:A,"true")`, 9],
    [`=SUMIFS(${D}C:C,${D}D:D,"")`, 0],
    [`=SUMIFS(${D}C:C,${D}C:C,"<>")`, 3789],
    // sum range with text ("chưa có") adds nothing
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4.9")`, 0],
    [`=SUMIFS(${D}C:C,${D}A:A,"DA4.*",${D}B:B,"chi tiết",${D}C:C,">100")`, 600],
    [`=SUMIFS(${D}C2:C5,${D}A2:A6,"DA4.*")`, '#VALUE!'],
    [`=SUMIFS(${D}C:C,${D}A:A)`, '#VALUE!'],
    [`=SUMIFS({1,2},${D}A1:B1,"x")`, '#VALUE!'],
    [`=SUMIF(${D}C:C,">=100")`, 3600],
    [`=SUMIF(${D}A:A,"DA4.1.*",${D}C:C)`, 685],
    [`=SUMIF(${D}A4:A5,"DA4.1.*",${D}C4)`, 685],
    [`=SUMIF(${D}A:A,"DA4.1.*",${D}C:C)+SUMIF(${D}A:A,"DA4.3.*",${D}C:C)`, 766],
    [`=SUMIF(${T}A:A,"DA*",${T}B:B)`, 1728],
    [`=SUMIF(${T}A:A,"lỗi",${T}B:B)`, '#N/A'],
    [`=SUM(SUMIF(${D}A:A,{"DA4.1.1","DA4.1.2","DA4.3.1"},${D}C:C))`, 766],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });

  test('a criterion that is a blank cell means 0', () => {
    const wb = gridWorkbook({ S: [[0, 1], [null, 2], [0, 4], ['x', 8]] });
    expect(calc('=SUMIF(S!A1:A4,S!Z1,S!B1:B4)', wb)).toBe(5);
  });

  test('criteria cells that are formulas are computed first', () => {
    const wb = gridWorkbook({ S: [['="DA"&"4.1"', 685], ['=S!A1&".1"', 600], ['DA4.1', 85], ['=SUMIFS(B1:B3,A1:A3,"DA4.1")', '=SUMIFS(B1:B3,A1:A3,"DA4.1*")']] });
    const result = calculate(wb);
    expect(result.valueAt('S', 'A4')).toBe(770);
    expect(result.valueAt('S', 'B4')).toBe(1370);
  });
});

describe('COUNTIF and COUNTIFS', () => {
  const D = 'DA4!';
  test.each([
    [`=COUNTIF(${D}B:B,"chi tiết")`, 10],
    [`=COUNTIF(${D}B:B,"chi*")`, 10],
    [`=COUNTIF(${D}A:A,"DA4.*")`, 7],
    [`=COUNTIF(${D}A:A,5)`, 2],
    [`=COUNTIF(${D}A:A,"*")`, 12],
    [`=COUNTIF(${D}C1:C14,"")`, 3],
    [`=COUNTIF(${D}C1:C14,"<>")`, 11],
    [`=COUNTIF(${D}C1:C14,"=")`, 3],
    [`=COUNTIF(${D}C:C,"")`, 1048576 - 11],
    [`=COUNTIF(${D}C1:C14,"<>81")`, 13],
    [`=COUNTIFS(${D}A:A,"DA4.*",${D}B:B,"chi tiết")`, 5],
    [`=COUNTIFS(${D}A:A,"DA4.*",${D}B:B,"chi tiết",${D}C:C,">=81")`, 3],
    [`=COUNTIF(${T}B:B,TRUE)`, 1],
    [`=COUNTIF(${T}B:B,"#N/A")`, 1],
    [`=COUNTIF(${D}A:A)`, '#VALUE!'],
    [`=SUM(COUNTIF(${D}A:A,{"DA4","DA4.1"}))`, 2],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });
});

describe('logic', () => {
  test.each([
    [`=IF(${T}B4>500,"lớn","nhỏ")`, 'lớn'],
    [`=IF(${T}B5>500,"lớn","nhỏ")`, 'nhỏ'],
    ['=IF(FALSE,1)', false],
    ['=IF(FALSE,1,)', 0],
    ['=IF(TRUE,,1)', 0],
    ['=IF(0,"có","không")', 'không'],
    ['=IF(-4.2,"có","không")', 'có'],
    [`=IF(${T}Z1,"có","không")`, 'không'],
    [`=IF(${T}Z1="","","x")`, ''],
    ['=IF("abc",1,2)', '#VALUE!'],
    ['=IF(1/0,1,2)', '#DIV/0!'],
    ['=IF(TRUE,1,1/0)', 1],
    ['=IF(ABS(1728-1728.4)<=KH_SaiSo,"✓","Lệch")', '✓'],
    ['=IF(ABS(1728-1729)<=KH_SaiSo,"✓","Lệch")', 'Lệch'],
    ['=IFERROR(1728/0,"chia cho 0")', 'chia cho 0'],
    ['=IFERROR(1728/2,0)', 864],
    [`=IFERROR(${T}B9,0)`, 0],
    [`=IFERROR(${T}Z1,"x")`, 0],
    ['=IFERROR(VLOOKUP(1,A:B,2,0),"không tính")', 'không tính'],
    ['=AND(530>0,342>0)', true],
    ['=AND(TRUE,0)', false],
    [`=AND(${T}B2:B7)`, true],
    [`=AND(${T}A2:A3)`, '#VALUE!'],
    ['=AND("abc")', '#VALUE!'],
    ['=AND(TRUE,1/0)', '#DIV/0!'],
    ['=OR(FALSE,530<0)', false],
    ['=OR(FALSE,17<73)', true],
    [`=OR(${T}B2:B3>600)`, false],
    [`=OR(${T}B2:B4>600)`, true],
    ['=NOT(0)', true],
    ['=NOT(1728)', false],
    ['=NOT("abc")', '#VALUE!'],
    ['=IF(AND(ABS(1728-(530+342+766+17+73))<=KH_SaiSo,ABS(1728-1728)<=KH_SaiSo),"✓","Lệch nguồn")', '✓'],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });

  test.each([
    ['=CHOOSE(2,530,342,766)', 342],
    ['=CHOOSE(2.9,530,342,766)', 342],
    ['=CHOOSE(4,530,342,766)', '#VALUE!'],
    ['=CHOOSE(0,530)', '#VALUE!'],
    ['=CHOOSE("2","a","b")', 'b'],
    // KH's KH-style check passes CHOOSE({1,2,3,4,5},…) as an array of the source cells
    [`=SUM(CHOOSE({1,2,3,4,5},${T}B2,${T}B3,${T}B4,${T}B5,${T}B6))`, 1728],
    [`=SUM(CHOOSE(2,${T}B2:B3,${T}B4:B6))`, 856],
    ['=CHOOSE(2,1,1/0)', '#DIV/0!'],
    ['=CHOOSE(1,1,1/0)', 1],
  ])('CHOOSE %s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });
});

describe('numbers and text', () => {
  test.each([
    ['=ABS(-4.2)', 4.2],
    ['=ABS(1728-1729.5)', 1.5],
    ['=ABS("-17")', 17],
    ['=ABS("abc")', '#VALUE!'],
    ['=ROUND(1728/7,2)', 246.86],
    ['=ROUND(2.675,2)', 2.68],
    ['=ROUND(-1.005,2)', -1.01],
    ['=ROUND(1.005*100,0)', 101],
    ['=ROUND(1234.5,-2)', 1200],
    ['=ROUND(0.5,0)', 1],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(0.1+0.2,10)', 0.3],
    ['=ROUND(1728.45,1)', 1728.5],
    ['=ROUND(17,1.9)', 17],
    ['=ROUND(1/0,2)', '#DIV/0!'],
    ['=LEN("Tổng hợp")', 8],
    ['=LEN("Lệch nguồn")', 10],
    ['=LEN(1728)', 4],
    ['=LEN(1728/7)', 16],
    ['=LEN(TRUE)', 4],
    [`=LEN(${T}Z1)`, 0],
    ['=LEN("")', 0],
    ['=HYPERLINK("#\'DA4\'!A1","DA4!A1")', 'DA4!A1'],
    ['=HYPERLINK("#\'Tổng hợp\'!C7")', "#'Tổng hợp'!C7"],
    [`=HYPERLINK("#x",${T}B2)`, 530],
    [`=ISNUMBER(${T}B2)`, true],
    ['=ISNUMBER("530")', false],
    [`=ISNUMBER(${T}Z1)`, false],
    [`=ISNUMBER(${T}B9)`, false],
    [`=ISBLANK(${T}Z1)`, true],
    [`=ISBLANK(${T}B2)`, false],
    ['=ISBLANK("")', false],
    ['=ISBLANK(0)', false],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });

  test('ISBLANK of a formula that shows nothing is FALSE (the cell holds "")', () => {
    const wb = gridWorkbook({ S: [['=""', '=ISBLANK(A1)', '=ISBLANK(D1)', '=A1=""']] });
    const result = calculate(wb);
    expect([result.valueAt('S', 'A1'), result.valueAt('S', 'B1'), result.valueAt('S', 'C1'), result.valueAt('S', 'D1')]).toEqual(['', false, false, true]);
  });
});

describe('references and names', () => {
  test.each([
    ["='Kế hoạch của ''xã'''!A1", 1728],
    ["='Kế hoạch của ''xã'''!$A$1*2", 3456],
    ["='tổng HỢP'!B2", 530],
    ['=DA4!C4+DA4!$C$5', 685],
    ['=KH_TongCong', 1728],
    ['=kh_tongcong-766', 962],
    ['=KH_SaiSo', 0.5],
    ['=SUM(DM_Tong)/KH_TongCong', 1],
    ['=KhongCo', '#NAME?'],
    ["='Không có'!A1", '#REF!'],
    ["=SUM('Không có'!A:A)", '#REF!'],
    ["='DA4'!#REF!", '#REF!'],
    ['=SUM(DA4!C4:DA4!C5)', 685],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });

  test('a sheet-scoped name wins over the workbook one on its sheet', () => {
    const wb = gridWorkbook(
      { A: [[1, '=Tong']], B: [[2, '=Tong']] },
      [
        { name: 'Tong', formula: '=A!$A$1' },
        { name: 'Tong', formula: '=B!$A$1', scope: 'B' },
      ],
    );
    const result = calculate(wb);
    expect([result.valueAt('A', 'B1'), result.valueAt('B', 'B1')]).toEqual([1, 2]);
  });

  test('a name defined as a constant, and a name defined through another name', () => {
    const wb = gridWorkbook({ S: [['=KH_SaiSo*2', '=Hai+1']] }, { KH_SaiSo: '=0.5', Hai: '=KH_SaiSo*4' });
    expect(calculate(wb).valueAt('S', 'A1')).toBe(1);
    expect(calculate(wb).valueAt('S', 'B1')).toBe(3);
  });

  test('a name that refers to itself is #NAME?, never a hang', () => {
    const wb = gridWorkbook({ S: [['=Vong']] }, { Vong: '=Vong+1' });
    expect(calculate(wb).valueAt('S', 'A1')).toBe(err('#NAME?'));
  });
});

describe('what is not computed', () => {
  test('KH.* custom functions and functions the calculator lacks give #NAME? and are reported', () => {
    const wb = gridWorkbook({
      DA4: [
        ['DA4', 766, '=KH.ROLLUP(A1:A1,B1:B1,A1)', '=kh.bangchu(B1)', '=VLOOKUP("DA4",A1:B1,2,FALSE)', '=IFERROR(KH.CHECK_SOURCES(B1,B1,0),"cần KH")'],
      ],
    });
    const result = calculate(wb);
    expect(['C1', 'D1', 'E1'].map((a) => result.valueAt('DA4', a))).toEqual([err('#NAME?'), err('#NAME?'), err('#NAME?')]);
    expect(result.valueAt('DA4', 'F1')).toBe('cần KH');
    expect(result.unsupportedFunctions).toEqual(['KH.BANGCHU', 'KH.CHECK_SOURCES', 'KH.ROLLUP', 'VLOOKUP']);
    expect(result.errors).toBe(3);
  });

  test('a formula the parser cannot read shows #NAME? (Excel would not have accepted it)', () => {
    expect(calc('=A1 B1')).toBe(err('#NAME?'));
    expect(calc('=SUM(')).toBe(err('#NAME?'));
  });
});

describe('the other functions the calculator knows', () => {
  test.each([
    [`=AVERAGE(${T}B2:B6)`, 345.6],
    ['=AVERAGE(530,342)', 436],
    ['=AVERAGE(DA4!D:D)', '#DIV/0!'],
    ['=AVERAGEIF(DA4!C:C,">100")', 1200],
    ['=AVERAGEIFS(DA4!C:C,DA4!A:A,"DA4.*",DA4!B:B,"chi tiết")', 773 / 4],
    ['=AVERAGEIF(DA4!C:C,">99999")', '#DIV/0!'],
    [`=COUNT(${T}B1:B9)`, 5],
    ['=COUNT(1,"2",TRUE,"x")', 3],
    [`=COUNTA(${T}A1:B9)`, 18],
    ['=COUNTBLANK(DA4!C1:C14)', 3],
    ['=SUMPRODUCT(DA4!C4:C5,{2;1})', 1285],
    ['=SUMPRODUCT((DA4!B4:B9="chi tiết")*DA4!C4:C9)', 3766],
    ['=SUMPRODUCT({1,2},{1,2,3})', '#VALUE!'],
    ['=INT(-4.2)', -5],
    ['=INT(1728.9)', 1728],
    ['=MOD(1728,100)', 28],
    ['=MOD(-3,2)', 1],
    ['=MOD(3,-2)', -1],
    ['=MOD(5,0)', '#DIV/0!'],
    ['=ROUNDUP(1.21,1)', 1.3],
    ['=ROUNDUP(-1.21,1)', -1.3],
    ['=ROUNDUP(0.1*3,1)', 0.3],
    ['=ROUNDDOWN(1728.99,0)', 1728],
    ['=ROUNDDOWN(-1.29,1)', -1.2],
    ['=LEFT("DA4.1",3)', 'DA4'],
    ['=LEFT("DA4.1")', 'D'],
    ['=RIGHT("DA4.1",1)', '1'],
    ['=RIGHT("DA4.1",0)', ''],
    ['=LEFT("DA4",-1)', '#VALUE!'],
    ['=MID("Tổng hợp",2,3)', 'ổng'],
    ['=MID("DA4",0,1)', '#VALUE!'],
    ['=TRIM("  Dự  án   4 ")', 'Dự án 4'],
    ['=UPPER("tiểu dự án")', 'TIỂU DỰ ÁN'],
    ['=LOWER("CHI TIẾT")', 'chi tiết'],
    ['=CONCATENATE("DA",4,".",1)', 'DA4.1'],
    ['=VALUE("1,234.5")', 1234.5],
    ['=VALUE(" 17 ")', 17],
    ['=VALUE("abc")', '#VALUE!'],
    ['=VALUE(TRUE)', '#VALUE!'],
    ['=IFNA(NA(),0)', 0],
    ['=IFNA(1/0,0)', '#DIV/0!'],
    ['=ISERR(NA())', false],
    ['=ISERR(1/0)', true],
    ['=ISERROR(NA())', true],
    ['=ISERROR(1728)', false],
    ['=ISNA(#N/A)', true],
    ['=ISLOGICAL(TRUE)', true],
    ['=ISLOGICAL(1)', false],
    ['=ISTEXT("DA4")', true],
    ['=ISTEXT(4)', false],
    ['=TRUE()', true],
    ['=FALSE()', false],
    ['=ROW()', 100],
    ['=COLUMN()', 26],
    ['=ROW(DA4!B5)', 5],
    ['=COLUMN(DA4!C:C)', 3],
    ['=ROWS(DA4!A1:A14)', 14],
    ['=COLUMNS({1,2,3})', 3],
    ['=ROWS(E:E)', 1048576],
  ])('%s = %p', (formula, value) => {
    expect(calc(formula)).toBe(want(value));
  });
});
