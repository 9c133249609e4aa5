import { ExcelFake, type FakeRequestContext } from '../../src/testing/excel-fake';

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

describe('queued writes, loads and syncs', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded, as Office.js', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      expect(() => range.values).toThrow(NOT_LOADED);
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
      range.load('values');
      expect(() => range.values).toThrow(NOT_LOADED); // load without sync is not enough
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  test('writes are invisible until sync, then applied in order', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[1]];
      sheet.getRange('A1').values = [[2]];
      expect(fake.sheet('Sheet1').cell('A1').value).toBe('');
      const other = sheet.getRange('A1').load('values');
      await context.sync();
      expect(fake.sheet('Sheet1').cell('A1').value).toBe(2);
      expect(other.values).toEqual([[2]]);
    });
  });

  test('a loaded property reflects the workbook at that sync, not later writes', async () => {
    const fake = new ExcelFake();
    fake.seed({ Data: [[10]] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1').load('values');
      await context.sync();
      context.workbook.worksheets.getItem('Data').getRange('A1').values = [[20]];
      await context.sync();
      expect(range.values).toEqual([[10]]);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[20]]);
    });
  });

  test('a setter echoes the written value locally, as Office.js does', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1');
      range.values = 'x';
      expect(range.values).toBe('x');
      await context.sync();
    });
  });

  test('load takes a comma string, an array, nested paths and an object', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [[1, 2]] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const a = sheet.getRange('A1:B1').load('values, formulas, address');
      const b = sheet.getRange('A1').load(['rowIndex', 'format/font/bold']);
      const c = sheet.getRange('B1').load({ select: 'columnIndex', expand: 'format/fill' });
      const d = sheet.getRange('A1').load({ values: true, format: { font: { name: true } } });
      const e = sheet.getRange('A1').load();
      await context.sync();
      expect(a.address).toBe('S!A1:B1');
      expect(a.formulas).toEqual([[1, 2]]);
      expect(b.rowIndex).toBe(0);
      expect(b.format.font.bold).toBe(false);
      expect(() => b.format.font.name).toThrow(/not available/);
      expect(c.columnIndex).toBe(1);
      expect(c.format.fill.color).toBe('#FFFFFF');
      expect(d.format.font.name).toBe('Calibri');
      expect(e.text).toEqual([['1']]);
      expect(e.cellCount).toBe(1);
    });
  });

  test('loading an unknown property fails at sync', async () => {
    const fake = new ExcelFake();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').load('valeus');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('sync counter: only syncs with queued operations are round trips; run adds a final one when needed', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1').values = [[1]];
      sheet.getRange('A2').values = [[2]];
      await context.sync();
      sheet.getRange('A3').values = [[3]]; // flushed by run's final sync
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncCalls).toBe(3);
    expect(fake.syncLog.map((s) => s.operations)).toEqual([2, 1]);
    expect(fake.syncLog[0].bytes).toBeGreaterThan(20);
    expect(fake.syncLog.every((s) => s.ok)).toBe(true);
    expect(fake.sheet('Sheet1').values('A1:A3')).toEqual([[1], [2], [3]]);
  });

  test('request size grows with the payload, counted in UTF-8 bytes', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [['a']];
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [['ệệệệệệệệệệ']];
    });
    expect(fake.syncLog[1].bytes - fake.syncLog[0].bytes).toBe(10 * 3 - 1);
  });

  test('Excel.run requires the batch to return a promise', async () => {
    const fake = new ExcelFake();
    const notAsync = ((_context: FakeRequestContext) => 1) as unknown as (context: FakeRequestContext) => Promise<number>;
    await expect(fake.run(notAsync)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  test('a batch that throws discards its queued writes', async () => {
    const fake = new ExcelFake();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fake.syncCount).toBe(0);
    expect(fake.sheet('Sheet1').cell('A1').value).toBe('');
  });

  test('using a proxy after its run ended throws InvalidObjectPath', async () => {
    const fake = new ExcelFake();
    const range = await fake.run(async (context) => context.workbook.worksheets.getActiveWorksheet().getRange('A1'));
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound; an unused one does not', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Nope');
      await context.sync();
    });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', message: "The requested resource doesn't exist." });
  });

  test('getItemOrNullObject: isNullObject after sync, throws before', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const found = context.workbook.worksheets.getItemOrNullObject('sheet1'); // case-insensitive
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      missing.load('name');
      await context.sync();
      expect(missing.name).toBeUndefined(); // a null object's properties read as undefined
    });
    expect(fake.syncCount).toBe(2);
  });

  test('worksheets.items after load("items/name") and load("name")', async () => {
    const fake = new ExcelFake();
    fake.seed({ 'Thông tin': [], 'Tổng hợp': [] });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Thông tin', 'Tổng hợp']);
      expect(() => sheets.items[0].visibility).toThrow(/not available/);
      const again = context.workbook.worksheets.load('name, visibility');
      await context.sync();
      expect(again.items.map((s) => s.visibility)).toEqual(['Visible', 'Visible']);
      const count = sheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  test('a range resolves once: a used range keeps its address after later writes', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [[1, 2]] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const used = sheet.getUsedRange().load('address');
      await context.sync();
      sheet.getRange('D4').values = [[1]];
      used.load('address');
      const fresh = sheet.getUsedRange().load('address');
      await context.sync();
      expect(used.address).toBe('S!A1:B1');
      expect(fresh.address).toBe('S!A1:D4');
    });
  });

  test('a sheet proxy follows its sheet through a rename', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.name = 'Tổng hợp';
      sheet.getRange('A1').values = [['x']];
      const r = sheet.getRange('A1:C5').load('address');
      await context.sync();
      expect(r.address).toBe("'Tổng hợp'!A1:C5");
    });
    expect(fake.sheetNames()).toEqual(['Tổng hợp']);
  });

  test('toJSON gives the loaded values', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('B2').load('address, rowIndex');
      await context.sync();
      expect(r.toJSON()).toEqual({ address: 'Sheet1!B2', rowIndex: 1 });
    });
  });

  test('set({...}) sets several properties including nested ones', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.set({ values: [[5]], format: { font: { bold: true }, fill: { color: '#FF0000' } } });
      expect(() => r.set({ address: 'B2' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    });
    const cell = fake.sheet('Sheet1').cell('A1');
    expect([cell.value, cell.font.bold, cell.fill]).toEqual([5, true, '#FF0000']);
  });
});
