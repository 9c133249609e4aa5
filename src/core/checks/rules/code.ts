/**
 * CODE: the machine codes and names of plan rows — codes repeated or without their parent row,
 * codes of Dự án / Tiểu dự án that are not in the catalogue, rows with money but no code (no total
 * counts them), catalogue rows whose name is another item's, and impossible references in the
 * text ("Tiểu dự án 1 thuộc Dự án 2").
 */
import { khColumns } from '../../table/kh-reader';
import { CatalogEntry, bestMatch, findByCode, matchName } from '../../catalog';
import { cellAddress } from '../../book/address';
import { buildOutline } from '../../outline';
import { entryLabel } from '../../book/template';
import { foldForMatch } from '../../text/normalize';
import { Finding, Severity } from '../finding';
import { DataRow, PlanModel, TableModel } from '../model';
import { Rule } from '../rule';
import { entryAt, hasCatalogChildren, hasMoney, textOf } from './entries';

/**
 * The shortest prefix of a code that should be a catalogue item but is not: "DA9" for DA9.1,
 * "DA4.4" for DA4.4.2; null when the code is a catalogue item or an activity under one (DA2.1:
 * Dự án 2 has no Tiểu dự án, so its children are activities).
 */
export function unknownRoot(model: PlanModel, code: string): string | null {
  const segments = code.split('.');
  let parent: CatalogEntry | null = null;
  for (let k = 1; k <= segments.length; k++) {
    const prefix = segments.slice(0, k).join('.');
    const entry = entryAt(model, prefix);
    if (entry) {
      parent = entry;
      continue;
    }
    if (parent === null || hasCatalogChildren(model, parent)) return prefix;
    return null;
  }
  return null;
}

/** "Tiểu dự án 1 thuộc Dự án 2", "Dự án 2 - Tiểu dự án 3", "DA2 TDA3" → project and sub-project numbers. */
export function subProjectReference(text: string): { project: number; sub: number } | null {
  // cheap test first: folding every activity name of a 50k-row plan costs more than the rule
  if (!/ti[eêếềểễệ]u|tda/i.test(text.normalize('NFC'))) return null;
  const f = foldForMatch(text);
  const subFirst = /(?:^| )(?:tieu du an |tda ?)(\d{1,3}) (?:(?:thuoc|cua) )?(?:du an |da ?)(\d{1,3})(?= |$)/.exec(f);
  if (subFirst) return { project: Number(subFirst[2]), sub: Number(subFirst[1]) };
  const projectFirst = /(?:^| )(?:du an |da ?)(\d{1,3}) (?:tieu du an |tda ?)(\d{1,3})(?= |$)/.exec(f);
  if (projectFirst) return { project: Number(projectFirst[1]), sub: Number(projectFirst[2]) };
  return null;
}

/** The content names the entry, tolerantly: official name, alias, close wording, or its bare reference. */
export function nameFits(model: PlanModel, entry: CatalogEntry, content: string): boolean {
  // "Tiểu dự án 1" alone on the DA7.1 row: the sheet says which Dự án
  const bare = /^(?:tieu du an|tda|noi dung thanh phan|ndtp|nd) ?(\d+)$/.exec(foldForMatch(content));
  if (bare && entry.parent !== null) return Number(bare[1]) === entry.number;
  const best = bestMatch(model.catalog, content);
  if (best) return best.entry === entry || foldForMatch(best.entry.name) === foldForMatch(entry.name);
  return matchName(model.catalog, content, { limit: 10 }).some((m) => m.entry === entry);
}

function nextChild(base: string, used: Set<string>): string {
  let max = 0;
  for (const c of used) {
    if (!c.startsWith(`${base}.`)) continue;
    const n = Number(c.slice(base.length + 1).split('.')[0]);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${base}.${max + 1}`;
}

/** A code for a row that has none, from the coded row above it (a child of a group, a sibling of an activity). */
function exampleCode(model: PlanModel, table: TableModel, codes: (string | null)[], i: number): string {
  const used = new Set(codes.filter((c): c is string => c !== null));
  for (let j = i - 1; j >= 0; j--) {
    const code = codes[j];
    if (code === null) continue;
    const row = table.rows[j];
    const entry = entryAt(model, code);
    if (row.kind === 'group' || (entry && !hasCatalogChildren(model, entry))) return nextChild(code, used);
    const cut = code.lastIndexOf('.');
    return cut > 0 ? nextChild(code.slice(0, cut), used) : nextChild(code, used);
  }
  const base = table.entryCode ? findByCode(model.catalog, table.entryCode)?.outline ?? table.entryCode : model.catalog.entries[0]?.outline ?? 'DA1';
  return nextChild(base, used);
}

function checkTable(model: PlanModel, table: TableModel): Finding[] {
  const out: Finding[] = [];
  const layout = khColumns(table);
  if (!layout) return out;
  const I = layout.index;
  const codeCell = (r: DataRow): string => cellAddress(r.row, I.code);
  const contentCell = (r: DataRow): string => cellAddress(r.row, I.content);
  const push = (severity: Severity, cell: string, key: Finding['message']['key'], params: Finding['message']['params'], extra: Partial<Finding> = {}): void => {
    out.push({ rule: 'CODE', severity, sheet: table.name, cell, message: { key, params }, ...extra });
  };

  const tree = buildOutline(table.rows.map((r) => (r.rawCode === 'TONG' ? null : r.rawCode)));
  const { codes } = tree;

  // codes that should be catalogue items and are not: one finding per unknown item
  const unknownRows = new Set<number>();
  const byRoot = new Map<string, number[]>();
  codes.forEach((code, i) => {
    if (code === null) return;
    const root = unknownRoot(model, code);
    if (root === null) return;
    unknownRows.add(i);
    const list = byRoot.get(root) ?? [];
    list.push(i);
    byRoot.set(root, list);
  });
  for (const [root, rows] of byRoot) {
    const at = rows.find((i) => codes[i] === root) ?? rows[0];
    const row = table.rows[at];
    push('error', codeCell(row), 'rule.CODE.unknown', { code: codes[at] as string }, {
      related: rows.filter((i) => i !== at).map((i) => codeCell(table.rows[i])),
    });
  }

  for (const issue of tree.issues) {
    if (issue.kind === 'malformed') {
      const row = table.rows[issue.row];
      push('error', codeCell(row), 'rule.CODE.unknown', { code: issue.text });
    } else if (issue.kind === 'duplicate') {
      const row = table.rows[issue.rows[1]];
      push('error', codeCell(row), 'rule.CODE.duplicate', { code: issue.code, rows: issue.rows.map((i) => table.rows[i].row + 1).join(', ') }, {
        related: issue.rows.filter((i) => i !== issue.rows[1]).map((i) => codeCell(table.rows[i])),
      });
    }
  }

  // a missing parent row is one cause, however many rows hang below it
  // catalogue items above a sheet's own item (Hợp phần above a Nội dung thành phần sheet, in
  // Tổng hợp) have no row by design
  const sheetEntry = table.entryCode ? findByCode(model.catalog, table.entryCode) : null;
  const aboveSheet = (code: string): boolean =>
    entryAt(model, code) !== null && (table.role === 'summary' || (sheetEntry !== null && sheetEntry.outline.startsWith(`${code}.`)));
  const orphans = new Map<string, number[]>();
  for (const issue of tree.issues) {
    if (issue.kind !== 'orphan' || unknownRows.has(issue.row) || aboveSheet(issue.missingParent)) continue;
    const list = orphans.get(issue.missingParent) ?? [];
    list.push(issue.row);
    orphans.set(issue.missingParent, list);
  }
  for (const [parent, rows] of orphans) {
    const row = table.rows[rows[0]];
    push('warning', codeCell(row), 'rule.CODE.orphan', { code: codes[rows[0]] as string, parent }, {
      related: rows.slice(1).map((i) => codeCell(table.rows[i])),
    });
  }

  table.rows.forEach((row, i) => {
    const raw = textOf(row.rawCode);
    if (codes[i] === null && raw === '' && hasMoney(row)) {
      push('error', codeCell(row), 'rule.CODE.missingCode', { row: row.row + 1 }, {
        hint: { key: 'rule.CODE.missingCodeHint', params: { example: exampleCode(model, table, codes, i) } },
      });
    }
    const content = textOf(row.content);
    if (content === '') return;
    const ref = model.programme === '2021-2025' ? subProjectReference(content) : null;
    if (ref && !findByCode(model.catalog, `DA${ref.project}.TDA${ref.sub}`)) {
      push('error', contentCell(row), 'rule.CODE.impossible', { text: content, project: `Dự án ${ref.project}`, number: ref.sub });
      return;
    }
    // a repeated code is one cause: its second row's name says which code it should have had
    const entry = unknownRows.has(i) || tree.firstOf[i] !== i ? null : entryAt(model, codes[i]);
    if (!entry || nameFits(model, entry, content)) return;
    push('warning', contentCell(row), 'rule.CODE.name', { name: content, code: codes[i] as string }, {
      hint: { key: 'rule.CODE.nameHint', params: { official: entry.name } },
      fix: { kind: 'value', sheet: table.name, cell: contentCell(row), value: entryLabel(entry) },
    });
  });
  return out;
}

export const CODE: Rule = {
  id: 'CODE',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    return ctx.model.tables.filter((t) => t.origin === 'kh').flatMap((t) => checkTable(ctx.model, t));
  },
};
