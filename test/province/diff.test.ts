/** kh diff on two versions of the Lai Châu plan: exactly the changes made, as a table and as JSON. */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { PlanSpec } from '../../src/core/plan';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { runChecks } from '../../src/core/checks/engine';
import { diffPlans } from '../../src/core/province/diff';
import { kh } from './kh';
import { FRIDAY, MONDAY, UNIT } from './versions';

const dir = mkdtempSync(join(tmpdir(), 'kh-diff-'));

async function write(spec: PlanSpec, name: string): Promise<string> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const file = join(dir, name);
  writeFileSync(file, await descriptionToXlsx(built.description));
  return file;
}

test('the diff of Monday → Friday lists exactly the five changes, and the stated total that no longer matches', async () => {
  const monday = await write(MONDAY, 'thu-hai.xlsx');
  const friday = await write(FRIDAY, 'thu-sau.xlsx');
  const before = runChecks(await xlsxToSnapshot(readFileSync(monday)));
  const after = runChecks(await xlsxToSnapshot(readFileSync(friday)));
  const diff = diffPlans(before, after);
  const summary = diff.changes.map((c) => {
    switch (c.kind) {
      case 'added':
      case 'removed':
        return `${c.kind} ${c.row.project} ${c.row.label} ${JSON.stringify(c.amounts)}`;
      case 'moved':
        return `moved ${c.to.label} ${c.from.project} → ${c.to.project}`;
      case 'amount':
        return `amount ${c.row.project} ${c.source} ${c.before} → ${c.after} (${c.difference}) at ${c.row.sheet}!${c.cell}`;
      case 'text':
        return `text ${c.row.project} ${c.field} "${c.before}" → "${c.after}"`;
    }
  });
  expect(summary.sort()).toEqual(
    [
      'text DA2 name "Mô hình nuôi bò sinh sản" → "Mô hình nuôi bò sinh sản cho hộ nghèo"',
      'moved Mô hình trồng cây ăn quả DA2 → DA3.TDA1',
      `amount DA4.TDA3 centralRecurrent 81 → 95 (14) at DA4!${after.model.tables.find((t) => t.name === 'DA4')?.rows.find((r) => r.item === 'DA4.TDA3')?.cells.centralRecurrent?.address}`,
      'removed DA6.TDA2 Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều {"centralRecurrent":17}',
      'text DA7.TDA1 unitName "Phòng Lao động - Thương binh và Xã hội thành phố" → "Văn phòng HĐND-UBND thành phố"',
    ].sort(),
  );
  expect(diff.totals).toEqual([{ source: 'centralRecurrent', before: 1728, after: 1725, difference: -3 }]);
  // the only findings that came or went: the stated 1.728 against the tables' 1.725
  expect(diff.findingsAppeared.length).toBeGreaterThan(0);
  expect(new Set(diff.findingsAppeared.map((f) => f.rule))).toEqual(new Set(['STATED_TOTAL']));
  expect(diff.findingsDisappeared).toEqual([]);

  const r = await kh(['diff', monday, friday]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('Dòng chuyển sang dự án khác (1):');
  expect(r.stdout).toContain('"Mô hình trồng cây ăn quả": DA2 (DA2!');
  expect(r.stdout).toMatch(/Hỗ trợ việc làm bền vững — Vốn sự nghiệp: 81 → 95 \(\+14\)/);
  expect(r.stdout).toContain('Dòng bỏ (1):');
  expect(r.stdout).toMatch(/Vốn sự nghiệp\s+1\.728 →\s+1\.725 \(-3\)/);

  const json = await kh(['diff', monday, friday, '--json']);
  const parsed = JSON.parse(json.stdout);
  expect(parsed.changes).toHaveLength(5);
  expect(parsed.fingerprints.before).not.toBe(parsed.fingerprints.after);
}, 60_000);

test('the same file against itself: nothing, exit 0', async () => {
  const monday = await write(MONDAY, 'ban-a.xlsx');
  const r = await kh(['diff', monday, monday]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Hai bản có cùng số liệu');
});

test('two versions of an officer\'s own table (recognised, no KH layout): only the amount retyped is found, by source', async () => {
  const own = async (amount: number, name: string): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu kế hoạch');
    ws.addRow(['KẾ HOẠCH VỐN NĂM 2024']);
    ws.addRow(['Đơn vị tính: triệu đồng']);
    ws.addRow(['STT', 'Nội dung', 'Tổng số', 'Vốn sự nghiệp NSTW', 'Đơn vị thực hiện']);
    ws.addRow(['I', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 530, 530, UNIT]);
    ws.addRow(['II', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 685 + amount, 685 + amount, 'Phòng LĐ-TB&XH']);
    ws.addRow(['1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', 685, 685, 'Phòng LĐ-TB&XH']);
    ws.addRow(['2', 'Tiểu dự án 3: Hỗ trợ việc làm bền vững', amount, amount, 'Phòng LĐ-TB&XH']);
    ws.addRow(['', 'Tổng cộng', 1215 + amount, 1215 + amount]);
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };
  const a = await own(81, 'bang-rieng-1.xlsx');
  const b = await own(95, 'bang-rieng-2.xlsx');
  const r = await kh(['diff', a, b, '--json']);
  const parsed = JSON.parse(r.stdout);
  const amounts = parsed.changes.filter((c: { kind: string }) => c.kind === 'amount');
  expect(amounts).toEqual([expect.objectContaining({ source: 'centralRecurrent', before: 81, after: 95, difference: 14 })]);
  expect(parsed.changes.filter((c: { kind: string }) => c.kind !== 'amount')).toEqual([]);
});
