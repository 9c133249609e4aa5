import { ExcelFake } from '../../src/testing/excel-fake';

describe('insert and delete', () => {
  test('inserting whole rows shifts the cells below (values, formats, heights)', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['h'], ['a'], ['b'], ['c']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A3').format.font.bold = true;
      sheet.getRange('3:3').format.rowHeight = 30;
      const inserted = sheet.getRange('3:4').insert('Down');
      inserted.load('address');
      await context.sync();
      expect(inserted.address).toBe('S!3:4');
    });
    const s = fake.sheet('S');
    expect(s.values('A1:A6')).toEqual([['h'], ['a'], [''], [''], ['b'], ['c']]);
    expect(s.cell('A5').font.bold).toBe(true);
    expect(s.cell('A3').font.bold).toBe(false);
    expect(s.rowHeights).toEqual({ 5: 30 });
  });

  test('formulas and names are not adjusted by inserts (documented)', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['=A2'], [1]] });
    await fake.run(async (context) => {
      context.workbook.names.add('x', "=S!$A$2");
      context.workbook.worksheets.getItem('S').getRange('2:2').insert('Down');
    });
    expect(fake.sheet('S').cell('A1').formula).toBe('=A2');
    expect(fake.names()[0].formula).toBe('=S!$A$2');
    expect(fake.sheet('S').cell('A3').value).toBe(1);
  });

  test('deleting rows shifts cells up; partial inserts shift only their columns', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['a1', 'b1'], ['a2', 'b2'], ['a3', 'b3']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('2:2').delete('Up');
      sheet.getRange('A1').insert('Down');
    });
    expect(fake.sheet('S').values('A1:B3')).toEqual([['', 'b1'], ['a1', 'b3'], ['a3', '']]);
  });

  test('merged areas move with whole-row inserts; a partial shift that would split one fails', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['title']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A3:C3').merge();
      sheet.getRange('1:1').insert('Down');
    });
    expect(fake.sheet('S').merges).toEqual(['A4:C4']);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('B1').insert('Down');
      }),
    ).rejects.toMatchObject({ code: 'MergedRangeConflict' });
  });

  test('inserting would push data off the sheet: NonBlankCellOffSheet', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1048576').values = [['last']];
      sheet.getRange('1:1').insert('Down');
      await expect(context.sync()).rejects.toMatchObject({ code: 'NonBlankCellOffSheet' });
    });
  });
});

describe('merges', () => {
  test('merge keeps the top-left value; across merges each row; unmerge removes', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['a', 'b'], ['c', 'd']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:B2').merge();
      sheet.getRange('D1:F2').merge(true);
    });
    const s = fake.sheet('S');
    expect(s.merges).toEqual(['A1:B2', 'D1:F1', 'D2:F2']);
    expect(s.values('A1:B2')).toEqual([['a', ''], ['', '']]);
    expect(s.cell('B2').mergedArea).toBe('A1:B2');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:F1').unmerge();
    });
    expect(fake.sheet('S').merges).toEqual(['D2:F2']);
  });

  test('merging across part of an existing merge fails', async () => {
    const fake = new ExcelFake();
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRange('A1:B2').merge();
        sheet.getRange('B2:C3').merge();
      }),
    ).rejects.toMatchObject({ code: 'MergedRangeConflict' });
  });
});

describe('names', () => {
  test('names.add with a formula or a Range; getItemOrNullObject; getRange', async () => {
    const fake = new ExcelFake();
    fake.seed({ 'Thông tin': [['Tỉnh', 'Lào Cai']] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Thông tin');
      context.workbook.names.add('KH_Tinh', "='Thông tin'!$B$1");
      context.workbook.names.add('KH_Nhan', sheet.getRange('A1'), 'label');
      const missing = context.workbook.names.getItemOrNullObject('KH_Khong');
      const found = context.workbook.names.getItemOrNullObject('kh_tinh');
      const range = context.workbook.names.getItem('KH_Tinh').getRange().load('address, values');
      const items = context.workbook.names.load('items/name, items/formula, items/type');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect(range.address).toBe("'Thông tin'!B1");
      expect(range.values).toEqual([['Lào Cai']]);
      expect(items.items.map((n) => [n.name, n.formula, n.type])).toEqual([
        ['KH_Tinh', "='Thông tin'!$B$1", 'Range'],
        ['KH_Nhan', "='Thông tin'!$A$1", 'Range'],
      ]);
    });
    expect(fake.names().map((n) => n.scope)).toEqual(['Workbook', 'Workbook']);
  });

  test('duplicate and invalid names fail; renaming the sheet updates references', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      context.workbook.names.add('Total', '=Sheet1!$A$1');
    });
    await expect(fake.run(async (context) => void context.workbook.names.add('TOTAL', '=Sheet1!$A$2'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(fake.run(async (context) => void context.workbook.names.add('A1', '=Sheet1!$A$2'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(fake.run(async (context) => void context.workbook.names.add('có dấu cách', '=1'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').name = 'Tổng hợp';
    });
    expect(fake.names()[0].formula).toBe("='Tổng hợp'!$A$1");
  });

  test('sheet-scoped names', async () => {
    const fake = new ExcelFake();
    fake.seed({ DA3: [[1]] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('DA3');
      sheet.names.add('Dong', sheet.getRange('A1'));
      context.workbook.names.add('Dong', '=DA3!$A$1'); // same name, other scope: allowed
      const r = sheet.getRange('Dong').load('address');
      await context.sync();
      expect(r.address).toBe("'DA3'!A1");
    });
    expect(fake.sheet('DA3').names).toEqual([{ name: 'Dong', formula: "='DA3'!$A$1", scope: 'DA3', comment: '', visible: true }]);
  });
});

describe('worksheets', () => {
  test('add, rename, position, visibility, tab colour, delete', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const a = sheets.add('Tổng hợp');
      sheets.add('_kh').visibility = 'VeryHidden';
      a.position = 0;
      a.tabColor = 'red';
      sheets.getItem('Sheet1').delete();
      const list = sheets.load('items/name, items/visibility, items/position');
      await context.sync();
      expect(list.items.map((s) => [s.name, s.visibility, s.position])).toEqual([
        ['Tổng hợp', 'Visible', 0],
        ['_kh', 'VeryHidden', 1],
      ]);
    });
    expect(fake.sheet('Tổng hợp').tabColor).toBe('#FF0000');
    expect(fake.activeSheet).toBe('Tổng hợp');
  });

  test('sheet-name rules and duplicates', async () => {
    const fake = new ExcelFake();
    for (const bad of ['a/b', 'x'.repeat(32), "'q", 'History', '']) {
      await expect(fake.run(async (context) => void context.workbook.worksheets.add(bad))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    await expect(fake.run(async (context) => void context.workbook.worksheets.add('SHEET1'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await fake.run(async (context) => void context.workbook.worksheets.add());
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Sheet2']);
  });

  test('nested loads through items and navigation properties', async () => {
    const fake = new ExcelFake();
    fake.seed({ A: [], B: [] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('B').protection.protect();
      const sheets = context.workbook.worksheets.load('items/name, items/protection/protected');
      const r = context.workbook.worksheets.getItem('A').getRange('A1').load('worksheet/name');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
        ['A', false],
        ['B', true],
      ]);
      expect(r.worksheet.name).toBe('A');
    });
  });

  test('deleting a sheet turns names that refer to it into #REF! and activates a neighbour', async () => {
    const fake = new ExcelFake();
    fake.seed({ A: [], B: [] });
    await fake.run(async (context) => {
      context.workbook.names.add('x', '=B!$A$1');
      context.workbook.worksheets.getItem('B').activate();
      context.workbook.worksheets.getItem('B').delete();
    });
    expect(fake.names()[0].formula).toBe('=#REF!$A$1');
    expect(fake.activeSheet).toBe('A');
  });

  test('the last visible sheet cannot be hidden or deleted', async () => {
    const fake = new ExcelFake();
    await expect(fake.run(async (context) => void (context.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden'))).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(fake.run(async (context) => context.workbook.worksheets.getItem('Sheet1').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('activate, select and the selection', async () => {
    const fake = new ExcelFake();
    fake.seed({ A: [], B: [] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('C3:D4').select();
      const sel = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(sel.address).toBe('B!C3:D4');
    });
    expect(fake.selection).toEqual({ sheet: 'B', address: 'C3:D4' });
    await fake.run(async (context) => context.workbook.worksheets.getItem('A').activate());
    expect(fake.selection).toEqual({ sheet: 'A', address: 'A1' });
  });

  test('used range: values only or with formats; A1 or a null object when empty', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const empty = sheet.getUsedRange().load('address');
      const none = sheet.getUsedRangeOrNullObject();
      await context.sync();
      expect(empty.address).toBe('Sheet1!A1');
      expect(none.isNullObject).toBe(true);
      sheet.getRange('B2').values = [[1]];
      sheet.getRange('D5').format.fill.color = '#FFFF00';
      const all = sheet.getUsedRange().load('address');
      const values = sheet.getUsedRange(true).load('address');
      await context.sync();
      expect(all.address).toBe('Sheet1!B2:D5');
      expect(values.address).toBe('Sheet1!B2');
    });
  });
});

describe('formats', () => {
  test('font, fill, alignment, wrap, borders, widths read back uniform or null', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const header = sheet.getRange('A1:C1');
      header.format.font.set({ name: 'Times New Roman', size: 13, bold: true, color: '#1f4e79' });
      header.format.fill.color = '#D9E1F2';
      header.format.horizontalAlignment = 'Center';
      header.format.wrapText = true;
      header.format.borders.getItem('EdgeBottom').style = 'Continuous';
      header.format.borders.getItem('InsideVertical').weight = 'Thin';
      sheet.getRange('A:A').format.columnWidth = 30;
      sheet.getRange('B1').format.font.italic = true;
      const font = header.format.font.load('name, bold, italic, color');
      const fmt = header.format.load('columnWidth, horizontalAlignment');
      const edge = header.format.borders.getItem('EdgeBottom').load('style, weight');
      await context.sync();
      expect([font.name, font.bold, font.italic, font.color]).toEqual(['Times New Roman', true, null, '#1F4E79']);
      expect([fmt.columnWidth, fmt.horizontalAlignment]).toEqual([null, 'Center']);
      expect([edge.style, edge.weight]).toEqual(['Continuous', 'Thin']);
    });
    const c = fake.sheet('Sheet1').cell('B1');
    expect(c).toMatchObject({ fill: '#D9E1F2', wrapText: true, horizontalAlignment: 'Center' });
    expect(c.borders.bottom.style).toBe('Continuous');
    expect(c.borders.left.style).toBe('Continuous'); // InsideVertical given a weight draws it
    expect(fake.sheet('Sheet1').columnWidths).toEqual({ A: 30 });
  });

  test('whole-column formats apply to every row without storing a million cells', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A:Z').format.protection.locked = false;
      sheet.getRange('C5').format.protection.locked = true;
      const col = sheet.getRange('C:C').format.protection.load('locked');
      const other = sheet.getRange('D:D').format.protection.load('locked');
      await context.sync();
      expect(col.locked).toBeNull();
      expect(other.locked).toBe(false);
    });
    expect(fake.sheet('Sheet1').cell('Z1048576').locked).toBe(false);
    expect(fake.sheet('Sheet1').cell('AA1').locked).toBe(true);
    expect(fake.sheet('Sheet1').usedAddress).toBe('C5');
  });

  test('bad format values fail at sync', async () => {
    const fake = new ExcelFake();
    await expect(fake.run(async (context) => void (context.workbook.worksheets.getActiveWorksheet().getRange('A1').format.fill.color = 'not-a-colour'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(fake.run(async (context) => void (context.workbook.worksheets.getActiveWorksheet().getRange('A1').format.horizontalAlignment = 'Middle'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('clear(Formats) resets formats and merges; clear(Contents) keeps them', async () => {
    const fake = new ExcelFake();
    fake.seed({ S: [['a', 'b']] });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.format.font.bold = true;
      r.clear('Contents');
    });
    expect(fake.sheet('S').cell('A1')).toMatchObject({ value: '', font: expect.objectContaining({ bold: true }) });
    await fake.run(async (context) => context.workbook.worksheets.getItem('S').getRange('A1:B1').clear('Formats'));
    expect(fake.sheet('S').cell('A1').font.bold).toBe(false);
  });
});

describe('freeze panes, validation, page layout', () => {
  test('freezeRows, freezeColumns, freezeAt, getLocationOrNullObject', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const panes = context.workbook.worksheets.getActiveWorksheet().freezePanes;
      panes.freezeRows(3);
      await context.sync();
      expect(fake.sheet('Sheet1').frozen).toEqual({ rows: 3, columns: 0 });
      panes.freezeAt('B4');
      const loc = panes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(loc.address).toBe('Sheet1!A1:B4');
      panes.freezeColumns(2);
      await context.sync();
      expect(fake.sheet('Sheet1').frozen).toEqual({ rows: 0, columns: 2 });
    });
  });

  test('list validation from a string or a range; clear; 255-character limit', async () => {
    const fake = new ExcelFake();
    fake.seed({ 'Danh mục': [['Có'], ['Không']], S: [] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B2:B20').dataValidation.rule = { list: { inCellDropDown: true, source: 'Có,Không' } };
      sheet.getRange('C2:C20').dataValidation.rule = {
        list: { inCellDropDown: true, source: context.workbook.worksheets.getItem('Danh mục').getRange('A1:A2') },
      };
      sheet.getRange('B10:B20').dataValidation.clear();
      const v = sheet.getRange('C5').dataValidation.load('type, rule');
      await context.sync();
      expect(v.type).toBe('List');
      expect(v.rule).toEqual({ list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$A$2" } });
    });
    expect(fake.sheet('S').validations.map((v) => v.address)).toEqual(['B2:B9', 'C2:C20']);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('D1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(200) } };
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('page layout: orientation, paper, margins, fit to pages, print titles', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      const layout = context.workbook.worksheets.getActiveWorksheet().pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.leftMargin = 36;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      layout.setPrintTitleRows('$5:$6');
      layout.load('zoom, paperSize');
      await context.sync();
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
    const s = fake.sheet('Sheet1');
    expect(s.printTitleRows).toBe('$5:$6');
    expect(s.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', leftMargin: 36, centerHorizontally: true });
    await expect(fake.run(async (context) => void (context.workbook.worksheets.getActiveWorksheet().pageLayout.paperSize = 'A9'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('calculation mode and calculate', async () => {
    const fake = new ExcelFake();
    await fake.run(async (context) => {
      context.application.calculationMode = 'Manual';
      context.application.calculate('Full');
      context.application.load('calculationMode');
      await context.sync();
      expect(context.application.calculationMode).toBe('Manual');
    });
    expect(fake.calculationMode).toBe('Manual');
    expect(fake.calculations).toBe(1);
  });
});

describe('seed and inspection', () => {
  test('seed replaces the pristine default sheet and builds formulas', () => {
    const fake = new ExcelFake().seed({ 'Thông tin': [['Tỉnh', 'Lào Cai'], ['Tổng', '=1+2']], DA2: [[1, 2, 3]] });
    expect(fake.sheetNames()).toEqual(['Thông tin', 'DA2']);
    expect(fake.activeSheet).toBe('Thông tin');
    expect(fake.sheet('Thông tin').values()).toEqual([['Tỉnh', 'Lào Cai'], ['Tổng', 3]]);
    expect(fake.sheet('DA2').usedAddress).toBe('A1:C1');
    expect(() => fake.sheet('Nope')).toThrow(/no sheet named Nope/);
  });
});
