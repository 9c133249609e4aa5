/**
 * What a rewrite through exceljs would lose. exceljs keeps cells, styles, merges, validations,
 * notes, images and tables, but not charts, PivotTables, shapes, slicers, sparklines, external
 * links, embedded objects, threaded comments, or defined names that are not plain ranges
 * (`=H7*TyLeDoiUng` comes back as something else, and its formulas turn #NAME?). Rather than a
 * list of what exceljs is said to drop, the input and the output KH is about to write are compared
 * part by part and tag by tag: only what is really missing from the output is reported.
 */
import { TagCounter, zipParts } from './preflight';
import { XmlScanner } from './xml-scan';

export type LossKind = 'charts' | 'pivots' | 'images' | 'shapes' | 'notes' | 'threadedComments' | 'names' | 'externalLinks' | 'slicers' | 'sparklines' | 'validations' | 'controls' | 'embeddings';

export interface Loss {
  kind: LossKind;
  count: number;
  /** The names lost (defined names), as written. */
  items?: string[];
}

/** Parts counted one per file, by kind. */
const PART_KINDS: Array<[LossKind, RegExp]> = [
  ['charts', /^xl\/(charts\/chart\d+|chartsheets\/sheet\d+)\.xml$/],
  ['pivots', /^xl\/pivotTables\/pivotTable\d+\.xml$/],
  ['images', /^xl\/media\/[^/]+$/],
  ['threadedComments', /^xl\/threadedComments\/[^/]+\.xml$/],
  ['externalLinks', /^xl\/externalLinks\/externalLink\d+\.xml$/],
  ['slicers', /^xl\/(slicers|timelines)\/[^/]+\.xml$/],
  ['controls', /^xl\/(ctrlProps|activeX)\/[^/]+\.xml$/],
  ['embeddings', /^xl\/embeddings\/[^/]+$/],
];

/** Tags counted inside parts, by kind (a tag counts when a space, `>` or `/` follows its name). */
const TAG_KINDS: Array<[LossKind, RegExp, string[]]> = [
  ['shapes', /^xl\/drawings\/drawing\d+\.xml$/, ['<xdr:sp', '<xdr:cxnSp']],
  ['notes', /^xl\/comments\d+\.xml$/, ['<comment']],
  ['sparklines', /^xl\/worksheets\/sheet\d+\.xml$/, ['<x14:sparklineGroup']],
  ['validations', /^xl\/worksheets\/sheet\d+\.xml$/, ['<x14:dataValidation']],
];

interface Name {
  key: string;
  shown: string;
  text: string;
}

/** Defined names of xl/workbook.xml, keyed by name and the sheet they belong to. */
async function namesOf(read: ((onChunk: (chunk: Buffer) => void) => Promise<void>) | undefined): Promise<Name[]> {
  if (!read) return [];
  const sheets: string[] = [];
  const names: Name[] = [];
  let current: { name: string; sheet: number | null } = { name: '', sheet: null };
  const scanner = new XmlScanner(
    ({ local, attributes }) => {
      if (local === 'sheet') sheets.push(attributes.name ?? '');
      if (local === 'definedName') current = { name: attributes.name ?? '', sheet: attributes.localSheetId !== undefined ? Number(attributes.localSheetId) : null };
    },
    new Set(['definedName']),
    (_local, text) => {
      const sheet = current.sheet === null ? '' : (sheets[current.sheet] ?? String(current.sheet));
      names.push({ key: `${current.name.toLowerCase()}|${sheet.toLowerCase()}`, shown: sheet ? `${sheet}!${current.name}` : current.name, text });
    },
  );
  await read((chunk) => scanner.feed(chunk));
  scanner.end();
  return names;
}

/** Two texts of a name mean the same: quotes, dollars, spaces and case aside. */
function sameReference(a: string, b: string): boolean {
  const norm = (t: string): string => t.replace(/^=/, '').replace(/['$\s]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

async function inventory(bytes: Buffer): Promise<{ counts: Map<LossKind, number>; names: Name[] }> {
  const counts = new Map<LossKind, number>();
  const add = (kind: LossKind, n: number): void => {
    counts.set(kind, (counts.get(kind) ?? 0) + n);
  };
  const parts = zipParts(bytes);
  for (const part of parts) {
    for (const [kind, pattern] of PART_KINDS) if (pattern.test(part.name)) add(kind, 1);
    const tagged = TAG_KINDS.filter(([, pattern]) => pattern.test(part.name));
    if (tagged.length === 0) continue;
    const counters = tagged.map(([kind, , tags]) => ({ kind, counter: new TagCounter(tags.map((t) => Buffer.from(t))) }));
    await part.read((chunk) => {
      for (const c of counters) c.counter.feed(chunk);
    });
    for (const c of counters) add(c.kind, c.counter.counts.reduce((x, y) => x + y, 0));
  }
  const names = await namesOf(parts.find((p) => p.name === 'xl/workbook.xml')?.read);
  return { counts, names };
}

/**
 * What the output lacks that the input had. `intended` kinds are dropped on purpose (send-safe
 * removes links to other files) and not reported.
 */
export async function rewriteLosses(input: Buffer, output: Buffer, intended: readonly LossKind[] = []): Promise<Loss[]> {
  const before = await inventory(input);
  const after = await inventory(output);
  const losses: Loss[] = [];
  for (const [kind, count] of before.counts) {
    const lost = count - (after.counts.get(kind) ?? 0);
    if (lost > 0 && !intended.includes(kind)) losses.push({ kind, count: lost });
  }
  const kept = new Map(after.names.map((n) => [n.key, n]));
  const lostNames = before.names.filter((n) => {
    const out = kept.get(n.key);
    return !out || !sameReference(out.text, n.text);
  });
  if (lostNames.length > 0) losses.push({ kind: 'names', count: lostNames.length, items: lostNames.map((n) => `${n.shown} (=${n.text.replace(/^=/, '')})`) });
  return losses;
}
