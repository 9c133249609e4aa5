/**
 * @jest-environment jsdom
 *
 * No internal word reaches the officer: not in the message catalogue, not on any view of the pane
 * as it is used, not on the sheets KH writes for the officer to read (Kiểm tra, Danh mục). Internal
 * words: the very hidden "_kh" sheet, requirement sets (ExcelApi 1.17), quoted references
 * ('DA3'!F8), rule ids (COUNTERPART), how many cells were written, "bẫy 1.005", the catalogue's
 * kinds in English (project, subproject), empty brackets where a value is missing.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from '../../src/core/i18n/vi';
import { en } from '../../src/core/i18n/en';
import { RULES } from '../../src/core/checks/rules';
import { ExcelFake } from '../../src/testing/excel-fake';
import { REPORT_SHEET } from '../../src/core/checks/report';
import { renderPane } from './render';
import { laiChauInFake, rowOf } from './plans';
import { officerWorkbookInFake } from '../support/officer-fake';
import { loadCase } from '../corpus/cases';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { generatePlan } from '../../src/workbook/operations';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { FRIDAY, MONDAY } from '../province/versions';

// jsdom hides Node's TextDecoder, which browsers have (the picked .xlsx is decoded with it)
const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;

jest.setTimeout(90000);

const RULE_IDS = [...RULES.map((r) => r.id), 'LAYOUT'];

/** What must not reach an officer, each with why. */
const INTERNAL: ReadonlyArray<[RegExp, string]> = [
  [/(^|[^\w])_kh\b/, 'the very hidden sheet'],
  [/ExcelApi|SharedRuntime|CustomFunctionsRuntime/, 'a requirement set'],
  [/'[^']+'!\$?[A-Z]+\$?\d/, 'a quoted reference'],
  [/Sẽ ghi|ô đã ghi|cells written|will be written/, 'a count of cells written'],
  [/\bbẫy\b|\btrap\b/, 'the developers\' name for the 1.005 problem'],
  [/\bundefined\b|\bNaN\b|\[object /, 'a program value'],
  [/\(\s*\)/, 'empty brackets: a value missing'],
  [new RegExp(`(?<![.\\w])(${RULE_IDS.join('|')})(?![\\w(])`), 'a rule id'],
];

const VI_ONLY: ReadonlyArray<[RegExp, string]> = [[/\b(sub)?project\b|\bcomponent\b/, 'a kind of the catalogue in English']];

function internal(text: string, lang: 'vi' | 'en' = 'vi'): string[] {
  return [...INTERNAL, ...(lang === 'vi' ? VI_ONLY : [])].filter(([re]) => re.test(text)).map(([, why]) => why);
}

/** Catalogue entries written for the officer: the command's (cli.*, input.*) are for IT staff. */
const FOR_OFFICERS = (key: string): boolean => !/^(cli|input)\./.test(key);

test('the catalogue, both languages: no internal word in any sentence an officer reads', () => {
  const found: string[] = [];
  for (const [lang, catalogue] of [['vi', vi], ['en', en]] as const) {
    for (const [key, text] of Object.entries(catalogue)) {
      if (!FOR_OFFICERS(key)) continue;
      // placeholders are filled with the officer's data
      for (const why of internal(text.replace(/\{\w+\}/g, 'X'), lang)) found.push(`${lang} ${key}: ${why}`);
    }
  }
  expect(found).toEqual([]);
});

test('the check itself catches each kind of internal word', () => {
  for (const text of ["Đến ô 'DA3'!F8", 'Excel này (ExcelApi 1.17)', 'Sẽ ghi 882 ô', 'Số lưu dạng chữ, bẫy 1.005', 'không có trang _kh', 'COUNTERPART', 'Vốn theo dự án và nguồn ()', 'subproject']) {
    expect({ text, caught: internal(text).length > 0 }).toEqual({ text, caught: true });
  }
  for (const text of ['Đến ô F8 (trang DA3)', '=KH.ROLLUP(A2:A12; D2:E12)', 'KH.DOIUNG(NSĐP; NSTW; [nhóm_tỉnh])', 'Vốn đối ứng NSĐP']) expect({ text, caught: internal(text) }).toEqual({ text, caught: [] });
});

describe('the views as they are used', () => {
  const seen: string[] = [];
  const look = (root: HTMLElement, where: string): void => {
    for (const why of internal(root.textContent ?? '')) seen.push(`${where}: ${why}`);
    for (const el of root.querySelectorAll('[aria-label], [title]')) {
      for (const why of internal(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`)) seen.push(`${where} (label): ${why}`);
    }
  };

  test('an empty workbook: the wizard to its preview, Kiểm tra and Biểu before any plan, Cài đặt on Excel 2019', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake({ supportedApi: '1.8' });
    const { container } = renderPane(fake);
    await user.click(screen.getByRole('button', { name: 'Điền theo kế hoạch mẫu (TP Lai Châu 2024)' }));
    for (let i = 0; i < 3; i++) {
      look(container, `Tạo kế hoạch, bước ${i + 1}`);
      await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    }
    await screen.findByText(/Sẽ tạo 9 trang/);
    look(container, 'Tạo kế hoạch, xem trước');

    await user.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    await screen.findByText(/Sổ tính trống: chưa có gì để kiểm tra/);
    expect(screen.queryByText('Không phát hiện lỗi nào.')).toBeNull();
    look(container, 'Kiểm tra, sổ tính trống');

    await user.click(screen.getByRole('tab', { name: 'Biểu' }));
    await screen.findByText(/chưa có kế hoạch của KH nên chưa làm được biểu/);
    expect((screen.getByRole('button', { name: 'Tạo / làm mới các biểu' }) as HTMLButtonElement).disabled).toBe(true);
    look(container, 'Biểu, chưa có kế hoạch');
    // the way on: to the wizard
    await user.click(screen.getByRole('button', { name: 'Sang thẻ Tạo kế hoạch' }));
    expect(screen.getByRole('tab', { name: 'Tạo kế hoạch' }).getAttribute('aria-selected')).toBe('true');

    await user.click(screen.getByRole('tab', { name: 'Cài đặt' }));
    look(container, 'Cài đặt, Excel 2019');
    await user.click(screen.getByRole('tab', { name: 'Tạo kế hoạch' }));
    // the wizard kept its place: the preview, with its button
    await user.click(screen.getByRole('button', { name: 'Tạo kế hoạch' }));
    await screen.findByText(/Đã tạo xong/);
    look(container, 'Tạo kế hoạch, xong');
    // Danh mục names the kinds in Vietnamese
    const kinds = new Set(fake.sheet('Danh mục').values().slice(1).map((line) => line[3]).filter(Boolean));
    expect([...kinds].sort()).toEqual(['dự án', 'tiểu dự án']);
  });

  test('a plan with a finding: text where a number belongs (#VALUE!) and its advice; the Kiểm tra sheet; the annexes', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    const { container } = renderPane(fake, 'check');
    const row = rowOf(fake, 'DA3', 'DA3.TDA2');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('DA3').protection.unprotect();
      await context.sync();
    });
    fake.userEdit('DA3', `H${row}`, '200 triệu');
    fake.setComputedValue('DA3', `F${row}`, '#VALUE!');
    await fake.settled();
    await user.click(screen.getByRole('checkbox', { name: /Ghi trang "Kiểm tra"/ }));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    // one cause, one finding: the text typed in H is named with the number to type; the #VALUE! it
    // causes in F is not listed a second time
    const item = (await screen.findByText(new RegExp(`Ô H${row} chứa số dạng chữ "200 triệu"`))).closest('li') as HTMLElement;
    expect(within(item).getByText(/Nhập lại thành số \(200\)/)).toBeTruthy();
    expect(within(item).queryByText(/=G\d+\+H\d+/)).toBeNull();
    expect(screen.queryByText(new RegExp(`Ô F${row} báo lỗi`))).toBeNull();
    look(container, 'Kiểm tra, có lỗi');
    const report = fake.sheet(REPORT_SHEET).values().flat().filter((v) => typeof v === 'string').join('\n');
    for (const why of internal(report)) seen.push(`trang Kiểm tra: ${why}`);
    expect(report).toContain('200 triệu');
    expect(report).not.toContain('Ô báo lỗi (#REF!, #VALUE!, #NAME?)');

    await user.click(screen.getByRole('tab', { name: 'Biểu' }));
    await user.click(screen.getByRole('button', { name: 'Tạo / làm mới các biểu' }));
    await screen.findByText(/Tạo mới: Biểu 01/);
    await act(() => new Promise((r) => setTimeout(r, 200)));
    look(container, 'Biểu, đã làm');
    await user.click(screen.getByRole('tab', { name: 'Công cụ' }));
    look(container, 'Công cụ');
  });

  test('an officer\'s own table: Kiểm tra offers it, Nhận dạng bảng reads it, a column unsettled, the plan made from it', async () => {
    const user = userEvent.setup();
    const { fake } = await officerWorkbookInFake(await loadCase('01-huyen-bieu01').build());
    const { container } = renderPane(fake, 'check');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    await screen.findByText('Trang "Biểu 01" có bảng kế hoạch vốn do anh/chị tự lập. KH có thể nhận bảng này làm kế hoạch.');
    look(container, 'Kiểm tra, bảng tự lập');
    await user.click(screen.getByRole('button', { name: 'Nhận dạng bảng này' }));
    expect(screen.getByRole('tab', { name: 'Nhận dạng bảng' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Đọc trang đang mở' }));
    await screen.findByText(/Bảng ở A8:L40/);
    await user.click(screen.getByRole('combobox', { name: 'Cột J: Vốn tín dụng chính sách' }));
    await user.click(await screen.findByRole('option', { name: 'Huy động khác' }));
    await screen.findByText(/cùng nguồn vốn với cột/);
    look(container, 'Nhận dạng bảng, cần xem lại');
    await user.click(screen.getByRole('combobox', { name: 'Cột J: Vốn tín dụng chính sách' }));
    await user.click(await screen.findByRole('option', { name: 'Tín dụng chính sách' }));
    await user.type(screen.getByRole('textbox', { name: 'Tỉnh' }), 'Lai Châu');
    await user.click(screen.getByRole('combobox', { name: 'Huyện nghèo / xã đặc biệt khó khăn vùng bãi ngang' }));
    await user.click(await screen.findByRole('option', { name: 'Có' }));
    await user.click(screen.getByRole('button', { name: 'Tạo kế hoạch KH từ bảng này' }));
    await screen.findByText(/Tổng của kế hoạch mới bằng đúng tổng của bảng/, undefined, { timeout: 60000 });
    look(container, 'Nhận dạng bảng, đã tạo kế hoạch');
  }, 300_000); // a safety cap: the walk reads, adopts and builds the annexes on the fake

  test('Kiểm tra on Friday\'s plan: the fingerprint, and Đối chiếu với bản trước against Monday\'s file', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake({ supportedApi: '1.17' });
    const made = await generatePlan((b) => fake.run(b as never), FRIDAY, fake);
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    await fake.settled();
    const { container } = renderPane(fake, 'check');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra ngay' }));
    await screen.findByRole('group', { name: 'Dấu vân tay số liệu' });
    const built = buildPlanWorkbook(MONDAY);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const bytes = new Uint8Array(await descriptionToXlsx(built.description));
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'thu-hai.xlsx');
    Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    await user.upload(screen.getByLabelText('Tệp bản trước (.xlsx)'), file);
    await screen.findByText(/thu-hai\.xlsx → bảng tính đang mở/);
    look(container, 'Kiểm tra, đối chiếu với bản trước');
  });

  test('nothing internal was seen on any of them', () => {
    expect(seen).toEqual([]);
  });
});
