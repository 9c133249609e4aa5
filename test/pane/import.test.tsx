/**
 * @jest-environment jsdom
 */
/**
 * Nhập từ văn bản in the pane: a .docx of the Lai Châu plan (built in the test) picked with the
 * file input, read in the page; the facts, items and stated totals shown with their sections, the
 * document's errors listed; the plan created in the Excel fake through the wizard's path, its
 * Tổng hợp giving 1.728. A PDF is refused in one sentence and nothing is written.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelFake } from '../../src/testing/excel-fake';
import { docxFromText } from '../support/docx-builder';
import { requireOrSkip } from '../support/requirements';
import { renderPane } from './render';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../src/core/i18n';

jest.setTimeout(60000);

// jsdom hides Node's TextDecoder/TextEncoder, which browsers have
const g = globalThis as unknown as Record<string, unknown>;
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;

const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'examples');
const describeIfExamples = requireOrSkip(existsSync(EXAMPLES), `the real plans in ${EXAMPLES}`) ? describe : describe.skip;

/** A File whose bytes the view reads with arrayBuffer(), as a browser's does. */
function fileOf(bytes: Uint8Array, name: string, type: string): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

describeIfExamples('Nhập từ văn bản', () => {
  test('the Lai Châu .docx: what was read with sections, the errors, then the plan created (1.728)', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake, 'import');
    const text = readFileSync(join(EXAMPLES, 'ke-hoach-2024-tp-lai-chau.txt'), 'utf8');
    const docx = new Uint8Array(await docxFromText(text));
    await user.upload(screen.getByLabelText('Chọn văn bản kế hoạch (.docx, .txt)'), fileOf(docx, 'ke-hoach-2024.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    expect(await screen.findByText('Đã đọc ke-hoach-2024.docx: 7 mục, cộng 1.728 triệu đồng.')).toBeTruthy();
    expect(screen.getByText('UBND thành phố Lai Châu')).toBeTruthy();
    const item = screen.getByRole('listitem', { name: 'DA4.TDA1' });
    expect(within(item).getByText('NSTW vốn sự nghiệp: 685')).toBeTruthy();
    expect(within(item).getByText('mục III.4.1.đ: «Nguồn vốn thực hiện: Dự kiến 685 triệu đồng.»')).toBeTruthy();
    const findings = screen.getByRole('list', { name: 'Kiểm tra văn bản: 0 lỗi, 5 cảnh báo, 1 thông tin' });
    expect(within(findings).getByText('Số mục "V." được dùng hai lần')).toBeTruthy();
    expect(within(findings).getByText('mục V: «V. Tổ chức thực hiện»')).toBeTruthy();
    expect(within(findings).getAllByText('Văn bản ghi "năm 2023" trong kế hoạch năm 2024: có thể còn sót từ kế hoạch năm trước')).toHaveLength(2);
    expect(fake.syncCount).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Tạo kế hoạch từ văn bản' }));
    expect(await screen.findByText(/Đã tạo kế hoạch từ văn bản: 9 trang mới/)).toBeTruthy();
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Thông tin', 'Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7']));
    const summary = fake.sheet('Tổng hợp').values();
    expect(summary[6][1]).toBe('TỔNG CỘNG');
    // the project sheets hold the amounts the document gave; the fake computes no formulas, so add the leaves
    const sn = ['DA2', 'DA3', 'DA4', 'DA6', 'DA7'].flatMap((s) => fake.sheet(s).values().filter((r) => r[15] === 'chi tiết').map((r) => Number(r[7] ?? 0)));
    expect(sn.reduce((a, b) => a + b, 0)).toBe(1728);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true'));
  });

  test('a PDF is refused in one sentence naming the file; nothing is written', async () => {
    // a file the picker's filter would hide (the officer chose "All files")
    const user = userEvent.setup({ applyAccept: false });
    const fake = new ExcelFake();
    renderPane(fake, 'import');
    await user.upload(screen.getByLabelText('Chọn văn bản kế hoạch (.docx, .txt)'), fileOf(new TextEncoder().encode('%PDF-1.7 …'), 'scan.pdf', 'application/pdf'));
    expect((await screen.findByRole('alert')).textContent).toBe('scan.pdf là tệp PDF: KH cần tệp Word (.docx) hoặc văn bản (.txt) của kế hoạch, hãy xin người gửi tệp .docx');
    expect(fake.syncCount).toBe(0);
  });

  test('the province group the document never states, chosen here, runs the counterpart check', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake, 'import');
    const text = readFileSync(join(EXAMPLES, 'ke-hoach-2024-tp-lai-chau.txt'), 'utf8');
    await user.upload(screen.getByLabelText('Chọn văn bản kế hoạch (.docx, .txt)'), fileOf(new TextEncoder().encode(text), 'lai-chau.txt', 'text/plain'));
    await screen.findByText(/Đã đọc lai-chau\.txt/);
    await user.click(screen.getByRole('combobox', { name: /Nhóm tỉnh/ }));
    await user.click(screen.getByRole('option', { name: /^Nhóm 1/ }));
    expect(await screen.findByText(/Vốn đối ứng ngân sách địa phương bằng 0% ngân sách trung ương, thấp hơn mức tối thiểu 3% của nhóm tỉnh 1/)).toBeTruthy();
  });

  test('every sentence the view shows about a document comes from the catalogue (pseudo-localised)', async () => {
    const user = userEvent.setup();
    const pseudo = (key: MessageKey, params: MessageParams, lang: Lang): string => `⟦${translate(key, params, lang)}⟧`;
    renderPane(new ExcelFake(), 'import', { translator: pseudo });
    const text = readFileSync(join(EXAMPLES, 'ke-hoach-2024-tp-lai-chau.txt'), 'utf8');
    await user.upload(screen.getByLabelText('⟦Chọn văn bản kế hoạch (.docx, .txt)⟧'), fileOf(new TextEncoder().encode(text), 'lai-chau.txt', 'text/plain'));
    const list = await screen.findByRole('list', { name: '⟦Kiểm tra văn bản: 0 lỗi, 5 cảnh báo, 1 thông tin⟧' });
    const sentences = [...list.querySelectorAll('li')].flatMap((li) => [...li.querySelectorAll('*')].filter((e) => e.children.length === 0).map((e) => e.textContent ?? '')).filter((x) => /\p{L}{3}/u.test(x) && !/^DOC_/.test(x));
    expect(sentences.length).toBeGreaterThan(6);
    for (const s of sentences) expect(s).toMatch(/^⟦[\s\S]*⟧$/);
  });
});

describe('Nhập từ văn bản: activity lines and policies', () => {
  test('a plan with activity lines and policies (one inside Dự án 4\'s section): each shown with its source and place before anything is written', async () => {
    const user = userEvent.setup();
    const fake = new ExcelFake();
    renderPane(fake, 'import');
    const text = readFileSync(join(__dirname, '..', 'document', 'golden', '22-chinh-sach-trong-muc', 'input.txt'), 'utf8');
    await user.upload(screen.getByLabelText('Chọn văn bản kế hoạch (.docx, .txt)'), fileOf(new TextEncoder().encode(text), 'ban-hon.txt', 'text/plain'));
    expect(await screen.findByText('Đã đọc ban-hon.txt: 2 mục, cộng 520 triệu đồng.')).toBeTruthy();
    const activities = screen.getByRole('list', { name: 'Các dòng hoạt động của DA5 (1 dòng)' });
    expect(within(activities).getByText('Chính sách hỗ trợ làm nhà ở cho 10 hộ nghèo: NSTW vốn sự nghiệp 400')).toBeTruthy();
    expect(within(activities).getByText('mục II.2.b: «Chính sách hỗ trợ làm nhà ở cho 10 hộ nghèo: 400 triệu đồng.»')).toBeTruthy();
    const policies = screen.getByRole('list', { name: 'Các chính sách (Biểu 02), triệu đồng' });
    const rows = within(policies).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    // the source its heading names ("… từ nguồn ngân sách địa phương:")
    expect(rows[0].textContent).toContain('Việc làm — Hỗ trợ học nghề cho 30 lao động nông thôn: 90 (Ngân sách địa phương)');
    expect(within(rows[0]).getByText('Số đối tượng: 30 lao động')).toBeTruthy();
    expect(within(rows[0]).getByText(/^mục II\.1\.c: «Hỗ trợ học nghề/)).toBeTruthy();
    // no source anywhere: said in the row and in the findings
    expect(rows[3].textContent).toContain('Giáo dục — Chính sách hỗ trợ giáo dục: 150 (chưa rõ nguồn vốn)');
    expect(screen.getByText('Chính sách "Chính sách hỗ trợ giáo dục" (150 triệu đồng) không ghi nguồn vốn')).toBeTruthy();
    expect(fake.syncCount).toBe(0);
  });
});
