/**
 * The sheet contract of a KH plan workbook, version LAYOUT_VERSION: sheet names, columns, header
 * rows, named ranges, the machine-code and row-kind columns. Everything that reads or writes a
 * plan workbook (template, snapshot reader, checks, annexes, export) takes positions from here.
 * Header texts are the official table headings of plan annexes — document content, not UI.
 */
import { SourceKey } from '../sources';
import { Programme } from '../programme';
import { InputSource, LEVEL_LABEL } from '../plan';
import { columnLetter } from './address';

export const LAYOUT_VERSION = 1;

export const SHEET = {
  info: 'Thông tin',
  summary: 'Tổng hợp',
  catalog: 'Danh mục',
  meta: '_kh',
} as const;

/** Row kinds in the kind column; native totals sum the leaves ("chi tiết") only. */
export const KIND = { leaf: 'chi tiết', group: 'nhóm' } as const;
export type RowKind = 'leaf' | 'group';

export type ColumnRole = 'stt' | 'content' | 'unitName' | 'location' | 'amount' | 'note' | 'check' | 'code' | 'kind';

/** The columns of a project sheet, by what they hold; Tổng hợp has all but unitName and location. */
export type ColumnKey =
  | 'stt' | 'content' | 'unitName' | 'location'
  | 'total' | 'central' | 'centralInvestment' | 'centralRecurrent' | 'local' | 'integrated' | 'credit' | 'mobilised'
  | 'note' | 'check' | 'code' | 'kind';
export type SummaryColumnKey = Exclude<ColumnKey, 'unitName' | 'location'>;

export interface ColumnDef<K extends ColumnKey = ColumnKey> {
  key: K;
  role: ColumnRole;
  /** The source an amount column holds. */
  source?: SourceKey;
  /** Top header (merged across a group), then the second level; null spans both rows. */
  group: string | null;
  header: string;
  width: number;
  /** Typed by the officer on leaf rows (unlocked). */
  input: boolean;
}

function recurrentHeader(programme: Programme): string {
  return programme === '2026-2035' ? 'Chi thường xuyên' : 'Sự nghiệp';
}

/** Columns of a project sheet (and, without unit/location, of Tổng hợp). */
function projectColumns(programme: Programme): ColumnDef[] {
  return [
    { key: 'stt', role: 'stt', group: null, header: 'STT', width: 6, input: true },
    { key: 'content', role: 'content', group: null, header: 'Nội dung', width: 48, input: true },
    { key: 'unitName', role: 'unitName', group: null, header: 'Đơn vị thực hiện', width: 22, input: true },
    { key: 'location', role: 'location', group: null, header: 'Địa bàn', width: 16, input: true },
    { key: 'total', role: 'amount', source: 'total', group: null, header: 'Tổng cộng', width: 13, input: false },
    { key: 'central', role: 'amount', source: 'central', group: 'Ngân sách trung ương', header: 'Tổng', width: 12, input: false },
    { key: 'centralInvestment', role: 'amount', source: 'centralInvestment', group: 'Ngân sách trung ương', header: 'Đầu tư phát triển', width: 12, input: true },
    { key: 'centralRecurrent', role: 'amount', source: 'centralRecurrent', group: 'Ngân sách trung ương', header: recurrentHeader(programme), width: 12, input: true },
    { key: 'local', role: 'amount', source: 'local', group: null, header: 'Ngân sách địa phương', width: 12, input: true },
    { key: 'integrated', role: 'amount', source: 'integrated', group: null, header: 'Vốn lồng ghép', width: 12, input: true },
    { key: 'credit', role: 'amount', source: 'credit', group: null, header: 'Vốn tín dụng chính sách', width: 12, input: true },
    { key: 'mobilised', role: 'amount', source: 'mobilised', group: null, header: 'Vốn huy động khác', width: 12, input: true },
    { key: 'note', role: 'note', group: null, header: 'Ghi chú', width: 18, input: true },
    { key: 'check', role: 'check', group: null, header: 'Kiểm tra', width: 14, input: false },
    { key: 'code', role: 'code', group: null, header: 'Mã', width: 11, input: true },
    { key: 'kind', role: 'kind', group: null, header: 'Loại dòng', width: 9, input: true },
  ];
}

/** Row positions (0-based) shared by project sheets and Tổng hợp. */
export const ROWS = {
  title: 0,
  subtitle: 1,
  unit: 2,
  header1: 3,
  header2: 4,
  numbers: 5,
  firstData: 6,
} as const;

/** One sheet's columns: their definitions, and each key's 0-based index and letter. */
export interface SheetColumns<K extends ColumnKey = ColumnKey> {
  readonly defs: readonly ColumnDef<K>[];
  readonly index: Readonly<Record<K, number>>;
  readonly letter: Readonly<Record<K, string>>;
  /** 0-based indexes of the amount columns, left to right. */
  readonly amounts: readonly number[];
}

/** Either sheet's columns seen alike (by the reader and the rules): a key the sheet lacks has no index. */
export interface SomeSheetColumns {
  readonly defs: readonly ColumnDef[];
  readonly index: Readonly<Record<SummaryColumnKey, number> & Partial<Record<ColumnKey, number>>>;
  readonly letter: Readonly<Record<SummaryColumnKey, string> & Partial<Record<ColumnKey, string>>>;
  readonly amounts: readonly number[];
}

export interface PlanColumns {
  readonly project: SheetColumns<ColumnKey>;
  readonly summary: SheetColumns<SummaryColumnKey>;
}

function columnsOf<K extends ColumnKey>(defs: ColumnDef<K>[]): SheetColumns<K> {
  const index = {} as Record<K, number>;
  const letter = {} as Record<K, string>;
  defs.forEach((d, i) => {
    index[d.key] = i;
    letter[d.key] = columnLetter(i);
  });
  const amounts = defs.map((d, i) => (d.role === 'amount' ? i : -1)).filter((i) => i >= 0);
  return Object.freeze({ defs: Object.freeze(defs.map((d) => Object.freeze(d))), index: Object.freeze(index), letter: Object.freeze(letter), amounts: Object.freeze(amounts) });
}

const COLUMNS = new Map<Programme, PlanColumns>();

/**
 * The columns of a programme's project sheets and Tổng hợp, made once per programme and shared
 * (frozen) by every writer and reader: the template, the annexes, send-safe, export, the reader.
 */
export function planColumns(programme: Programme): PlanColumns {
  let found = COLUMNS.get(programme);
  if (!found) {
    const project = projectColumns(programme);
    const summary = project.filter((d): d is ColumnDef<SummaryColumnKey> => d.role !== 'unitName' && d.role !== 'location');
    found = Object.freeze({ project: columnsOf(project), summary: columnsOf(summary) });
    COLUMNS.set(programme, found);
  }
  return found;
}

export const AMOUNT_INPUTS: readonly InputSource[] = ['centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'];

/** Fields of Thông tin: label, named range, and how the value is typed. */
export interface InfoField {
  key: string;
  label: string;
  name: string;
  kind: 'text' | 'number' | 'list';
  options?: string[];
}

export const INFO_FIELDS: readonly InfoField[] = [
  { key: 'issuer', label: 'Cơ quan ban hành', name: 'KH_CoQuan', kind: 'text' },
  { key: 'level', label: 'Cấp', name: 'KH_Cap', kind: 'list', options: Object.values(LEVEL_LABEL) },
  { key: 'area', label: 'Địa bàn', name: 'KH_DiaBan', kind: 'text' },
  { key: 'province', label: 'Tỉnh', name: 'KH_Tinh', kind: 'text' },
  { key: 'programme', label: 'Chương trình', name: 'KH_ChuongTrinh', kind: 'list', options: ['2021-2025', '2026-2035'] },
  { key: 'year', label: 'Kỳ kế hoạch (năm)', name: 'KH_Nam', kind: 'number' },
  { key: 'documentNumber', label: 'Số hiệu kế hoạch', name: 'KH_SoHieu', kind: 'text' },
  { key: 'documentDate', label: 'Ngày ban hành', name: 'KH_Ngay', kind: 'text' },
  { key: 'unit', label: 'Đơn vị tính', name: 'KH_DonViTinh', kind: 'list', options: ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'] },
  { key: 'decimals', label: 'Số chữ số thập phân', name: 'KH_SoThapPhan', kind: 'number' },
  { key: 'provinceGroup', label: 'Nhóm tỉnh (đối ứng 1: 3%, 2: 10%, 3: 15%)', name: 'KH_NhomTinh', kind: 'list', options: ['1', '2', '3'] },
  { key: 'poorDistrict', label: 'Huyện nghèo / xã ĐBKK bãi ngang', name: 'KH_HuyenNgheo', kind: 'list', options: ['có', 'không'] },
  { key: 'preparer', label: 'Người lập biểu', name: 'KH_NguoiLap', kind: 'text' },
  { key: 'signerAuthority', label: 'Thẩm quyền ký', name: 'KH_ThamQuyen', kind: 'text' },
  { key: 'signerTitle', label: 'Chức danh người ký', name: 'KH_ChucDanh', kind: 'text' },
  { key: 'signerName', label: 'Người ký', name: 'KH_NguoiKy', kind: 'text' },
  { key: 'tolerance', label: 'Sai số cho phép khi kiểm tra', name: 'KH_SaiSo', kind: 'number' },
];

/** Stated totals on Thông tin: one row per source, value typed from the plan document. */
/** The sources a plan document states a total for: Tổng hợp's amount columns. */
export type StatedSource = Extract<SourceKey, SummaryColumnKey>;
export const STATED_SOURCES: readonly StatedSource[] = ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'];

export const INFO_ROWS = {
  title: 0,
  firstField: 2,
  /** Header of the stated-totals table, after the fields and a blank row. */
  statedHeader: 2 + INFO_FIELDS.length + 1,
} as const;

export const NAMES = {
  tolerance: 'KH_SaiSo',
  grandTotal: 'KH_TongCong',
  units: 'DM_DonVi',
  kinds: 'DM_LoaiDong',
} as const;

/** The name of a project sheet: its catalogue code (DA3, HP1.ND4). */
export function projectSheetName(code: string): string {
  return code;
}
