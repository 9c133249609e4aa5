/**
 * Nhận dạng bảng end to end in Chromium, on the built playground: the Mường Tè Biểu 01 (an officer's
 * own table, merged two-level header, triệu đồng) put into the page's Excel through office.js, read
 * by the pane, its missing facts filled, the KH plan created beside it — the officer's sheet
 * unchanged, the new plan's total equal to the table's. Nothing requested from anywhere; axe clean.
 * The screenshot is docs/screenshots/pane-14-nhan-dang-bang.png (`npm run screenshots:pane`).
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openPane, requireChromium, SCREENSHOTS as SHOTS, type OpenPane } from '../support/browser';
import { loadScript, scriptFromSnapshot } from '../support/officer-fake';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { cellAddress } from '../../src/core/book/address';
import { loadCase } from '../corpus/cases';

const run = requireChromium() ? describe : describe.skip;
const SHEET = 'Biểu 01';

type PageFake = { setComputedValue(sheet: string, address: string, value: unknown): void; run(batch: unknown): Promise<unknown>; sheet(n: string): { values(): unknown[][]; formulas(): unknown[][] }; sheetNames(): string[] };

run('Nhận dạng bảng in Chromium, on the playground', () => {
  let opened: OpenPane;
  let origin: string;
  let page: Page;
  let log: OpenPane['log'];
  const pane = () => page.locator('#container');
  const officerSheet = () =>
    page.evaluate((name) => {
      const fake = (window as unknown as { __KH_FAKE__: PageFake }).__KH_FAKE__;
      return { values: fake.sheet(name).values(), formulas: fake.sheet(name).formulas() };
    }, SHEET);

  beforeAll(async () => {
    opened = await openPane('/?view=recognise', { width: 1440, height: 1000 });
    ({ origin, page, log } = opened);
    // the officer's workbook, typed into the page's Excel through office.js calls
    const script = scriptFromSnapshot(await xlsxToSnapshot(await loadCase('01-huyen-bieu01').build()));
    const computed = script.sheets.flatMap((s) => s.cells.filter((c) => c.computed !== undefined && c.computed !== null).map((c) => [s.name, cellAddress(c.r, c.c), c.computed] as const));
    await page.evaluate(
      async ({ source, script: s, sheet, computed }) => {
        const fake = (window as unknown as { __KH_FAKE__: PageFake }).__KH_FAKE__;
        const load = new Function(`return (${source})`)() as (run: (b: unknown) => Promise<unknown>, script: unknown) => Promise<void>;
        await load((b) => fake.run(b), s);
        // the values the officer's Excel had calculated, as the file cached them
        for (const [name, address, value] of computed) fake.setComputedValue(name, address, value);
        await fake.run(async (context: { workbook: { worksheets: { getItem(n: string): { activate(): void } } }; sync(): Promise<void> }) => {
          context.workbook.worksheets.getItem(sheet).activate();
          await context.sync();
        });
      },
      { source: loadScript.toString(), script, sheet: SHEET, computed },
    );
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
  });

  test('read the officer\'s sheet, settle what it does not say, create the plan: the same total, the sheet untouched', async () => {
    const before = await officerSheet();
    const requests = log.requests.length;
    await pane().getByRole('button', { name: 'Đọc trang đang mở' }).click();
    await pane().getByText(/Bảng ở A8:L40 \(trang Biểu 01\): 30 dòng/).waitFor();
    await pane().getByRole('combobox', { name: 'Cột F: Ngân sách trung ương / Vốn đầu tư phát triển' }).waitFor();
    expect(await pane().getByRole('combobox', { name: 'Đơn vị tính của bảng' }).textContent()).toBe('triệu đồng');
    await pane().getByRole('textbox', { name: 'Tỉnh' }).fill('Lai Châu');
    await pane().getByRole('combobox', { name: 'Huyện nghèo / xã đặc biệt khó khăn vùng bãi ngang' }).click();
    await page.getByRole('option', { name: 'Có' }).click();
    await pane().getByText('Không còn gì cần xem lại: có thể tạo kế hoạch.').waitFor();
    const result = await new AxeBuilder({ page }).include('#container').exclude('[data-tabster-dummy]').analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await pane().getByRole('button', { name: 'Tạo kế hoạch KH từ bảng này' }).click();
    await pane().getByText('Tổng của kế hoạch mới bằng đúng tổng của bảng: 23.390 triệu đồng.').waitFor({ timeout: 60_000 });
    const names = await page.evaluate(() => (window as unknown as { __KH_FAKE__: PageFake }).__KH_FAKE__.sheetNames());
    expect(names).toEqual(expect.arrayContaining([SHEET, 'Thông tin', 'Tổng hợp']));
    expect(await officerSheet()).toEqual(before);
    await pane().getByText('Tổng của kế hoạch mới bằng đúng tổng của bảng: 23.390 triệu đồng.').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'pane-14-nhan-dang-bang.png') });
    expect(log.errors).toEqual([]);
    const foreign = log.requests.slice(requests).filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
