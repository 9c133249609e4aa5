/**
 * KH's exceljs writer gives like cells one shared style object (kh new of 60,000 activities: 95 s →
 * 31 s), and exceljs shares them too when it loads a file. Changing one cell's font must then go
 * through `restyle`: `cell.font = …` writes into the shared object and restyles every like cell
 * (the golden case LEGACY_TEXT/ascii-in-vntime caught it: one .VnTime cell made 16 findings).
 */
import ExcelJS from 'exceljs';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { descriptionToWorkbook, restyle } from '../../src/workbook/exceljs';

async function laiChau(): Promise<ExcelJS.Workbook> {
  const built = buildPlanWorkbook(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  return descriptionToWorkbook(built.description);
}

/** Every cell of the workbook sharing the style object of `sheet!address`, itself left out. */
function sharing(wb: ExcelJS.Workbook, sheet: string, address: string): string[] {
  const style = wb.getWorksheet(sheet)?.getCell(address).style;
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.style === style && !(ws.name === sheet && cell.address === address)) out.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return out;
}

test('like cells share a style object (the premise), and restyle changes one cell only', async () => {
  const wb = await laiChau();
  const others = sharing(wb, 'DA4', 'C8');
  expect(others.length).toBeGreaterThan(10);
  const fontsBefore = others.map((a) => wb.getWorksheet(a.split('!')[0])?.getCell(a.split('!')[1]).font?.name);
  const cell = wb.getWorksheet('DA4')?.getCell('C8') as ExcelJS.Cell;
  restyle(cell, { font: { ...cell.font, name: '.VnTime' } });
  expect(cell.font.name).toBe('.VnTime');
  expect(others.map((a) => wb.getWorksheet(a.split('!')[0])?.getCell(a.split('!')[1]).font?.name)).toEqual(fontsBefore);
  expect(fontsBefore).not.toContain('.VnTime');
});

test('what restyle guards against: exceljs font setter writes into the shared object', async () => {
  const wb = await laiChau();
  const others = sharing(wb, 'DA4', 'C8');
  (wb.getWorksheet('DA4')?.getCell('C8') as ExcelJS.Cell).font = { name: '.VnTime' };
  const [sheet, address] = others[0].split('!');
  expect(wb.getWorksheet(sheet)?.getCell(address).font?.name).toBe('.VnTime');
});

test('after a round trip through the file, like cells loaded are restyled one at a time too', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await (await laiChau()).xlsx.writeBuffer()) as ArrayBuffer);
  const ws = wb.getWorksheet('DA4') as ExcelJS.Worksheet;
  expect(ws.getCell('C8').style).toBe(ws.getCell('C9').style);
  const before = ws.getCell('C9').font?.name;
  restyle(ws.getCell('C8'), { font: { ...ws.getCell('C8').font, name: '.VnTime' } });
  expect(ws.getCell('C8').font.name).toBe('.VnTime');
  expect(ws.getCell('C9').font?.name).toBe(before);
});
