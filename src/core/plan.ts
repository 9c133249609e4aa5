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
}

export const LEVEL_LABEL: Readonly<Record<AdminLevel, string>> = { tinh: 'tỉnh', huyen: 'huyện', xa: 'xã' };
