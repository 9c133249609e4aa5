/**
 * The engine: evaluation in dependency order whatever order the cells come in, memoisation,
 * circular references (0 and reported, never a hang), chains deeper than the JavaScript stack,
 * and the workbook adapters (rows from A1, workbook snapshots).
 */
import { CalcError, calculate, gridWorkbook, qualifiedAddress, snapshotWorkbook, type CalcCell, type CalcWorkbook } from '../../src/testing/calc';
import { Engine, type FunctionImpl } from '../../src/testing/calc/engine';
import { FUNCTIONS } from '../../src/testing/calc/functions';

const err = (code: string): CalcError => CalcError.of(code as never);

describe('order and memoisation', () => {
  test('cells given bottom-up or shuffled compute the same as top-down', () => {
    const cells: CalcCell[] = [
      { row: 0, col: 0, value: 530, formula: null },
      { row: 1, col: 0, value: 342, formula: null },
      { row: 2, col: 0, value: null, formula: '=A1+A2' },
      { row: 3, col: 0, value: null, formula: '=A3*2' },
      { row: 4, col: 0, value: null, formula: '=SUM(A1:A4)' },
    ];
    const run = (order: CalcCell[]) => calculate({ sheets: [{ name: 'S', cells: () => order }], names: [] });
    for (const order of [cells, [...cells].reverse(), [cells[3], cells[0], cells[4], cells[2], cells[1]]]) {
      const result = run(order);
      expect(['A3', 'A4', 'A5'].map((a) => result.valueAt('S', a))).toEqual([872, 1744, 3488]);
    }
  });

  test('a formula read by a thousand others is computed once', () => {
    let calls = 0;
    const counted: FunctionImpl = () => {
      calls++;
      return 1728;
    };
    const engine = new Engine({ ...FUNCTIONS, COUNTED: counted });
    const sheet = engine.addSheet('S');
    sheet.addCell(0, 0, null, '=COUNTED()');
    for (let r = 1; r <= 1000; r++) sheet.addCell(r, 0, null, '=$A$1/2');
    sheet.finish();
    for (const rec of sheet.formulaCells) engine.demand(rec);
    expect(calls).toBe(1);
    expect(engine.valueOf(sheet.get(1000, 0) as never)).toBe(864);
  });

  test('a chain far deeper than the JavaScript stack (each cell reads the one below)', () => {
    const n = 30000;
    const rows: unknown[][] = Array.from({ length: n }, (_, r) => [r === n - 1 ? 1 : `=A${r + 2}+1`]);
    const result = calculate(gridWorkbook({ S: rows }));
    expect(result.valueAt('S', 'A1')).toBe(n);
    expect(result.circular).toEqual([]);
    expect(result.errors).toBe(0);
  });

  test('whole-column SUMIFS over many rows and a chain through them', () => {
    const rows: unknown[][] = [['=SUMIFS(B2:B1048576,C2:C1048576,"chi tiết")', null, null, '=SUM(B:B)']];
    for (let r = 0; r < 5000; r++) rows.push([null, r % 10 === 0 ? `=B${r + 3}*2` : 0.5, r % 10 === 0 ? 'nhóm' : 'chi tiết']);
    rows.push([null, 1, 'chi tiết']);
    const result = calculate(gridWorkbook({ S: rows }));
    // 4500 detail rows of 0.5 and one of 1; each group row doubles the 0.5 below it
    expect(result.valueAt('S', 'A1')).toBe(2251);
    expect(result.valueAt('S', 'D1')).toBe(2251 + 500);
  });
});

describe('circular references', () => {
  test('a loop of two cells: both 0 and reported; a cell that only reads the loop is computed from 0', () => {
    const wb = gridWorkbook({ 'Tổng hợp': [['=B1+5', '=C1+1', '=B1+1']] });
    const result = calculate(wb);
    expect(['A1', 'B1', 'C1'].map((a) => result.valueAt('Tổng hợp', a))).toEqual([5, 0, 0]);
    expect(result.circular).toEqual(["'Tổng hợp'!B1", "'Tổng hợp'!C1"]);
  });

  test('a total that includes itself (=SUM(C:C) in column C) is circular, and so is a cell of C that reads it', () => {
    const wb = gridWorkbook({ DA4: [[null, null, 685], [null, null, 81], [null, null, '=SUM(C:C)'], [null, null, '=C3']] });
    const result = calculate(wb);
    expect(result.valueAt('DA4', 'C3')).toBe(0);
    expect(result.valueAt('DA4', 'C4')).toBe(0);
    expect(result.circular).toEqual(["'DA4'!C3", "'DA4'!C4"]);
  });

  test('a self-reference and a loop across sheets', () => {
    const wb = gridWorkbook({ A: [['=A1+1', "='B'!A1"]], B: [['=A!B1*2']] });
    const result = calculate(wb);
    expect(result.valueAt('A', 'A1')).toBe(0);
    expect(result.circular).toEqual(['A!A1', 'A!B1', 'B!A1']);
  });

  test('a loop of 5000 cells (deeper than the stack) ends, every cell 0 and reported', () => {
    const n = 5000;
    const rows: unknown[][] = Array.from({ length: n }, (_, r) => [`=A${r === n - 1 ? 1 : r + 2}+1`, `=A${r + 1}+1`]);
    const result = calculate(gridWorkbook({ S: rows }));
    expect(result.circular).toHaveLength(n);
    expect(result.results.filter((c) => c.col === 0).every((c) => c.value === 0)).toBe(true);
    // column B reads the loop without being on it
    expect(result.results.filter((c) => c.col === 1).every((c) => c.value === 1)).toBe(true);
  });

  test('a loop through SUMIFS criteria (the criteria column holds the total)', () => {
    const wb = gridWorkbook({ S: [['=SUMIFS(B:B,A:A,"x")', 3], ['x', 4]] });
    const result = calculate(wb);
    expect(result.valueAt('S', 'A1')).toBe(0);
    expect(result.circular).toEqual(['S!A1']);
  });
});

describe('report', () => {
  test('counts formulas and errors, lists every formula cell', () => {
    const wb = gridWorkbook({ S: [[530, '=A1/0', '=A1*2', '=#N/A', '=NA()']] });
    const result = calculate(wb);
    expect(result.formulas).toBe(4);
    expect(result.errors).toBe(3);
    expect(result.results.map((r) => [r.row, r.col, r.value])).toEqual([
      [0, 1, err('#DIV/0!')],
      [0, 2, 1060],
      [0, 3, err('#N/A')],
      [0, 4, err('#N/A')],
    ]);
    expect(result.valueAt('S', 'A1')).toBe(530);
    expect(result.valueAt('S', 'Z9')).toBeNull();
    expect(() => result.valueAt('Không có', 'A1')).toThrow(/no sheet/);
  });

  test('a formula whose result is a blank cell stores 0, a text formula stores its text', () => {
    const result = calculate(gridWorkbook({ S: [['=B1', null, '=""', '=IF(TRUE,"✓")']] }));
    expect([result.valueAt('S', 'A1'), result.valueAt('S', 'C1'), result.valueAt('S', 'D1')]).toEqual([0, '', '✓']);
  });

  test('qualified addresses quote sheet names the way Excel writes them', () => {
    expect(qualifiedAddress('Tổng hợp', 6, 2)).toBe("'Tổng hợp'!C7");
    expect(qualifiedAddress('Sheet1', 0, 0)).toBe('Sheet1!A1');
    expect(qualifiedAddress('DA4', 9, 4)).toBe("'DA4'!E10");
  });
});

describe('adapters', () => {
  test('rows from A1: "=…" is a formula, errors stay errors, "" and null are empty', () => {
    const wb: CalcWorkbook = gridWorkbook({ S: [[530, '', null, err('#REF!'), '#REF!', '=A1', '=']] });
    const cells = [...wb.sheets[0].cells()];
    expect(cells).toEqual([
      { row: 0, col: 0, value: 530, formula: null },
      { row: 0, col: 3, value: err('#REF!'), formula: null },
      { row: 0, col: 4, value: '#REF!', formula: null },
      { row: 0, col: 5, value: null, formula: '=A1' },
      { row: 0, col: 6, value: '=', formula: null },
    ]);
  });

  test('a snapshot: cached values of formula cells are ignored, error text in constants is the error, names come along', () => {
    const wb = snapshotWorkbook({
      sheets: [
        {
          name: 'Tổng hợp',
          values: [[530, 999, '#N/A', 'chữ'], [null, null, null, null]],
          formulas: [[null, '=A1*2', null, null], [null, '=KH_TongCong', '=ISNA(C1)', 'D1&"!"']],
        },
      ],
      names: [{ name: 'KH_TongCong', ref: "='Tổng hợp'!$A$1" }, { name: 'KH_SaiSo', ref: '0.5' }],
    });
    const result = calculate(wb);
    expect(result.valueAt('Tổng hợp', 'B1')).toBe(1060);
    expect(result.valueAt('Tổng hợp', 'B2')).toBe(530);
    expect(result.valueAt('Tổng hợp', 'C2')).toBe(true);
    expect(result.valueAt('Tổng hợp', 'D2')).toBe('chữ!');
    expect(wb.names).toEqual([
      { name: 'KH_TongCong', formula: "='Tổng hợp'!$A$1" },
      { name: 'KH_SaiSo', formula: '=0.5' },
    ]);
  });

  test('the same cell given twice is a mistake in the adapter, said loudly', () => {
    const wb: CalcWorkbook = { sheets: [{ name: 'S', cells: () => [{ row: 0, col: 0, value: 1, formula: null }, { row: 0, col: 0, value: 2, formula: null }] }], names: [] };
    expect(() => calculate(wb)).toThrow(/given twice/);
  });
});
