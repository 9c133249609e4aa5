/**
 * Nhập từ văn bản end to end in Chromium, on the built playground: the Lai Châu plan as a .docx
 * (built in the test) picked with the file input and read in the page — the page requests
 * nothing from anywhere while reading it; the seven items, 1.728 triệu and the document's errors
 * shown; the plan created in the fake and checked clean (the playground calculates the
 * formulas, so Tổng hợp's total is 1.728 and the stated total on Thông tin agrees). The view
 * passes axe with no serious or critical violation.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openPane, requireChromium, SCREENSHOTS as SHOTS, type OpenPane } from '../support/browser';
import { docxFromText } from '../support/docx-builder';
import { requireOrSkip } from '../support/requirements';

const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'examples');
const run = requireChromium() && requireOrSkip(existsSync(EXAMPLES), `the real plans in ${EXAMPLES}`) ? describe : describe.skip;

run('Nhập từ văn bản in Chromium, on the playground', () => {
  let opened: OpenPane;
  let origin: string;
  let page: Page;
  let log: OpenPane['log'];
  const pane = () => page.locator('#container');

  beforeAll(async () => {
    opened = await openPane('/', { width: 1440, height: 900 });
    ({ origin, page, log } = opened);
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
  });

  test('read the Lai Châu .docx in the page: items, total, errors with their sections; nothing requested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-e2e-import-'));
    const file = join(dir, 'ke-hoach-2024-tp-lai-chau.docx');
    writeFileSync(file, await docxFromText(readFileSync(join(EXAMPLES, 'ke-hoach-2024-tp-lai-chau.txt'), 'utf8')));
    await pane().getByRole('tab', { name: 'Nhập từ văn bản' }).click();
    const before = log.requests.length;
    await pane().getByLabel('Chọn văn bản kế hoạch (.docx, .txt)').setInputFiles(file);
    await pane().getByText('Đã đọc ke-hoach-2024-tp-lai-chau.docx: 7 mục, cộng 1.728 triệu đồng.').waitFor();
    expect(log.requests.slice(before)).toEqual([]);
    await pane().getByText('mục III.4.1.đ: «Nguồn vốn thực hiện: Dự kiến 685 triệu đồng.»').waitFor();
    await pane().getByText('Số mục "V." được dùng hai lần').waitFor();
    expect(await pane().getByText('Văn bản ghi "năm 2023" trong kế hoạch năm 2024: có thể còn sót từ kế hoạch năm trước').count()).toBe(2);
    const result = await new AxeBuilder({ page }).include('#container').exclude('[data-tabster-dummy]').analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'pane-10-nhap-tu-van-ban.png') });
  });

  test('create the plan from the document, then check it: no error, the total 1.728 computed in the fake', async () => {
    await pane().getByRole('button', { name: 'Tạo kế hoạch từ văn bản' }).click();
    await pane().getByText(/Đã tạo kế hoạch từ văn bản: 9 trang mới/).waitFor();
    const total = await page.evaluate(() => {
      const fake = (window as unknown as { __KH_FAKE__: { sheet(n: string): { values(): unknown[][] } } }).__KH_FAKE__;
      return fake.sheet('Tổng hợp').values()[6];
    });
    expect(total.slice(1, 3)).toEqual(['TỔNG CỘNG', 1728]);
    await pane().getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await pane().getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await pane().getByText('Không phát hiện lỗi nào.').waitFor();
    expect(log.errors).toEqual([]);
    const foreign = log.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
