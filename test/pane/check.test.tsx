/**
 * @jest-environment jsdom
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane } from './render';
import { laiChauInFake, rowOf } from './plans';

jest.setTimeout(60000);

async function typeOverTotal(fake: Awaited<ReturnType<typeof laiChauInFake>>, cell: string, value: number): Promise<void> {
  // the officer unprotects the sheet (no password) and types over the Tổng formula
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('DA2').protection.unprotect();
    await context.sync();
  });
  fake.userEdit('DA2', cell, value);
  await fake.settled();
}

describe('Kiểm tra', () => {
  test('Lai Châu with its seven amounts: no error; a Tổng typed over: the finding, its cell selected, the quick fix', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    renderPane(fake, 'check');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    expect(await screen.findByText('Không phát hiện lỗi nào.')).toBeTruthy();
    expect(screen.getByText('Lỗi (0)')).toBeTruthy();

    const row = rowOf(fake, 'DA2', 'DA2');
    const total = `E${row}`;
    await typeOverTotal(fake, total, 540);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    const item = (await screen.findByText(/Tổng 540 ≠ tổng các nguồn 530/)).closest('li') as HTMLElement;
    // the typed total is also reported as a number where KH's formula belongs, on the same cell
    expect(screen.getAllByText('Lỗi (2)').length).toBeGreaterThan(0);
    await user.click(within(item).getByRole('button', { name: `Đến ô ${total} (trang DA2)` }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: 'DA2', address: total }));

    await user.click(within(screen.getAllByRole('button', { name: 'Sửa nhanh' })[0].closest('li') as HTMLElement).getByRole('button', { name: 'Sửa nhanh' }));
    await waitFor(() => expect(fake.sheet('DA2').cell(total).formula).toMatch(/^=/));
    expect(await screen.findByText('Không phát hiện lỗi nào.')).toBeTruthy();
  });

  test('checking again on change: an edit on a plan sheet brings the finding without a click', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    renderPane(fake, 'check');
    await user.click(screen.getByRole('switch', { name: 'Tự kiểm tra lại khi số liệu thay đổi' }));
    const row = rowOf(fake, 'DA2', 'DA2');
    await waitFor(() => expect(fake.syncCount).toBeGreaterThan(0));
    // the edit reaches the pane through Excel's event, outside any click
    await act(() => typeOverTotal(fake, `E${row}`, 540));
    expect(await screen.findByText(/Tổng 540 ≠ tổng các nguồn 530/, undefined, { timeout: 8000 })).toBeTruthy();
  });

  test('Office 2016-like host (ExcelApi 1.6): checking on change is disabled with its reason', async () => {
    const fake = await laiChauInFake({ amounts: false, api: '1.7' });
    fake.supportedApi = '1.6';
    renderPane(fake, 'check');
    expect((screen.getByRole('switch', { name: 'Tự kiểm tra lại khi số liệu thay đổi' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/Tự kiểm tra lại không dùng được: cần Excel 2019 trở lên/)).toBeTruthy();
  });

  test('Excel refusing (cell-edit mode) becomes one sentence saying what to do', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    renderPane(fake, 'check');
    fake.failNextSync({ code: 'InvalidOperationInCellEditMode' });
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    expect(await screen.findByText(/Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc/)).toBeTruthy();
  });
});
