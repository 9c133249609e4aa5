/**
 * The programme catalogues (domain.md §2, §3), lookup by code, and user extensions (2026+
 * "Nội dung 01…" lists were not published to us, so users add them).
 */
import type { Programme } from '../programme';
import { foldForMatch } from '../text/normalize';
import gnbvData from './data/gnbv-2021-2025.json';
import mtqgData from './data/mtqg-2026-2035.json';
import {
  CatalogError,
  type Catalog,
  type CatalogEntry,
  type CatalogIssue,
  type EntryKind,
  type UserEntryInput,
} from './types';
import { pushAll } from '../arrays';

const KINDS: readonly EntryKind[] = ['project', 'subproject', 'component', 'content'];

function isEntryShape(x: unknown): x is CatalogEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  const money = e.money as Record<string, unknown> | undefined;
  return typeof e.code === 'string' && e.code.trim() !== '' &&
    typeof e.outline === 'string' && e.outline.trim() !== '' &&
    (e.parent === null || typeof e.parent === 'string') &&
    KINDS.includes(e.kind as EntryKind) &&
    typeof e.number === 'number' && Number.isInteger(e.number) && e.number > 0 &&
    typeof e.name === 'string' && e.name.trim() !== '' &&
    Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string') &&
    typeof money === 'object' && money !== null &&
    typeof money.investment === 'boolean' && typeof money.recurrent === 'boolean' &&
    typeof e.poorAreaOnly === 'boolean';
}

function freezeEntry(e: CatalogEntry): CatalogEntry {
  return Object.freeze({ ...e, aliases: Object.freeze([...e.aliases]) as string[], money: Object.freeze({ ...e.money }) });
}

function freezeCatalog(programme: Programme, entries: readonly CatalogEntry[]): Catalog {
  return Object.freeze({ programme, entries: Object.freeze(entries.map(freezeEntry)) });
}

function load(programme: Programme, raw: { entries: unknown[] }): Catalog {
  const entries = raw.entries.filter(isEntryShape);
  return freezeCatalog(programme, entries);
}

const BUILT_IN: Readonly<Record<Programme, Catalog>> = {
  '2021-2025': load('2021-2025', gnbvData),
  '2026-2035': load('2026-2035', mtqgData),
};

/** The built-in catalogue of a programme (frozen, shared). */
export function getCatalog(programme: Programme): Catalog {
  return BUILT_IN[programme];
}

const upper = (s: string): string => s.trim().toUpperCase();

function entryByCode(catalog: Catalog, code: string): CatalogEntry | null {
  const key = upper(code);
  return catalog.entries.find((e) => upper(e.code) === key) ?? null;
}

/** Problems in a catalogue, as typed codes; empty when it is consistent. */
export function validateCatalog(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const codes = new Map<string, CatalogEntry>();
  const outlines = new Set<string>();
  for (const e of catalog.entries) {
    if (!isEntryShape(e)) {
      issues.push({ code: 'invalid-entry', entry: String((e as { code?: unknown })?.code ?? '') });
      continue;
    }
    if (codes.has(upper(e.code))) issues.push({ code: 'duplicate-code', entry: e.code });
    else codes.set(upper(e.code), e);
    if (outlines.has(upper(e.outline))) issues.push({ code: 'duplicate-outline', entry: e.code });
    outlines.add(upper(e.outline));
  }
  for (const e of codes.values()) {
    if (e.parent === null) continue;
    const parent = codes.get(upper(e.parent));
    if (!parent) {
      issues.push({ code: 'missing-parent', entry: e.code });
      continue;
    }
    // Walk up: a parent chain longer than the catalogue is a cycle.
    let p: CatalogEntry | undefined = parent;
    let steps = 0;
    while (p && p.parent !== null && steps <= codes.size) {
      p = codes.get(upper(p.parent));
      steps++;
    }
    if (steps > codes.size) {
      issues.push({ code: 'parent-cycle', entry: e.code });
      continue;
    }
    if (upper(e.outline) !== upper(`${parent.outline}.${e.number}`)) issues.push({ code: 'outline-mismatch', entry: e.code });
  }
  return issues;
}

export type ExtendResult = { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] };

/**
 * Adds user items to a catalogue; a user entry with an existing code overrides it (fields
 * it leaves out keep the overridden entry's values). Returns typed issues instead of throwing.
 */
export function tryExtendCatalog(catalog: Catalog, extra: readonly UserEntryInput[]): ExtendResult {
  const merged = new Map<string, CatalogEntry>();
  for (const e of catalog.entries) merged.set(upper(e.code), e);
  const seen = new Set<string>();
  const issues: CatalogIssue[] = [];
  const pending: UserEntryInput[] = [];
  for (const x of extra) {
    if (typeof x?.code !== 'string' || x.code.trim() === '') {
      issues.push({ code: 'invalid-entry', entry: '' });
      continue;
    }
    const key = upper(x.code);
    if (seen.has(key)) {
      issues.push({ code: 'duplicate-code', entry: x.code });
      continue;
    }
    seen.add(key);
    pending.push(x);
  }
  // Children may come before their parents in the user's list: resolve until nothing changes.
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const x = pending[i];
      const key = upper(x.code);
      const base = merged.get(key);
      const parentCode = x.parent ?? null;
      const parent = parentCode === null ? null : merged.get(upper(parentCode));
      if (parentCode !== null && !parent) continue; // parent may still be pending
      const entry: CatalogEntry = {
        ...base,
        ...x,
        code: x.code.trim(),
        parent: parent ? parent.code : null,
        outline: x.outline ?? (parent ? `${parent.outline}.${x.number}` : base?.outline ?? x.code.trim()),
        aliases: [...(x.aliases ?? base?.aliases ?? [])],
        money: { ...(x.money ?? base?.money ?? parent?.money ?? { investment: true, recurrent: true }) },
        poorAreaOnly: x.poorAreaOnly ?? base?.poorAreaOnly ?? parent?.poorAreaOnly ?? false,
        userAdded: true,
      };
      merged.set(key, entry);
      pending.splice(i, 1);
      i--;
      progress = true;
    }
  }
  for (const x of pending) issues.push({ code: 'missing-parent', entry: x.code });
  const result = freezeCatalog(catalog.programme, [...merged.values()]);
  pushAll(issues, validateCatalog(result));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, catalog: result };
}

/** Like tryExtendCatalog but throws a CatalogError (typed issue codes) when the result is inconsistent. */
export function extendCatalog(catalog: Catalog, extra: readonly UserEntryInput[]): Catalog {
  const r = tryExtendCatalog(catalog, extra);
  if (!r.ok) throw new CatalogError(r.issues);
  return r.catalog;
}

/**
 * Reads a written code reference ("DA3 TDA2", "Tiểu dự án 2 Dự án 3", "Hợp phần 1 Nội dung
 * thành phần 4", "DA3.2") as a catalogue code; null when the text is not only a reference.
 */
export function parseCodeReference(text: string): string | null {
  let f = foldForMatch(text);
  if (f === '') return null;
  f = f
    .replace(/\btieu du an\b/g, 'tda')
    .replace(/\bdu an\b/g, 'da')
    .replace(/\bhop phan(?: thu)?\b/g, 'hp')
    .replace(/\bnoi dung thanh phan\b/g, 'nd')
    .replace(/\bndtp\b/g, 'nd')
    .replace(/\b(hp) (nhat|i)\b/g, '$1 1')
    .replace(/\b(hp) (hai|ii)\b/g, '$1 2')
    .replace(/\b(tda|da|hp|nd) (\d+)\b/g, '$1$2');
  let top: { prefix: 'DA' | 'HP'; n: number } | null = null;
  let sub: number | null = null;
  let subKind: 'TDA' | 'ND' | null = null;
  for (const token of f.split(' ')) {
    if (token === 'thuoc' || token === 'cua') continue;
    let m: RegExpMatchArray | null;
    if ((m = token.match(/^(da|hp)(\d+)(?:(tda|nd)(\d+))?$/))) {
      if (top) return null;
      top = { prefix: m[1] === 'da' ? 'DA' : 'HP', n: parseInt(m[2], 10) };
      if (m[3]) {
        if (sub !== null) return null;
        subKind = m[3] === 'tda' ? 'TDA' : 'ND';
        sub = parseInt(m[4], 10);
      }
    } else if ((m = token.match(/^(tda|nd)(\d+)$/))) {
      if (sub !== null) return null;
      subKind = m[1] === 'tda' ? 'TDA' : 'ND';
      sub = parseInt(m[2], 10);
    } else if (/^\d+$/.test(token) && top && sub === null) {
      // Outline form "DA3.2" folds to "da3 2".
      sub = parseInt(token, 10);
      subKind = top.prefix === 'DA' ? 'TDA' : 'ND';
    } else {
      return null;
    }
  }
  if (!top) return null;
  if (sub === null) return `${top.prefix}${top.n}`;
  if ((top.prefix === 'DA') !== (subKind === 'TDA')) return null;
  return `${top.prefix}${top.n}.${subKind}${sub}`;
}

/**
 * Finds an entry by catalogue code ('DA3.TDA2', 'da3.tda2'), outline ('DA3.2'), or a written
 * reference ('DA3 TDA2', 'Dự án 3', 'Tiểu dự án 2 Dự án 3'). Null when there is none, e.g.
 * for impossible references like "Tiểu dự án 1 thuộc Dự án 2".
 */
export function findByCode(catalog: Catalog, code: string): CatalogEntry | null {
  if (typeof code !== 'string') return null;
  // checks look codes up for every row of big plans: remember the answers per catalogue
  let memo = LOOKUPS.get(catalog);
  if (!memo) LOOKUPS.set(catalog, (memo = new Map()));
  const known = memo.get(code);
  if (known !== undefined) return known;
  const found = lookUp(catalog, code);
  if (memo.size < 100_000) memo.set(code, found);
  return found;
}

const LOOKUPS = new WeakMap<Catalog, Map<string, CatalogEntry | null>>();

function lookUp(catalog: Catalog, code: string): CatalogEntry | null {
  const key = code.trim().toUpperCase().replace(/\s+/g, '');
  if (key === '') return null;
  const direct = catalog.entries.find((e) => upper(e.code) === key) ??
    catalog.entries.find((e) => upper(e.outline) === key);
  if (direct) return direct;
  const parsed = parseCodeReference(code);
  return parsed === null ? null : entryByCode(catalog, parsed);
}

/** Children of an entry (by any form findByCode accepts), in number order; null gives the top level. */
export function childrenOf(catalog: Catalog, code: string | null): CatalogEntry[] {
  let parentCode: string | null = null;
  if (code !== null) {
    const entry = findByCode(catalog, code);
    if (!entry) return [];
    parentCode = upper(entry.code);
  }
  return catalog.entries
    .filter((e) => (e.parent === null ? null : upper(e.parent)) === parentCode)
    .sort((a, b) => a.number - b.number);
}

/** The parent entry, or null for top-level or unknown entries. */
export function parentOf(catalog: Catalog, code: string): CatalogEntry | null {
  const entry = findByCode(catalog, code);
  return entry?.parent ? entryByCode(catalog, entry.parent) : null;
}
