/**
 * Biểu 02: policies for access to basic social services, grouped by the dimension of poverty they
 * address. The policy rows are the officer's input; each group adds the rows under it and the total
 * adds the groups. A dimension without a policy keeps one empty row to type into.
 */
import { DIMENSIONS, Dimension, PlanSpec, POLICY_SOURCES } from '../../plan';
import { numberToRoman } from '../../outline';
import { columnLetter, rangeAddress } from '../address';
import { annexAmountFormat } from '../template';
import { AnnexDocument, AnnexRow } from './document';
import { ANNEX_CODE, ANNEX_ROWS, ANNEX_SHEET, ANNEX_TITLE, DIMENSION_LABEL, POLICY_SOURCE_LABEL, annex02Columns } from './layout';
import { Kept, PolicyRowInput, inputCell } from './inputs';
import { WordsCell } from './words';

/** The hidden code of a dimension's group row. */
export function dimensionCode(d: Dimension): string {
  return `CS.${d}`;
}

export interface Annex02Context {
  spec: PlanSpec;
  name?: string;
  policies: PolicyRowInput[];
  words: WordsCell;
}

export function annex02Document(ctx: Annex02Context): AnnexDocument {
  const { spec } = ctx;
  const columns = annex02Columns();
  const fmt = annexAmountFormat(spec);
  const col = (key: string): number => columns.findIndex((c) => c.key === key);
  const A = columnLetter(col('amount'));
  const rowAt = (i: number): number => ANNEX_ROWS.firstData + i + 1;
  const rows: AnnexRow[] = [{ code: ANNEX_CODE.total, kind: 'total', cells: { content: { value: 'TỔNG CỘNG', style: 'grandTotal', locked: true } } }];
  const groups: number[] = [];

  DIMENSIONS.forEach((d, i) => {
    const groupIndex = rows.length;
    groups.push(groupIndex);
    rows.push({
      code: dimensionCode(d),
      kind: 'group',
      cells: {
        stt: { value: numberToRoman(i + 1), style: 'group', locked: true },
        content: { value: DIMENSION_LABEL[d], style: 'group', locked: true },
      },
    });
    const mine = ctx.policies.filter((p) => p.dimension === d);
    const blank: PolicyRowInput = { dimension: d, values: { dimension: { value: DIMENSION_LABEL[d], formula: null } } };
    (mine.length > 0 ? mine : [blank]).forEach((p, n) => {
      const v = (k: string): Kept | undefined => p.values[k];
      rows.push({
        code: ANNEX_CODE.input,
        kind: 'input',
        cells: {
          stt: { value: mine.length > 0 ? n + 1 : null, style: 'leaf', locked: true },
          content: inputCell(v('content'), 'input'),
          basis: inputCell(v('basis'), 'input'),
          // the group the row sits in is its dimension
          dimension: inputCell({ value: DIMENSION_LABEL[d], formula: null }, 'input'),
          unit: inputCell(v('unit'), 'input'),
          beneficiaries: inputCell(v('beneficiaries'), 'inputAmount', '#,##0'),
          amount: inputCell(v('amount'), 'inputAmount', fmt),
          source: inputCell(v('source'), 'input'),
          note: inputCell(v('note'), 'input'),
        },
      });
    });
    const first = rowAt(groupIndex + 1);
    const last = rowAt(rows.length - 1);
    rows[groupIndex].cells.amount = { formula: `=SUM(${A}${first}:${A}${last})`, style: 'groupAmount', numberFormat: fmt, locked: true };
  });
  rows[0].cells.amount = { formula: `=${groups.map((g) => `${A}${rowAt(g)}`).join('+')}`, style: 'grandTotalAmount', numberFormat: fmt, locked: true };

  const firstRow = ANNEX_ROWS.firstData + 1;
  const count = rows.length - 1;
  return {
    key: 'annex02',
    name: ctx.name ?? ANNEX_SHEET.annex02,
    spec,
    columns,
    title: ANNEX_TITLE.annex02(spec),
    rows,
    words: ctx.words(`${A}${rowAt(0)}`),
    orientation: 'landscape',
    moneyUnit: true,
    validations: [
      { range: rangeAddress(firstRow, col('dimension'), count, 1), list: DIMENSIONS.map((d) => DIMENSION_LABEL[d]) },
      { range: rangeAddress(firstRow, col('source'), count, 1), list: POLICY_SOURCES.map((s) => POLICY_SOURCE_LABEL[s]) },
    ],
  };
}
