/** kh verify, and the fingerprint KH writes on Thông tin and shows in kh check and the summary. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { FINGERPRINT_LABEL } from '../../src/core/province/fingerprint';
import { kh } from './kh';

const dir = mkdtempSync(join(tmpdir(), 'kh-verify-'));

test('kh new writes the fingerprint on Thông tin; kh check shows the same; kh verify says match, then no match after one đồng', async () => {
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(LAI_CHAU_2024));
  const file = join(dir, 'lai-chau.xlsx');
  expect((await kh(['new', '--plan', join(dir, 'plan.json'), '-o', file])).code).toBe(0);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const info = wb.getWorksheet('Thông tin') as ExcelJS.Worksheet;
  expect(info.getCell('A2').value).toBe(FINGERPRINT_LABEL);
  const written = String(info.getCell('B2').value);
  expect(written).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

  const checked = await kh(['check', file]);
  expect(checked.stdout).toContain(`Dấu vân tay số liệu: ${written} (7 dòng chi tiết`);
  expect(checked.stdout).not.toContain('khác dấu vân tay');

  const same = await kh(['verify', file, written.toLowerCase().replace(/-/g, '')]);
  expect(same).toMatchObject({ code: 0 });
  expect(same.stdout).toContain(`Khớp: số liệu của ${file}`);

  // DA4.TDA1's 685 triệu becomes 685,000001 triệu: one đồng more
  const ws = wb.getWorksheet('DA4') as ExcelJS.Worksheet;
  let bumped = '';
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!bumped && cell.value === 685) {
        cell.value = 685.000001;
        bumped = cell.address;
      }
    }),
  );
  expect(bumped).not.toBe('');
  const changed = join(dir, 'lai-chau-sua.xlsx');
  await wb.xlsx.writeFile(changed);
  const differs = await kh(['verify', changed, written]);
  expect(differs.code).toBe(1);
  expect(differs.stdout).toContain(`KHÔNG khớp: số liệu của ${changed}`);
  expect(differs.stdout).toContain(`không phải ${written}`);
  // kh check says the figures moved since KH wrote the file
  expect((await kh(['check', changed])).stdout).toContain(`Dấu vân tay ghi trong Thông tin (${written}) khác`);
}, 60_000);

test('a fingerprint mistyped is a usage error naming it, before the file is read', async () => {
  const r = await kh(['verify', join(dir, 'khong-co.xlsx'), '7K3M-Q9XD']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('"7K3M-Q9XD" không phải một dấu vân tay');
});

test('the summary of a folder lists each file with its fingerprint', async () => {
  const folder = join(dir, 'xa');
  mkdirSync(folder);
  writeFileSync(join(dir, 'plan2.json'), JSON.stringify({ ...LAI_CHAU_2024, items: LAI_CHAU_2024.items.map((i) => ({ ...i, amounts: { centralRecurrent: (i.amounts?.centralRecurrent ?? 0) + 1 } })), statedTotals: undefined }));
  expect((await kh(['new', '--plan', join(dir, 'plan.json'), '-o', join(folder, 'a.xlsx')])).code).toBe(0);
  expect((await kh(['new', '--plan', join(dir, 'plan2.json'), '-o', join(folder, 'b.xlsx')])).code).toBe(0);
  const summary = join(dir, 'tong-hop.xlsx');
  await kh(['check', folder, '--summary', summary]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const byFile = wb.getWorksheet('Theo tệp') as ExcelJS.Worksheet;
  const header = (byFile.getRow(1).values as unknown[]).map(String);
  const col = header.indexOf('Dấu vân tay số liệu');
  expect(col).toBeGreaterThan(0);
  const fps: Record<string, string> = {};
  byFile.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value) fps[String(row.getCell(1).value)] = String(row.getCell(col).value);
  });
  for (const name of ['a.xlsx', 'b.xlsx']) {
    const wbf = new ExcelJS.Workbook();
    await wbf.xlsx.readFile(join(folder, name));
    expect(fps[name]).toBe(String((wbf.getWorksheet('Thông tin') as ExcelJS.Worksheet).getCell('B2').value));
  }
  expect(fps['a.xlsx']).not.toBe(fps['b.xlsx']);
}, 60_000);
