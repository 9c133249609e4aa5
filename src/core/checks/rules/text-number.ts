/**
 * TEXT_NUMBER: numbers stored as text (left out of every SUM), stray spaces and non-breaking spaces
 * around them — in amount cells of plan tables, and in columns of numbers on the officer's own
 * sheets. Also the 1.005 trap (domain.md §7): "1.005" typed into an en-US Excel becomes 1.005, a
 * value with exactly three decimals among integers in a plan kept in triệu or tỷ.
 */
import { parseAmount, convertUnit } from '../../money';
import { CellValue } from '../../book/model';
import { cellAddress } from '../../book/address';
import { Finding } from '../finding';
import { AMOUNT_KEYS, AmountCell, BudgetTable, PlanModel } from '../model';
import { MoneyUnit } from '../../units';
import { Rule } from '../rule';
import { eachCell, khSheetNames } from './cells';

/** Outline numbers ("1.1", "2.3.4") look like decimals but are labels. */
const OUTLINE = /^\s*\d{1,2}(\.\d{1,2})+\.?\s*$/;

/** The number a text cell stands for: ok with the value, ambiguous, or not a number at all. */
export function textNumber(value: CellValue, unit: MoneyUnit | null): { ok: true; value: number } | { ok: false; ambiguous: boolean } {
  if (typeof value !== 'string' || value.trim() === '' || OUTLINE.test(value)) return { ok: false, ambiguous: false };
  const p = parseAmount(value);
  if (p.ok) return { ok: true, value: p.unit && unit ? convertUnit(p.value, p.unit, unit) : p.value };
  return { ok: false, ambiguous: p.error === 'ambiguous' };
}

function textFinding(sheet: string, row: number, col: number, text: string, parsed: ReturnType<typeof textNumber>): Finding | null {
  if (!parsed.ok && !parsed.ambiguous) return null;
  const cell = cellAddress(row, col);
  return {
    rule: 'TEXT_NUMBER',
    severity: 'warning',
    sheet,
    cell,
    message: { key: 'rule.TEXT_NUMBER.message', params: { cell, text } },
    hint: parsed.ok ? { key: 'rule.TEXT_NUMBER.hint', params: { number: parsed.value } } : undefined,
    fix: parsed.ok ? { kind: 'value', sheet, cell, value: parsed.value } : undefined,
  };
}

function decimalsAtMost(n: number, places: number): boolean {
  const scaled = n * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled));
}

/** Exactly three decimals, below 1000: 1.005, 0.459 (not 1.5, not 1.0051). */
function threeDecimals(n: number): boolean {
  return n !== 0 && Math.abs(n) < 1000 && decimalsAtMost(n, 3) && !decimalsAtMost(n, 2);
}

/** Leaf input cells of a table that hold a number the officer typed. */
function typedAmounts(table: BudgetTable): AmountCell[] {
  const out: AmountCell[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'leaf') continue;
    for (const key of AMOUNT_KEYS) {
      const cell = row.cells[key];
      if (cell && cell.formula === null && cell.expected === null && typeof cell.value === 'number' && cell.value !== 0) out.push(cell);
    }
  }
  return out;
}

/**
 * Cells that look like the 1.005 trap: the table is in triệu or tỷ, the cell has exactly three
 * decimals, and every other typed amount is an integer or has one decimal (at least two of them);
 * never when Thông tin declares three decimals or more.
 */
export function trapCells(model: PlanModel): Array<{ table: string; cell: AmountCell; value: number }> {
  // the officer declared amounts with three decimals (Thông tin): 1,728 tỷ is then a real value
  const declared = model.info?.fields.decimals?.value;
  const out: Array<{ table: string; cell: AmountCell; value: number }> = [];
  // KH's project sheets are one plan; an officer's table stands alone
  const groups: BudgetTable[][] = [model.tables.filter((t) => t.origin === 'kh'), ...model.tables.filter((t) => t.origin === 'recognised').map((t) => [t])];
  for (const group of groups) {
    const tables = group.filter((t) => t.role === 'project' && (t.unit === 'trieu' || t.unit === 'ty'));
    if (tables.length === 0) continue;
    if (tables[0].origin === 'kh' && typeof declared === 'number' && declared >= 3) continue;
    const typed = tables.flatMap((t) => typedAmounts(t).map((cell) => ({ table: t.name, cell })));
    const suspects = typed.filter((t) => threeDecimals(t.cell.value as number));
    const others = typed.filter((t) => !threeDecimals(t.cell.value as number));
    if (suspects.length === 0 || others.length < 2 || suspects.length >= others.length) continue;
    if (!others.every((t) => decimalsAtMost(t.cell.value as number, 1))) continue;
    for (const t of suspects) out.push({ ...t, value: t.cell.value as number });
  }
  return out;
}

function planFindings(model: PlanModel): Finding[] {
  const out: Finding[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const key of AMOUNT_KEYS) {
        const cell = row.cells[key];
        if (!cell || cell.formula !== null || typeof cell.value !== 'string') continue;
        const f = textFinding(table.name, cell.row, cell.col, cell.value, textNumber(cell.value, table.unit));
        if (f) out.push(f);
      }
    }
  }
  const seen = new Set<string>();
  for (const { table, cell, value } of trapCells(model)) {
    // a multi-year table is read once per period: one finding per cell
    if (seen.has(`${table}!${cell.address}`)) continue;
    seen.add(`${table}!${cell.address}`);
    const intended = Math.round(value * 1000);
    out.push({
      rule: 'TEXT_NUMBER',
      severity: 'warning',
      sheet: table,
      cell: cell.address,
      message: { key: 'rule.TEXT_NUMBER.trap', params: { cell: cell.address, value, typed: value.toFixed(3) } },
      hint: { key: 'rule.TEXT_NUMBER.trapHint', params: { intended } },
      fix: { kind: 'value', sheet: table, cell: cell.address, value: intended },
    });
  }
  return out;
}

/** On the officer's own sheets: numeric text in a column that otherwise holds numbers. */
function sheetFindings(model: PlanModel): Finding[] {
  const out: Finding[] = [];
  const ours = khSheetNames(model.snapshot);
  // the tables read are checked above (their column-number row "(5) (6) (7)" is not data)
  const regions = model.tables.filter((t) => t.origin === 'recognised');
  const inTable = (sheet: string, row: number, col: number): boolean =>
    regions.some((t) => t.name === sheet && row >= t.header.top && row <= t.data.bottom && col >= t.left && col <= t.right);
  for (const sheet of model.snapshot.sheets) {
    if (ours.has(sheet.name.toLowerCase())) continue;
    const columns = new Map<number, { numbers: number; labels: number; texts: Array<{ row: number; text: string; parsed: ReturnType<typeof textNumber> }> }>();
    eachCell(sheet, (row, col, value, formula) => {
      if (inTable(sheet.name, row, col)) return;
      const c = columns.get(col) ?? { numbers: 0, labels: 0, texts: [] };
      columns.set(col, c);
      if (typeof value === 'number') c.numbers++;
      else if (typeof value === 'string' && formula === null) {
        const parsed = textNumber(value, null);
        if (parsed.ok || parsed.ambiguous) c.texts.push({ row, text: value, parsed });
        else c.labels++;
      }
    });
    for (const [col, c] of [...columns].sort((a, b) => a[0] - b[0])) {
      // a column of numbers: real numbers in it, numbers (typed or as text) outnumber the labels
      if (c.numbers < 1 || c.texts.length === 0 || c.numbers + c.texts.length < 3 || c.numbers + c.texts.length <= c.labels) continue;
      for (const t of c.texts) {
        const f = textFinding(sheet.name, t.row, col, t.text, t.parsed);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

export const TEXT_NUMBER: Rule = {
  id: 'TEXT_NUMBER',
  severity: 'warning',
  needsLayout: false,
  run: (ctx) => [...planFindings(ctx.model), ...sheetFindings(ctx.model)],
};
