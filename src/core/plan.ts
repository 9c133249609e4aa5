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

/** What an item or activity row holds: the input sources, and NSĐP split ĐTPT / SN when a document splits it. */
export type AmountKey = InputSource | 'localInvestment' | 'localRecurrent';
export type Amounts = Partial<Record<AmountKey, number>>;

/** Money a document states without saying its column: a total of no named source, NSTW not split ĐTPT / SN, vốn ngân sách nhà nước not split NSTW / NSĐP, SN or ĐTPT of no named budget. */
export type UndividedKey = 'total' | 'central' | 'state' | 'recurrent' | 'investment';

/** A stated figure's key: a source, or the undivided state budget (NSNN = NSTW + NSĐP). */
export type StatedKey = SourceKey | 'state';

/** Where a figure of the spec came from in the plan document. */
export interface FigureSource {
  /** Section path, e.g. "III.4.1.đ". */
  section: string;
  /** The words as written. */
  quote: string;
}

/** The parts of "Tổng nguồn lực" a document lists: the programme, other programmes integrated, policies, credit, anything else. */
export type ResourcePartKind = 'programme' | 'otherProgrammes' | 'policies' | 'credit' | 'other';

/** Totals of all resources (the level of Biểu 03: the programme, other programmes, policy money). */
export interface StatedResources {
  total?: number;
  parts?: Array<{ kind: ResourcePartKind; label: string; amount: number }>;
}

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
  /** Several implementing units (written "A; B" in the sheet when unitName is not given). */
  unitNames?: string[];
  /** Amounts of the item itself, used when it has no activity rows and no selected children. */
  amounts?: Amounts;
  /** Money stated for the item without its column (written in the row's note for the officer to place). */
  undivided?: Partial<Record<UndividedKey, number>>;
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
  /** Kỳ kế hoạch; for a multi-year plan, the first year of its period. */
  year: number;
  /** A multi-year plan (giai đoạn 2021–2025). */
  period?: { from: number; to: number };
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
  /** Totals stated in the plan document for the programme, per source, to check the text against the tables. */
  statedTotals?: Partial<Record<StatedKey, number>>;
  /** The unit the stated figures are written in when it is not the plan's (a summary in tỷ, detail in triệu). */
  statedUnit?: MoneyUnit;
  /** Totals stated for all resources (the programme, other programmes, policies). */
  statedResources?: StatedResources;
  /** Where figures and facts read from the plan document came from, by spec path ("items.DA2.centralRecurrent"). */
  provenance?: Record<string, FigureSource>;
  /** Biểu 02 rows (input in the annex; this is what a new annex starts with). */
  policies?: Policy[];
  /** Biểu 03 part B rows. */
  otherProgrammes?: OtherProgramme[];
  /** Phụ lục chỉ tiêu rows. */
  targets?: Target[];
}

export const LEVEL_LABEL: Readonly<Record<AdminLevel, string>> = { tinh: 'tỉnh', huyen: 'huyện', xa: 'xã' };

/** The level a label names ("huyện" → huyen), as Thông tin writes it; null for any other text. */
export function levelFromLabel(label: string): AdminLevel | null {
  const t = label.trim().normalize('NFC').toLowerCase();
  return (Object.keys(LEVEL_LABEL) as AdminLevel[]).find((k) => LEVEL_LABEL[k] === t) ?? null;
}
