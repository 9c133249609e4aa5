/**
 * The annex contract (layout version 1 of the plan workbook): sheet names, the document rows above
 * each table, the columns of Biểu 01–03 and the targets annex, and the machine codes KH writes in a
 * hidden column so a refresh, the checks and `kh export` know each row. Texts here are document
 * content (headings of government annex tables), not UI.
 */
import { Programme } from '../../programme';
import { Dimension, PlanSpec, PolicySource } from '../../plan';
import { periodLabel } from '../document-fields';
import { SourceKey } from '../../sources';

export type AnnexKey = 'annex01' | 'annex02' | 'annex03' | 'annexTargets';
export const ANNEX_KEYS: readonly AnnexKey[] = ['annex01', 'annex02', 'annex03', 'annexTargets'];

export const ANNEX_SHEET: Readonly<Record<AnnexKey, string>> = {
  annex01: 'Biểu 01',
  annex02: 'Biểu 02',
  annex03: 'Biểu 03',
  annexTargets: 'Chỉ tiêu',
};

/** 0-based rows of the document part, the same on every annex. */
export const ANNEX_ROWS = {
  /** "ỦY BAN NHÂN DÂN" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
  body: 0,
  /** "THÀNH PHỐ LAI CHÂU" | "Độc lập - Tự do - Hạnh phúc" */
  body2: 1,
  /** The NĐ 30/2020 rule lines under both. */
  rules: 2,
  number: 3,
  title: 4,
  attached: 5,
  unit: 6,
  header1: 7,
  header2: 8,
  numbers: 9,
  /** The total row; data rows follow. */
  firstData: 10,
} as const;

/** Codes of the rows that are not plan rows (hidden code column). */
export const ANNEX_CODE = {
  total: 'TONG',
  words: 'BANGCHU',
  signature: 'KY',
  /** Biểu 03 parts. */
  programme: 'A',
  others: 'B',
  policies: 'C',
  /** An input row of the officer's (Biểu 02 policies, Biểu 03 part B, targets). */
  input: 'NHAP',
} as const;

export type AnnexColumnRole = 'stt' | 'content' | 'text' | 'amount' | 'number' | 'note' | 'code';

export interface AnnexColumn {
  key: string;
  role: AnnexColumnRole;
  /** Top header merged across a group; null spans both header rows. */
  group: string | null;
  header: string;
  width: number;
  /** The plan source an amount column shows. */
  source?: SourceKey;
  /** The column number label is "(n)=(a)+(b)…" over these keys. */
  sumOf?: string[];
  /** Screen-only, hidden, outside the print area. */
  hidden?: boolean;
}

function recurrent(programme: Programme): string {
  return programme === '2026-2035' ? 'Chi thường xuyên' : 'Sự nghiệp';
}

/** The money columns shared by Biểu 01 and Biểu 03. */
function moneyColumns(programme: Programme): AnnexColumn[] {
  return [
    { key: 'total', role: 'amount', source: 'total', group: null, header: 'Tổng cộng', width: 13, sumOf: ['central', 'local', 'integrated', 'credit', 'mobilised'] },
    { key: 'central', role: 'amount', source: 'central', group: 'Ngân sách trung ương', header: 'Tổng', width: 12, sumOf: ['centralInvestment', 'centralRecurrent'] },
    { key: 'centralInvestment', role: 'amount', source: 'centralInvestment', group: 'Ngân sách trung ương', header: 'Đầu tư phát triển', width: 11 },
    { key: 'centralRecurrent', role: 'amount', source: 'centralRecurrent', group: 'Ngân sách trung ương', header: recurrent(programme), width: 11 },
    { key: 'local', role: 'amount', source: 'local', group: null, header: 'Ngân sách địa phương', width: 11 },
    { key: 'integrated', role: 'amount', source: 'integrated', group: null, header: 'Vốn lồng ghép', width: 11 },
    { key: 'credit', role: 'amount', source: 'credit', group: null, header: 'Vốn tín dụng chính sách', width: 11 },
    { key: 'mobilised', role: 'amount', source: 'mobilised', group: null, header: 'Vốn huy động hợp pháp khác', width: 11 },
  ];
}

const CODE_COLUMN: AnnexColumn = { key: 'code', role: 'code', group: null, header: 'Mã', width: 10, hidden: true };

export function annex01Columns(programme: Programme): AnnexColumn[] {
  return [
    { key: 'stt', role: 'stt', group: null, header: 'STT', width: 6 },
    { key: 'content', role: 'content', group: null, header: 'Nội dung', width: 46 },
    { key: 'unitName', role: 'text', group: null, header: 'Đơn vị thực hiện', width: 20 },
    ...moneyColumns(programme),
    { key: 'note', role: 'note', group: null, header: 'Ghi chú', width: 14 },
    CODE_COLUMN,
  ];
}

export function annex02Columns(): AnnexColumn[] {
  return [
    { key: 'stt', role: 'stt', group: null, header: 'STT', width: 6 },
    { key: 'content', role: 'content', group: null, header: 'Chính sách', width: 40 },
    { key: 'basis', role: 'text', group: null, header: 'Căn cứ (văn bản)', width: 24 },
    { key: 'dimension', role: 'text', group: null, header: 'Chiều thiếu hụt', width: 14 },
    { key: 'unit', role: 'text', group: null, header: 'Đơn vị tính', width: 11 },
    { key: 'beneficiaries', role: 'number', group: null, header: 'Số đối tượng (lượt)', width: 12 },
    { key: 'amount', role: 'amount', group: null, header: 'Kinh phí', width: 13 },
    { key: 'source', role: 'text', group: null, header: 'Nguồn vốn', width: 13 },
    { key: 'note', role: 'note', group: null, header: 'Ghi chú', width: 16 },
    CODE_COLUMN,
  ];
}

export function annex03Columns(programme: Programme): AnnexColumn[] {
  return [
    { key: 'stt', role: 'stt', group: null, header: 'STT', width: 6 },
    { key: 'content', role: 'content', group: null, header: 'Nội dung', width: 52 },
    ...moneyColumns(programme),
    { key: 'note', role: 'note', group: null, header: 'Ghi chú', width: 16 },
    CODE_COLUMN,
  ];
}

/** The plan's year or period, as titles and headers say it. */
export type PlanPeriod = Pick<PlanSpec, 'year' | 'period'>;

export function targetColumns(plan: PlanPeriod): AnnexColumn[] {
  // a multi-year plan compares with the year before its period ("Thực hiện năm 2020")
  const before = (plan.period?.from ?? plan.year) - 1;
  return [
    { key: 'stt', role: 'stt', group: null, header: 'STT', width: 6 },
    { key: 'content', role: 'content', group: null, header: 'Chỉ tiêu', width: 50 },
    { key: 'unit', role: 'text', group: null, header: 'Đơn vị tính', width: 12 },
    { key: 'previous', role: 'number', group: null, header: `Thực hiện năm ${before}`, width: 14 },
    { key: 'planned', role: 'number', group: null, header: `Kế hoạch ${periodLabel(plan)}`, width: 14 },
    { key: 'note', role: 'note', group: null, header: 'Ghi chú', width: 22 },
    CODE_COLUMN,
  ];
}

export const DIMENSION_LABEL: Readonly<Record<Dimension, string>> = {
  education: 'Giáo dục',
  health: 'Y tế',
  housing: 'Nhà ở',
  water: 'Nước sinh hoạt và vệ sinh',
  information: 'Thông tin',
  employment: 'Việc làm',
};

/** Biểu 02 "Nguồn vốn" choices; NSTW policy money goes to the recurrent column of Biểu 03. */
export const POLICY_SOURCE_LABEL: Readonly<Record<PolicySource, string>> = {
  central: 'NSTW',
  local: 'NSĐP',
  integrated: 'Lồng ghép',
  credit: 'Tín dụng chính sách',
  mobilised: 'Huy động khác',
};

export const POLICY_SOURCE_COLUMN: Readonly<Record<PolicySource, SourceKey>> = {
  central: 'centralRecurrent',
  local: 'local',
  integrated: 'integrated',
  credit: 'credit',
  mobilised: 'mobilised',
};

/** Biểu 03 part B starts with these rows on a 2021–2025 plan (their amounts are the officer's). */
export const OTHER_PROGRAMMES_2021 = [
  'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
  'Chương trình MTQG xây dựng nông thôn mới',
];

/** Starter targets when a plan states none (values left for the officer). */
export const DEFAULT_TARGETS: ReadonlyArray<{ name: string; unit: string }> = [
  { name: 'Tỷ lệ hộ nghèo giảm trong năm', unit: '%' },
  { name: 'Số hộ nghèo cuối năm', unit: 'hộ' },
  { name: 'Số hộ cận nghèo cuối năm', unit: 'hộ' },
  { name: 'Số lao động được hỗ trợ đào tạo nghề', unit: 'người' },
  { name: 'Số lao động được hỗ trợ tạo việc làm', unit: 'người' },
  { name: 'Số hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở', unit: 'hộ' },
];

/** "NĂM 2024", or "GIAI ĐOẠN 2021 - 2025" for a multi-year plan. */
const upperPeriod = (plan: PlanPeriod): string => periodLabel(plan).toUpperCase();

export const ANNEX_TITLE = {
  annex01: (plan: PlanPeriod, programme: Programme): string =>
    programme === '2026-2035'
      ? `KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA ${upperPeriod(plan)}`
      : `KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG ${upperPeriod(plan)}`,
  annex02: (plan: PlanPeriod): string => `KẾ HOẠCH THỰC HIỆN CÁC CHÍNH SÁCH HỖ TRỢ TIẾP CẬN CÁC DỊCH VỤ XÃ HỘI CƠ BẢN (CÁC CHIỀU THIẾU HỤT) ${upperPeriod(plan)}`,
  annex03: (plan: PlanPeriod): string => `TỔNG HỢP NGUỒN LỰC THỰC HIỆN MỤC TIÊU GIẢM NGHÈO ${upperPeriod(plan)}`,
  annexTargets: (plan: PlanPeriod): string => `CÁC CHỈ TIÊU GIẢM NGHÈO ${upperPeriod(plan)}`,
} as const;

export const ANNEX_NUMBER: Readonly<Record<AnnexKey, string>> = {
  annex01: 'Biểu số 01',
  annex02: 'Biểu số 02',
  annex03: 'Biểu số 03',
  annexTargets: 'Phụ lục chỉ tiêu',
};
