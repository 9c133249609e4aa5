/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelFake } from '../../src/testing/excel-fake';
import { renderPane } from './render';

jest.setTimeout(60000);

describe('Tạo kế hoạch', () => {
  test('the Lai Châu example through the four steps: preview, create, the report, on to Kiểm tra', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake);
    await user.click(screen.getByRole('button', { name: 'Điền theo kế hoạch mẫu (TP Lai Châu 2024)' }));
    expect(screen.getByRole('textbox', { name: /Cơ quan ban hành/ })).toHaveProperty('value', 'UBND thành phố Lai Châu');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.getByText('Bước 2/4: Dự án, tiểu dự án')).toBeTruthy();
    expect(screen.getByText('Đã chọn 7 mục')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Tiểu dự án 2: Cải thiện dinh dưỡng' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByText(/Sẽ tạo 9 trang: Thông tin, Tổng hợp, DA2, DA3, DA4, DA6, DA7, Danh mục, _kh/)).toBeTruthy();
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    await user.click(screen.getByRole('button', { name: 'Tạo kế hoạch' }));
    expect(await screen.findByText(/Đã tạo xong: 9 trang mới/)).toBeTruthy();
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Thông tin', 'Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7']));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true'));
  });

  test('a missing field is named on its step and nothing is written', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake);
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    const alert = screen.getByText('Hãy sửa các mục sau:').parentElement as HTMLElement;
    expect(within(alert).getByText('Cơ quan ban hành: chưa nhập')).toBeTruthy();
    expect(within(alert).getByText('Tỉnh: chưa nhập')).toBeTruthy();
    expect(screen.getByText('Bước 1/4: Thông tin kế hoạch')).toBeTruthy();
    expect(fake.syncCount).toBe(0);
  });

  test('picking a Dự án picks all its Tiểu dự án; an ambiguous stated total is refused, not guessed', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake);
    await user.type(screen.getByRole('textbox', { name: /Cơ quan ban hành/ }), 'UBND xã Bình Lư');
    await user.type(screen.getByRole('textbox', { name: /Địa bàn/ }), 'xã Bình Lư');
    await user.type(screen.getByRole('textbox', { name: /^Tỉnh/ }), 'Lai Châu');
    await user.clear(screen.getByRole('textbox', { name: /Kỳ kế hoạch/ }));
    await user.type(screen.getByRole('textbox', { name: /Kỳ kế hoạch/ }), '2025');
    await user.click(screen.getByRole('radio', { name: /^2021–2025/ }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('checkbox', { name: /Chọn cả Dự án 3/ }));
    expect(screen.getByText('Đã chọn 2 mục')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.type(screen.getByRole('textbox', { name: 'Tổng cộng' }), '1,728');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    const summary = screen.getByText('Hãy sửa các mục sau:').parentElement as HTMLElement;
    expect(within(summary).getByText(/Tổng cộng: "1,728" không phải số tiền .*một nghìn bảy trăm hai mươi tám hay một phẩy bảy hai tám/)).toBeTruthy();
    expect(fake.syncCount).toBe(0);
    // the cursor is on the field to fix
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Tổng cộng' }));
  });

  test('a stated total keeps the unit typed with it: "0,05 tỷ đồng" and "5,5 tỷ" in a plan in triệu are 50 and 5.500', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake);
    await user.click(screen.getByRole('button', { name: 'Điền theo kế hoạch mẫu (TP Lai Châu 2024)' }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    // every amount field shows the unit it is read in
    for (const name of ['Tổng cộng', 'Ngân sách trung ương', 'Ngân sách địa phương', 'Vốn lồng ghép']) {
      const box = screen.getByRole('textbox', { name });
      expect(box.parentElement?.textContent).toContain('triệu đồng');
    }
    for (const [name, text] of [['Tổng cộng', '0,05 tỷ đồng'], ['Ngân sách trung ương', '5,5 tỷ'], ['Ngân sách địa phương', '12']]) {
      const box = screen.getByRole('textbox', { name });
      await user.clear(box);
      await user.type(box, text);
    }
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(await screen.findByRole('button', { name: 'Tạo kế hoạch' }));
    await screen.findByText(/Đã tạo xong/);
    const info = fake.sheet('Thông tin').values();
    const stated = (label: string): unknown => info.find((line) => line[0] === label)?.[1];
    expect(stated('Tổng cộng')).toBe(50);
    expect(stated('Ngân sách trung ương')).toBe(5500);
    expect(stated('Ngân sách địa phương')).toBe(12);
  });

  test('Enter in a field goes on to the next step; a refused step puts the cursor on the first field to fix', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake);
    await user.type(screen.getByRole('textbox', { name: /Địa bàn/ }), 'xã Bình Lư');
    await user.type(screen.getByRole('textbox', { name: /Ngày ban hành/ }), '31/02/2024{Enter}');
    // refused: still step 1, cursor on the first field to fix (Cơ quan ban hành, above Địa bàn)
    expect(screen.getByText('Bước 1/4: Thông tin kế hoạch')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Cơ quan ban hành/ }));
    expect(screen.getAllByText('Ngày ban hành: không có ngày 31/02/2024: tháng 2/2024 chỉ có 29 ngày').length).toBeGreaterThan(0);
    await user.type(screen.getByRole('textbox', { name: /Cơ quan ban hành/ }), 'UBND xã Bình Lư');
    await user.type(screen.getByRole('textbox', { name: /^Tỉnh/ }), 'Lai Châu');
    const date = screen.getByRole('textbox', { name: /Ngày ban hành/ });
    await user.clear(date);
    await user.type(date, '29/02/2024{Enter}');
    expect(screen.getByText('Bước 2/4: Dự án, tiểu dự án')).toBeTruthy();
    // nothing chosen: the cursor goes to the first item
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(document.activeElement?.getAttribute('data-field')).toBe('items');
  });
});
