/**
 * What changed between two versions of a plan (the draft a commune sent on Monday and the one it
 * sent on Friday): detail rows added, removed or moved to another project, amounts changed by
 * source with the difference, names and implementing units retyped, findings that appeared or
 * disappeared. Read from the one table model, so either version may be KH's layout or an
 * officer's own table.
 *
 * Rows are paired in three passes, surest first: the same code and name; then the same name (a
 * row moved to another project, or renumbered); then the same code (a row renamed in place).
 * What is left is added or removed.
 */
import { Finding, messageOf } from '../checks/finding';
import { CheckResult } from '../checks/engine';
import { convertUnit, sumExact } from '../money';
import { SourceKey, sourceTaxonomy } from '../sources';
import { foldForMatch } from '../text';
import { MoneyUnit } from '../units';
import type { Programme } from '../programme';
import { cellAddress } from '../book/address';
import { AMOUNT_KEYS, AmountKey, BudgetTable, TableRow } from '../table/model';
import { fingerprintTables } from './fingerprint';

export interface RowRef {
  sheet: string;
  /** The row's name cell ("B9"). */
  cell: string;
  code: string | null;
  /** The catalogue item (project, sub-project) the row belongs to; the sheet's name when none. */
  project: string;
  label: string;
  unitName: string;
}

export type Amounts = Partial<Record<AmountKey, number>>;

export type RowChange =
  | { kind: 'added'; row: RowRef; amounts: Amounts }
  | { kind: 'removed'; row: RowRef; amounts: Amounts }
  | { kind: 'moved'; from: RowRef; to: RowRef }
  | { kind: 'amount'; row: RowRef; source: AmountKey; cell: string; before: number | null; after: number | null; difference: number }
  | { kind: 'text'; row: RowRef; field: 'name' | 'unitName'; before: string; after: string };

export interface FindingRef {
  rule: string;
  severity: Finding['severity'];
  sheet: string;
  cell: string;
  message: { vi: string; en: string };
}

export interface PlanDiff {
  /** The unit every amount of the diff is in: the new version's. */
  unit: MoneyUnit;
  /** The new version's programme, whose names its sources go by. */
  programme: Programme;
  changes: RowChange[];
  /** Totals of the detail rows by source, before and after. */
  totals: Array<{ source: AmountKey; before: number; after: number; difference: number }>;
  findingsAppeared: FindingRef[];
  findingsDisappeared: FindingRef[];
}

interface Leaf {
  table: BudgetTable;
  row: TableRow;
  ref: RowRef;
  amounts: Amounts;
  /** The cell of each amount. */
  cells: Partial<Record<AmountKey, string>>;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).normalize('NFC').replace(/\s+/g, ' ').trim());

/** Sources that are sums of other sources the table holds (Tổng, NSTW with its ĐTPT/SN): their change is the parts'. */
function derivedKeys(table: BudgetTable): Set<AmountKey> {
  const present = AMOUNT_KEYS.filter((k) => table.amountCols[k] !== undefined);
  const parentOf = new Map(sourceTaxonomy(table.programme).map((s) => [s.key, s.parent]));
  // every ancestor of a column the table holds (Tổng above SN even without an NSTW column)
  const above = new Set<SourceKey>();
  for (const k of present) for (let p = parentOf.get(k) ?? null; p; p = parentOf.get(p) ?? null) above.add(p);
  return new Set(present.filter((k) => above.has(k)));
}

function leaves(result: CheckResult, unit: MoneyUnit): Leaf[] {
  const out: Leaf[] = [];
  for (const table of fingerprintTables(result.model.tables)) {
    const derived = derivedKeys(table);
    for (const row of table.rows) {
      if (row.kind !== 'leaf') continue;
      const amounts: Amounts = {};
      const cells: Partial<Record<AmountKey, string>> = {};
      for (const k of AMOUNT_KEYS) {
        const c = row.cells[k];
        if (!c || derived.has(k)) continue;
        cells[k] = c.address;
        if (c.number !== null && c.number !== 0 && table.unit) amounts[k] = convertUnit(c.number, table.unit, unit);
      }
      const ref: RowRef = {
        sheet: table.name,
        cell: cellAddress(row.row, table.contentCol),
        code: row.code,
        project: row.item ?? table.entryCode ?? table.name,
        label: row.label,
        unitName: text(row.unitName),
      };
      out.push({ table, row, ref, amounts, cells });
    }
  }
  return out;
}

/** Errors and warnings: what the officer has to act on (information notes restate figures). */
function findingRefs(result: CheckResult): FindingRef[] {
  return result.findings.filter((f) => f.severity !== 'info').map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: { vi: messageOf(f, 'vi'), en: messageOf(f, 'en') } }));
}

/** Findings are the same when the rule says the same thing on the same sheet (cells shift when rows are added). */
function findingDelta(before: FindingRef[], after: FindingRef[]): { appeared: FindingRef[]; disappeared: FindingRef[] } {
  const key = (f: FindingRef): string => `${f.rule}\u0000${f.sheet}\u0000${f.message.vi.replace(/\b[A-Z]{1,3}\d+\b/g, '')}`;
  const count = (list: FindingRef[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of list) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
    return m;
  };
  const take = (list: FindingRef[], other: Map<string, number>): FindingRef[] =>
    list.filter((f) => {
      const n = other.get(key(f)) ?? 0;
      if (n > 0) {
        other.set(key(f), n - 1);
        return false;
      }
      return true;
    });
  return { appeared: take(after, count(before)), disappeared: take(before, count(after)) };
}

export function diffPlans(before: CheckResult, after: CheckResult): PlanDiff {
  const unit = after.model.unit;
  const olds = leaves(before, unit);
  const news = leaves(after, unit);
  const pairOf = new Map<Leaf, Leaf>();
  const taken = new Set<Leaf>();
  const pass = (keyOf: (l: Leaf) => string | null): void => {
    const waiting = new Map<string, Leaf[]>();
    for (const o of olds) {
      if (taken.has(o)) continue;
      const k = keyOf(o);
      if (k !== null) waiting.set(k, [...(waiting.get(k) ?? []), o]);
    }
    for (const n of news) {
      if (pairOf.has(n)) continue;
      const k = keyOf(n);
      const o = k === null ? undefined : waiting.get(k)?.shift();
      if (!o) continue;
      pairOf.set(n, o);
      taken.add(o);
    }
  };
  const name = (l: Leaf): string | null => (l.ref.label ? foldForMatch(l.ref.label) : null);
  pass((l) => (l.ref.code && name(l) ? `${l.ref.code}\u0000${name(l)}` : null));
  pass(name);
  pass((l) => l.ref.code);

  const changes: RowChange[] = [];
  for (const n of news) {
    const o = pairOf.get(n);
    if (!o) {
      changes.push({ kind: 'added', row: n.ref, amounts: n.amounts });
      continue;
    }
    if (o.ref.project !== n.ref.project) changes.push({ kind: 'moved', from: o.ref, to: n.ref });
    if (text(o.ref.label) !== text(n.ref.label)) changes.push({ kind: 'text', row: n.ref, field: 'name', before: o.ref.label, after: n.ref.label });
    if (o.ref.unitName !== n.ref.unitName) changes.push({ kind: 'text', row: n.ref, field: 'unitName', before: o.ref.unitName, after: n.ref.unitName });
    for (const k of AMOUNT_KEYS) {
      const b = o.amounts[k] ?? null;
      const a = n.amounts[k] ?? null;
      if ((b ?? 0) === (a ?? 0)) continue;
      changes.push({ kind: 'amount', row: n.ref, source: k, cell: n.cells[k] ?? o.cells[k] ?? n.ref.cell, before: b, after: a, difference: sumExact([a ?? 0, -(b ?? 0)]) });
    }
  }
  for (const o of olds) if (!taken.has(o)) changes.push({ kind: 'removed', row: o.ref, amounts: o.amounts });

  const total = (list: Leaf[], k: AmountKey): number => sumExact(list.map((l) => l.amounts[k] ?? 0));
  const totals = AMOUNT_KEYS.map((k) => ({ source: k, before: total(olds, k), after: total(news, k) }))
    .filter((t) => t.before !== 0 || t.after !== 0)
    .map((t) => ({ ...t, difference: sumExact([t.after, -t.before]) }));
  const { appeared, disappeared } = findingDelta(findingRefs(before), findingRefs(after));
  return { unit, programme: after.model.tables[0]?.programme ?? before.model.tables[0]?.programme ?? '2021-2025', changes, totals, findingsAppeared: appeared, findingsDisappeared: disappeared };
}
