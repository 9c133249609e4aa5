/**
 * Đối chiếu với bản trước end to end in Chromium, on the built playground: Friday's version of the
 * Lai Châu plan open in the page's Excel (put there through office.js calls, as if the officer had
 * opened the file), Monday's .xlsx picked with the file input and read in the page — nothing is
 * requested from anywhere. The pane lists the changes made between the two (an amount changed by
 * source with its difference, a row removed, a row moved, the retyped texts, the stated total that
 * no longer matches) and the fingerprints of both versions, the very values `kh check` computes for
 * the two files. The screenshot is pane-15-doi-chieu-ban-truoc.png (`npm run screenshots:pane`).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openPane, requireChromium, SCREENSHOTS as SHOTS, type OpenPane } from '../support/browser';
import { loadScript, scriptFromSnapshot } from '../support/officer-fake';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { fingerprintOf } from '../../src/core/province/fingerprint';
import type { PlanSpec } from '../../src/core/plan';
import { FRIDAY, MONDAY } from '../province/versions';

const run = requireChromium() ? describe : describe.skip;

type PageFake = { selection: { sheet: string; address: string } };
type PageExcel = { Excel: { run(batch: unknown): Promise<unknown> } };

async function xlsxOf(spec: PlanSpec): Promise<Buffer> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return Buffer.from(await descriptionToXlsx(built.description));
}

async function fingerprintOfFile(bytes: Buffer): Promise<string> {
  return fingerprintOf(runChecks(await xlsxToSnapshot(bytes)).model.tables).value;
}

run('Đối chiếu với bản trước in Chromium, on the playground', () => {
  let opened: OpenPane;
  let origin: string;
  let page: Page;
  let log: OpenPane['log'];
  let friday: Buffer;
  let monday: Buffer;
  const pane = () => page.locator('#container');

  beforeAll(async () => {
    opened = await openPane('/', { width: 1440, height: 1000 });
    ({ origin, page, log } = opened);
    friday = await xlsxOf(FRIDAY);
    monday = await xlsxOf(MONDAY);
    // Friday's file opened in the page's Excel; its Excel.run recalculates the formulas as Excel would
    const snapshot = await xlsxToSnapshot(friday);
    expect(snapshot.names.map((n) => n.name)).toContain('KH_SaiSo');
    await page.evaluate(
      async ({ source, script: s, names }) => {
        const load = new Function(`return (${source})`)() as (run: (b: unknown) => Promise<unknown>, script: unknown) => Promise<void>;
        const excel = (window as unknown as PageExcel).Excel;
        await load((b) => excel.run(b), s);
        // the plan's names (KH_SaiSo, the tolerance its check formulas use) travel with the file
        await excel.run(async (context: { workbook: { names: { add(name: string, ref: string): void } }; sync(): Promise<void> }) => {
          for (const n of names) context.workbook.names.add(n.name, n.ref);
          await context.sync();
        });
      },
      { source: loadScript.toString(), script: scriptFromSnapshot(snapshot), names: snapshot.names },
    );
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
  });

  test('Friday open, Monday picked: the changes by source with their differences, the row removed, both fingerprints; nothing requested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-e2e-compare-'));
    const file = join(dir, 'ke-hoach-thu-hai.xlsx');
    writeFileSync(file, monday);
    await pane().getByRole('tab', { name: 'Kiểm tra' }).click();
    const requests = log.requests.length;
    await pane().getByLabel('Tệp bản trước (.xlsx)').setInputFiles(file);
    const section = pane().locator('section', { has: page.getByRole('heading', { name: 'Đối chiếu với bản trước' }) });
    await section.getByText('ke-hoach-thu-hai.xlsx → bảng tính đang mở (số tiền theo triệu đồng)').waitFor({ timeout: 60_000 });
    expect(log.requests.slice(requests)).toEqual([]);

    const items = (heading: RegExp): Promise<string[]> => section.getByRole('heading', { name: heading }).locator('xpath=..').locator('li').allTextContents();
    expect(await items(/Số tiền thay đổi \(1\)/)).toEqual([expect.stringMatching(/^Tiểu dự án 3: Hỗ trợ việc làm bền vững \(DA4\.TDA3\)NSTW sự nghiệp: 81 → 95 \(chênh lệch \+14\)Đến ô [A-Z]+\d+ trang DA4$/)]);
    expect(await items(/Dòng bỏ \(1\)/)).toEqual(['Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều (DA6.TDA2)Số tiền: NSTW sự nghiệp 17ở bản trước: ô B8 trang DA6']);
    expect(await items(/Dòng chuyển sang dự án khác \(1\)/)).toEqual([expect.stringMatching(/^"Mô hình trồng cây ăn quả": DA2 \(DA2!B\d+\) → DA3\.TDA1 \(DA3!B\d+\)Đến ô B\d+ trang DA3$/)]);
    expect(await items(/Chữ thay đổi \(2\)/)).toHaveLength(2);
    expect(await section.getByRole('heading', { name: /Dòng thêm/ }).count()).toBe(0);
    // the only findings new since Monday: the stated total 1.728 that no longer matches the rows' 1.725, each with its cell
    const appeared = await items(/Lỗi \/ cảnh báo mới xuất hiện/);
    expect(appeared.length).toBeGreaterThan(0);
    for (const text of appeared) expect(text).toMatch(/1\.728.*1\.725.*Đến ô [A-Z]+\d+ trang Thông tin$/);

    // the fingerprints shown are those kh check gives for the two files
    const [before, after] = [await fingerprintOfFile(monday), await fingerprintOfFile(friday)];
    expect(before).not.toBe(after);
    await section.getByText(`Dấu vân tay: ${before} → ${after}`).waitFor();

    const result = await new AxeBuilder({ page }).include('#container').exclude('[data-tabster-dummy]').analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // the amount's link selects its cell in the page's Excel: the grid shows it active on DA4
    const amount = section.locator('li', { hasText: '81 → 95' });
    const cell = /^Đến ô ([A-Z]+\d+) trang DA4$/.exec((await amount.getByRole('button', { name: /^Đến ô/ }).textContent()) ?? '')?.[1];
    expect(cell).toBeDefined();
    await amount.getByRole('button', { name: /^Đến ô/ }).click();
    await page.locator('#grid').locator(`td.active[data-cell="${cell}"]`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __KH_FAKE__: PageFake }).__KH_FAKE__.selection)).toEqual({ sheet: 'DA4', address: cell });
    await amount.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'pane-15-doi-chieu-ban-truoc.png') });

    expect(log.errors).toEqual([]);
    const foreign = log.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
