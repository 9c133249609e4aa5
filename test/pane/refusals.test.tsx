/**
 * @jest-environment jsdom
 *
 * Office 2019 (ExcelApi 1.7) runs the core path; what it lacks is said in one line. Excel's
 * refusals become sentences (keyboard use is tested in the browser: test/e2e).
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelFake } from '../../src/testing/excel-fake';
import { renderPane } from './render';
import { laiChauInFake } from './plans';

jest.setTimeout(60000);

test('Office 2019: the plan is created; drop-downs (1.8) and print set-up (1.9) are left out, each said in a line', async () => {
  const user = userEvent.setup();
  const fake = new ExcelFake({ supportedApi: '1.7' });
  renderPane(fake);
  await user.click(screen.getByRole('button', { name: 'Điền theo kế hoạch mẫu (TP Lai Châu 2024)' }));
  for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
  await screen.findByText(/Sẽ tạo 9 trang/);
  await user.click(screen.getByRole('button', { name: 'Tạo kế hoạch' }));
  expect(await screen.findByText(/Đã tạo xong: 9 trang mới/)).toBeTruthy();
  expect(screen.getByText('Danh sách chọn trong ô cần Excel 2019 trở lên: KH bỏ qua phần này.')).toBeTruthy();
  expect(screen.getByText('Thiết lập trang in cần Excel 2021 trở lên: KH bỏ qua phần này, hãy chọn khổ A4 và vùng in trong Bố trí trang.')).toBeTruthy();
  expect(fake.sheetNames()).toContain('DA4');
});

test('a sheet the officer protected with a password: the refusal says what to do', async () => {
  const user = userEvent.setup();
  const fake = await laiChauInFake();
  await fake.run(async (context) => {
    const p = context.workbook.worksheets.getItem('DA2').protection;
    p.unprotect();
    p.protect({}, 'mật khẩu');
    await context.sync();
  });
  fake.userSelect('DA2', 'H7');
  renderPane(fake, 'tools');
  await user.click(screen.getAllByRole('button', { name: 'Xem trước' })[1]);
  await user.click(await screen.findByRole('button', { name: 'Đổi 1 ô' }));
  expect(await screen.findByText(/trang tính đang được bảo vệ \(có mật khẩu\)\. Hãy bỏ bảo vệ trang/)).toBeTruthy();
  expect(fake.sheet('DA2').cell('H7').value).toBe(530);
});

test('a selection too big for one answer of Excel on the web: the 5 MB sentence', async () => {
  const user = userEvent.setup();
  const fake = new ExcelFake().seed({ S: Array.from({ length: 400 }, (_, r) => [`Céng hßa ${r}`]) });
  fake.responseLimitBytes = 2000;
  fake.userSelect('S', 'A1:A400');
  renderPane(fake, 'tools');
  await user.click(screen.getAllByRole('button', { name: 'Xem trước' })[0]);
  expect(await screen.findByText(/vượt giới hạn 5 MB của Excel trên web/)).toBeTruthy();
});
