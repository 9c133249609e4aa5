/**
 * Ways officers write the money of a plan that an adversarial reading of KH's reader found misread
 * (December 2026): each case is the few lines that showed it, with what a careful officer reads
 * there — the items with their money per source, and the findings, none of them false.
 */
import { importText, renderDocFinding } from '../../src/core/document';

const HEAD = `ỦY BAN NHÂN DÂN
HUYỆN SÌN HỒ
Số: 21/KH-UBND
Sìn Hồ, ngày 22 tháng 01 năm 2024
KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn huyện Sìn Hồ, tỉnh Lai Châu năm 2024
`;

function read(body: string): { items: Array<[string, Record<string, number> | undefined]>; rules: string[]; messages: string[]; spec: ReturnType<typeof importText>['spec'] } {
  const r = importText(`${HEAD}${body}`);
  const findings = r.findings.map(renderDocFinding);
  return { items: r.spec.items.map((i) => [i.code, i.amounts]), rules: findings.map((f) => f.rule), messages: findings.map((f) => f.message.vi), spec: r.spec };
}

const TAB = '\t';
const table = (rows: string[][]): string => rows.map((r) => r.join(TAB)).join('\n');

test('Biểu 01 with "Ngân sách trung ương" typed once over "Đầu tư phát triển" and "Sự nghiệp": both columns are NSTW', () => {
  const body = `Đơn vị tính: triệu đồng
${table([
    ['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách trung ương', '', 'Ngân sách địa phương'],
    ['', '', '', 'Đầu tư phát triển', 'Sự nghiệp', ''],
    ['', 'Tổng cộng', '2.000', '1.500', '400', '100'],
    ['1', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', '2.000', '1.500', '400', '100'],
    ['1.1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', '2.000', '1.500', '400', '100'],
  ])}
`;
  const r = read(body);
  expect(r.items).toEqual([['DA4.TDA1', { centralInvestment: 1500, centralRecurrent: 400, local: 100 }]]);
  expect(r.rules).toEqual([]);
});

test('a table\'s sub-project rows written "- Tiểu dự án 1" are the sub-projects, not activities of the Dự án', () => {
  const body = `Đơn vị tính: Triệu đồng
${table([
    ['TT', 'Dự án, tiểu dự án', 'Tổng cộng', 'NSTW', 'NSĐP', 'Huy động'],
    ['', 'Tổng số', '1.070', '950', '80', '40'],
    ['1', 'Dự án 2', '600', '520', '50', '30'],
    ['2', 'Dự án 3', '320', '300', '20', '-'],
    ['', '- Tiểu dự án 1', '200', '180', '20', '-'],
    ['', '- Tiểu dự án 2', '120', '120', '-', '-'],
    ['3', 'Dự án 7', '150', '130', '10', '10'],
    ['', '+ Tiểu dự án 1', '80', '70', '10', '-'],
    ['', '+ Tiểu dự án 2', '70', '60', '-', '10'],
  ])}
`;
  const r = read(body);
  expect(r.spec.activities).toEqual([]);
  expect(r.items.map(([code, a]) => [code, a?.centralRecurrent, a?.local ?? 0, a?.mobilised ?? 0])).toEqual([
    ['DA2', 520, 50, 30],
    ['DA3.TDA1', 180, 20, 0],
    ['DA3.TDA2', 120, 0, 0],
    ['DA7.TDA1', 70, 10, 0],
    ['DA7.TDA2', 60, 0, 10],
  ]);
  expect(r.rules.filter((x) => x !== 'DOC_SOURCE_INFERRED')).toEqual([]);
});

describe.each([
  ['2. Tiểu dự án 3 thuộc Dự án 4: Hỗ trợ việc làm bền vững', 'DA4.TDA3'],
  ['2. Dự án 4 - Tiểu dự án 3: Hỗ trợ việc làm bền vững', 'DA4.TDA3'],
  ['2. Dự án 6, Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', 'DA6.TDA2'],
  ['2. Tiểu dự án 2 (Dự án 7): Giám sát, đánh giá', 'DA7.TDA2'],
])('a Tiểu dự án heading that names its Dự án: %s', (heading, code) => {
  test(`is ${code}, and Dự án 2 above it keeps its own money`, () => {
    const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Kinh phí: 300 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
${heading}
- Kinh phí: 150 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
`);
    expect(r.items).toEqual([['DA2', { centralRecurrent: 300 }], [code, { centralRecurrent: 150 }]]);
    expect(r.rules).toEqual(['DOC_NO_TOTAL']);
  });
});

test('a Tiểu dự án written before any Dự án keeps the money under it', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Tiểu dự án 3 thuộc Dự án 4: Hỗ trợ việc làm bền vững
- Kinh phí: 150 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
`);
  expect(r.items).toEqual([['DA4.TDA3', { centralRecurrent: 150 }]]);
  expect(r.spec.statedTotals).toBeUndefined();
});

test('an item whose money is written only as its activity lines has their sum', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
a) Kinh phí thực hiện:
- Mô hình nuôi dê sinh sản bản Nậm Cuổi: 300 triệu đồng (ngân sách trung ương, vốn sự nghiệp);
- Mô hình trồng sa nhân tím bản Pu Sam Cáp: 200 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
III. KINH PHÍ
Tổng kinh phí thực hiện Kế hoạch: 500 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
`);
  expect(r.items).toEqual([['DA2', { centralRecurrent: 500 }]]);
  expect(r.spec.activities.map((a) => [a.name, a.amounts])).toEqual([
    ['Mô hình nuôi dê sinh sản bản Nậm Cuổi', { centralRecurrent: 300 }],
    ['Mô hình trồng sa nhân tím bản Pu Sam Cáp', { centralRecurrent: 200 }],
  ]);
  expect(r.rules).toEqual([]);
});

describe.each([
  ['the budget named once before the list', '- Kinh phí (ngân sách trung ương): vốn đầu tư phát triển 2.000 triệu đồng; vốn sự nghiệp 800 triệu đồng.'],
  ['the budget named once after the list', '- Vốn đầu tư phát triển: 2.000 triệu đồng; vốn sự nghiệp: 800 triệu đồng (ngân sách trung ương).'],
])('%s', (_, line) => {
  test('is the budget of both kinds', () => {
    const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững
Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn
${line}
`);
    expect(r.items).toEqual([['DA4.TDA1', { centralInvestment: 2000, centralRecurrent: 800 }]]);
    expect(r.rules).toEqual(['DOC_NO_TOTAL']);
  });
});

test('a budget named once over kinds that each name their own budget is not spread', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững
Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn
- Vốn đầu tư phát triển: 2.000 triệu đồng (ngân sách địa phương); vốn sự nghiệp: 800 triệu đồng (ngân sách trung ương).
`);
  expect(r.items).toEqual([['DA4.TDA1', { localInvestment: 2000, centralRecurrent: 800 }]]);
});

test('a declared "ĐVT: triệu đồng" is the unit of a figure written bare', () => {
  const r = read(`II. NỘI DUNG VÀ KINH PHÍ THỰC HIỆN
(ĐVT: triệu đồng)
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Ngân sách trung ương (vốn sự nghiệp): 420.
`);
  expect(r.items).toEqual([['DA2', { centralRecurrent: 420 }]]);
  expect(r.rules).toEqual(['DOC_NO_TOTAL']);
});

test('"1,285 tỷ đồng" is 1.285 triệu (the comma is the decimal mark); "1,728 triệu" stays a question', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Kinh phí: 1,285 tỷ đồng (ngân sách trung ương, vốn sự nghiệp).
2. Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình
Tiểu dự án 2: Giám sát, đánh giá
- Kinh phí: 0,12 tỷ đồng (ngân sách trung ương, vốn sự nghiệp).
3. Dự án 6: Truyền thông và giảm nghèo về thông tin
Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều
- Kinh phí: 1,728 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
III. KINH PHÍ
Tổng kinh phí thực hiện Kế hoạch: 1,405 tỷ đồng.
`);
  expect(r.spec.unit).toBe('ty');
  expect(r.items.slice(0, 2)).toEqual([['DA2', { centralRecurrent: 1.285 }], ['DA7.TDA2', { centralRecurrent: 0.12 }]]);
  expect(r.messages).toContain('Không đọc được số "1,728 triệu đồng": có thể là 1,728 hoặc 1.728');
  expect(r.spec.statedTotals?.total).toBe(1.405);
});

test('a sentence stating the money in other words ("Dự kiến kinh phí khoảng …. Giao … thực hiện.") is the item\'s money', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
Kinh phí thực hiện là 1,32 tỷ đồng, trong đó ngân sách trung ương (vốn sự nghiệp) là 1,2 tỷ đồng, ngân sách địa phương đối ứng là 120 triệu đồng. Giao Phòng Nông nghiệp và Phát triển nông thôn huyện chủ trì thực hiện.
2. Dự án 6: Truyền thông và giảm nghèo về thông tin
Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều
Dự kiến kinh phí khoảng 85 triệu đồng từ nguồn vốn sự nghiệp ngân sách trung ương. Giao Phòng Văn hóa và Thông tin huyện thực hiện.
`);
  expect(r.spec.unit).toBe('trieu');
  expect(r.items).toEqual([['DA2', { centralRecurrent: 1200, local: 120 }], ['DA6.TDA2', { centralRecurrent: 85 }]]);
  expect(r.rules).toEqual(['DOC_NO_TOTAL']);
});

test('"(Bằng chữ: …)" after an amount is checked against it', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
- Kinh phí thực hiện: 465.000.000 đồng (Bằng chữ: Bốn trăm năm mươi sáu triệu đồng) từ ngân sách trung ương, vốn sự nghiệp.
`);
  expect(r.rules).toContain('DOC_WORDS');
});

test('Tiểu dự án given their money inside the Dự án\'s sentence are the rows; the Dự án\'s figure is their total', () => {
  const body = `II. NỘI DUNG THỰC HIỆN
1. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng
Kinh phí thực hiện Dự án 3 là 1,2 tỷ đồng từ nguồn vốn sự nghiệp ngân sách trung ương, trong đó Tiểu dự án 1 (hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp) là 900 triệu đồng, Tiểu dự án 2 (cải thiện dinh dưỡng) là 300 triệu đồng.
`;
  const r = read(body);
  expect(r.items).toEqual([['DA3.TDA1', { centralRecurrent: 900 }], ['DA3.TDA2', { centralRecurrent: 300 }]]);
  expect(r.rules).toEqual(['DOC_NO_TOTAL']);
  // the same sentence whose parts do not add up to the Dự án's figure
  expect(read(body.replace('là 300 triệu', 'là 350 triệu')).messages).toContain('Các khoản liệt kê dưới số tổng 1.200 triệu đồng cộng lại được 1.250 triệu đồng (chênh -50)');
});

test('a summary restating the Tiểu dự án with other figures than their sections is caught', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình
1.1. Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình
- Kinh phí: 60 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
1.2. Tiểu dự án 2: Giám sát, đánh giá
- Kinh phí: 40 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
III. KINH PHÍ THỰC HIỆN
1. Dự án 7: 100 triệu đồng (ngân sách trung ương, vốn sự nghiệp), gồm: Tiểu dự án 1: 40 triệu đồng; Tiểu dự án 2: 60 triệu đồng.
`);
  expect(r.items).toEqual([['DA7.TDA1', { centralRecurrent: 60 }], ['DA7.TDA2', { centralRecurrent: 40 }]]);
  expect(r.messages.filter((m) => /ghi hai lần/.test(m))).toEqual([
    'DA7.TDA1: NSTW vốn sự nghiệp được ghi hai lần với hai số khác nhau, 60 và 40 triệu đồng',
    'DA7.TDA2: NSTW vốn sự nghiệp được ghi hai lần với hai số khác nhau, 40 và 60 triệu đồng',
  ]);
});

test('the implementing unit named in the money line ("Giao … thực hiện", "đơn vị thực hiện: …") is the item\'s', () => {
  const r = read(`II. NỘI DUNG THỰC HIỆN
1. Dự án 6: Truyền thông và giảm nghèo về thông tin
Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều
Kinh phí: 85 triệu đồng (ngân sách trung ương, vốn sự nghiệp). Giao Phòng Văn hóa và Thông tin huyện thực hiện.
2. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
Kinh phí: 500 triệu đồng (ngân sách trung ương, vốn sự nghiệp); đơn vị thực hiện: Phòng Nông nghiệp và Phát triển nông thôn huyện.
`);
  expect(r.spec.items.map((i) => [i.code, i.amounts, i.unitName])).toEqual([
    ['DA6.TDA2', { centralRecurrent: 85 }, 'Phòng Văn hóa và Thông tin huyện'],
    ['DA2', { centralRecurrent: 500 }, 'Phòng Nông nghiệp và Phát triển nông thôn huyện'],
  ]);
});

test('a Dự án\'s "Tổng:" written after its sub-projects is its total, checked against them', () => {
  const body = `II. NỘI DUNG THỰC HIỆN
1. Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình
1.1. Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình
Vốn: 120 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
1.2. Tiểu dự án 2: Giám sát, đánh giá
Vốn: 90 triệu đồng (ngân sách trung ương, vốn sự nghiệp).
Tổng: 200 triệu đồng.
`;
  const r = read(body);
  expect(r.items).toEqual([['DA7.TDA1', { centralRecurrent: 120 }], ['DA7.TDA2', { centralRecurrent: 90 }]]);
  // the one source the document names is the total's (said by DOC_SOURCE_INFERRED)
  expect(r.messages).toContain('Dự án 7 ghi NSTW vốn sự nghiệp 200 triệu đồng, nhưng các tiểu dự án của nó cộng lại được 210 triệu đồng (chênh -10)');
  expect(read(body.replace('Tổng: 200', 'Tổng: 210')).rules).not.toContain('DOC_PROJECT_TOTAL');
});
