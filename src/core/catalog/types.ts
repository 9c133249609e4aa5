/** Programme catalogue types: the fixed list of Dự án / Tiểu dự án (2021–2025) or Hợp phần / Nội dung thành phần (2026+). */
import type { Programme } from '../programme';

/** Dự án, Tiểu dự án (2021–2025); Hợp phần, Nội dung thành phần (2026–2035). */
export type EntryKind = 'project' | 'subproject' | 'component' | 'content';

export interface CatalogEntry {
  /** Catalogue code: 'DA3', 'DA3.TDA2'; 2026+: 'HP1', 'HP1.ND4', 'HP2.ND1'. */
  code: string;
  /** Machine outline code used in sheets: 'DA3', 'DA3.2'; 'HP1', 'HP1.4', 'HP2.1'. */
  outline: string;
  /** Parent catalogue code. */
  parent: string | null;
  kind: EntryKind;
  /** The fixed display number: DA4's TDA1 and TDA3 stay 1 and 3 even when TDA2 is absent. */
  number: number;
  /** Official name. */
  name: string;
  /** Name variants seen in real plans. */
  aliases: string[];
  /** ĐTPT allowed / SN (2026+: chi thường xuyên) allowed. */
  money: { investment: boolean; recurrent: boolean };
  /** Only for poor districts / xã ĐBKK bãi ngang (QĐ 353/QĐ-TTg list). */
  poorAreaOnly: boolean;
  note?: string;
  userAdded?: boolean;
}

export interface Catalog {
  programme: Programme;
  entries: readonly CatalogEntry[];
}

/**
 * A user-added item: outline defaults to parent outline + "." + number; aliases to none;
 * money and poorAreaOnly to the parent's (or the entry it overrides).
 */
export type UserEntryInput = Omit<CatalogEntry, 'outline' | 'aliases' | 'money' | 'poorAreaOnly' | 'userAdded'> &
  Partial<Pick<CatalogEntry, 'outline' | 'aliases' | 'money' | 'poorAreaOnly' | 'userAdded'>>;

export type CatalogIssueCode =
  | 'invalid-entry'
  | 'duplicate-code'
  | 'duplicate-outline'
  | 'missing-parent'
  | 'parent-cycle'
  | 'outline-mismatch';

export interface CatalogIssue {
  readonly code: CatalogIssueCode;
  /** Catalogue code of the entry concerned. */
  readonly entry: string;
}

/** Thrown by extendCatalog; `issues` carries the typed codes for the caller's message catalogue. */
export class CatalogError extends Error {
  readonly issues: readonly CatalogIssue[];
  constructor(issues: readonly CatalogIssue[]) {
    super(issues.map((i) => `${i.code}:${i.entry}`).join(', '));
    this.name = 'CatalogError';
    this.issues = issues;
  }
}
