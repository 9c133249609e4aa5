import { ExcelFake, FAULTS } from '../../src/testing/excel-fake';

describe('limits and fault injection', () => {
  test('a request over requestLimitBytes fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const fake = new ExcelFake();
    fake.requestLimitBytes = 2000;
    const big = Array.from({ length: 100 }, (_, i) => [`dòng ${i} — nội dung dài`]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:A100').values = big;
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded', message: expect.stringContaining('request payload size has exceeded the limit') });
    expect(fake.sheet('Sheet1').usedValuesAddress).toBeNull();
    expect(fake.syncLog[0]).toMatchObject({ ok: false, errorCode: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.syncLog[0].bytes).toBeGreaterThan(2000);

    fake.requestLimitBytes = Infinity;
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1:A100').values = big;
    });
    expect(fake.sheet('Sheet1').usedValuesAddress).toBe('A1:A100');
  });

  test('the default request limit is Excel on the web\'s 5 MB', async () => {
    const fake = new ExcelFake();
    expect(fake.requestLimitBytes).toBe(5 * 1024 * 1024);
    const rows = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:A6000').values = rows;
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test('a load over responseLimitBytes fails with ResponsePayloadSizeLimitExceeded', async () => {
    const fake = new ExcelFake();
    fake.responseLimitBytes = 1000;
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A:A').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('failNextSync: the next round trip fails with the given error, then syncs work again', async () => {
    const fake = new ExcelFake();
    fake.failNextSync(FAULTS.cellEditMode);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1').values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({
        code: 'InvalidOperationInCellEditMode',
        message: expect.stringContaining('Excel is in cell-editing mode'),
      });
      expect(fake.sheet('Sheet1').cell('A1').value).toBe('');
      sheet.getRange('A1').values = [[2]];
      await context.sync();
    });
    expect(fake.sheet('Sheet1').cell('A1').value).toBe(2);
    expect(fake.syncLog.map((s) => s.ok)).toEqual([false, true]);
  });

  test('failNextSync with afterOperations: a partial batch in non-atomic mode', async () => {
    const fake = new ExcelFake();
    fake.failNextSync({ code: 'GeneralException', message: 'boom', afterOperations: 1 });
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRange('A1').values = [[1]];
        sheet.getRange('A2').values = [[2]];
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', message: 'boom' });
    expect(fake.sheet('Sheet1').values('A1:A2')).toEqual([[1], ['']]);
  });

  test('failSyncWhen: fails matching syncs until removed', async () => {
    const fake = new ExcelFake();
    const stop = fake.failSyncWhen((sync) => sync.operations.some((op) => op.write), { code: 'InvalidOperation', message: FAULTS.cellEditMode.message });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1').load('values');
      await context.sync(); // reads only: fine
      expect(r.values).toEqual([['']]);
      r.values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      stop();
      r.values = [[1]];
      await context.sync();
    });
    expect(fake.sheet('Sheet1').cell('A1').value).toBe(1);
  });

  test('readOnly: every write fails with AccessDenied, loads still work', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [[1]] });
    fake.readOnly = true;
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
      expect(r.values).toEqual([[1]]);
      r.format.font.bold = true;
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      context.workbook.worksheets.add('X');
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(fake.sheetNames()).toEqual(['S']);
  });
});
