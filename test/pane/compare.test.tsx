/**
 * @jest-environment jsdom
 *
 * Kiểm tra's fingerprint and Đối chiếu với bản trước, on the strict Excel fake: the open workbook
 * read in two syncs, the earlier version picked as a file and read in the browser reader, the
 * exact changes listed; the fingerprint the pane shows is the one `kh check` prints for the file.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelFake } from '../../src/testing/excel-fake';
import { generatePlan } from '../../src/workbook/operations';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks } from '../../src/core/checks/engine';
import { fingerprintOf } from '../../src/core/province/fingerprint';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import type { PlanSpec } from '../../src/core/plan';
import { renderPane } from './render';
import { FRIDAY, MONDAY } from '../province/versions';

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;

jest.setTimeout(60000);

async function planInFake(spec: PlanSpec): Promise<ExcelFake> {
  const fake = new ExcelFake({ supportedApi: '1.17' });
  const out = await generatePlan((b) => fake.run(b as never), spec, fake);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  await fake.settled();
  fake.resetCounters();
  return fake;
}

async function xlsxOf(spec: PlanSpec): Promise<Uint8Array> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return new Uint8Array(await descriptionToXlsx(built.description));
}

function fileOf(bytes: Uint8Array, name: string): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

test('Kiểm tra shows the fingerprint of the figures, the very value kh check gives for the same plan as a file', async () => {
  const user = userEvent.setup();
  const fake = await planInFake(LAI_CHAU_2024);
  renderPane(fake, 'check');
  await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
  const group = await screen.findByRole('group', { name: 'Dấu vân tay số liệu' });
  const expected = fingerprintOf(runChecks(await xlsxToSnapshot(Buffer.from(await xlsxOf(LAI_CHAU_2024)))).model.tables);
  expect(within(group).getByText(expected.value)).toBeTruthy();
  expect(within(group).getByText(`${expected.rows} dòng chi tiết, ${expected.tables} bảng`)).toBeTruthy();
  // one đồng more on one row and the pane's fingerprint is another
  expect(fingerprintOf(runChecks(await xlsxToSnapshot(Buffer.from(await xlsxOf({ ...LAI_CHAU_2024, items: LAI_CHAU_2024.items.map((i) => (i.code === 'DA4.TDA3' ? { ...i, amounts: { centralRecurrent: 81.000001 } } : i)) })))).model.tables).value).not.toBe(expected.value);
});

test('Friday open, Monday picked: exactly the five changes, the stated total that no longer matches, in 2 syncs', async () => {
  const user = userEvent.setup();
  const fake = await planInFake(FRIDAY);
  renderPane(fake, 'check');
  await user.upload(screen.getByLabelText('Tệp bản trước (.xlsx)'), fileOf(await xlsxOf(MONDAY), 'thu-hai.xlsx'));
  const section = (await screen.findByText(/thu-hai\.xlsx → bảng tính đang mở \(số tiền theo triệu đồng\)/)).closest('section') as HTMLElement;
  // one read of the open workbook: the list of sheets, then every sheet at once
  expect(fake.syncCount).toBe(2);
  const items = (heading: RegExp): string[] => {
    const h = within(section).getByRole('heading', { name: heading });
    return [...(h.parentElement?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
  };
  expect(within(section).queryByRole('heading', { name: /Dòng thêm/ })).toBeNull();
  expect(items(/Dòng bỏ \(1\)/)).toEqual(['Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều (DA6.TDA2)Số tiền: NSTW sự nghiệp 17ở bản trước: ô B8 trang DA6']);
  expect(items(/Dòng chuyển sang dự án khác \(1\)/)).toEqual([expect.stringMatching(/^"Mô hình trồng cây ăn quả": DA2 \(DA2!B\d+\) → DA3\.TDA1 \(DA3!B\d+\)Đến ô B\d+ trang DA3$/)]);
  expect(items(/Số tiền thay đổi \(1\)/)).toEqual([expect.stringMatching(/^Tiểu dự án 3: Hỗ trợ việc làm bền vững \(DA4\.TDA3\)NSTW sự nghiệp: 81 → 95 \(chênh lệch \+14\)Đến ô [A-Z]+\d+ trang DA4$/)]);
  expect(items(/Chữ thay đổi \(2\)/)).toEqual([
    expect.stringMatching(/^Mô hình nuôi bò sinh sản cho hộ nghèo \(DA2\)tên: "Mô hình nuôi bò sinh sản" → "Mô hình nuôi bò sinh sản cho hộ nghèo"/),
    expect.stringMatching(/^.* \(DA7\.TDA1\)đơn vị thực hiện: "Phòng Lao động - Thương binh và Xã hội thành phố" → "Văn phòng HĐND-UBND thành phố"/),
  ]);
  // the findings new since Monday: the stated total 1.728 against the rows' 1.725, each naming its cell on Thông tin
  const appeared = items(/Lỗi \/ cảnh báo mới xuất hiện/);
  expect(appeared.length).toBeGreaterThan(0);
  for (const text of appeared) expect(text).toMatch(/1\.728.*1\.725.*Đến ô [A-Z]+\d+ trang Thông tin$/);
  const stated = within(section).getByRole('heading', { name: /Lỗi \/ cảnh báo mới xuất hiện/ }).parentElement as HTMLElement;
  const link = within(stated).getAllByRole('button', { name: /^Đến ô/ })[0];
  const cell = /^Đến ô ([A-Z]+\d+) trang Thông tin$/.exec(link.textContent ?? '')?.[1];
  await user.click(link);
  await waitFor(() => expect(fake.selection).toEqual({ sheet: 'Thông tin', address: cell }));

  // the amount's link selects its cell in the open workbook
  const amountItem = within(section).getByText(/81 → 95/).closest('li') as HTMLElement;
  await user.click(within(amountItem).getByRole('button', { name: /^Đến ô/ }));
  await waitFor(() => expect(fake.selection?.sheet).toBe('DA4'));

  // the same file picked against itself: nothing differs
  fake.resetCounters();
  await user.upload(screen.getByLabelText('Tệp bản trước (.xlsx)'), fileOf(await xlsxOf(FRIDAY), 'thu-sau.xlsx'));
  expect(await screen.findByText('Hai bản có cùng số liệu, cùng tên và đơn vị thực hiện của các dòng chi tiết.')).toBeTruthy();
  expect(fake.syncCount).toBe(2);
});

test('Monday open, Friday picked: the stated-total findings have disappeared, each naming its cell in the earlier file (no link: that file is not open); a link to a sheet deleted since says so', async () => {
  const user = userEvent.setup();
  const fake = await planInFake(MONDAY);
  renderPane(fake, 'check');
  await user.upload(screen.getByLabelText('Tệp bản trước (.xlsx)'), fileOf(await xlsxOf(FRIDAY), 'thu-sau.xlsx'));
  const section = (await screen.findByText(/thu-sau\.xlsx → bảng tính đang mở/)).closest('section') as HTMLElement;
  expect(fake.syncCount).toBe(2);
  expect(within(section).queryByRole('heading', { name: /Lỗi \/ cảnh báo mới xuất hiện/ })).toBeNull();
  const heading = within(section).getByRole('heading', { name: /Lỗi \/ cảnh báo đã hết/ });
  const gone = [...((heading.parentElement as HTMLElement).querySelectorAll('li') ?? [])];
  expect(gone.length).toBeGreaterThan(0);
  for (const li of gone) {
    expect(li.textContent).toMatch(/1\.728.*1\.725.*ở bản trước: ô [A-Z]+\d+ trang Thông tin$/);
    expect(within(li).queryByRole('button')).toBeNull();
  }

  // DA4 deleted after the comparison: its link says so under it and asks to compare again
  await fake.run(async (context: { workbook: { worksheets: { getItem(n: string): { delete(): void } } }; sync(): Promise<void> }) => {
    context.workbook.worksheets.getItem('DA4').delete();
    await context.sync();
  });
  const amountItem = within(section).getByText(/95 → 81/).closest('li') as HTMLElement;
  await user.click(within(amountItem).getByRole('button', { name: /^Đến ô [A-Z]+\d+ trang DA4$/ }));
  expect((await within(amountItem).findByRole('alert')).textContent).toBe('Bảng tính đang mở không còn trang DA4 (có thể vừa bị xoá hoặc đổi tên): hãy bấm "So lại với bảng tính đang mở" để so với bảng tính như bây giờ');
  expect(within(section).getAllByRole('alert')).toHaveLength(1);
});

test('a PDF picked as the earlier version is refused with its sentence, nothing read from Excel', async () => {
  const user = userEvent.setup();
  const fake = await planInFake(LAI_CHAU_2024);
  renderPane(fake, 'check');
  await user.upload(screen.getByLabelText('Tệp bản trước (.xlsx)'), fileOf(new TextEncoder().encode('%PDF-1.7'), 'scan.pdf'));
  expect((await screen.findByRole('alert')).textContent).toBe('scan.pdf không phải tệp Excel (.xlsx): hãy chọn tệp .xlsx của bản trước');
  expect(fake.syncCount).toBe(0);
});
