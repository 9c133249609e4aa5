/**
 * The .docx reader and its guard: what Word puts in document.xml (runs, tabs, breaks, tracked
 * changes, fields, tables with merged cells, text boxes with a fallback, auto-numbering) comes
 * out as the reader sees it; files that are not a readable Word document are refused with one
 * sentence naming the file; a part that inflates past its declared size or the limits stops.
 * Every file is built in the test (fflate writes the zips; nothing binary is committed).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readDocx, readPlanDocument, readTextBytes, DocumentReadError, DOCUMENT_LIMITS } from '../../src/document/docx';
import { classify } from '../../src/document/guard';
import { translate } from '../../src/core/i18n';
import type { DocBlock } from '../../src/core/document/model';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${body}</w:body></w:document>`;
}

function zip(files: Record<string, string>, level: 0 | 6 = 6): Uint8Array {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries, { level });
}

async function docx(body: string, extra: Record<string, string> = {}, level: 0 | 6 = 6): Promise<Uint8Array> {
  return zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': documentXml(body), ...extra }, level);
}

const p = (runs: string, props = ''): string => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

async function refusal(bytes: Uint8Array, limits = DOCUMENT_LIMITS): Promise<string> {
  try {
    await readPlanDocument(bytes, limits);
  } catch (error) {
    if (error instanceof DocumentReadError) return translate(error.problem.key, { ...error.problem.params, file: 'kehoach.docx' });
    throw error;
  }
  throw new Error('not refused');
}

describe('what Word writes, as the reader sees it', () => {
  test('runs join, a tab is a space, a break is a line; deleted text and field codes are left out, inserted text kept', async () => {
    const body = p(`${r('Nguồn vốn thực ')}${r('hiện:')}<w:r><w:tab/></w:r>${r('Dự kiến ')}<w:del><w:r><w:delText>500</w:delText></w:r></w:del><w:ins><w:r><w:t>530</w:t></w:r></w:ins>${r(' triệu đồng.')}`) +
      p(`${r('TM. ỦY BAN NHÂN DÂN')}<w:r><w:br/></w:r>${r('KT. CHỦ TỊCH')}`) +
      p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`);
    const blocks = await readDocx(await docx(body));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.' },
      { kind: 'paragraph', text: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH' },
      { kind: 'paragraph', text: '3' },
    ]);
  });

  test('a table with a cell spanning two columns and a cell merged into the one above', async () => {
    const tc = (text: string, props = ''): string => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
    const table = `<w:tbl><w:tr>${tc('STT', '<w:vMerge w:val="restart"/>')}${tc('Ngân sách trung ương', '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${tc('', '<w:vMerge/>')}${tc('ĐTPT')}${tc('SN')}</w:tr></w:tbl>`;
    const blocks = await readDocx(await docx(table));
    expect(blocks).toEqual([
      { kind: 'table', rows: [[{ text: 'STT', span: 1 }, { text: 'Ngân sách trung ương', span: 2 }], [{ text: '', span: 1, mergedUp: true }, { text: 'ĐTPT', span: 1 }, { text: 'SN', span: 1 }]] },
    ] satisfies DocBlock[]);
  });

  test('a text box is read once: its fallback copy is skipped', async () => {
    const box = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('UBND HUYỆN SÌN HỒ'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('UBND HUYỆN SÌN HỒ'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const blocks = await readDocx(await docx(box));
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.text === 'UBND HUYỆN SÌN HỒ')).toHaveLength(1);
  });

  test('auto-numbering from numbering.xml and a heading style: roman, then decimal restarting under each roman', async () => {
    const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="${W}"><w:style w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>`;
    const num = (ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`;
    const body = p(r('MỤC ĐÍCH'), '<w:pStyle w:val="Heading1"/>') + p(r('Mục đích'), num(1)) + p(r('Yêu cầu'), num(1)) + p(r('Tiểu dự án 1'), num(2)) + p(r('NỘI DUNG'), '<w:pStyle w:val="Heading1"/>') + p(r('Dự án 2'), num(1));
    const blocks = await readDocx(await docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? [b.autoNumber, b.text, b.headingLevel] : null))).toEqual([
      ['I.', 'MỤC ĐÍCH', 1],
      ['1.', 'Mục đích', undefined],
      ['2.', 'Yêu cầu', undefined],
      ['2.1.', 'Tiểu dự án 1', undefined],
      ['II.', 'NỘI DUNG', 1],
      ['1.', 'Dự án 2', undefined],
    ]);
  });

  test('text files: UTF-8 with or without a byte-order mark; other encodings are refused', async () => {
    expect(readTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Kế hoạch')]))).toBe('Kế hoạch');
    const latin1 = new Uint8Array([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0x1e1 & 0xff]);
    expect(await refusal(latin1)).toBe('kehoach.docx không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8 (Unicode) rồi chạy lại');
    expect((await readPlanDocument(new TextEncoder().encode('KẾ HOẠCH\nThực hiện năm 2024'))).kind).toBe('text');
  });
});

describe('refusals, one sentence each naming the file', () => {
  const cfb = (name: string): Uint8Array => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...name].forEach((ch, i) => (bytes[1024 + i * 2] = ch.charCodeAt(0)));
    return bytes;
  };

  test.each([
    ['an empty file', new Uint8Array(0), 'kehoach.docx trống (0 byte): hãy chọn tệp văn bản kế hoạch đã lưu đầy đủ'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n…'), 'kehoach.docx là tệp PDF: KH cần tệp Word (.docx) hoặc văn bản (.txt) của kế hoạch, hãy xin người gửi tệp .docx'],
    ['an old .doc', cfb('WordDocument'), 'kehoach.docx là văn bản Word cũ (.doc): hãy mở trong Word, lưu lại dạng Tài liệu Word (.docx) rồi chọn lại'],
    ['a document with an open password', cfb('EncryptedPackage'), 'kehoach.docx có mật khẩu mở tệp nên KH không đọc được: hãy mở bằng Word, bỏ mật khẩu, lưu lại rồi chọn lại'],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'kehoach.docx không phải tệp Word (.docx) cũng không phải văn bản (.txt): hãy chọn tệp kế hoạch dạng .docx hoặc .txt'],
  ])('%s', async (_, bytes, sentence) => {
    expect(await refusal(bytes)).toBe(sentence);
  });

  test('an Excel workbook given as the plan document', async () => {
    expect(await refusal(zip({ 'xl/workbook.xml': '<workbook/>' }))).toBe('kehoach.docx là bảng tính Excel chứ không phải văn bản kế hoạch: kh import cần tệp .docx hoặc .txt, còn bảng tính thì kiểm tra bằng kh check');
  });

  test('a download cut short (no end of the zip) and a damaged XML part', async () => {
    const whole = await docx(p(r('Kế hoạch')));
    expect(await refusal(whole.subarray(0, whole.length - 40))).toBe('kehoach.docx bị thiếu phần cuối (tải về hoặc sao chép chưa xong): hãy tải lại hoặc chép lại tệp đầy đủ');
    expect(await refusal(zip({ 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p>' }))).toMatch(/^kehoach\.docx bị hỏng/);
  });

  test('too many parts, a part larger than the limit, a part compressed like a bomb', async () => {
    const files: Record<string, string> = { 'word/document.xml': documentXml(p(r('x'))) };
    for (let i = 0; i < 60; i++) files[`word/media/a${i}.txt`] = 'x';
    expect(await refusal(zip(files), { ...DOCUMENT_LIMITS, maxEntries: 50 })).toBe('kehoach.docx chứa 61 phần (KH đọc đến 50 phần), không giống một văn bản Word: hãy mở trong Word và lưu lại dạng .docx');
    const big = await docx(p(r('a'.repeat(3 * 1024 * 1024))));
    expect(await refusal(big, { ...DOCUMENT_LIMITS, maxPartBytes: 1024 * 1024 })).toBe('Phần word/document.xml trong kehoach.docx giải nén ra hơn 4 MB (KH đọc đến 1 MB): hãy tách văn bản thành nhiều tệp nhỏ hơn');
    expect(await refusal(big, { ...DOCUMENT_LIMITS, ratioFloorBytes: 1024 })).toMatch(/^Phần word\/document\.xml trong kehoach\.docx nén chặt bất thường \(gấp [\d.]+ lần, KH nhận đến 100 lần\)/);
  });

  test('a stored (uncompressed) part reads like a deflated one', async () => {
    expect(await readDocx(await docx(p(r('Kế hoạch năm 2024')), {}, 0))).toEqual([{ kind: 'paragraph', text: 'Kế hoạch năm 2024' }]);
  });

  test('a part that inflates past the size its directory declares stops there (a bomb hiding its size)', async () => {
    const bytes = await docx(p(r('Tổng kinh phí: 1.728 triệu đồng. '.repeat(2000))));
    // lower the declared uncompressed size of word/document.xml in the central directory
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength));
      if (name === 'word/document.xml') {
        view.setUint32(i + 24, 1000, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(await refusal(bytes)).toMatch(/^kehoach\.docx bị hỏng/);
  });

  test('classify never needs more than the first bytes to tell text from zip', () => {
    expect(classify(new TextEncoder().encode('Số: 12/KH-UBND'))).toBe('text');
    expect(classify(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('docx');
  });
});
