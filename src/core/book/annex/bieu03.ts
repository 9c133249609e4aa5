/**
 * Biểu 03: all the money of the plan. A — the programme, from the total row of Tổng hợp; B — money
 * of other national target programmes integrated into the plan (the officer's rows, NSTW split
 * into ĐTPT and SN); C — policy money from Biểu 02 by its Nguồn vốn (NSTW policy money counts as
 * recurrent). The grand total is A + B + C, with the NSTW split.
 */
import { PlanSpec, POLICY_SOURCES } from '../../plan';
import { columnLetter, quoteSheet } from '../address';
import { CellSpec } from '../model';
import { SummaryColumnKey, planColumns } from '../layout';
import { annexAmountFormat } from '../template';
import { AnnexDocument, AnnexRow } from './document';
import { ANNEX_CODE, ANNEX_ROWS, ANNEX_SHEET, ANNEX_TITLE, POLICY_SOURCE_COLUMN, POLICY_SOURCE_LABEL, annex02Columns, annex03Columns } from './layout';
import { InputValues, Kept, inputCell } from './inputs';
import { WordsCell } from './words';

export interface Annex03Context {
  spec: PlanSpec;
  name?: string;
  summaryName: string;
  annex02Name: string;
  others: InputValues[];
  notes: Map<string, Kept>;
  words: WordsCell;
}

export function annex03Document(ctx: Annex03Context): AnnexDocument {
  const { spec } = ctx;
  const columns = annex03Columns(spec.programme);
  const fmt = annexAmountFormat(spec);
  const L = (key: string): string => columnLetter(columns.findIndex((c) => c.key === key));
  const rowAt = (i: number): number => ANNEX_ROWS.firstData + i + 1;
  const amountCols = columns.filter((c) => c.role === 'amount');
  const S = planColumns(spec.programme).summary.letter;
  const b2 = annex02Columns();
  const B2 = { amount: columnLetter(b2.findIndex((x) => x.key === 'amount')), source: columnLetter(b2.findIndex((x) => x.key === 'source')) };
  const summary = quoteSheet(ctx.summaryName);
  const annex02 = quoteSheet(ctx.annex02Name);
  const part = (letter: string, content: string): Record<string, CellSpec> => ({
    stt: { value: letter, style: 'group', locked: true },
    content: { value: content, style: 'group', locked: true },
  });
  const note = (code: string, style: string): CellSpec => {
    return inputCell(ctx.notes.get(code), style);
  };
  /** Tổng and NSTW of a row from its own sources. */
  const identities = (r: number, style: string): Record<string, CellSpec> => ({
    total: { formula: `=${['central', 'local', 'integrated', 'credit', 'mobilised'].map((k) => `${L(k)}${r}`).join('+')}`, style, numberFormat: fmt, locked: true },
    central: { formula: `=${L('centralInvestment')}${r}+${L('centralRecurrent')}${r}`, style, numberFormat: fmt, locked: true },
  });

  const rows: AnnexRow[] = [{ code: ANNEX_CODE.total, kind: 'total', cells: { content: { value: 'TỔNG CỘNG (A+B+C)', style: 'grandTotal', locked: true } } }];

  // A: the programme
  const a = rows.length;
  const programme = spec.programme === '2026-2035' ? 'Chương trình mục tiêu quốc gia giai đoạn 2026 - 2035' : 'Chương trình mục tiêu quốc gia giảm nghèo bền vững';
  const aCells: AnnexRow['cells'] = { ...part('A', programme), note: note(ANNEX_CODE.programme, 'input') };
  for (const c of amountCols) {
    const col = S[c.source as SummaryColumnKey];
    aCells[c.key] = { formula: `=SUMIFS(${summary}!$${col}:$${col},${summary}!$${S.code}:$${S.code},"${ANNEX_CODE.total}")`, style: 'groupAmount', numberFormat: fmt, locked: true };
  }
  rows.push({ code: ANNEX_CODE.programme, kind: 'part', cells: aCells });

  // B: other programmes, the officer's rows (one empty row to type into when there are none)
  const b = rows.length;
  rows.push({ code: ANNEX_CODE.others, kind: 'part', cells: { ...part('B', 'Vốn các chương trình mục tiêu quốc gia khác lồng ghép thực hiện'), note: note(ANNEX_CODE.others, 'input') } });
  const others = ctx.others.length > 0 ? ctx.others : [{}];
  others.forEach((values, n) => {
    const r = rowAt(rows.length);
    const cells: AnnexRow['cells'] = {
      stt: { value: n + 1, style: 'leaf', locked: true },
      content: inputCell(values.content, 'input'),
      note: inputCell(values.note, 'input'),
      ...identities(r, 'leafAmount'),
    };
    for (const c of amountCols) if (c.key !== 'total' && c.key !== 'central') cells[c.key] = inputCell(values[c.key], 'inputAmount', fmt);
    rows.push({ code: ANNEX_CODE.input, kind: 'input', cells });
  });
  const bFirst = rowAt(b + 1);
  const bLast = rowAt(rows.length - 1);
  for (const c of amountCols) rows[b].cells[c.key] = { formula: `=SUM(${L(c.key)}${bFirst}:${L(c.key)}${bLast})`, style: 'groupAmount', numberFormat: fmt, locked: true };

  // C: policy money from Biểu 02, by Nguồn vốn
  const c = rows.length;
  const cRow = rowAt(c);
  const cCells: AnnexRow['cells'] = {
    ...part('C', 'Kinh phí thực hiện các chính sách hỗ trợ tiếp cận dịch vụ xã hội cơ bản (Biểu 02)'),
    note: note(ANNEX_CODE.policies, 'input'),
    ...identities(cRow, 'groupAmount'),
  };
  for (const key of ['centralInvestment', 'centralRecurrent', 'local', 'integrated', 'credit', 'mobilised']) {
    const sources = POLICY_SOURCES.filter((s) => POLICY_SOURCE_COLUMN[s] === key);
    const f = sources.length === 0 ? '=0' : `=${sources.map((s) => `SUMIFS(${annex02}!$${B2.amount}:$${B2.amount},${annex02}!$${B2.source}:$${B2.source},"${POLICY_SOURCE_LABEL[s]}")`).join('+')}`;
    cCells[key] = { formula: f, style: 'groupAmount', numberFormat: fmt, locked: true };
  }
  rows.push({ code: ANNEX_CODE.policies, kind: 'part', cells: cCells });

  for (const col of amountCols) {
    rows[0].cells[col.key] = { formula: `=${[a, b, c].map((i) => `${L(col.key)}${rowAt(i)}`).join('+')}`, style: 'grandTotalAmount', numberFormat: fmt, locked: true };
  }

  return {
    key: 'annex03',
    name: ctx.name ?? ANNEX_SHEET.annex03,
    spec,
    columns,
    title: ANNEX_TITLE.annex03(spec),
    rows,
    words: ctx.words(`${L('total')}${rowAt(0)}`),
    orientation: 'landscape',
    moneyUnit: true,
  };
}
