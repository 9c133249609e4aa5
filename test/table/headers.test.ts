import fc from 'fast-check';
import { readHeaderWord, isColumnNumberText } from '../../src/core/table/headers';
import { unicodeToTcvn3, unicodeToVni, convertLegacy } from '../../src/core/text';
import { normalizeTone } from '../../src/core/text/normalize';

const SOURCES: Array<[string, string]> = [
  ['Ngân sách trung ương', 'central'],
  ['NSTW', 'central'],
  ['Vốn NS trung ương', 'central'],
  ['Ngân sách địa phương', 'local'],
  ['NSĐP', 'local'],
  ['Vốn đối ứng', 'local'],
  ['Ngân sách tỉnh', 'local'],
  ['Vốn lồng ghép', 'integrated'],
  ['Tín dụng chính sách', 'credit'],
  ['Vốn vay ưu đãi', 'credit'],
  ['Huy động khác', 'mobilised'],
  ['Nhân dân đóng góp', 'mobilised'],
  ['Xã hội hoá', 'mobilised'],
  ['XHH', 'mobilised'],
  ['Vốn hợp pháp khác', 'mobilised'],
];

describe('header words officers write', () => {
  test.each(SOURCES)('%j names the source %s', (text, source) => {
    expect(readHeaderWord(text)).toEqual({ kind: 'source', source });
  });
  test.each([
    ['Đầu tư phát triển', 'investment'],
    ['Vốn ĐTPT', 'investment'],
    ['Sự nghiệp', 'recurrent'],
    ['Vốn SN', 'recurrent'],
    ['Kinh phí chi thường xuyên', 'recurrent'],
  ])('%j is the %s half of a budget', (text, split) => {
    expect(readHeaderWord(text)).toEqual({ kind: 'split', split });
  });
  test.each(['Tổng', 'Tổng cộng', 'Tổng số', 'Tổng số vốn', 'Cộng', 'Tổng kinh phí'])('%j is a total', (text) => {
    expect(readHeaderWord(text).kind).toBe('total');
  });
  test.each(['Trong đó', 'Chia ra', 'trong đó:'])('%j only connects the parts', (text) => {
    expect(readHeaderWord(text).kind).toBe('ofWhich');
  });
  test.each([['STT', 'stt'], ['TT', 'stt'], ['Nội dung', 'content'], ['Tên dự án, tiểu dự án', 'content'], ['Đơn vị thực hiện', 'unitName'], ['Ghi chú', 'note'], ['Địa bàn', 'location'], ['Số hộ', 'quantity'], ['Đơn vị tính', 'quantity']])('%j is the %s column', (text, role) => {
    expect(readHeaderWord(text)).toEqual({ kind: 'role', role });
  });
  test.each(['Năm 2024', 'Kế hoạch năm 2025', 'Giai đoạn 2021-2025'])('%j is a period', (text) => {
    expect(readHeaderWord(text).kind).toBe('period');
  });
  test('column numbers are not headers', () => {
    for (const t of ['(1)', '(3)=(4)+(5)', '5', 'A', '(12)']) expect(isColumnNumberText(t)).toBe(true);
    for (const t of ['Tổng', '1.728', 'NSTW']) expect(isColumnNumberText(t)).toBe(false);
  });
  test('a header KH does not know is unknown, never a source', () => {
    expect(readHeaderWord('Vốn ODA').kind).toBe('unknown');
    expect(readHeaderWord('Mã số').kind).toBe('unknown');
  });
});

describe('the same words in any spelling', () => {
  const words = [...SOURCES.map(([t]) => t), 'Đầu tư phát triển', 'Sự nghiệp', 'Tổng số', 'Nội dung', 'Ghi chú'];
  test('case, NFD, tone placement, TCVN3 and VNI decoded: the same reading', () => {
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom('upper', 'lower', 'nfd', 'tone', 'tcvn3', 'vni'), (word, variant) => {
        let text = word;
        if (variant === 'upper') text = word.toLocaleUpperCase('vi');
        if (variant === 'lower') text = word.toLocaleLowerCase('vi');
        if (variant === 'nfd') text = word.normalize('NFD');
        if (variant === 'tone') text = normalizeTone(word, 'new');
        if (variant === 'tcvn3') text = convertLegacy(unicodeToTcvn3(word.toLocaleLowerCase('vi')), 'tcvn3');
        if (variant === 'vni') text = convertLegacy(unicodeToVni(word), 'vni');
        expect(readHeaderWord(text)).toEqual(readHeaderWord(word));
      }),
    );
  });
  test('any text reads without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => { readHeaderWord(s); }));
  });
});
