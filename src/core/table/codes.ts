/**
 * Catalogue codes for the rows of an officer's table: "Dự án 3", "Tiểu dự án 2: Cải thiện dinh
 * dưỡng", "DA4-TDA1", "Hợp phần thứ nhất", or an official name written loosely. A name is taken
 * only where the tree allows it (a Tiểu dự án under its own Dự án), so an activity named like a
 * sub-project is not mistaken for one. Every row also knows the item it belongs to (its own, or the
 * nearest above it), which the rules use for eligibility and money type.
 */
import { Catalog, CatalogEntry, bestMatch, childrenOf, findByCode, matchName } from '../catalog';
import { foldForMatch } from '../text/normalize';

const NAME_MIN = 0.75;

function topOf(catalog: Catalog, entry: CatalogEntry | null): CatalogEntry | null {
  let e = entry;
  for (let i = 0; e && e.parent !== null && i < 8; i++) e = findByCode(catalog, e.parent);
  return e;
}

function romanOrNumber(t: string): number | null {
  const words: Record<string, number> = { nhat: 1, mot: 1, i: 1, hai: 2, ii: 2, ba: 3, iii: 3 };
  if (/^\d+$/.test(t)) return Number(t);
  return words[t] ?? null;
}

/** The entry a row's name refers to explicitly by number ("Tiểu dự án 2"), given the item above it. */
function explicitEntry(catalog: Catalog, folded: string, above: CatalogEntry | null): CatalogEntry | null {
  let m = /^(?:du an|da)\s*(\d+)(?:\s*(?:tieu du an|tda)\s*(\d+))?\b/.exec(folded);
  if (m) return findByCode(catalog, m[2] ? `DA${m[1]}.TDA${m[2]}` : `DA${m[1]}`);
  m = /^(?:tieu du an|tda)\s*(\d+)\b/.exec(folded);
  if (m) {
    const top = topOf(catalog, above);
    return top ? findByCode(catalog, `${top.code}.TDA${m[1]}`) : null;
  }
  m = /^hop phan\s*(?:thu\s*)?(nhat|mot|hai|ba|i{1,3}|\d+)\b(?:\s*(?:noi dung thanh phan|ndtp|nd)\s*(\d+))?/.exec(folded);
  if (m) {
    const n = romanOrNumber(m[1]);
    return n === null ? null : findByCode(catalog, m[2] ? `HP${n}.ND${Number(m[2])}` : `HP${n}`);
  }
  m = /^(?:noi dung thanh phan|ndtp)\s*(?:so\s*)?(\d+)\b/.exec(folded);
  if (m) {
    const top = topOf(catalog, above);
    return top ? findByCode(catalog, `${top.code}.ND${Number(m[1])}`) : null;
  }
  return null;
}

/** What a name says before the tree is known: a project / component, or one of their parts. */
export function catalogKindOf(catalog: Catalog, label: string): 'project' | 'sub' | null {
  const f = foldForMatch(label);
  if (/^(?:du an|da)\s*\d+\s*[-.]?\s*(?:tieu du an|tda)\s*\d+\b/.test(f) || /^(?:tieu du an|tda)\s*\d+\b/.test(f) || /^(?:noi dung thanh phan|ndtp)\s*(?:so\s*)?\d+\b/.test(f)) return 'sub';
  if (/^(?:du an|da)\s*\d+\b/.test(f) || /^hop phan\b/.test(f)) {
    // "Dự án 3 - Cải thiện dinh dưỡng" names a sub-project by its words
    const entry = explicitEntry(catalog, f, null);
    return entry && refineByName(catalog, entry, label) !== entry ? 'sub' : 'project';
  }
  return null;
}

/** The entry or one of its children, whichever the words after the reference name best. */
function refineByName(catalog: Catalog, entry: CatalogEntry, label: string): CatalogEntry {
  const words = label.replace(/^[^:\-–—]*?(?:dự án|da|tiểu dự án|tda|hợp phần|nội dung thành phần)\s*(?:thứ\s*)?[\w]+\s*[:.\-–—]?\s*/iu, '').trim();
  const kids = childrenOf(catalog, entry.code);
  if (words === '' || kids.length === 0) return entry;
  const match = bestMatch({ programme: catalog.programme, entries: [entry, ...kids] }, words);
  return match && match.confidence >= NAME_MIN ? match.entry : entry;
}

export interface CodedRow {
  label: string;
  parent: number | null;
  total: boolean;
}

/** Codes for every row, in order (parents come before their children). */
export function assignCodes(catalog: Catalog, rows: readonly CodedRow[]): { codes: Array<string | null>; entries: Array<CatalogEntry | null>; items: Array<CatalogEntry | null> } {
  const codes: Array<string | null> = new Array(rows.length).fill(null);
  const entries: Array<CatalogEntry | null> = new Array(rows.length).fill(null);
  const items: Array<CatalogEntry | null> = new Array(rows.length).fill(null);
  const anyCodeAbove = (i: number): boolean => {
    for (let p = rows[i].parent; p !== null; p = rows[p].parent) if (codes[p] !== null) return true;
    return false;
  };
  rows.forEach((row, i) => {
    const parentIndex = row.parent;
    items[i] = parentIndex === null ? null : items[parentIndex];
    if (row.total || row.label === '') return;
    const aboveEntry = parentIndex === null ? null : nearestEntry(rows, entries, parentIndex);
    // a name is matched right under an item or where no item is above: never under an activity
    const nameAllowed = parentIndex === null || entries[parentIndex] !== null || items[parentIndex] === null;
    const folded = foldForMatch(row.label);
    let entry = explicitEntry(catalog, folded, aboveEntry);
    // "Dự án 3 - Cải thiện dinh dưỡng": the number names the project, the words one of its sub-projects
    if (entry) entry = refineByName(catalog, entry, row.label);
    if (!entry && nameAllowed) {
      const match = bestMatch(catalog, row.label);
      if (match && match.confidence >= NAME_MIN) {
        const fits = aboveEntry ? match.entry.parent?.toUpperCase() === aboveEntry.code.toUpperCase() : !anyCodeAbove(i);
        if (fits) entry = match.entry;
      }
    }
    if (entry) {
      entries[i] = entry;
      items[i] = entry;
      codes[i] = entry.outline;
    }
  });
  // "Dự án 3 - Hỗ trợ phát triển sản xuất" beside "Dự án 3 - Cải thiện dinh dưỡng": both are parts of
  // Dự án 3, so the first is the part its words fit among those its siblings left
  rows.forEach((row, i) => {
    const e = entries[i];
    if (!e || childrenOf(catalog, e.code).length === 0) return;
    const siblings = rows.map((r, k) => (k !== i && r.parent === row.parent ? entries[k] : null)).filter((x): x is CatalogEntry => x !== null);
    const taken = siblings.filter((x) => x.parent?.toUpperCase() === e.code.toUpperCase());
    if (taken.length === 0) return;
    const free = childrenOf(catalog, e.code).filter((k) => !taken.includes(k));
    const words = row.label.replace(/^[^:\-–—]*?(?:dự án|da)\s*\d+\s*[:.\-–—]?\s*/iu, '').trim();
    if (free.length === 0 || words === '') return;
    const match = matchName({ programme: catalog.programme, entries: free }, words, { minConfidence: 0.5, limit: 2 });
    if (match.length === 0 || (match[1] && match[0].confidence - match[1].confidence < 0.05)) return;
    entries[i] = match[0].entry;
    codes[i] = match[0].entry.outline;
    items[i] = match[0].entry;
  });
  rows.forEach((row, i) => {
    if (!entries[i]) items[i] = row.parent === null ? null : items[row.parent];
  });
  return { codes, entries, items };
}

function nearestEntry(rows: readonly CodedRow[], entries: Array<CatalogEntry | null>, from: number): CatalogEntry | null {
  for (let p: number | null = from; p !== null; p = rows[p].parent) if (entries[p]) return entries[p];
  return null;
}
