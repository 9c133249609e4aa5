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
import { AMOUNT_KEYS, AmountCell, PlanModel } from '../model';
import { Rule } from '../rule';
import { eachCell, khSheetNames } from './cells';

/** Outline numbers ("1.1", "2.3.4") look like decimals but are labels. */
const OUTLINE = /^\s*\d{1,2}(\.\d{1,2})+\.?\s*$/;

/** The number a text cell stands for: ok with the value, ambiguous, or not a number at all. */
export function textNumber(value: CellValue, model: PlanModel | null): { ok: true; value: number } | { ok: false; ambiguous: boolean } {
  if (typeof value !== 'string' || value.trim() === '' || OUTLINE.test(value)) return { ok: false, ambiguous: false };
  const p = parseAmount(value);
  if (p.ok) return { ok: true, value: p.unit && model ? convertUnit(p.value, p.unit, model.unit) : p.value };
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

/** Leaf input cells of the plan's project tables that hold a number the officer typed. */
function typedAmounts(model: PlanModel): Array<{ table: string; cell: AmountCell }> {
  const out: Array<{ table: string; cell: AmountCell }> = [];
  for (const table of model.tables) {
    if (table.role !== 'project') continue;
    for (const row of table.rows) {
      if (row.kind !== 'leaf') continue;
      for (const key of AMOUNT_KEYS) {
        const cell = row.cells[key];
        if (cell.formula === null && cell.expected === null && typeof cell.value === 'number' && cell.value !== 0) out.push({ table: table.name, cell });
      }
    }
  }
  return out;
}

/**
 * Cells that look like the 1.005 trap: the plan is in triệu or tỷ, the cell has exactly three
 * decimals, and every other typed amount is an integer or has one decimal (at least two of them);
 * never when Thông tin declares three decimals or more.
 */
export function trapCells(model: PlanModel): Array<{ table: string; cell: AmountCell; value: number }> {
  if (model.unit !== 'trieu' && model.unit !== 'ty') return [];
  // the officer declared amounts with three decimals (Thông tin): 1,728 tỷ is then a real value
  const declared = model.info?.fields.decimals?.value;
  if (typeof declared === 'number' && declared >= 3) return [];
  const typed = typedAmounts(model);
  const suspects = typed.filter((t) => threeDecimals(t.cell.value as number));
  const others = typed.filter((t) => !threeDecimals(t.cell.value as number));
  if (suspects.length === 0 || others.length < 2 || suspects.length >= others.length) return [];
  if (!others.every((t) => decimalsAtMost(t.cell.value as number, 1))) return [];
  return suspects.map((t) => ({ ...t, value: t.cell.value as number }));
}

function planFindings(model: PlanModel): Finding[] {
  const out: Finding[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const key of AMOUNT_KEYS) {
        const cell = row.cells[key];
        if (cell.formula !== null || typeof cell.value !== 'string') continue;
        const f = textFinding(table.name, cell.row, cell.col, cell.value, textNumber(cell.value, model));
        if (f) out.push(f);
      }
    }
  }
  for (const { table, cell, value } of trapCells(model)) {
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
  for (const sheet of model.snapshot.sheets) {
    if (ours.has(sheet.name.toLowerCase())) continue;
    const columns = new Map<number, { numbers: number; labels: number; texts: Array<{ row: number; text: string; parsed: ReturnType<typeof textNumber> }> }>();
    eachCell(sheet, (row, col, value, formula) => {
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
