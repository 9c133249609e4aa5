/**
 * ERROR_VALUE: a cell showing an Excel error (#REF!, #VALUE!, #NAME?…), in any sheet of any
 * workbook. An error spreads to every formula that uses the cell: only the cells where it starts
 * are reported (a formula none of whose references shows an error). A KH.* formula showing #NAME?
 * means the file was opened without the add-in.
 */
import { cellAddress } from '../../book/address';
import { SheetSnapshot, WorkbookSnapshot, findSheet, isBlank } from '../../book/snapshot';
import type { MessageKey, MessageParams } from '../../i18n';
import { convertUnit, formatAmount, parseAmount } from '../../money';
import type { MoneyUnit } from '../../units';
import { usesKhFunction } from '../../book/sendsafe';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { anyReferenced, eachCell, formulaRefs } from './cells';

/**
 * The cell behind a #VALUE!: the first cell the formula uses that holds text where a number belongs
 * ("200 triệu" in H8 under =G8+H8). The advice names that cell, and the number to type when the
 * text reads as one.
 */
function textCause(snapshot: WorkbookSnapshot, own: SheetSnapshot, formula: string, unit: MoneyUnit): { related: string; hint: { key: MessageKey; params: MessageParams } } | null {
  for (const ref of formulaRefs(formula)) {
    const sheet = ref.sheet === null ? own : findSheet(snapshot, ref.sheet);
    if (!sheet) continue;
    for (let r = ref.top; r <= Math.min(ref.bottom, sheet.values.length - 1); r++) {
      const line = sheet.values[r] ?? [];
      for (let c = ref.left; c <= Math.min(ref.right, line.length - 1); c++) {
        const v = line[c];
        if (typeof v !== 'string' || isBlank(v) || sheet.formulas[r]?.[c]) continue;
        if (EXCEL_ERRORS.has(v.trim().toUpperCase())) continue;
        const cell = cellAddress(r, c);
        const read = parseAmount(v);
        const params = { cell, sheet: sheet.name, text: v.trim() };
        const hint: { key: MessageKey; params: MessageParams } = read.ok
          ? { key: 'experience.error.textCause', params: { ...params, number: formatAmount(convertUnit(read.value, read.unit ?? unit, unit), { maxDecimals: 9 }) } }
          : { key: 'experience.error.textCauseNoNumber', params };
        return { related: `'${sheet.name.replace(/'/g, "''")}'!${cell}`, hint };
      }
    }
  }
  return null;
}

export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

export const ERROR_VALUE: Rule = {
  id: 'ERROR_VALUE',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const { snapshot } = ctx.model;
    const showsError = (sheet: SheetSnapshot, r: number, c: number): boolean => isErrorValue(sheet.values[r]?.[c]);
    const errors: Array<{ sheet: SheetSnapshot; row: number; col: number; error: string; formula: string | null; root: boolean }> = [];
    for (const sheet of snapshot.sheets) {
      eachCell(sheet, (row, col, value, formula) => {
        if (!isErrorValue(value)) return;
        // a formula that shows the error of a cell it uses only repeats it
        const inherited = formula !== null && !/#[A-Z]+[!?/]/i.test(formula) && anyReferenced(snapshot, sheet, formula, (s, r, c) => !(s === sheet && r === row && c === col) && showsError(s, r, c));
        errors.push({ sheet, row, col, error: value.trim().toUpperCase(), formula, root: !inherited });
      });
    }
    // errors that only reach each other (a circle) have no visible start: report them all
    const roots = errors.some((e) => e.root) ? errors.filter((e) => e.root) : errors;
    return roots.map((e): Finding => {
      const cell = cellAddress(e.row, e.col);
      const khName = e.error === '#NAME?' && usesKhFunction(e.formula);
      const cause = e.error === '#VALUE!' && e.formula ? textCause(snapshot, e.sheet, e.formula, ctx.model.unit) : null;
      return {
        rule: 'ERROR_VALUE',
        severity: 'error',
        sheet: e.sheet.name,
        cell,
        ...(cause ? { related: [cause.related] } : {}),
        message: khName
          ? { key: 'rule.ERROR_VALUE.khName', params: { cell, formula: e.formula ?? '', error: e.error } }
          : { key: 'rule.ERROR_VALUE.message', params: { cell, error: e.error } },
        hint: khName ? { key: 'rule.ERROR_VALUE.khNameHint', params: {} } : cause ? cause.hint : e.formula ? { key: 'rule.ERROR_VALUE.hint', params: { formula: e.formula } } : undefined,
      };
    });
  },
};
