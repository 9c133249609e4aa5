/**
 * @jest-environment jsdom
 *
 * Nhận dạng bảng on the strict fake: the Mường Tè Biểu 01 (merged two-level header, STT I / 1 / a) /
 * -, triệu đồng) read once, corrected without a new read, made a KH plan beside it — the officer's
 * sheet unchanged, the new plan's totals equal the table's.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane } from './render';
import { officerWorkbookInFake } from '../support/officer-fake';
import { loadCase } from '../corpus/cases';
import type { ExcelFake } from '../../src/testing/excel-fake';

jest.setTimeout(120000);

const SHEET = 'Biểu 01';

async function muongTe(): Promise<ExcelFake> {
  const { fake } = await officerWorkbookInFake(await loadCase('01-huyen-bieu01').build());
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(SHEET).activate();
    await context.sync();
  });
  fake.resetCounters();
  return fake;
}

const officerSheet = (fake: ExcelFake): { values: unknown; formulas: unknown } => ({ values: fake.sheet(SHEET).values(), formulas: fake.sheet(SHEET).formulas() });

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string): Promise<void> {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

test('Mường Tè Biểu 01: read in one go, the columns, unit and rows shown; the plan created beside it with the same totals', async () => {
  const user = userEvent.setup();
  const fake = await muongTe();
  const before = officerSheet(fake);
  renderPane(fake, 'recognise');
  await user.click(screen.getByRole('button', { name: 'Đọc trang đang mở' }));
  expect(await screen.findByText(/Bảng ở A8:L40 \(trang Biểu 01\): 30 dòng/)).toBeTruthy();
  // the read: the sheet list and active sheet, then the used range with its merges — two syncs, no more
  expect(fake.syncCount).toBe(2);

  // the merged header read: NSTW's three parts under one merged cell
  expect((screen.getByRole('combobox', { name: 'Cột E: Ngân sách trung ương / Tổng số' }) as HTMLButtonElement).textContent).toBe('Ngân sách trung ương');
  expect(screen.getByRole('combobox', { name: 'Cột F: Ngân sách trung ương / Vốn đầu tư phát triển' }).textContent).toBe('NSTW đầu tư phát triển');
  expect(screen.getByRole('combobox', { name: 'Cột I: Vốn lồng ghép' }).textContent).toBe('Vốn lồng ghép');
  expect(screen.getByRole('combobox', { name: 'Đơn vị tính của bảng' }).textContent).toBe('triệu đồng');
  expect(screen.getByText('Chắc chắn: bảng ghi "Đơn vị tính".')).toBeTruthy();
  // rows: STT I / 1 / a) / -, the item each is
  expect((screen.getByRole('combobox', { name: 'Mục của dòng 12' }) as HTMLSelectElement).value).toBe('DA1');
  expect((screen.getByRole('combobox', { name: 'Mục của dòng 26' }) as HTMLSelectElement).value).toBe('DA3.TDA2');
  // facts from the heading
  // the facts are filled from the heading a moment after the table appears
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Kỳ kế hoạch (năm)' }) as HTMLInputElement).value).toBe('2024'));
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Cơ quan ban hành' }) as HTMLInputElement).value).toBe('UBND huyện Mường Tè'));
  // the table does not say the province nor whether the district is poor: said, not guessed
  expect(screen.getByText(/Bảng không cho biết tỉnh/)).toBeTruthy();
  const create = screen.getByRole('button', { name: 'Tạo kế hoạch KH từ bảng này' }) as HTMLButtonElement;
  expect(create.disabled).toBe(true);
  await user.type(screen.getByRole('textbox', { name: 'Tỉnh' }), 'Lai Châu');
  await choose(user, 'Huyện nghèo / xã đặc biệt khó khăn vùng bãi ngang', 'Có');
  expect(fake.syncCount).toBe(2);
  await waitFor(() => expect(create.disabled).toBe(false));
  expect(screen.getByText('Không còn gì cần xem lại: có thể tạo kế hoạch.')).toBeTruthy();

  fake.resetCounters();
  await user.click(create);
  const outcome = await screen.findByText(/Tổng của kế hoạch mới bằng đúng tổng của bảng: 23\.390 triệu đồng/, undefined, { timeout: 60000 });
  expect(within(outcome.closest('[role="status"]') as HTMLElement).getByText(/Đã tạo kế hoạch từ bảng/)).toBeTruthy();
  const syncs = fake.syncCount;
  // plan: read + write; annexes: list + read + write; the proof: list + read — 7 here, whatever the rows
  expect(syncs).toBeLessThanOrEqual(8);
  expect(fake.sheetNames()).toEqual(expect.arrayContaining([SHEET, 'Thông tin', 'Tổng hợp', 'DA1']));
  // the officer's sheet: every value and formula as it was
  expect(officerSheet(fake)).toEqual(before);
});

test('a column said to hold another source, and the unit corrected: the result changes without reading again', async () => {
  const user = userEvent.setup();
  const fake = await muongTe();
  renderPane(fake, 'recognise');
  await user.click(screen.getByRole('button', { name: 'Đọc trang đang mở' }));
  await screen.findByText(/Bảng ở A8:L40/);
  const reads = fake.syncCount;

  // Vốn lồng ghép is not money of the plan: the column drops out of the sources, and stays listed to undo
  await choose(user, 'Cột I: Vốn lồng ghép', 'Không phải cột tiền');
  expect(screen.getByRole('combobox', { name: 'Cột I: Vốn lồng ghép' }).textContent).toBe('Không phải cột tiền');
  // the header Vốn tín dụng becomes huy động: two columns of one source is said, with its cell
  await choose(user, 'Cột J: Vốn tín dụng chính sách', 'Huy động khác');
  expect(await screen.findByText(/Cột ở ô K\d+ \("Vốn huy động hợp pháp khác"\) cùng nguồn vốn với cột ở ô J\d+/)).toBeTruthy();
  await choose(user, 'Cột J: Vốn tín dụng chính sách', 'Tín dụng chính sách');

  await choose(user, 'Đơn vị tính của bảng', 'nghìn đồng');
  expect(screen.getByText('Do anh/chị chọn.')).toBeTruthy();
  expect(screen.getByRole('combobox', { name: 'Đơn vị tính của bảng' }).textContent).toBe('nghìn đồng');
  // a row made a different item: DA2's row said to be DA3.TDA1 — its own row code changes
  await user.selectOptions(screen.getByRole('combobox', { name: 'Mục của dòng 26' }), 'DA3.TDA1');
  expect((screen.getByRole('combobox', { name: 'Mục của dòng 26' }) as HTMLSelectElement).value).toBe('DA3.TDA1');
  // every correction ran on the same read
  expect(fake.syncCount).toBe(reads);

  await user.type(screen.getByRole('textbox', { name: 'Tỉnh' }), 'Lai Châu');
  await choose(user, 'Huyện nghèo / xã đặc biệt khó khăn vùng bãi ngang', 'Có');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Mục của dòng 26' }), 'DA3.TDA2');
  const create = screen.getByRole('button', { name: 'Tạo kế hoạch KH từ bảng này' }) as HTMLButtonElement;
  await waitFor(() => expect(create.disabled).toBe(false));
  await user.click(create);
  const done = (await screen.findByText(/Đã tạo kế hoạch từ bảng/, undefined, { timeout: 60000 })).closest('[role="status"]') as HTMLElement;
  // in nghìn đồng the table's Tổng cộng is 23,39 triệu; without lồng ghép the plan's sources add to
  // 23,09: the officer's typed Tổng column still holds the 300 of lồng ghép, and the pane says so
  expect(within(done).getByText('Tổng của kế hoạch mới khác tổng của bảng:')).toBeTruthy();
  expect(within(done).getByText('Tổng cộng: bảng 23,39, kế hoạch 23,09 (triệu đồng)')).toBeTruthy();
  expect(within(done).queryByText(/Vốn lồng ghép/)).toBeNull();
});

test('a problem names its cell and "Đến ô" selects it on the officer\'s sheet', async () => {
  const user = userEvent.setup();
  const fake = await muongTe();
  renderPane(fake, 'recognise');
  await user.click(screen.getByRole('button', { name: 'Đọc trang đang mở' }));
  await screen.findByText(/Bảng ở A8:L40/);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Mục của dòng 19' }), '');
  const problem = (await screen.findByText(/Dòng 20 .* không thuộc dự án, tiểu dự án nào/)).closest('li') as HTMLElement;
  await user.click(within(problem).getByRole('button', { name: 'Đến ô B20 (trang Biểu 01)' }));
  await waitFor(() => expect(fake.selection).toEqual({ sheet: SHEET, address: 'B20' }));
});
