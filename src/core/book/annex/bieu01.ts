/**
 * Biểu 01: the programme's money by Dự án / Tiểu dự án / activity and source. Every amount is a
 * live formula into the plan sheet that holds the row (SUMIFS by the row's code, so rows the
 * officer inserts or moves in the plan sheets do not break it); parts and the total add the rows
 * above them in the annex. Ghi chú is the officer's.
 */
import { Catalog, findByCode } from '../../catalog';
import { PlanSpec } from '../../plan';
import { ITEM_LETTERS, numberToRoman } from '../../outline';
import { CellSpec } from '../model';
import { columnLetter, quoteSheet } from '../address';
import { ColumnKey, planColumns } from '../layout';
import { ProjectSheetPlan, annexAmountFormat, entryLabel } from '../template';
import { AnnexDocument, AnnexRow } from './document';
import { ANNEX_CODE, ANNEX_ROWS, ANNEX_SHEET, ANNEX_TITLE, annex01Columns } from './layout';
import { Kept, inputCell } from './inputs';
import { WordsCell } from './words';

export interface Annex01Context {
  spec: PlanSpec;
  catalog: Catalog;
  projects: ProjectSheetPlan[];
  name?: string;
  notes: Map<string, Kept>;
  words: WordsCell;
}

const PART_LETTERS = ['A', 'B', 'C', 'D', 'E', 'G', 'H'];

/** STT per domain.md §6: parts A, B; projects I, II; sub-items 1, 2 then 1.1; activities a, b. */
function sttOf(depth: number, index: number, parentStt: string, activity: boolean): string {
  if (activity) return ITEM_LETTERS[index] ?? String(index + 1);
  if (depth === 0) return numberToRoman(index + 1);
  if (depth === 1) return String(index + 1);
  return `${parentStt}.${index + 1}`;
}

export function annex01Document(ctx: Annex01Context): AnnexDocument {
  const { spec, catalog, projects } = ctx;
  const columns = annex01Columns(spec.programme);
  const P = planColumns(spec.programme).project.letter;
  const fmt = annexAmountFormat(spec);
  const amountCols = columns.filter((c) => c.role === 'amount');
  const rows: AnnexRow[] = [];
  const rowAt = (i: number): number => ANNEX_ROWS.firstData + i + 1; // 1-based Excel row
  const letter = (key: string): string => columnLetter(columns.findIndex((c) => c.key === key));

  const sumOfRows = (indexes: number[], style: string): Record<string, CellSpec> => {
    const cells: Record<string, CellSpec> = {};
    for (const c of amountCols) {
      const f = indexes.length === 0 ? '=0' : `=${indexes.map((i) => `${letter(c.key)}${rowAt(i)}`).join('+')}`;
      cells[c.key] = { formula: f, style, numberFormat: fmt, locked: true };
    }
    return cells;
  };

  rows.push({ code: ANNEX_CODE.total, kind: 'total', cells: { content: { value: 'TỔNG CỘNG', style: 'grandTotal', locked: true } } });
  const topLevel: number[] = [];

  // 2026–2035: Nội dung thành phần sit under their Hợp phần (parts A, B)
  const partOf = (p: ProjectSheetPlan): string | null => {
    const parent = p.entry.parent ? findByCode(catalog, p.entry.parent) : null;
    return parent && parent.kind === 'component' ? parent.code : null;
  };
  let currentPart: string | null = null;
  let partIndex = -1;
  let partChildren: number[] = [];
  let projectIndex = 0;
  const closePart = (): void => {
    if (partIndex >= 0) rows[partIndex].cells = { ...rows[partIndex].cells, ...sumOfRows(partChildren, 'groupAmount') };
  };

  for (const project of projects) {
    const part = partOf(project);
    if (part !== currentPart) {
      closePart();
      currentPart = part;
      partChildren = [];
      partIndex = -1;
      projectIndex = 0;
      if (part) {
        const entry = findByCode(catalog, part);
        partIndex = rows.length;
        topLevel.push(partIndex);
        rows.push({
          code: entry?.outline ?? part,
          kind: 'part',
          cells: {
            stt: { value: PART_LETTERS[topLevel.length - 1] ?? String(topLevel.length), style: 'group', locked: true },
            content: { value: entry ? entryLabel(entry) : part, style: 'group', locked: true },
          },
        });
      }
    }
    const sheet = quoteSheet(project.sheetName);
    const sttByCode = new Map<string, string>();
    const childCount = new Map<string, number>();
    const baseDepth = project.rows[0]?.code.split('.').length ?? 1;
    for (const row of project.rows) {
      const depth = row.code.split('.').length - baseDepth;
      const parentCode = row.code.includes('.') ? row.code.slice(0, row.code.lastIndexOf('.')) : '';
      const activity = ITEM_LETTERS.includes(row.stt);
      let stt: string;
      if (depth === 0) stt = numberToRoman(++projectIndex);
      else {
        const n = childCount.get(parentCode) ?? 0;
        childCount.set(parentCode, n + 1);
        stt = sttOf(depth, n, sttByCode.get(parentCode) ?? '', activity);
      }
      sttByCode.set(row.code, stt);
      const kind = depth === 0 || row.kind === 'group' ? 'group' : 'item';
      const textStyle = kind === 'group' ? 'group' : 'leaf';
      const cells: AnnexRow['cells'] = {
        stt: { value: stt, style: textStyle, locked: true },
        content: { value: row.content, style: textStyle, locked: true },
        unitName: { value: row.unitName ?? null, style: textStyle, locked: true },
        note: inputCell(ctx.notes.get(row.code) ?? { value: row.note ?? null, formula: null }, 'input'),
      };
      for (const c of amountCols) {
        const L = P[c.source as ColumnKey];
        cells[c.key] = { formula: `=SUMIFS(${sheet}!$${L}:$${L},${sheet}!$${P.code}:$${P.code},"${row.code}")`, style: kind === 'group' ? 'groupAmount' : 'leafAmount', numberFormat: fmt, locked: true };
      }
      if (depth === 0) {
        if (partIndex >= 0) partChildren.push(rows.length);
        else topLevel.push(rows.length);
      }
      rows.push({ code: row.code, kind, cells });
    }
  }
  closePart();
  rows[0].cells = { ...rows[0].cells, ...sumOfRows(topLevel, 'grandTotalAmount') };

  return {
    key: 'annex01',
    name: ctx.name ?? ANNEX_SHEET.annex01,
    spec,
    columns,
    title: ANNEX_TITLE.annex01(spec, spec.programme),
    rows,
    words: ctx.words(`${letter('total')}${rowAt(0)}`),
    orientation: 'landscape',
    moneyUnit: true,
  };
}
