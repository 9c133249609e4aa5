/** Programme catalogues (domain.md §2, §3): lookup by code, tolerant name matching, user items. */
export {
  getCatalog,
  extendCatalog,
  tryExtendCatalog,
  validateCatalog,
  findByCode,
  parseCodeReference,
  childrenOf,
  parentOf,
  type ExtendResult,
} from './catalog';
export { matchName, bestMatch, type NameMatch, type MatchOptions } from './match';
export {
  CatalogError,
  type Catalog,
  type CatalogEntry,
  type CatalogIssue,
  type CatalogIssueCode,
  type EntryKind,
  type UserEntryInput,
} from './types';
