/**
 * Document rules the golden corpus does not make fire, each on a small plan that has the fault and
 * one that has not; and every rule is quiet on a clean plan.
 */
import { DOC_RULES, importText, renderDocFinding } from '../../src/core/document';
import { goldenCases } from './golden-cases';

const HEAD = `ỦY BAN NHÂN DÂN
HUYỆN TAM ĐƯỜNG
Số: 20/KH-UBND
Tam Đường, ngày 10 tháng 01 năm 2024
KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn huyện Tam Đường
Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ; Công văn số 11/UBND-TH của UBND tỉnh Lai Châu;
I. NỘI DUNG
`;
const TAIL = `
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Thắng
`;

function run(body: string, options = {}): ReturnType<typeof renderDocFinding>[] {
  return importText(`${HEAD}${body}${TAIL}`, options).findings.map(renderDocFinding);
}

const CLEAN = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Nguồn vốn: ngân sách trung ương (vốn sự nghiệp) 600 triệu đồng; ngân sách địa phương 60 triệu đồng.
- Đơn vị thực hiện: Phòng Nông nghiệp và Phát triển nông thôn huyện.
II. KINH PHÍ
Tổng kinh phí: 660 triệu đồng, trong đó ngân sách trung ương 600 triệu đồng, ngân sách địa phương 60 triệu đồng.
`;

test('a clean plan: no finding from any rule', () => {
  expect(run(CLEAN, { provinceGroup: 2 })).toEqual([]);
});

test('DOC_COUNTERPART: NSĐP below the province group\'s minimum — information in a district plan, quiet without a group', () => {
  const body = CLEAN.replace('ngân sách địa phương 60', 'ngân sách địa phương 24').replace('660', '624').replace('ngân sách địa phương 60', 'ngân sách địa phương 24');
  const found = run(body, { provinceGroup: 2 }).filter((f) => f.rule === 'DOC_COUNTERPART');
  expect(found.map((f) => [f.severity, f.message.vi])).toEqual([['info', 'Vốn đối ứng ngân sách địa phương bằng 4% ngân sách trung ương, thấp hơn mức tối thiểu 10% của nhóm tỉnh 2 (thiếu 36 triệu đồng)']]);
  expect(run(body).filter((f) => f.rule === 'DOC_COUNTERPART')).toEqual([]);
  expect(run(body, { provinceGroup: 1 }).filter((f) => f.rule === 'DOC_COUNTERPART')).toEqual([]);
});

test('DOC_STATED_CONFLICT: the summary gives NSTW twice with two figures', () => {
  const body = `${CLEAN}Trong đó vốn ngân sách trung ương thực hiện Chương trình là 650 triệu đồng.\n`;
  const found = run(body).filter((f) => f.rule === 'DOC_STATED_CONFLICT');
  expect(found.map((f) => f.message.vi)).toEqual(['Phần tổng hợp ghi Ngân sách trung ương hai lần với hai số khác nhau, 600 và 650 triệu đồng']);
  expect(run(CLEAN).filter((f) => f.rule === 'DOC_STATED_CONFLICT')).toEqual([]);
});

test('DOC_ITEM_CONFLICT: one item, two statements, two different figures for one source (the first is kept)', () => {
  const body = CLEAN.replace('- Đơn vị thực hiện', '- Kinh phí hỗ trợ: ngân sách trung ương (vốn sự nghiệp) 650 triệu đồng.\n- Đơn vị thực hiện');
  const r = importText(`${HEAD}${body}${TAIL}`);
  expect(r.findings.map(renderDocFinding).filter((f) => f.rule === 'DOC_ITEM_CONFLICT').map((f) => f.message.vi)).toEqual(['DA2: NSTW vốn sự nghiệp được ghi hai lần với hai số khác nhau, 600 và 650 triệu đồng']);
  expect(r.spec.items[0].amounts?.centralRecurrent).toBe(600);
  // the same figure written twice is a repetition, not a conflict
  const repeated = CLEAN.replace('- Đơn vị thực hiện', '- Kinh phí hỗ trợ: ngân sách trung ương (vốn sự nghiệp) 600 triệu đồng.\n- Đơn vị thực hiện');
  expect(run(repeated)).toEqual([]);
});

test('DOC_ITEM_NAME: the number says one sub-project, the name another', () => {
  const body = `1. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng
Tiểu dự án 1: Cải thiện dinh dưỡng
- Nguồn vốn: ngân sách trung ương (vốn sự nghiệp) 300 triệu đồng.
`;
  const found = run(body).filter((f) => f.rule === 'DOC_ITEM_NAME');
  expect(found.map((f) => f.message.vi)).toEqual(['Số hiệu "Tiểu dự án 1" là DA3.TDA1 (Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp), nhưng tên ghi kèm lại giống DA3.TDA2 (Cải thiện dinh dưỡng)']);
  expect(run(body.replace('Tiểu dự án 1', 'Tiểu dự án 2')).filter((f) => f.rule === 'DOC_ITEM_NAME')).toEqual([]);
});

test('DOC_UNKNOWN_ITEM: "Tiểu dự án 1 thuộc Dự án 2" points at the sub-project its name matches', () => {
  const c = goldenCases().find((x) => x.name.startsWith('12-'));
  const found = importText(c?.input ?? '').findings.map(renderDocFinding).filter((f) => f.rule === 'DOC_UNKNOWN_ITEM');
  expect(found[0].hint?.vi).toBe('KH không đưa mục này vào bảng tính. Theo tên, có lẽ đây là DA3.TDA1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp; hãy sửa số cho đúng rồi nhập lại.');
});

test('DOC_TABLE_TEXT: a table that disagrees with the text; the text\'s figure is kept', () => {
  const body = `${CLEAN}Đơn vị tính: triệu đồng
STT\tNội dung\tTổng cộng\tNgân sách trung ương\tNgân sách địa phương
1\tDự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t700\t640\t60
`;
  const r = importText(`${HEAD}${body}${TAIL}`);
  expect(r.findings.map(renderDocFinding).filter((f) => f.rule === 'DOC_TABLE_TEXT').map((f) => f.message.vi)).toEqual(['DA2: bảng ghi NSTW vốn sự nghiệp 640 triệu đồng, còn lời văn ghi 600 triệu đồng']);
  expect(r.spec.items[0].amounts).toEqual({ centralRecurrent: 600, local: 60 });
  expect(run(body.replace('700\t640', '660\t600')).filter((f) => f.rule === 'DOC_TABLE_TEXT')).toEqual([]);
});

test('DOC_FACT_MISSING: a text without issuer, province or year says what to fill in', () => {
  const found = importText('1. Dự án 2: Đa dạng hóa sinh kế\n- Nguồn vốn: 100 triệu đồng.').findings.map(renderDocFinding).filter((f) => f.rule === 'DOC_FACT_MISSING');
  expect(found.map((f) => f.message.en)).toEqual(['The issuing body was not found (e.g. "ỦY BAN NHÂN DÂN / THÀNH PHỐ LAI CHÂU")', 'The province was not found', 'The plan’s year or period was not found']);
});

test('DOC_YEAR: a comparison with an earlier year, a date and a legal basis are not copy-overs', () => {
  const body = `${CLEAN}- Phấn đấu giảm tỷ lệ hộ nghèo 2% so với cuối năm 2023; kế hoạch ban hành tháng 12 năm 2023.\n`;
  expect(run(body).filter((f) => f.rule === 'DOC_YEAR')).toEqual([]);
  expect(run(`${CLEAN}- Hoàn thành các chỉ tiêu của huyện năm 2022.\n`).filter((f) => f.rule === 'DOC_YEAR').map((f) => f.message.vi)).toEqual(['Văn bản ghi "năm 2022" trong kế hoạch năm 2024: có thể còn sót từ kế hoạch năm trước']);
});

test('DOC_NUMBER_BLANK, DOC_DATE_BLANK: a draft\'s blank number and date are information', () => {
  const draft = `${HEAD.replace('Số: 20/KH-UBND', 'Số:      /KH-UBND').replace('ngày 10 tháng 01 năm 2024', 'ngày     tháng     năm 2024')}${CLEAN}${TAIL}`;
  const found = importText(draft).findings.map(renderDocFinding);
  expect(found.map((f) => [f.rule, f.severity])).toEqual([['DOC_NUMBER_BLANK', 'info'], ['DOC_DATE_BLANK', 'info']]);
  expect(importText(draft).spec.documentNumber).toBeUndefined();
});

const POLICIES = `III. THỰC HIỆN CÁC CHÍNH SÁCH GIẢM NGHÈO
- Hỗ trợ tiền ăn trưa cho 300 học sinh bán trú, kinh phí 450 triệu đồng;
- Cấp thẻ bảo hiểm y tế cho 4.000 người, kinh phí 2.880 triệu đồng.
Tổng kinh phí thực hiện các chính sách: 3.330 triệu đồng.
`;

test('a policies section is Biểu 02\'s: its lines are policies, not the programme\'s summary (no false DOC_SUMMARY_DETAIL / DOC_SOURCE_INFERRED)', () => {
  const r = importText(`${HEAD}${CLEAN}${POLICIES}${TAIL}`, { provinceGroup: 2 });
  // nothing about the programme's money; the two policies name no source, each said once (Biểu 02 leaves its source blank)
  expect(r.findings.map(renderDocFinding).map((f) => [f.rule, f.section, f.message.vi])).toEqual([
    ['DOC_POLICY_SOURCE', 'III', 'Chính sách "Hỗ trợ tiền ăn trưa cho 300 học sinh bán trú" (450 triệu đồng) không ghi nguồn vốn'],
    ['DOC_POLICY_SOURCE', 'III', 'Chính sách "Cấp thẻ bảo hiểm y tế cho 4.000 người" (2.880 triệu đồng) không ghi nguồn vốn'],
  ]);
  expect(r.spec.statedTotals).toEqual({ total: 660, central: 600, local: 60 });
  expect(r.spec.policies).toEqual([
    { dimension: 'education', name: 'Hỗ trợ tiền ăn trưa cho 300 học sinh bán trú', unit: 'học sinh', beneficiaries: 300, amount: 450 },
    { dimension: 'health', name: 'Cấp thẻ bảo hiểm y tế cho 4.000 người', unit: 'người', beneficiaries: 4000, amount: 2880 },
  ]);
  expect(r.spec.provenance?.['policies.1']).toEqual({ section: 'III', quote: 'Cấp thẻ bảo hiểm y tế cho 4.000 người, kinh phí 2.880 triệu đồng.' });
  // the section's own total is checked against its lines
  const wrong = run(`${CLEAN}${POLICIES.replace('3.330', '3.500')}`);
  expect(wrong.filter((f) => f.rule !== 'DOC_POLICY_SOURCE').map((f) => [f.rule, f.message.vi])).toEqual([['DOC_PARTS_SUM', 'Các chính sách liệt kê trong mục cộng lại được 3.330 triệu đồng, khác tổng kinh phí chính sách ghi 3.500 triệu đồng (chênh 170)']]);
});

test('a document table\'s detail rows under an item row are its activities', () => {
  const body = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Đơn vị thực hiện: Phòng Nông nghiệp và Phát triển nông thôn huyện.
Đơn vị tính: triệu đồng
STT\tNội dung\tTổng cộng\tNgân sách trung ương
1\tDự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t600\t600
a\tMô hình nuôi gà thả vườn bản Nà Tăm\t250\t250
b\tMô hình trồng chè bản Bình Lư\t300\t300
`;
  const r = importText(`${HEAD}${body}${TAIL}`);
  expect(r.spec.activities.map((a) => [a.parent, a.name, a.amounts])).toEqual([
    ['DA2', 'Mô hình nuôi gà thả vườn bản Nà Tăm', { centralRecurrent: 250 }],
    ['DA2', 'Mô hình trồng chè bản Bình Lư', { centralRecurrent: 300 }],
  ]);
  expect(r.findings.map(renderDocFinding).filter((f) => f.rule === 'DOC_PARTS_SUM').map((f) => f.message.vi)).toEqual(['DA2: 2 dòng hoạt động cộng lại được 550 triệu đồng (NSTW vốn sự nghiệp), khác số 600 triệu đồng ghi cho mục này (chênh 50)']);
});

test('lines about an item\'s money that are not activities stay out of its activity rows', () => {
  const body = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
a) Nội dung: Hỗ trợ phát triển sản xuất cho 20 hộ: 300 triệu đồng.
b) Kết quả đầu ra: hỗ trợ 20 hộ nghèo, mức hỗ trợ 15 triệu đồng/hộ.
c) Nguồn vốn: ngân sách trung ương (vốn sự nghiệp) 600 triệu đồng.
- Năm 2023 đã thực hiện 450 triệu đồng;
- Phấn đấu giải ngân 100% kế hoạch vốn 600 triệu đồng;
- Hỗ trợ đầu tư máy móc cho tổ hợp tác: 600 triệu đồng.
`;
  const r = importText(`${HEAD}${body}${TAIL}`);
  expect(r.spec.activities).toEqual([{ parent: 'DA2', name: 'Hỗ trợ đầu tư máy móc cho tổ hợp tác', amounts: { centralRecurrent: 600 } }]);
  expect(r.spec.items).toEqual([{ code: 'DA2', amounts: { centralRecurrent: 600 } }]);
});

test('every rule fires somewhere: in the corpus or here', () => {
  const here = ['DOC_NUMBER_BLANK', 'DOC_DATE_BLANK', 'DOC_COUNTERPART', 'DOC_STATED_CONFLICT', 'DOC_ITEM_CONFLICT', 'DOC_ITEM_NAME', 'DOC_TABLE_TEXT', 'DOC_FACT_MISSING', 'DOC_YEAR', 'DOC_SECTION_REPEATED', 'DOC_SECTION_SKIPPED'];
  const corpus = goldenCases().flatMap((c) => (c.expected?.findings ?? []).map((f) => f.rule));
  for (const rule of DOC_RULES) expect({ rule: rule.id, covered: here.includes(rule.id) || corpus.includes(rule.id) }).toEqual({ rule: rule.id, covered: true });
});

test('a money table titled with "chính sách" but listing the Dự án stays the programme\'s table, not Biểu 02', () => {
  const body = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Đơn vị thực hiện: Phòng Nông nghiệp và Phát triển nông thôn huyện.
Biểu 01: Kế hoạch vốn thực hiện các chương trình, chính sách giảm nghèo năm 2024
Đơn vị tính: triệu đồng
STT\tNội dung\tTổng cộng\tNgân sách trung ương
\tTổng cộng\t600\t600
1\tDự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t600\t600
`;
  const r = importText(`${HEAD}${body}${TAIL}`);
  expect(r.spec.policies).toBeUndefined();
  // Dự án 2 is vốn sự nghiệp only (TT 55/2023), so the table's NSTW is its SN
  expect(r.spec.items.map((i) => [i.code, i.amounts])).toEqual([['DA2', { centralRecurrent: 600 }]]);
  expect(r.spec.statedTotals).toEqual({ total: 600, central: 600 });
});

test('a Biểu 02 row whose amount cannot be read is said (DOC_UNREAD), and its total is not checked against a guess', () => {
  const body = `${CLEAN}III. CÁC CHÍNH SÁCH GIẢM NGHÈO
Đơn vị tính: triệu đồng
STT\tChính sách\tKinh phí\tNguồn vốn
\tTổng cộng\t1.300\t
1\tMua thẻ bảo hiểm y tế cho người nghèo\t1.000\tNSTW
2\tMiễn, giảm học phí cho học sinh\t3oo\tNSĐP
`;
  const found = run(body, { provinceGroup: 2 });
  expect(found.map((f) => f.rule)).toEqual(['DOC_UNREAD']);
  expect(found[0].quote).toContain('Miễn, giảm học phí cho học sinh');
});

test('after "cụ thể:", money done before is not part of the item\'s money; a year of the period and a source still are', () => {
  const history = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Kinh phí thực hiện: 600 triệu đồng (ngân sách trung ương, vốn sự nghiệp), cụ thể:
- Lũy kế đến hết năm 2023 đã giải ngân 1.250 triệu đồng;
- Đơn vị thực hiện: Phòng Nông nghiệp và Phát triển nông thôn huyện.
`;
  expect(importText(`${HEAD}${history}${TAIL}`).spec.items).toEqual([{ code: 'DA2', unitName: 'Phòng Nông nghiệp và Phát triển nông thôn huyện', amounts: { centralRecurrent: 600 } }]);
  const parts = `1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Kinh phí thực hiện: 660 triệu đồng, cụ thể:
- Ngân sách trung ương (vốn sự nghiệp): 600 triệu đồng;
- Ngân sách địa phương: 60 triệu đồng.
`;
  expect(importText(`${HEAD}${parts}${TAIL}`).spec.items[0].amounts).toEqual({ centralRecurrent: 600, local: 60 });
});

test('a table under a Biểu 02 title is read as policies even when its header says only "Nội dung"', () => {
  const body = `${CLEAN}Biểu 02: Kế hoạch thực hiện các chính sách giảm nghèo năm 2024
Đơn vị tính: triệu đồng
STT\tNội dung\tSố người\tKinh phí\tNguồn vốn
1\tMua thẻ bảo hiểm y tế cho người nghèo\t1.500\t1.080\tNSTW
2\tHỗ trợ tiền điện cho hộ nghèo\t\t210\tNSĐP
`;
  const r = importText(`${HEAD}${body}${TAIL}`, { provinceGroup: 2 });
  expect(r.spec.statedTotals).toEqual({ total: 660, central: 600, local: 60 });
  expect(r.spec.policies).toEqual([{ dimension: 'health', name: 'Mua thẻ bảo hiểm y tế cho người nghèo', beneficiaries: 1500, amount: 1080, source: 'central' }]);
  expect(r.findings.map(renderDocFinding).map((f) => [f.rule, f.quote])).toEqual([['DOC_POLICY_DIMENSION', '2 | Hỗ trợ tiền điện cho hộ nghèo | 210 | NSĐP']]);
});
