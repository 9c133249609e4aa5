import { ExcelFake } from '../../src/testing/excel-fake';
import { readSnapshot } from '../../src/workbook/office';

test('getCellProperties (ExcelApi 1.9) gives each cell its font, as set by the API', async () => {
  const fake = new ExcelFake().seed({ DA2: [['Céng hßa', 'Cộng hòa'], [530, null]] });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('DA2');
    ws.getRange('A1').format.font.name = '.VnTime';
    ws.getRange('B1').format.font.bold = true;
    const props = ws.getRange('A1:B2').getCellProperties({ format: { font: { name: true, bold: true } } });
    await context.sync();
    expect(props.value).toEqual([
      [{ format: { font: { name: '.VnTime', bold: false } } }, { format: { font: { name: 'Calibri', bold: true } } }],
      [{ format: { font: { name: 'Calibri', bold: false } } }, { format: { font: { name: 'Calibri', bold: false } } }],
    ]);
  });
});

test('the snapshot reader takes fonts on a 1.9 host and leaves them out on 1.8', async () => {
  for (const [api, expected] of [['1.9', '.VnTime'], ['1.8', undefined]] as const) {
    const fake = new ExcelFake({ supportedApi: api }).seed({ DA2: [['Céng hßa']] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA2').getRange('A1').format.font.name = '.VnTime';
      await context.sync();
    });
    const read = await fake.run((context) => readSnapshot(context as unknown as Excel.RequestContext, ['DA2'], fake, { fonts: true }));
    expect(read.snapshot.sheets[0].fonts?.[0]?.[0]).toBe(expected);
  }
});
