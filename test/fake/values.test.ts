import { ExcelFake } from '../../src/testing/excel-fake';

async function write(fake: ExcelFake, address: string, values: unknown, prop: 'values' | 'formulas' = 'values'): Promise<void> {
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getActiveWorksheet().getRange(address);
    if (prop === 'values') range.values = values as string[][];
    else range.formulas = values as string[][];
  });
}

describe('values and formulas follow Excel input rules', () => {
  test('a scalar fills the whole range', async () => {
    const fake = new ExcelFake();
    await write(fake, 'A1:C2', 7);
    expect(fake.sheet('Sheet1').values('A1:C2')).toEqual([
      [7, 7, 7],
      [7, 7, 7],
    ]);
  });

  test('a 2-D array of another size fails at sync with InvalidArgument', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      range.values = [[1, 2, 3]]; // queued without complaint
      await expect(context.sync()).rejects.toMatchObject({
        code: 'InvalidArgument',
        message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        debugInfo: expect.objectContaining({ errorLocation: 'Range.values' }),
      });
    });
    await expect(write(fake, 'A1:B2', [[1, 2], [3]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(fake, 'A1', [1])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('values "=1+1" becomes a formula (and the fake computes literal arithmetic)', async () => {
    const fake = new ExcelFake();
    await write(fake, 'A1:A2', [['=1+1'], ['=(2+3)*4%']]);
    const sheet = fake.sheet('Sheet1');
    expect(sheet.cell('A1')).toMatchObject({ formula: '=1+1', value: 2, type: 'Double' });
    expect(sheet.cell('A2').value).toBe(0.2);
  });

  test('other formulas are stored, not computed: values read null until setComputedValue', async () => {
    const fake = new ExcelFake();
    await write(fake, 'A1:B1', [['=SUM(C1:C9)', "='Thông tin'!B3"]], 'formulas');
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1').load('values, formulas, valueTypes, text');
      await context.sync();
      expect(r.values).toEqual([[null, null]]);
      expect(r.formulas).toEqual([['=SUM(C1:C9)', "='Thông tin'!B3"]]);
      expect(r.valueTypes).toEqual([['Unknown', 'Unknown']]);
    });
    fake.setComputedValue('Sheet1', 'A1:B1', [[45, 'Tỉnh Lào Cai']]);
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1').load('values, text');
      await context.sync();
      expect(r.values).toEqual([[45, 'Tỉnh Lào Cai']]);
      expect(r.text).toEqual([['45', 'Tỉnh Lào Cai']]);
    });
    expect(() => fake.setComputedValue('Sheet1', 'C1', 1)).toThrow(/holds no formula/);
  });

  test("a leading apostrophe keeps text as text and is not part of the value", async () => {
    const fake = new ExcelFake();
    await write(fake, 'A1:A3', [["'=abc"], ["'0123"], ["'- Hỗ trợ"]]);
    const sheet = fake.sheet('Sheet1');
    expect(sheet.cell('A1')).toMatchObject({ value: '=abc', formula: null, quotePrefix: true, type: 'String' });
    expect(sheet.cell('A2').value).toBe('0123');
    expect(sheet.cell('A3').value).toBe('- Hỗ trợ');
    expect(sheet.formulas('A1')).toEqual([['=abc']]); // formulas reads the text without the apostrophe
  });

  test('a cell formatted "@" keeps strings as text, even "=…"', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:A3');
      r.numberFormat = [['@'], ['@'], ['@']];
      r.values = [['=abc'], ['0123'], ['1/2']];
    });
    expect(fake.sheet('Sheet1').values('A1:A3')).toEqual([['=abc'], ['0123'], ['1/2']]);
    expect(fake.sheet('Sheet1').cell('A1').formula).toBeNull();
  });

  test('untrusted text without protection is converted, as Excel does', async () => {
    const fake = new ExcelFake({ year: 2025 });
    await write(fake, 'A1:A10', [
      ['0123'],
      ['1,234.5'],
      ['TRUE'],
      ['12%'],
      ['2025-03-05'],
      ['12/2024'],
      ['- Hỗ trợ sản xuất'],
      ['123456789012345678'],
      ['1.234.567'],
      ['#N/A'],
    ]);
    const s = fake.sheet('Sheet1');
    expect(s.cell('A1').value).toBe(123);
    expect(s.cell('A2').value).toBe(1234.5);
    expect(s.cell('A3').value).toBe(true);
    expect(s.cell('A4')).toMatchObject({ value: 0.12, numberFormat: '0%', text: '12%' });
    expect(s.cell('A5')).toMatchObject({ value: 45721, numberFormat: 'm/d/yyyy', text: '3/5/2025' });
    expect(s.cell('A6')).toMatchObject({ value: 45627, numberFormat: 'mmm-yy' });
    expect(s.cell('A7')).toMatchObject({ formula: '=- Hỗ trợ sản xuất', value: null });
    expect(s.cell('A8').value).toBe(123456789012346000); // 15 significant digits
    expect(s.cell('A9').value).toBe('1.234.567');
    expect(s.cell('A10').type).toBe('Error');
  });

  test('null leaves a cell unchanged and "" clears it', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [[1, 2, 3]] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:C1').values = [[null, '', 9]];
    });
    expect(fake.sheet('S').values('A1:C1')).toEqual([[1, '', 9]]);
    expect(fake.sheet('S').usedValuesAddress).toBe('A1:C1');
  });

  test('writing a constant over a formula removes the formula', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['=1+2']] });
    expect(fake.sheet('S').cell('A1').value).toBe(3);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').formulas = [[5]];
    });
    expect(fake.sheet('S').cell('A1')).toMatchObject({ value: 5, formula: null });
  });

  test('values read back: empty cells are "", text, valueTypes and numberFormat', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [[1.5, 'a', true, null]] });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:D1');
      r.numberFormat = [['#,##0.00', null, null, null]];
      r.load('values, text, valueTypes, numberFormat');
      await context.sync();
      expect(r.values).toEqual([[1.5, 'a', true, '']]);
      expect(r.text).toEqual([['1.50', 'a', 'TRUE', '']]);
      expect(r.valueTypes).toEqual([['Double', 'String', 'Boolean', 'Empty']]);
      expect(r.numberFormat).toEqual([['#,##0.00', 'General', 'General', 'General']]);
    });
  });

  test('invalid cell values fail at sync', async () => {
    const fake = new ExcelFake();
    await expect(write(fake, 'A1', [[NaN]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(fake, 'A1', [[{ a: 1 }]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(fake, 'A1', [['x'.repeat(32768)]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(fake, 'A1', [['=SUM(A1']])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('scalar broadcast to a whole column stays cheap for formats and clears', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['a'], ['b']] });
    await fake.run(async (context) => {
      const col = context.workbook.worksheets.getItem('S').getRange('A:A');
      col.numberFormat = '@';
      col.values = '';
    });
    expect(fake.sheet('S').usedValuesAddress).toBeNull();
    expect(fake.sheet('S').cell('A1048576').numberFormat).toBe('@');
  });
});
