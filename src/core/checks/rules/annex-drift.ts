/**
 * ANNEX_DRIFT: an annex that no longer says what the plan sheets say — a number typed over one of
 * its formulas, a plan row it lacks (the plan grew after the annex was made) or one the plan no
 * longer has, "Bằng chữ" that reads another amount than the total, a group of Biểu 02 / part of
 * Biểu 03 that does not add its rows (a row inserted outside the range), part C of Biểu 03 that
 * differs from the Biểu 02 policies its SUMIFS find, a policy with money and no source Biểu 03
 * counts. Cells a spreadsheet has not calculated yet are not judged, except "Bằng chữ": its total is
 * then computed from the same cells as the formulas.
 */
import { CellValue } from '../../book/model';
import { SheetSnapshot, findSheet, isBlank } from '../../book/snapshot';
import { generatedSheets } from '../../book/generate';
import { cellAddress } from '../../book/address';
import { amountsEqual, sumExact } from '../../money';
import { toDong, wordsToAmount } from '../../words';
import { AnnexColumn, ANNEX_CODE, ANNEX_ROWS, annex01Columns, annex02Columns, annex03Columns } from '../../book/annex/layout';
import { WORDS_PREFIX } from '../../book/annex/words';
import { policyMoney, sumifsSource } from '../../book/annex/funding';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { AmountKey, DataRow } from '../model';
import { columnLabel, gapParams } from './helpers';

interface AnnexLine {
  row: number;
  code: string | null;
}

/** Table rows of an annex (up to "Bằng chữ" / the signature) with their codes, and the words row. */
function linesOf(sheet: SheetSnapshot, codeCol: number): { lines: AnnexLine[]; wordsRow: number | null } {
  const lines: AnnexLine[] = [];
  for (let r = ANNEX_ROWS.firstData; r < sheet.values.length; r++) {
    const raw = sheet.values[r]?.[codeCol];
    const code = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    if (code === ANNEX_CODE.words) return { lines, wordsRow: r };
    if (code === ANNEX_CODE.signature) break;
    lines.push({ row: r, code });
  }
  return { lines, wordsRow: null };
}

/** The number a cell stands for; null when a formula has no calculated value yet. */
function numberIn(sheet: SheetSnapshot, row: number, col: number): number | null {
  const v: CellValue = sheet.values[row]?.[col] ?? null;
  if (typeof v === 'number') return v;
  if (isBlank(v)) return sheet.formulas[row]?.[col] ? null : 0;
  return null;
}

function codeColumn(columns: AnnexColumn[]): number {
  return columns.findIndex((c) => c.role === 'code');
}

export const ANNEX_DRIFT: Rule = {
  id: 'ANNEX_DRIFT',
  severity: 'error',
  needsLayout: true,
  run(ctx) {
    const { model } = ctx;
    const ours = generatedSheets(model.snapshot);
    const sheetOf = (key: string): SheetSnapshot | undefined => {
      const name = ours.get(key)?.name;
      return name ? findSheet(model.snapshot, name) : undefined;
    };
    const out: Finding[] = [];
    const summary = model.tables.find((t) => t.origin === 'kh' && t.role === 'summary');
    const planTotal = summary?.rows.find((r) => r.rawCode === ANNEX_CODE.total) ?? null;
    const planRows = new Map<string, DataRow>();
    for (const t of model.tables) if (t.origin === 'kh' && t.role === 'project') for (const r of t.rows) if (r.code && r.kind) planRows.set(r.code, r);

    const drift = (sheet: SheetSnapshot, row: number, col: number, key: AmountKey, computed: number | null, related: string): void => {
      const stated = numberIn(sheet, row, col);
      if (stated === null || computed === null || amountsEqual(stated, computed, ctx.tolerance)) return;
      out.push({
        rule: 'ANNEX_DRIFT',
        severity: 'error',
        sheet: sheet.name,
        cell: cellAddress(row, col),
        related: [related],
        message: { key: 'rule.ANNEX_DRIFT.message', params: { annex: sheet.name, column: columnLabel(model.programme, key), ...gapParams(stated, computed) } },
        hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} },
      });
    };
    const section = (sheet: SheetSnapshot, row: number, col: number, label: string, parts: number[]): void => {
      const stated = numberIn(sheet, row, col);
      if (stated === null) return;
      const computed = sumExact(parts);
      if (amountsEqual(stated, computed, ctx.tolerance)) return;
      out.push({
        rule: 'ANNEX_DRIFT',
        severity: 'error',
        sheet: sheet.name,
        cell: cellAddress(row, col),
        message: { key: 'rule.ANNEX_DRIFT.section', params: { annex: sheet.name, label, ...gapParams(stated, computed) } },
        hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} },
      });
    };
    const words = (sheet: SheetSnapshot, wordsRow: number | null, total: number | null): void => {
      if (wordsRow === null || total === null) return;
      const text = sheet.values[wordsRow]?.[0] ?? null;
      if (sheet.formulas[wordsRow]?.[0]) return;
      // an empty table prints no words; a table that has money since must say it in words
      if (isBlank(text) && total !== 0) {
        out.push({ rule: 'ANNEX_DRIFT', severity: 'error', sheet: sheet.name, cell: cellAddress(wordsRow, 0), message: { key: 'experience.drift.wordsMissing', params: { annex: sheet.name, total } }, hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} } });
        return;
      }
      if (typeof text !== 'string' || !text.startsWith(WORDS_PREFIX)) return;
      const read = wordsToAmount(text.slice(WORDS_PREFIX.length));
      const want = toDong(total, model.unit);
      if (read.ok && want.ok && read.dong === want.dong) return;
      out.push({
        rule: 'ANNEX_DRIFT',
        severity: 'error',
        sheet: sheet.name,
        cell: cellAddress(wordsRow, 0),
        message: { key: 'rule.ANNEX_DRIFT.words', params: { annex: sheet.name, words: text.slice(WORDS_PREFIX.length).replace(/[.\s]+$/, ''), total } },
        hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} },
      });
    };

    // Biểu 01: row by row against the plan sheets
    const b01 = sheetOf('annex01');
    if (b01) {
      const cols = annex01Columns(model.programme);
      const amountCols = cols.map((c, i) => ({ c, i })).filter((x) => x.c.role === 'amount');
      const { lines, wordsRow } = linesOf(b01, codeColumn(cols));
      const seen = new Set<string>();
      for (const line of lines) {
        if (!line.code || line.code === ANNEX_CODE.input) continue;
        seen.add(line.code);
        const source = line.code === ANNEX_CODE.total ? planTotal : planRows.get(line.code);
        if (!source) {
          // a part row (Hợp phần) is the sum of its rows, not a plan row
          if (model.catalog.entries.some((e) => e.outline === line.code && e.kind === 'component')) continue;
          out.push({ rule: 'ANNEX_DRIFT', severity: 'warning', sheet: b01.name, cell: cellAddress(line.row, 1), message: { key: 'rule.ANNEX_DRIFT.extra', params: { annex: b01.name, code: line.code } }, hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} } });
          continue;
        }
        for (const { c, i } of amountCols) {
          const key = c.source as AmountKey;
          const cell = source.cells[key];
          drift(b01, line.row, i, key, cell?.number ?? null, `'${source.sheet}'!${cell?.address ?? ''}`);
        }
      }
      for (const [code, row] of planRows) {
        if (seen.has(code)) continue;
        // it points at the plan row the annex lacks
        out.push({ rule: 'ANNEX_DRIFT', severity: 'warning', sheet: row.sheet, cell: cellAddress(row.row, 1), related: [`'${b01.name}'`], message: { key: 'rule.ANNEX_DRIFT.missing', params: { annex: b01.name, code, content: String(row.content ?? ''), sheet: row.sheet } }, hint: { key: 'rule.ANNEX_DRIFT.hint', params: {} } });
      }
      const totalLine = lines.find((l) => l.code === ANNEX_CODE.total);
      const totalCol = cols.findIndex((c) => c.key === 'total');
      words(b01, wordsRow, (totalLine ? numberIn(b01, totalLine.row, totalCol) : null) ?? planTotal?.cells.total?.number ?? null);
    }

    // Biểu 02: groups add their rows; policy money needs a source for Biểu 03
    const b02 = sheetOf('annex02');
    let policiesFunded: number | null = null;
    if (b02) {
      const cols = annex02Columns();
      const A = cols.findIndex((c) => c.key === 'amount');
      const S = cols.findIndex((c) => c.key === 'source');
      const { lines, wordsRow } = linesOf(b02, codeColumn(cols));
      const groups: Array<{ row: number; label: string; parts: number[] }> = [];
      const policies: Array<{ amount: CellValue; source: CellValue }> = [];
      let total: AnnexLine | null = null;
      for (const line of lines) {
        if (line.code === ANNEX_CODE.total) total = line;
        else if (line.code?.startsWith('CS.')) groups.push({ row: line.row, label: String(b02.values[line.row]?.[1] ?? line.code), parts: [] });
        else if (groups.length > 0) {
          const amount = numberIn(b02, line.row, A) ?? 0;
          const source = b02.values[line.row]?.[S] ?? null;
          groups[groups.length - 1].parts.push(amount);
          policies.push({ amount, source });
          // Biểu 03 counts a policy by its source as SUMIFS finds it: anything else is left out there
          if (amount !== 0 && !sumifsSource(source)) {
            out.push({ rule: 'ANNEX_DRIFT', severity: 'warning', sheet: b02.name, cell: cellAddress(line.row, S), message: { key: 'rule.ANNEX_DRIFT.policySource', params: { name: String(b02.values[line.row]?.[1] ?? ''), amount } }, hint: { key: 'rule.ANNEX_DRIFT.policySourceHint', params: {} } });
          }
        }
      }
      for (const g of groups) section(b02, g.row, A, g.label, g.parts);
      const money = policyMoney(policies);
      policiesFunded = money.funded;
      if (total) section(b02, total.row, A, 'TỔNG CỘNG', groups.map((g) => numberIn(b02, g.row, A) ?? sumExact(g.parts)));
      words(b02, wordsRow, (total ? numberIn(b02, total.row, A) : null) ?? money.total);
    }

    // Biểu 03: A is Tổng hợp, B adds its rows, C is Biểu 02, the total A + B + C
    const b03 = sheetOf('annex03');
    if (b03) {
      const cols = annex03Columns(model.programme);
      const T = cols.findIndex((c) => c.key === 'total');
      const { lines, wordsRow } = linesOf(b03, codeColumn(cols));
      const at = (code: string): AnnexLine | undefined => lines.find((l) => l.code === code);
      const a = at(ANNEX_CODE.programme);
      const b = at(ANNEX_CODE.others);
      const c = at(ANNEX_CODE.policies);
      if (a && planTotal) {
        cols.forEach((col, i) => {
          if (col.role !== 'amount') return;
          const key = col.source as AmountKey;
          drift(b03, a.row, i, key, planTotal.cells[key]?.number ?? null, `'${summary?.name}'!${planTotal.cells[key]?.address ?? ''}`);
        });
      }
      // B's rows: their Tổng, or (not calculated yet) the sum of the sources typed on the row
      const inputCols = cols.map((col, i) => ({ col, i })).filter((x) => x.col.role === 'amount' && x.col.key !== 'total' && x.col.key !== 'central').map((x) => x.i);
      const rowTotal = (row: number): number => numberIn(b03, row, T) ?? sumExact(inputCols.map((i) => numberIn(b03, row, i) ?? 0));
      const bRows = b && c ? lines.filter((l) => l.row > b.row && l.row < c.row).map((l) => rowTotal(l.row)) : [];
      if (b && c) section(b03, b.row, T, 'B', bRows);
      if (c && policiesFunded !== null) section(b03, c.row, T, 'C', [policiesFunded]);
      const total = at(ANNEX_CODE.total);
      if (total && a && b && c) section(b03, total.row, T, 'A+B+C', [a, b, c].map((l) => numberIn(b03, l.row, T) ?? 0));
      // the words against the total as its formulas compute it, from the same cells, even before a spreadsheet has
      const partA = a ? numberIn(b03, a.row, T) ?? planTotal?.cells.total?.number ?? null : null;
      const partB = b ? numberIn(b03, b.row, T) ?? sumExact(bRows) : null;
      const partC = c ? numberIn(b03, c.row, T) ?? policiesFunded : null;
      const computed = partA !== null && partB !== null && partC !== null ? sumExact([partA, partB, partC]) : null;
      words(b03, wordsRow, (total ? numberIn(b03, total.row, T) : null) ?? computed);
    }
    return out;
  },
};

