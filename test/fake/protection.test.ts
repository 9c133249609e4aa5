import { ExcelFake, type FakeRequestContext } from '../../src/testing/excel-fake';

const PROTECTED = "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** A sheet "P" with A1:A3 unlocked (input cells) and the rest locked, protected. */
async function protectedSheet(fake: ExcelFake): Promise<void> {
  fake.seed({ P: [['input', 'total']] });
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('P');
    sheet.getRange('A1:A3').format.protection.locked = false;
    sheet.protection.protect();
  });
}

function sheetP(context: FakeRequestContext) {
  return context.workbook.worksheets.getItem('P');
}

describe('sheet protection', () => {
  test('writing to a locked cell of a protected sheet fails at sync with Excel\'s message', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    await expect(
      fake.run(async (context) => {
        sheetP(context).getRange('B1').values = [['changed']];
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation', message: PROTECTED });
    expect(fake.sheet('P').cell('B1').value).toBe('total');
  });

  test('unlocked cells can be written', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    await fake.run(async (context) => {
      sheetP(context).getRange('A2').values = [[42]];
    });
    expect(fake.sheet('P').cell('A2').value).toBe(42);
    expect(fake.sheet('P').protected).toBe(true);
  });

  test('formats, locks, merges, widths and row inserts are refused too', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    const attempts: Array<(context: FakeRequestContext) => void> = [
      (c) => (sheetP(c).getRange('B1').format.font.bold = true),
      (c) => (sheetP(c).getRange('B1').numberFormat = [['0']]),
      (c) => (sheetP(c).getRange('A1').format.protection.locked = true),
      (c) => sheetP(c).getRange('A1:A2').merge(),
      (c) => (sheetP(c).getRange('A:A').format.columnWidth = 100),
      (c) => sheetP(c).getRange('2:2').insert('Down'),
      (c) => (sheetP(c).getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } }),
    ];
    for (const attempt of attempts) {
      await expect(fake.run(async (context) => attempt(context))).rejects.toMatchObject({ message: PROTECTED });
    }
    await fake.run(async (context) => {
      sheetP(context).getRange('A1').format.font.bold = true; // unlocked: allowed
    });
  });

  test('protection options allow what they name', async () => {
    const fake = new ExcelFake();
    fake.seed({ P: [['x']] });
    await fake.run(async (context) => {
      sheetP(context).protection.protect({ allowFormatCells: true, allowInsertRows: true, allowFormatColumns: true });
    });
    await fake.run(async (context) => {
      const sheet = sheetP(context);
      sheet.getRange('A1').format.fill.color = 'yellow';
      sheet.getRange('1:1').insert('Down');
      sheet.getRange('A:A').format.columnWidth = 120;
    });
    expect(fake.sheet('P').cell('A2')).toMatchObject({ value: 'x', fill: '#FFFF00' });
    expect(fake.sheet('P').columnWidths).toEqual({ A: 120 });
    expect(fake.sheet('P').protection.options.allowFormatCells).toBe(true);
  });

  test('non-atomic syncs (default): operations before the failing one stay applied', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    await expect(
      fake.run(async (context) => {
        const sheet = sheetP(context);
        sheet.getRange('A2').values = [['before']];
        sheet.getRange('B1').values = [['refused']];
        sheet.getRange('A3').values = [['after']];
      }),
    ).rejects.toMatchObject({ message: PROTECTED, debugInfo: expect.objectContaining({ errorLocation: 'Range.values' }) });
    expect(fake.sheet('P').values('A2:A3')).toEqual([['before'], ['']]);
    expect(fake.syncLog.at(-1)).toMatchObject({ ok: false, errorCode: 'InvalidOperation', operations: 3 });
  });

  test('atomic syncs: a failing sync applies nothing', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    fake.atomicSyncs = true;
    await expect(
      fake.run(async (context) => {
        const sheet = sheetP(context);
        sheet.getRange('A2').values = [['before']];
        context.workbook.worksheets.add('New');
        sheet.getRange('B1').values = [['refused']];
      }),
    ).rejects.toMatchObject({ message: PROTECTED });
    expect(fake.sheet('P').cell('A2').value).toBe('');
    expect(fake.sheetNames()).toEqual(['P']);
  });

  test('loaded values of a failed sync are not delivered', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    await fake.run(async (context) => {
      const r = sheetP(context).getRange('A1').load('values');
      sheetP(context).getRange('B1').values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ message: PROTECTED });
      expect(() => r.values).toThrow(/not available/);
    });
  });

  test('protect on a protected sheet fails; unprotect checks the password', async () => {
    const fake = new ExcelFake();
    fake.seed({ P: [] });
    await fake.run(async (context) => {
      sheetP(context).protection.protect(null, 'bí mật');
    });
    await expect(fake.run(async (context) => sheetP(context).protection.protect())).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(fake.run(async (context) => sheetP(context).protection.unprotect('sai'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fake.run(async (context) => {
      const p = sheetP(context).protection;
      p.unprotect('bí mật');
      p.unprotect(); // already unprotected: no-op
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(false);
    });
  });

  test('the error code for protected cells is configurable', async () => {
    const fake = new ExcelFake();
    await protectedSheet(fake);
    fake.protectedCellErrorCode = 'AccessDenied';
    await expect(fake.run(async (context) => void (sheetP(context).getRange('B1').values = [[1]]))).rejects.toMatchObject({ code: 'AccessDenied', message: PROTECTED });
  });
});
