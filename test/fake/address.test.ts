import {
  LAST_COLUMN, LAST_ROW, columnName, columnNumber, formatAddress, formatRef, parseAddress, quoteSheetName, rect, subtract, tryParseAddress,
} from '../../src/testing/excel-fake';

describe('A1 addresses', () => {
  test.each([
    ['A1', rect(0, 0)],
    ['AB12', rect(11, 27)],
    ['XFD1048576', rect(LAST_ROW, LAST_COLUMN)],
    ['A1:C5', rect(0, 0, 4, 2)],
    ['B:B', rect(0, 1, LAST_ROW, 1)],
    ['B:D', rect(0, 1, LAST_ROW, 3)],
    ['3:7', rect(2, 0, 6, LAST_COLUMN)],
    ['1:1048576', rect(0, 0, LAST_ROW, LAST_COLUMN)],
  ])('%s parses and formats back', (text, expected) => {
    const parsed = parseAddress(text);
    expect(parsed.rect).toEqual(expected);
    expect(formatRef(parsed.rect)).toBe(text);
  });

  test('dollars, lower case and reversed corners are accepted', () => {
    expect(parseAddress('$A$1:$C$5').rect).toEqual(rect(0, 0, 4, 2));
    expect(parseAddress('c5:a1').rect).toEqual(rect(0, 0, 4, 2));
    expect(parseAddress('$B:$B').rect).toEqual(rect(0, 1, LAST_ROW, 1));
    expect(parseAddress('$3:$7').rect).toEqual(rect(2, 0, 6, LAST_COLUMN));
    expect(formatRef(rect(0, 0, 4, 2), true)).toBe('$A$1:$C$5');
    expect(formatRef(rect(2, 0, 6, LAST_COLUMN), true)).toBe('$3:$7');
  });

  test('out of bounds and malformed addresses throw InvalidArgument', () => {
    for (const bad of ['XFE1', 'A0', 'A1048577', 'A', '1', 'A1:B2:C3', 'A1,B2', '', 'ZZZZ1', 'Tổng hợp']) {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    }
  });

  test('column letters round-trip over the whole sheet width', () => {
    for (const i of [0, 25, 26, 27, 51, 52, 701, 702, 16383]) expect(columnNumber(columnName(i))).toBe(i);
    expect(columnName(27)).toBe('AB');
    expect(columnName(16383)).toBe('XFD');
    expect(columnNumber('XFE')).toBeUndefined();
    expect(() => columnName(16384)).toThrow();
  });

  test('sheet names are quoted when Excel quotes them', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('DA3')).toBe("'DA3'"); // looks like a cell
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('Tổng hợp')).toBe("'Tổng hợp'");
    expect(quoteSheetName('Biểu 01')).toBe("'Biểu 01'");
    expect(quoteSheetName('Thôngtin')).toBe('Thôngtin');
    expect(quoteSheetName('2024')).toBe("'2024'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('_kh')).toBe('_kh');
    expect(formatAddress('Tổng hợp', rect(0, 0, 4, 2))).toBe("'Tổng hợp'!A1:C5");
    expect(formatAddress('Thông tin', rect(2, 1), true)).toBe("'Thông tin'!$B$3");
  });

  test('addresses with a sheet prefix parse, quoted or not', () => {
    expect(tryParseAddress("'Tổng hợp'!A1:C5")).toEqual({ sheet: 'Tổng hợp', rect: rect(0, 0, 4, 2) });
    expect(tryParseAddress("'Bob''s'!$B$3")).toEqual({ sheet: "Bob's", rect: rect(2, 1) });
    expect(tryParseAddress('Sheet1!B:B')).toEqual({ sheet: 'Sheet1', rect: rect(0, 1, LAST_ROW, 1) });
    const round = "'Tổng hợp'!A1:C5";
    const p = tryParseAddress(round);
    expect(p && formatAddress(p.sheet as string, p.rect)).toBe(round);
  });

  test('rectangle subtraction covers exactly the difference', () => {
    const pieces = subtract(rect(0, 0, 9, 9), rect(3, 3, 5, 5));
    expect(pieces.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0)).toBe(100 - 9);
    expect(subtract(rect(0, 0, 1, 1), rect(5, 5, 6, 6))).toEqual([rect(0, 0, 1, 1)]);
    expect(subtract(rect(0, 0, 1, 1), rect(0, 0, 3, 3))).toEqual([]);
  });
});
