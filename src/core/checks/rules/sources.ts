/**
 * SRC_SPLIT (Tổng ≠ Σ sources), SRC_NSTW (NSTW ≠ ĐTPT + SN) and SRC_NSDP (NSĐP ≠ its ĐTPT + SN),
 * on the rows where an imbalance starts, in every table read — KH's and the officer's. Sources
 * listed under "Trong đó" (of which) need not add up to the whole: there only parts larger than
 * the whole are an error, parts smaller a warning.
 */
import { amountsEqual, sumExact } from '../../money';
import { Finding, RuleId } from '../finding';
import { AmountCell, AmountKey, BudgetTable, TableRow } from '../model';
import { Rule, RuleContext } from '../rule';
import { coercedText, gapParams, textAmount } from './helpers';
import { pushAll } from '../../arrays';

type Part = { key: AmountKey; split?: [AmountKey, AmountKey] };

const TOTAL_PARTS: Part[] = [
  { key: 'central', split: ['centralInvestment', 'centralRecurrent'] },
  { key: 'local', split: ['localInvestment', 'localRecurrent'] },
  { key: 'integrated' },
  { key: 'credit' },
  { key: 'mobilised' },
];

const SPLITS: Partial<Record<AmountKey, [AmountKey, AmountKey]>> = {
  central: ['centralInvestment', 'centralRecurrent'],
  local: ['localInvestment', 'localRecurrent'],
};

/** Other readings of the parts' sum: a part from its halves or from the rows below it, text amounts counted, money in a column of unknown source. */
function alternatives(table: BudgetTable, row: TableRow, cells: AmountCell[]): number[] {
  const keyOf = (c: AmountCell): AmountKey | undefined => (Object.keys(table.amountCols) as AmountKey[]).find((k) => table.amountCols[k] === c.col);
  const readings: Array<(c: AmountCell) => number | null> = [
    (c) => c.number ?? textAmount(c.value, table.unit),
    (c) => c.number ?? coercedText(c.value),
  ];
  const out: number[] = [];
  for (const read of readings) {
    const plain = (c: AmountCell): number => read(c) ?? 0;
    const fromSplit = (c: AmountCell): number => {
      const key = keyOf(c);
      const split = key ? SPLITS[key] : undefined;
      if (!split || split.some((k) => table.amountCols[k] === undefined)) return plain(c);
      return sumExact(split.map((k) => (row.cells[k] ? plain(row.cells[k] as AmountCell) : 0)));
    };
    // an aggregate row: each part as its rows add it up (a part typed wrong is ROLLUP's)
    const fromChildren = (c: AmountCell): number => {
      const key = keyOf(c);
      if (!key || row.children.length === 0) return plain(c);
      return sumExact(row.children.map((k) => { const x = table.rows[k].cells[key]; return x ? plain(x) : 0; }));
    };
    out.push(sumExact(cells.map(plain)), sumExact(cells.map(fromSplit)), sumExact(cells.map(fromChildren)));
  }
  // a column KH could not name may hold the rest (UNMAPPED_COLUMN says so)
  if (row.unmapped) pushAll(out, out.map((v) => sumExact([v, row.unmapped as number])));
  return out;
}

function identity(ctx: RuleContext, id: RuleId, whole: AmountKey, parts: (t: BudgetTable, r: TableRow) => AmountCell[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of ctx.model.tables) {
    const tolerance = ctx.toleranceFor(table);
    const columns = new Set(table.columns.filter((c) => c.role === 'amount').map((c) => c.col));
    const ofWhich = table.columns.some((c) => c.ofWhich && c.source !== null && c.source !== whole && columns.has(c.col));
    for (const row of table.rows) {
      const cell = row.cells[whole];
      if (!cell || cell.number === null) continue;
      // an aggregate row whose cell is a formula only repeats an imbalance found on the rows it sums
      // (or a wrong formula, which ROLLUP and FORMULA_SHAPE report): one finding per root cause
      const aggregate = table.role === 'summary' || row.kind === 'group' || row.kind === 'total';
      if (aggregate && cell.formula !== null) continue;
      const cells = parts(table, row);
      const numbers = cells.map((c) => c.number);
      if (numbers.every((n) => n === null)) continue;
      const computed = sumExact(numbers.map((n) => n ?? 0));
      if (amountsEqual(cell.number, computed, tolerance)) continue;
      // one cause, one finding: a whole that matches once a part is read from its own split (the part
      // was typed over: SRC_NSTW says so) or once a number stored as text is counted (TEXT_NUMBER)
      if (alternatives(table, row, cells).some((v) => amountsEqual(cell.number as number, v, tolerance))) continue;
      // "Trong đó": the parts named need not be all of the whole
      const partial = id === 'SRC_SPLIT' && ofWhich && computed < cell.number;
      const typedOver = cell.formula === null && cell.expected !== null;
      findings.push({
        rule: id,
        severity: partial ? 'warning' : 'error',
        sheet: table.name,
        cell: cell.address,
        related: cells.map((c) => c.address),
        message: { key: id === 'SRC_SPLIT' && ofWhich && !partial ? 'rule.SRC_SPLIT.ofWhich' : `rule.${id as 'SRC_SPLIT' | 'SRC_NSTW' | 'SRC_NSDP'}.message`, params: gapParams(cell.number, computed) },
        hint: { key: `rule.${id as 'SRC_SPLIT' | 'SRC_NSTW' | 'SRC_NSDP'}.hint`, params: {} },
        fix: typedOver && cell.expected ? { kind: 'formula', sheet: table.name, cell: cell.address, formula: cell.expected } : undefined,
      });
    }
  }
  return findings;
}

const present = (table: BudgetTable, row: TableRow, keys: AmountKey[]): AmountCell[] =>
  keys.filter((k) => table.amountCols[k] !== undefined).map((k) => row.cells[k]).filter((c): c is AmountCell => c !== undefined);

export const SRC_SPLIT: Rule = {
  id: 'SRC_SPLIT',
  severity: 'error',
  needsLayout: false,
  run: (ctx) => identity(ctx, 'SRC_SPLIT', 'total', (t, r) => TOTAL_PARTS.flatMap((p) => (t.amountCols[p.key] !== undefined ? present(t, r, [p.key]) : present(t, r, p.split ?? [])))),
};

export const SRC_NSTW: Rule = {
  id: 'SRC_NSTW',
  severity: 'error',
  needsLayout: false,
  run: (ctx) => identity(ctx, 'SRC_NSTW', 'central', (t, r) => present(t, r, ['centralInvestment', 'centralRecurrent'])),
};

export const SRC_NSDP: Rule = {
  id: 'SRC_NSDP',
  severity: 'error',
  needsLayout: false,
  run: (ctx) => identity(ctx, 'SRC_NSDP', 'local', (t, r) => present(t, r, ['localInvestment', 'localRecurrent'])),
};

