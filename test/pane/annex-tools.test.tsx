/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelFake } from '../../src/testing/excel-fake';
import { renderPane } from './render';
import { laiChauInFake } from './plans';

jest.setTimeout(60000);

describe('Biểu', () => {
  test('builds the annexes: the report, the totals, 1.728 in words, the chart in the pane and in Tổng hợp', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    renderPane(fake, 'annex');
    expect(await screen.findByText('Tổng cộng: 1.728 triệu đồng')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tạo / làm mới các biểu' }));
    expect(await screen.findByText(/Tạo mới: Biểu 01, Biểu 02, Biểu 03, Chỉ tiêu/)).toBeTruthy();
    const totals = screen.getByRole('table', { name: 'Tổng các biểu (triệu đồng)' });
    expect(within(totals).getByText('Vốn Chương trình (Biểu 01)').closest('tr')?.textContent).toContain('1.728');
    expect(screen.getByText('Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Vốn theo dự án và nguồn \(triệu đồng\)\. DA2: 530; DA3: 342; DA4: 766; DA6: 17; DA7: 73/ })).toBeTruthy();
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu']));

    await user.click(screen.getByRole('button', { name: 'Vẽ biểu đồ trong trang Tổng hợp' }));
    expect(await screen.findByText(/Đã vẽ biểu đồ trong trang Tổng hợp/)).toBeTruthy();
    expect(fake.sheet('Tổng hợp').charts.map((c) => c.name)).toEqual(['KH_BieuDo']);

    await user.click(screen.getByRole('button', { name: 'Mở Biểu 01' }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: 'Biểu 01', address: 'A1' }));
  });

  test('Office 2016-like host: reading the plan is refused and said so; no chart is offered', async () => {
    const fake = await laiChauInFake({ amounts: true, api: '1.7' });
    fake.supportedApi = '1.6';
    renderPane(fake, 'annex');
    // below the core path (1.7, which the manifest asks for) reading the plan is refused, and said so
    expect(await screen.findByText(/Phiên bản Excel này thiếu chức năng cần dùng/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vẽ biểu đồ trong trang Tổng hợp' })).toBeNull();
  });
});

describe('Công cụ', () => {
  test('TCVN3 in the selection: preview before → after, then convert; the cell reads Unicode in Times New Roman', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake().seed({ 'Báo cáo': [['Céng hßa x· héi chñ nghÜa ViÖt Nam']] });
    fake.userSelect('Báo cáo', 'A1');
    renderPane(fake, 'tools');
    await user.click(screen.getAllByRole('button', { name: 'Xem trước' })[0]);
    const table = await screen.findByRole('table', { name: 'Chuyển chữ TCVN3 / VNI sang Unicode' });
    expect(within(table).getByText('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBeTruthy();
    expect(fake.sheet('Báo cáo').cell('A1').value).toBe('Céng hßa x· héi chñ nghÜa ViÖt Nam');
    await user.click(screen.getByRole('button', { name: 'Chuyển 1 ô' }));
    expect(await screen.findByText('Đã chuyển 1 ô sang Unicode, phông Times New Roman.')).toBeTruthy();
    expect(fake.sheet('Báo cáo').cell('A1')).toMatchObject({ value: 'Cộng hòa xã hội chủ nghĩa Việt Nam', font: { name: 'Times New Roman' } });
  });

  test('units of the selection, amount in words written beside the cell, send-safe', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake().seed({ S: [[1728, null], [530, '=A1+A2']] });
    fake.userSelect('S', 'A1');
    renderPane(fake, 'tools');
    await user.click(screen.getByRole('button', { name: 'Đọc ô đang chọn' }));
    expect(await screen.findByText('A1: Một tỷ bảy trăm hai mươi tám triệu đồng')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ghi vào ô bên phải (B1)' }));
    await waitFor(() => expect(fake.sheet('S').cell('B1').value).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng'));

    fake.userSelect('S', 'A2:B2');
    await user.click(screen.getAllByRole('button', { name: 'Xem trước' })[1]);
    expect(await screen.findByText('Giữ nguyên 1 ô công thức (chúng tự tính lại theo số mới).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Đổi 1 ô' }));
    expect(await screen.findByText('Đã đổi 1 ô từ triệu đồng sang tỷ đồng.')).toBeTruthy();
    expect(fake.sheet('S').cell('A2').value).toBe(0.53);

    await user.click(screen.getByRole('button', { name: 'Chuẩn bị gửi đi' }));
    expect(await screen.findByText('Không có hàm KH.* nào: sổ tính đã sẵn sàng gửi đi.')).toBeTruthy();
  });

  test('Office 2019 (1.7): the convert tool says it detects by characters', async () => {
    const fake = new ExcelFake({ supportedApi: '1.7' });
    renderPane(fake, 'tools');
    expect(screen.getByText(/Excel này không cho biết phông chữ của ô \(cần Excel 2021 trở lên\)/)).toBeTruthy();
  });
});

describe('Cài đặt', () => {
  test('English switches every view; settings are kept on this machine; the capabilities of a 1.7 host', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake({ supportedApi: '1.7' });
    const { storage } = renderPane(fake, 'settings');
    expect(screen.getByText('Tự kiểm tra khi số liệu đổi: có')).toBeTruthy();
    expect(screen.getByText(/Thiết lập trang in của các biểu: không có — cần Excel 2021 trở lên/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'lẻ (một trăm lẻ năm)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Thêm "chẵn" khi số tròn nghìn' }));
    expect(screen.getByText('Ví dụ: Một triệu một trăm lẻ năm nghìn đồng chẵn')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('tab', { name: 'Check' })).toBeTruthy();
    expect(screen.getByText('Checking when figures change: yes')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(storage.getItem('kh.settings.v1') as string)).toMatchObject({ lang: 'en', words: { zeroTens: 'lẻ', chan: true } });
  });

  test('a tolerance that is not a number is refused and named', async () => {
    const user = userEvent.setup();
    renderPane(new ExcelFake(), 'settings');
    await user.type(screen.getByRole('textbox', { name: /Sai số cho phép/ }), 'một');
    expect(screen.getByText('"một" không phải số không âm')).toBeTruthy();
  });
});
