import { ExcelFake, type ChangedEventArgs } from '../../src/testing/excel-fake';

const SUMMARY: (string | number | null)[][] = [
  ['Nội dung', 'ĐTPT', 'SN', 'NSĐP'],
  ['Dự án 2', 0, 530, 0],
  ['Dự án 3', 0, 342, 0],
  ['Dự án 4', 0, 766, 0],
];

describe('charts', () => {
  test('add from a block with headers and categories, name, title, position; found again by name', async () => {
    const fake = new ExcelFake().seed({ 'Tổng hợp': SUMMARY });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tổng hợp');
      const chart = ws.charts.add('BarStacked', ws.getRange('A1:D4'), 'Columns');
      chart.name = 'KH_BieuDo';
      chart.title.text = 'Vốn theo dự án và nguồn';
      chart.legend.position = 'Bottom';
      chart.setPosition('A7', 'H22');
      await context.sync();
    });
    const [chart] = fake.sheet('Tổng hợp').charts;
    expect(chart).toMatchObject({ name: 'KH_BieuDo', type: 'BarStacked', title: 'Vốn theo dự án và nguồn', legendPosition: 'Bottom', anchor: { start: 'A7', end: 'H22' } });
    expect(chart.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['ĐTPT', "'Tổng hợp'!$B$2:$B$4", "'Tổng hợp'!$A$2:$A$4"],
      ['SN', "'Tổng hợp'!$C$2:$C$4", "'Tổng hợp'!$A$2:$A$4"],
      ['NSĐP', "'Tổng hợp'!$D$2:$D$4", "'Tổng hợp'!$A$2:$A$4"],
    ]);

    await fake.run(async (context) => {
      const found = context.workbook.worksheets.getItem('Tổng hợp').charts.getItemOrNullObject('kh_bieudo');
      const missing = context.workbook.worksheets.getItem('Tổng hợp').charts.getItemOrNullObject('Khác');
      found.load('name');
      await context.sync();
      expect(found.isNullObject).toBe(false);
      expect(found.name).toBe('KH_BieuDo');
      expect(missing.isNullObject).toBe(true);
      found.delete();
    });
    expect(fake.sheet('Tổng hợp').charts).toEqual([]);
  });

  test('series added one by one from ranges (ExcelApi 1.7), with colours', async () => {
    const fake = new ExcelFake().seed({ 'Tổng hợp': SUMMARY });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tổng hợp');
      const chart = ws.charts.add('ColumnStacked', ws.getRange('C2:C4'), 'Columns');
      const first = chart.series.getItemAt(0);
      first.name = 'SN';
      first.setXAxisValues(ws.getRange('A2:A4'));
      first.format.fill.setSolidColor('#2f6f4f');
      const local = chart.series.add('NSĐP');
      local.setValues(ws.getRange('D2:D4'));
      local.setXAxisValues(ws.getRange('A2:A4'));
      chart.series.load('count');
      await context.sync();
      expect(chart.series.count).toBe(2);
    });
    const [chart] = fake.sheet('Tổng hợp').charts;
    expect(chart.series).toEqual([
      { name: 'SN', values: "'Tổng hợp'!$C$2:$C$4", xValues: "'Tổng hợp'!$A$2:$A$4", color: '#2F6F4F' },
      { name: 'NSĐP', values: "'Tổng hợp'!$D$2:$D$4", xValues: "'Tổng hợp'!$A$2:$A$4", color: null },
    ]);
  });

  test('series.add needs ExcelApi 1.7; an unknown chart type fails at sync', async () => {
    const old = new ExcelFake({ supportedApi: '1.6' }).seed({ S: SUMMARY });
    await expect(
      old.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.charts.add('BarStacked', ws.getRange('B2:B4')).series.add('x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const fake = new ExcelFake().seed({ S: SUMMARY });
    await expect(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.charts.add('Radar3D', ws.getRange('B2:B4'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

test('a protected sheet refuses a new chart unless objects may be edited', async () => {
  const fake = new ExcelFake().seed({ 'Tổng hợp': SUMMARY });
  const add = () =>
    fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tổng hợp');
      ws.charts.add('BarStacked', ws.getRange('A1:D4'));
      await context.sync();
    });
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('Tổng hợp').protection.protect({ allowInsertRows: true });
    await context.sync();
  });
  await expect(add()).rejects.toMatchObject({ code: 'InvalidOperation' });
  await fake.run(async (context) => {
    const p = context.workbook.worksheets.getItem('Tổng hợp').protection;
    p.unprotect();
    p.protect({ allowEditObjects: true });
    await context.sync();
  });
  await add();
  expect(fake.sheet('Tổng hợp').charts).toHaveLength(1);
});

describe('onChanged events', () => {
  test('a sheet handler hears API writes and user edits on its sheet only, after the sync, until removed', async () => {
    const fake = new ExcelFake().seed({ DA2: [['x']], DA3: [['y']] });
    const heard: ChangedEventArgs[] = [];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA2').onChanged.add(async (args) => {
        heard.push(args);
      });
      await context.sync();
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA2').getRange('H8').values = [[530]];
      context.workbook.worksheets.getItem('DA3').getRange('H8').values = [[342]];
      await context.sync();
      // never inside the request that caused it
      expect(heard).toEqual([]);
    });
    await fake.settled();
    expect(heard).toEqual([{ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: fake.sheet('DA2').id, address: 'H8' }]);

    fake.userEdit('DA2', 'H9:H10', 81);
    await fake.settled();
    expect(heard.map((h) => h.address)).toEqual(['H8', 'H9:H10']);
    expect(fake.sheet('DA2').cell('H10').value).toBe(81);
  });

  test('the collection handler (ExcelApi 1.9) hears every sheet; remove() stops it at the next sync', async () => {
    const fake = new ExcelFake().seed({ DA2: [], DA3: [] });
    const heard: string[] = [];
    await fake.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add((args) => {
        heard.push(args.address);
      });
      await context.sync();
      fake.userEdit('DA3', 'B2', 'Cải thiện dinh dưỡng');
      await fake.settled();
      result.remove();
      await context.sync();
    });
    fake.userEdit('DA2', 'B2', 'không nghe');
    await fake.settled();
    expect(heard).toEqual(['B2']);
  });

  test('no handler is registered when the sync fails; ExcelApi 1.8 has no collection event', async () => {
    const fake = new ExcelFake().seed({ DA2: [] });
    let calls = 0;
    fake.failNextSync({ code: 'GeneralException' });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('DA2').onChanged.add(() => {
          calls++;
        });
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    fake.userEdit('DA2', 'A1', 1);
    await fake.settled();
    expect(calls).toBe(0);

    const office2019 = new ExcelFake({ supportedApi: '1.8' });
    await expect(office2019.run(async (context) => void context.workbook.worksheets.onChanged)).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a user edit into a locked cell of a protected sheet is refused like typing in Excel', async () => {
    const fake = new ExcelFake().seed({ DA2: [['Tổng', 530]] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA2').protection.protect();
      await context.sync();
    });
    expect(() => fake.userEdit('DA2', 'B1', 1)).toThrow(/protected sheet/);
    expect(fake.sheet('DA2').cell('B1').value).toBe(530);
  });
});
