/**
 * The corpus's finding conventions (README.md, "Where a finding points"), executable: given a
 * workbook and the table structure DECLARED in expected.json (no recognition), the findings a
 * correct tool reports, one per root cause. It covers the arithmetic and catalogue rules; the
 * rules that need the headers read (UNMAPPED_COLUMN, UNIT_UNKNOWN) and LEGACY_TEXT are not
 * modelled. The corpus test checks every planted error's `expect` against it, so the expected
 * findings follow from the stated rules and not from a guess per case.
 *
 * This is a test oracle for the corpus, not a recogniser: it is told where the table, its
 * columns and its tree are.
 */
import { getCatalog, findByCode } from '../../src/core/catalog';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/book/snapshot';
import { columnLetters, columnNumber } from './calc';
import { CorpusFinding, CorpusInput, CorpusSourceKey, CorpusTable } from './schema';

/** The rules this oracle decides; the others are left to the recogniser's own tests. */
export const MODELLED_RULES = ['SRC_SPLIT', 'SRC_NSTW', 'SRC_NSDP', 'ROLLUP', 'FORMULA_RANGE', 'HIDDEN_ROW', 'TEXT_NUMBER', 'UNIT_SCALE', 'NEGATIVE', 'MONEY_TYPE', 'ELIGIBILITY', 'COUNTERPART'] as const;

/** An amount this many times its column's median (or that many times smaller) is a unit error. */
export const UNIT_SCALE_RATIO = 300;
const COUNTERPART_MINIMUM = { 1: 0.03, 2: 0.1, 3: 0.15 } as const;

type Key = string; // "D12"

interface Amount {
  /** What the officer meant: text read as the number it shows, the 1.005 trap read as 1005. */
  read: number;
  /** A constant (typed), not a formula. */
  typed: boolean;
}

/** "1.250,5" "2,460.8" "2,380" "  210" "1.005" "95 " → the number; null when the text is not a number. */
export function numberInText(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (!/^-?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  let normal: string;
  if (dot >= 0 && comma >= 0) normal = dot > comma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  else if (dot >= 0) normal = /^-?\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s;
  else if (comma >= 0) normal = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function decimals(n: number, places: number): boolean {
  const scaled = n * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled));
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 1000), 0) / 1000;
}

const REF = /(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;

/** Cells a formula reads on its own sheet (ranges expanded). */
function references(formula: string): Key[] {
  const out: Key[] = [];
  for (const m of formula.replace(/"[^"]*"/g, '').matchAll(REF)) {
    const a = m[1].replace(/\$/g, '');
    const b = (m[2] ?? m[1]).replace(/\$/g, '');
    const [, ca, ra] = /([A-Z]+)(\d+)/.exec(a) as RegExpExecArray;
    const [, cb, rb] = /([A-Z]+)(\d+)/.exec(b) as RegExpExecArray;
    for (let r = Math.min(+ra, +rb); r <= Math.max(+ra, +rb); r++) {
      for (let c = Math.min(columnNumber(ca), columnNumber(cb)); c <= Math.max(columnNumber(ca), columnNumber(cb)); c++) out.push(`${columnLetters(c)}${r}`);
    }
  }
  return out;
}

/** The findings a correct tool reports on this workbook for the declared tables (modelled rules only). */
export function referenceFindings(snapshot: WorkbookSnapshot, tables: readonly CorpusTable[], facts: CorpusInput['facts'] = {}): CorpusFinding[] {
  const out: CorpusFinding[] = [];
  for (const table of tables) {
    const sheet = snapshot.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    out.push(...tableFindings(sheet, table, facts ?? {}));
  }
  return out;
}

function tableFindings(sheet: SheetSnapshot, table: CorpusTable, facts: NonNullable<CorpusInput['facts']>): CorpusFinding[] {
  const findings: CorpusFinding[] = [];
  const flagged = new Set<Key>();
  const report = (rule: CorpusFinding['rule'], cell: Key) => {
    if (findings.some((f) => f.rule === rule && f.cell === cell)) return;
    findings.push({ rule, sheet: sheet.name, cell });
    flagged.add(cell);
  };
  const [top, bottom] = table.data.split(':').map((a) => Number(/\d+/.exec(a)?.[0]));
  const periods = table.periods ?? [{ label: 'plan', columns: table.columns, totals: table.totals }];
  const moneyColumns = periods.flatMap((p) => Object.keys(p.columns));
  const value = (cell: Key) => {
    const { col, row } = split(cell);
    return sheet.values[row - 1]?.[columnNumber(col) - 1] ?? null;
  };
  const formula = (cell: Key) => {
    const { col, row } = split(cell);
    return sheet.formulas[row - 1]?.[columnNumber(col) - 1] ?? null;
  };
  const hidden = new Set((sheet.hiddenRows ?? []).map((r) => r + 1));
  const children = new Map<number, number[]>(Object.entries(table.groups).map(([k, v]) => [Number(k), v]));
  const leavesUnder = (row: number): number[] => (children.has(row) ? (children.get(row) as number[]).flatMap(leavesUnder) : [row]);

  // ---- what each amount cell holds, and the findings on typed values ----
  const amounts = new Map<Key, Amount>();
  for (let r = top; r <= bottom; r++) {
    for (const col of moneyColumns) {
      const cell = `${col}${r}`;
      const v = value(cell);
      const typed = formula(cell) === null;
      if (typeof v === 'number') amounts.set(cell, { read: v, typed });
      else if (typeof v === 'string' && v.trim() !== '' && v.trim() !== '-') {
        const n = numberInText(v);
        amounts.set(cell, { read: n ?? 0, typed });
        if (n !== null && typed) report('TEXT_NUMBER', cell);
      } else amounts.set(cell, { read: 0, typed });
    }
  }
  const typedLeafCells = (col: string) => table.leafRows.map((r) => `${col}${r}`).filter((c) => amounts.get(c)?.typed && amounts.get(c)?.read !== 0 && !flagged.has(c));
  // the 1.005 trap: in triệu / tỷ, a typed value with exactly three decimals among integers and one-decimal values
  if (table.unit === 'trieu' || table.unit === 'ty') {
    const all = moneyColumns.flatMap(typedLeafCells);
    const three = (c: Key) => {
      const n = (amounts.get(c) as Amount).read;
      return Math.abs(n) < 1000 && decimals(n, 3) && !decimals(n, 2);
    };
    const suspects = all.filter(three);
    const others = all.filter((c) => !three(c));
    if (suspects.length > 0 && others.length >= 2 && suspects.length < others.length && others.every((c) => decimals((amounts.get(c) as Amount).read, 1))) {
      for (const c of suspects) {
        (amounts.get(c) as Amount).read *= 1000;
        report('TEXT_NUMBER', c);
      }
    }
  }
  for (const col of moneyColumns) {
    for (const cell of typedLeafCells(col)) if ((amounts.get(cell) as Amount).read < 0) report('NEGATIVE', cell);
    const cells = typedLeafCells(col);
    if (cells.length < 3) continue;
    for (const cell of cells) {
      const others = cells.filter((c) => c !== cell).map((c) => Math.abs((amounts.get(c) as Amount).read)).sort((a, b) => a - b);
      const median = others[Math.floor(others.length / 2)];
      const v = Math.abs((amounts.get(cell) as Amount).read);
      if (v >= median * UNIT_SCALE_RATIO || v * UNIT_SCALE_RATIO <= median) report('UNIT_SCALE', cell);
    }
  }
  const read = (cell: Key) => amounts.get(cell)?.read ?? 0;
  const totalColumn = (p: (typeof periods)[number]) => Object.entries(p.columns).find(([, k]) => k === 'total')?.[0];
  for (const r of table.leafRows) {
    if (!hidden.has(r)) continue;
    // the plan period's columns: its Tổng cell, or its first cell with money
    const money = Object.keys(table.columns).map((c) => `${c}${r}`).filter((c) => read(c) !== 0);
    if (money.length === 0) continue;
    const t = totalColumn({ label: 'plan', columns: table.columns, totals: table.totals });
    report('HIDDEN_ROW', t ? `${t}${r}` : money[0]);
  }

  // ---- taint: a formula that reads a cell with a finding repeats that root cause ----
  const tainted = new Set<Key>();
  const retaint = () => {
    tainted.clear();
    let changed = true;
    while (changed) {
      changed = false;
      for (let r = top; r <= bottom; r++) {
        for (const col of moneyColumns) {
          const cell = `${col}${r}`;
          const f = formula(cell);
          if (f === null || tainted.has(cell)) continue;
          if (references(f).some((x) => flagged.has(x) || tainted.has(x))) {
            tainted.add(cell);
            changed = true;
          }
        }
      }
    }
  };
  const carries = (cell: Key) => flagged.has(cell) || tainted.has(cell);
  retaint();

  // ---- row identities (NSTW = ĐTPT + SN, NSĐP = ĐTPT + SN, Tổng = sources) and groups against their children ----
  // Order makes "one finding per root cause": a row's own splits before its Tổng (a typed NSTW that
  // disagrees with both its parts and the Tổng is the odd one); leaf rows before groups; a group's
  // roll-up before its own identities; deeper groups before their parents. A formula that reads a
  // cell with a finding is tainted and not reported again.
  const identities = periods.flatMap((p) => {
    const colOf = new Map(Object.entries(p.columns).map(([c, k]) => [k, c]));
    const pick = (alternatives: CorpusSourceKey[]): string[] => {
      if (colOf.has(alternatives[0])) return [colOf.get(alternatives[0]) as string];
      return alternatives.slice(1).filter((k) => colOf.has(k)).map((k) => colOf.get(k) as string);
    };
    const list: Array<{ rule: CorpusFinding['rule']; whole?: string; parts: string[] }> = [
      { rule: 'SRC_NSTW', whole: colOf.get('central'), parts: pick(['centralInvestment']).concat(pick(['centralRecurrent'])) },
      { rule: 'SRC_NSDP', whole: colOf.get('local'), parts: pick(['localInvestment']).concat(pick(['localRecurrent'])) },
      { rule: 'SRC_SPLIT', whole: colOf.get('total'), parts: [...pick(['central', 'centralInvestment', 'centralRecurrent']), ...pick(['local', 'localInvestment', 'localRecurrent']), ...pick(['integrated']), ...pick(['credit']), ...pick(['mobilised'])] },
    ];
    return list.filter((id) => id.whole !== undefined && id.parts.length > 0);
  });
  const checkIdentities = (r: number) => {
    for (const id of identities) {
      const cells = [`${id.whole}${r}`, ...id.parts.map((c) => `${c}${r}`)];
      if (cells.some(carries)) continue;
      if (same(read(cells[0]), sum(cells.slice(1).map(read)))) continue;
      report(id.rule, cells[0]);
      retaint();
    }
  };
  for (const r of table.leafRows) checkIdentities(r);
  const depth = new Map<number, number>();
  const walk = (row: number, d: number) => {
    depth.set(row, d);
    for (const c of children.get(row) ?? []) walk(c, d + 1);
  };
  const childSet = new Set([...children.values()].flat());
  for (const root of [...children.keys()].filter((r) => !childSet.has(r))) walk(root, 0);
  const groups = [...children.keys()].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0));
  for (const g of groups) {
    for (const col of moneyColumns) {
      const cell = `${col}${g}`;
      const kids = (children.get(g) as number[]).map((k) => `${col}${k}`);
      if (carries(cell) || kids.some(carries)) continue;
      const have = read(cell);
      if (same(have, sum(kids.map(read)))) continue;
      // right against the leaves: a child is the wrong one
      if (same(have, sum(leavesUnder(g).map((r) => read(`${col}${r}`))))) continue;
      report(formula(cell) === null ? 'ROLLUP' : 'FORMULA_RANGE', cell);
    }
    retaint();
    checkIdentities(g);
  }

  // ---- catalogue rules, where rows are items ----
  const catalog = getCatalog(table.programme ?? facts.programme ?? '2021-2025');
  const investment = Object.entries(table.columns).find(([, k]) => k === 'centralInvestment')?.[0];
  const totalCol = Object.entries(table.columns).find(([, k]) => k === 'total')?.[0];
  const moneyOf = (row: number) => sum(leavesUnder(row).map((r) => (totalCol ? read(`${totalCol}${r}`) : sum(Object.keys(table.columns).map((c) => read(`${c}${r}`))))));
  const codes = Object.entries(table.codes ?? {}).map(([r, code]) => ({ row: Number(r), entry: findByCode(catalog, code) }));
  if (investment) {
    for (const { row, entry } of codes) {
      if (!entry || entry.money.investment) continue;
      for (const leaf of leavesUnder(row)) if (read(`${investment}${leaf}`) > 0) report('MONEY_TYPE', `${investment}${leaf}`);
    }
  }
  if (facts.poorArea === false) {
    const reported = new Set<number>();
    const ancestorsOf = (row: number): number[] => {
      const parent = [...children.entries()].find(([, kids]) => kids.includes(row))?.[0];
      return parent === undefined ? [] : [parent, ...ancestorsOf(parent)];
    };
    for (const { row, entry } of codes.sort((a, b) => (depth.get(a.row) ?? 0) - (depth.get(b.row) ?? 0))) {
      if (!entry?.poorAreaOnly || moneyOf(row) === 0) continue;
      if (ancestorsOf(row).some((a) => reported.has(a))) continue;
      reported.add(row);
      report('ELIGIBILITY', `${table.nameColumn}${row}`);
    }
  }
  if (facts.level === 'tinh' && facts.provinceGroup && table.totalRow !== null) {
    const t = table.totalRow;
    const local = Object.entries(table.columns).find(([, k]) => k === 'local')?.[0];
    const centralCols = colsFor(table, ['central']).length > 0 ? colsFor(table, ['central']) : colsFor(table, ['centralInvestment', 'centralRecurrent']);
    const inputs = [local, ...centralCols].filter((c): c is string => c !== undefined).map((c) => `${c}${t}`);
    if (local && centralCols.length > 0 && !inputs.some(carries)) {
      const central = sum(centralCols.map((c) => read(`${c}${t}`)));
      if (central > 0 && read(`${local}${t}`) / central < COUNTERPART_MINIMUM[facts.provinceGroup]) report('COUNTERPART', `${local}${t}`);
    }
  }
  return findings;
}

function colsFor(table: CorpusTable, keys: CorpusSourceKey[]): string[] {
  return Object.entries(table.columns).filter(([, k]) => keys.includes(k)).map(([c]) => c);
}

function split(cell: Key): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  return { col: m[1], row: Number(m[2]) };
}
