import ExcelJS from 'exceljs';
import { planGeneration } from '../../src/core/book/generate';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { findSheet, SheetSnapshot } from '../../src/core/book/snapshot';
import { ROWS, planColumns } from '../../src/core/book/layout';
import { applyAndReload, snap, userWorkbook } from './helpers';

const P = planColumns('2021-2025').project.index;

async function generate(wb: ExcelJS.Workbook, spec: PlanSpec) {
  const result = planGeneration(spec, snap(wb));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { wb: await applyAndReload(wb, result.patch), report: result.report, patch: result.patch };
}

function rowOf(sheet: SheetSnapshot, code: string): number {
  return sheet.values.findIndex((r) => r[P.code] === code);
}

describe('generating into an empty workbook', () => {
  test('creates every sheet; a second run changes nothing (idempotent)', async () => {
    const first = await generate(new ExcelJS.Workbook(), LAI_CHAU_2024);
    expect(first.report.created).toEqual(['Thông tin', 'Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7', 'Danh mục', '_kh']);
    const second = planGeneration(LAI_CHAU_2024, snap(first.wb));
    expect(second.ok && second.report).toMatchObject({ unchanged: true, cellsWritten: 0, created: [], refreshed: [] });
  });
});

describe('never lose data', () => {
  test("a workbook full of the user's data: every user cell unchanged; the user's Tổng hợp kept, ours suffixed", async () => {
    const wb = userWorkbook();
    const before = snap(wb);
    const { wb: after, report } = await generate(wb, LAI_CHAU_2024);
    expect(report.renamed).toEqual([{ wanted: 'Tổng hợp', used: 'Tổng hợp (KH)' }]);
    const now = snap(after);
    for (const sheet of before.sheets) {
      const same = findSheet(now, sheet.name) as SheetSnapshot;
      expect(same.values).toEqual(sheet.values);
      expect(same.formulas).toEqual(sheet.formulas);
    }
    // ours points at the suffixed sheet
    const info = findSheet(now, 'Thông tin') as SheetSnapshot;
    expect(info.formulas.flat().filter((f) => f?.includes('Tổng hợp')).every((f) => f?.includes("'Tổng hợp (KH)'!"))).toBe(true);
    // and re-running finds its own sheet again instead of suffixing twice
    const again = planGeneration(LAI_CHAU_2024, now);
    expect(again.ok && again.report.unchanged).toBe(true);
  });

  test('typed amounts survive a refresh; a new sub-project goes after its parent, the user\'s inserted row stays', async () => {
    const { wb } = await generate(new ExcelJS.Workbook(), LAI_CHAU_2024);
    const da4 = wb.getWorksheet('DA4') as ExcelJS.Worksheet;
    // the officer changes an amount and inserts a row of their own below the project row
    const tda1 = rowOf(snap(wb).sheets.find((s) => s.name === 'DA4') as SheetSnapshot, 'DA4.1');
    da4.getCell(tda1 + 1, P.centralRecurrent + 1).value = 700;
    da4.spliceRows(tda1 + 2, 0, ['', 'Ghi chú riêng của cán bộ', '', '', '', '', '', '', '', '', '', '', 'không xoá']);

    const spec: PlanSpec = { ...LAI_CHAU_2024, items: [...LAI_CHAU_2024.items, { code: 'DA4.TDA2', unitName: 'Phòng LĐ-TB&XH', amounts: { centralRecurrent: 40 } }] };
    const { wb: after, report } = await generate(wb, spec);
    const sheet = snap(after).sheets.find((s) => s.name === 'DA4') as SheetSnapshot;
    expect(report.rowsAdded).toEqual([{ sheet: 'DA4', code: 'DA4.2', row: expect.any(Number) }]);
    expect(report.refreshed).toContain('DA4');
    expect(report.userValuesKept).toBeGreaterThanOrEqual(0);
    const codes = sheet.values.slice(ROWS.firstData).map((r) => r[P.code] ?? null);
    expect(codes).toEqual(['DA4', 'DA4.1', null, 'DA4.2', 'DA4.3']);
    const userRow = sheet.values[rowOf(sheet, 'DA4.1') + 1];
    expect(userRow[P.content]).toBe('Ghi chú riêng của cán bộ');
    expect(userRow[P.note]).toBe('không xoá');
    expect(sheet.values[rowOf(sheet, 'DA4.1')][P.centralRecurrent]).toBe(700);
    expect(sheet.values[rowOf(sheet, 'DA4.2')][P.centralRecurrent]).toBe(40);
    // formulas on moved rows point at their own row
    const r3 = rowOf(sheet, 'DA4.3') + 1;
    expect(sheet.formulas[r3 - 1][P.central]).toBe(`=G${r3}+H${r3}`);
  });

  test('a number typed over a KH formula is kept and reported', async () => {
    const { wb } = await generate(new ExcelJS.Workbook(), LAI_CHAU_2024);
    const ws = wb.getWorksheet('DA4') as ExcelJS.Worksheet;
    ws.getCell(ROWS.firstData + 1, P.total + 1).value = 999;
    const result = planGeneration(LAI_CHAU_2024, snap(wb));
    expect(result.ok && result.report.conflicts).toEqual([{ key: 'refresh.typedOverFormula', params: { cell: 'DA4!E7', value: '999' } }]);
    expect(result.ok && result.patch.sheets.find((s) => s.name === 'DA4')).toBeUndefined();
  });
});
