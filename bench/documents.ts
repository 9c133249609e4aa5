/**
 * Plan documents of a given length for benchmarks: the shape of a real Kế hoạch (header, purposes,
 * targets, every Dự án / Tiểu dự án of the catalogue with its activities, funding statement in
 * one of several styles and implementing unit, the summary, the organisation section, the
 * signature), its activity paragraphs repeated until the text reaches the pages asked for. A
 * page is counted as 3.000 characters (A4, Times New Roman 14, the margins of NĐ 30/2020).
 */
import { getCatalog } from '../src/core/catalog';
import { formatAmount } from '../src/core/money';

export const CHARS_PER_PAGE = 3000;

const ACTIVITY = [
  'Hỗ trợ giống cây trồng, vật nuôi, vật tư sản xuất cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo tham gia mô hình giảm nghèo tại các bản đặc biệt khó khăn',
  'Tập huấn kỹ thuật sản xuất, nghiệp vụ quản lý, năng lực quản lý hợp đồng, quản lý chuỗi và phát triển thị trường cho người dân tham gia dự án',
  'Tổ chức kiểm tra, giám sát, đánh giá kết quả thực hiện các nội dung hỗ trợ; tổng hợp, báo cáo định kỳ theo quy định',
  'Tuyên truyền, phổ biến chính sách giảm nghèo, các mô hình, cách làm hay, sáng tạo, có hiệu quả trên các phương tiện thông tin đại chúng',
];

function funding(style: number, sn: number, local: number): string {
  const f = (v: number): string => formatAmount(v);
  switch (style % 4) {
    case 0: return `Nguồn vốn thực hiện: ngân sách trung ương (vốn sự nghiệp) ${f(sn)} triệu đồng; ngân sách địa phương ${f(local)} triệu đồng.`;
    case 1: return `Tổng nhu cầu vốn thực hiện: ${f(sn + local)} triệu đồng, trong đó: Ngân sách Trung ương (vốn sự nghiệp): ${f(sn)} triệu đồng; ngân sách địa phương: ${f(local)} triệu đồng.`;
    case 2: return `Kinh phí thực hiện: ${f(sn + local)} triệu đồng, gồm: NSTW vốn sự nghiệp ${f(sn)} triệu đồng, NSĐP ${f(local)} triệu đồng.`;
    default: return `Vốn và nguồn vốn: ngân sách trung ương ${f(sn)} triệu đồng (vốn sự nghiệp); ngân sách địa phương đối ứng ${f(local)} triệu đồng.`;
  }
}

/** A plan document of about `pages` pages, as text (one paragraph per line) and its totals. */
export function planDocument(pages: number): { text: string; items: number; total: number; policies: number; policyTotal: number } {
  const catalog = getCatalog('2021-2025');
  const leaves = catalog.entries.filter((e) => !catalog.entries.some((c) => c.parent === e.code) && e.money.recurrent);
  const line = ACTIVITY.reduce((n, a) => n + a.length, 0) / ACTIVITY.length + 14;
  const perItem = Math.max(1, Math.round((pages * CHARS_PER_PAGE - 6000) / leaves.length / line));
  const lines: string[] = [
    'ỦY BAN NHÂN DÂN', 'HUYỆN THAN UYÊN', 'Số: 88/KH-UBND', 'Than Uyên, ngày 12 tháng 01 năm 2024', 'KẾ HOẠCH',
    'Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn huyện Than Uyên năm 2024',
    'Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ; Quyết định số 1234/QĐ-UBND ngày 20/12/2023 của UBND tỉnh Lai Châu;',
    'I. MỤC ĐÍCH, YÊU CẦU', '- Triển khai thực hiện có hiệu quả Chương trình trên địa bàn huyện năm 2024.',
    'II. MỤC TIÊU', '1. Mục tiêu cụ thể', '- Phấn đấu giảm tỷ lệ hộ nghèo 2,5%; đào tạo nghề cho 450 lao động; giải quyết việc làm cho 1.200 lao động.',
    'III. NỘI DUNG THỰC HIỆN',
  ];
  let total = 0;
  let projectNo = 0;
  let lastProject = '';
  leaves.forEach((e, i) => {
    const project = e.parent ? catalog.entries.find((p) => p.code === e.parent) : e;
    if (project && project.code !== lastProject) {
      projectNo++;
      lastProject = project.code;
      lines.push(`${projectNo}. Dự án ${project.number}: ${project.name}`);
    }
    if (e.parent) lines.push(`Tiểu dự án ${e.number}: ${e.name}`);
    lines.push('a) Nội dung hoạt động:');
    for (let k = 0; k < perItem; k++) lines.push(`- ${ACTIVITY[(i + k) % ACTIVITY.length]} (đợt ${k + 1}).`);
    const sn = 100 + ((i * 37) % 900);
    const local = 10 + ((i * 13) % 90);
    total += sn + local;
    lines.push(`b) ${funding(i, sn, local)}`);
    lines.push('c) Đơn vị thực hiện: Phòng Lao động - Thương binh và Xã hội huyện.');
  });
  lines.push('IV. KINH PHÍ THỰC HIỆN', `Tổng kinh phí thực hiện Kế hoạch: ${formatAmount(total)} triệu đồng.`);
  // Biểu 02 pasted as a table: a group per dimension, a row per commune's policy, the total row
  lines.push('V. CÁC CHÍNH SÁCH GIẢM NGHÈO', 'Biểu 02: Kế hoạch thực hiện các chính sách giảm nghèo năm 2024', 'Đơn vị tính: triệu đồng');
  const rows: string[][] = [['STT', 'Chính sách', 'Căn cứ', 'Đơn vị tính', 'Số đối tượng', 'Kinh phí', 'Nguồn vốn']];
  let policies = 0;
  let policyTotal = 0;
  POLICY_GROUPS.forEach(([group, name, unit], g) => {
    rows.push([ROMAN[g], group, '', '', '', '', '']);
    for (let k = 0; k < Math.max(1, Math.round(pages / 10)); k++) {
      const amount = 50 + ((g * 31 + k * 17) % 400);
      policies++;
      policyTotal += amount;
      rows.push([String(k + 1), `${name} tại xã số ${k + 1}`, 'Quyết định 90/QĐ-TTg', unit, String(20 + k), formatAmount(amount), k % 2 === 0 ? 'NSTW' : 'NSĐP']);
    }
  });
  rows.splice(1, 0, ['', 'Tổng cộng', '', '', '', formatAmount(policyTotal), '']);
  for (const r of rows) lines.push(r.join('\t'));
  lines.push('VI. TỔ CHỨC THỰC HIỆN', '1. Phòng Lao động - Thương binh và Xã hội huyện chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Kế hoạch.');
  lines.push(`Trên đây là Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024 của UBND huyện Than Uyên./.`, 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lò Văn Hùng');
  return { text: `${lines.join('\n')}\n`, items: leaves.length, total, policies, policyTotal };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const POLICY_GROUPS: Array<[string, string, string]> = [
  ['Giáo dục', 'Miễn, giảm học phí cho học sinh', 'học sinh'],
  ['Y tế', 'Mua thẻ bảo hiểm y tế cho người nghèo', 'người'],
  ['Nhà ở', 'Hỗ trợ làm nhà ở cho hộ nghèo', 'hộ'],
  ['Nước sinh hoạt và vệ sinh', 'Hỗ trợ nước sinh hoạt phân tán', 'hộ'],
  ['Thông tin', 'Hỗ trợ thiết bị thu xem truyền hình', 'hộ'],
  ['Việc làm', 'Hỗ trợ đào tạo nghề cho lao động', 'lao động'],
];
