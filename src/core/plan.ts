/**
 * The plan spec: everything a plan workbook is generated from (and what `kh export` gives back).
 * Amounts are in the plan's unit; only input sources are stated — NSTW and Tổng are sums.
 */
import { Programme } from './programme';
import { MoneyUnit } from './units';
import { SourceKey } from './sources';

export type AdminLevel = 'tinh' | 'huyen' | 'xa';

/** The sources an officer types; NSTW = ĐTPT + SN and Tổng are formulas. */
export type InputSource = 'centralInvestment' | 'centralRecurrent' | 'local' | 'integrated' | 'credit' | 'mobilised';
export const INPUT_SOURCES: readonly InputSource[] = ['centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised'];

export type Amounts = Partial<Record<InputSource, number>>;

export interface Signer {
  name: string;
  /** "PHÓ CHỦ TỊCH" */
  title: string;
  /** "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", or "" when the chairman signs */
  authority: string;
}

/** A selected catalogue item (Dự án, Tiểu dự án, Nội dung thành phần). */
export interface PlanItem {
  /** Catalogue code: "DA3", "DA3.TDA2", "HP1.ND4". */
  code: string;
  /** Đơn vị thực hiện. */
  unitName?: string;
  /** Amounts of the item itself, used when it has no activity rows and no selected children. */
  amounts?: Amounts;
  note?: string;
}

/** An activity row (nội dung hoạt động) under a selected item without sub-items. */
export interface Activity {
  /** Catalogue code of the item it belongs to. */
  parent: string;
  name: string;
  unitName?: string;
  location?: string;
  note?: string;
  amounts: Amounts;
}

/** The six dimensions of multidimensional poverty a policy addresses (Biểu 02). */
export type Dimension = 'education' | 'health' | 'housing' | 'water' | 'information' | 'employment';
export const DIMENSIONS: readonly Dimension[] = ['education', 'health', 'housing', 'water', 'information', 'employment'];

/** Where a policy's money comes from (Biểu 02 "Nguồn vốn"); NSTW policy money is recurrent. */
export type PolicySource = 'central' | 'local' | 'integrated' | 'credit' | 'mobilised';
export const POLICY_SOURCES: readonly PolicySource[] = ['central', 'local', 'integrated', 'credit', 'mobilised'];

/** A row of Biểu 02: a policy for access to a basic social service. */
export interface Policy {
  dimension: Dimension;
  name: string;
  /** Căn cứ: the legal document, e.g. "NĐ 81/2021/NĐ-CP". */
  basis?: string;
  /** Đơn vị tính of the beneficiaries, e.g. "lượt học sinh". */
  unit?: string;
  beneficiaries?: number;
  amount?: number;
  source?: PolicySource;
  note?: string;
}

/** Money of another national target programme integrated into the plan (Biểu 03, part B). */
export interface OtherProgramme {
  name: string;
  amounts: Amounts;
  note?: string;
}

/** A row of the targets annex (Phụ lục chỉ tiêu). */
export interface Target {
  name: string;
  unit?: string;
  /** Thực hiện năm trước. */
  previous?: number;
  /** Kế hoạch năm. */
  planned?: number;
  note?: string;
}

export interface PlanSpec {
  programme: Programme;
  level: AdminLevel;
  /** Cơ quan ban hành, e.g. "UBND thành phố Lai Châu". */
  issuer: string;
  /** Địa bàn, e.g. "thành phố Lai Châu". */
  area: string;
  province: string;
  /** Kỳ kế hoạch. */
  year: number;
  /** Số hiệu, e.g. "45/KH-UBND". */
  documentNumber?: string;
  /** Ngày ban hành as written, e.g. "15/01/2024". */
  documentDate?: string;
  unit: MoneyUnit;
  /** Decimals shown for amounts; default 0 (2 for tỷ). */
  decimals?: number;
  /** Province group for the counterpart minimum (1: 3%, 2: 10%, 3: 15%). */
  provinceGroup?: 1 | 2 | 3;
  poorDistrict: boolean;
  preparer?: string;
  signer?: Signer;
  items: PlanItem[];
  activities: Activity[];
  /** Totals stated in the plan document, per source, to check the text against the tables. */
  statedTotals?: Partial<Record<SourceKey, number>>;
  /** Biểu 02 rows (input in the annex; this is what a new annex starts with). */
  policies?: Policy[];
  /** Biểu 03 part B rows. */
  otherProgrammes?: OtherProgramme[];
  /** Phụ lục chỉ tiêu rows. */
  targets?: Target[];
}

export const LEVEL_LABEL: Readonly<Record<AdminLevel, string>> = { tinh: 'tỉnh', huyen: 'huyện', xa: 'xã' };
