/**
 * What every annex shares as a government document (domain.md §6, NĐ 30/2020): the issuing body
 * and Quốc hiệu header, "Biểu số 0x", the title, "(Kèm theo Kế hoạch số …)", "Đơn vị tính", the
 * two-level table header with its column-number row, "Bằng chữ" under the table, the signature
 * block, and the page set-up (A4, margins, fit to one page wide, header rows on every page).
 * Builders give rows; this lays them out into a sheet description.
 */
import { PlanSpec } from '../../plan';
import { UNIT_LABEL_VI } from '../../units';
import { CellSpec, SheetSpec, ValidationSpec } from '../model';
import { rangeAddress } from '../address';
import { STYLES } from '../template';
import { a4, columnNumberLabel, headerHeights, heightFor, linesFor, printArea, ruleUnder } from '../print';
import { AnnexColumn, AnnexKey, ANNEX_CODE, ANNEX_NUMBER, ANNEX_ROWS } from './layout';
import { maxOf } from '../../arrays';

export type AnnexRowKind = 'total' | 'part' | 'group' | 'item' | 'input';

export interface AnnexRow {
  /** The hidden code: a plan code (DA3.1), a part (A, B, C), TONG, or NHAP for the officer's rows. */
  code: string;
  kind: AnnexRowKind;
  /** Cells by column key; missing keys get an empty bordered cell. */
  cells: Record<string, CellSpec | null | undefined>;
}

export interface AnnexDocument {
  key: AnnexKey;
  name: string;
  spec: PlanSpec;
  columns: AnnexColumn[];
  title: string;
  /** Table rows from ANNEX_ROWS.firstData (the total row first, when there is one). */
  rows: AnnexRow[];
  /** The "Bằng chữ: …" cell, or null for an annex without money. */
  words: CellSpec | null;
  orientation: 'landscape' | 'portrait';
  /** "Đơn vị tính" of the money; false where each row has its own unit (targets). */
  moneyUnit: boolean;
  validations?: ValidationSpec[];
}

/** ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LAI CHÂU"] from "UBND thành phố Lai Châu". */
export function issuerLines(issuer: string): [string, string] {
  const m = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu.exec(issuer.trim().normalize('NFC'));
  if (m) return ['ỦY BAN NHÂN DÂN', m[1].toLocaleUpperCase('vi')];
  return [issuer.trim().toLocaleUpperCase('vi'), ''];
}

/** "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND thành phố Lai Châu)", blanks kept for the officer. */
export function attachedLine(spec: Pick<PlanSpec, 'documentNumber' | 'documentDate' | 'issuer' | 'year'>): string {
  const number = spec.documentNumber?.trim() || '      /KH-UBND';
  const date = spec.documentDate?.trim() || `     /     /${spec.year}`;
  return `(Kèm theo Kế hoạch số ${number} ngày ${date} của ${spec.issuer})`;
}

/** Printed columns (the hidden code column is for KH and the screen). */
export function printedColumns(columns: AnnexColumn[]): AnnexColumn[] {
  return columns.filter((c) => !c.hidden);
}

export { linesFor };

/** "(1)", "(4)=(5)+(8)+…" for each printed column, broken after a "+" where the column is narrow. */
export function columnNumbers(columns: AnnexColumn[]): string[] {
  const printed = printedColumns(columns);
  const number = new Map(printed.map((c, i) => [c.key, i + 1]));
  return printed.map((c) => {
    const own = `(${number.get(c.key)})`;
    if (!c.sumOf) return own;
    return columnNumberLabel(own, c.sumOf.map((k) => `(${number.get(k)})`), c.width);
  });
}

function cell(value: string | number | null, style: string): CellSpec {
  return { value, style, locked: true };
}

/** The signature block's lines: [left, right] per row. */
function signatureLines(spec: PlanSpec, body: string): Array<[string | null, string | null]> {
  const signer = spec.signer;
  const authority = signer?.authority?.trim() ?? '';
  const title = signer?.title?.trim() || 'CHỦ TỊCH';
  const lead = body === 'ỦY BAN NHÂN DÂN' ? 'TM. ỦY BAN NHÂN DÂN' : `TM. ${body}`;
  return [
    ['NGƯỜI LẬP BIỂU', lead],
    [null, authority || title],
    [null, authority ? title : null],
    [null, null],
    [null, null],
    [null, null],
    [spec.preparer ?? null, signer?.name ?? null],
  ];
}

/** Screen styles of the plan sheets → their print versions without fills. */
const PRINT_STYLE: Readonly<Record<string, string>> = {
  header: 'docHeader',
  grandTotal: 'docTotal',
  grandTotalAmount: 'docTotalAmount',
  grandTotalCenter: 'docTotalCenter',
  input: 'docInput',
  inputAmount: 'docInputAmount',
};

function printStyle(spec: CellSpec | null): CellSpec | null {
  const to = spec?.style ? PRINT_STYLE[spec.style] : undefined;
  return to && spec ? { ...spec, style: to } : spec;
}

/** Lays an annex document out into a sheet. */
export function renderAnnex(doc: AnnexDocument): SheetSpec {
  const { columns } = doc;
  const printed = printedColumns(columns);
  const lastPrinted = printed.length - 1;
  const codeCol = columns.findIndex((c) => c.role === 'code');
  const width = columns.length;
  const lines: (CellSpec | null)[][] = [];
  const merges: string[] = [];
  const line = (r: number): (CellSpec | null)[] => {
    while (lines.length <= r) lines.push(new Array(width).fill(null));
    return lines[r];
  };
  const mergeAcross = (r: number, from: number, to: number): void => {
    if (to > from) merges.push(rangeAddress(r, from, 1, to - from + 1));
  };

  // header: issuing body on the left, Quốc hiệu and tiêu ngữ on the right
  const [body, body2] = issuerLines(doc.spec.issuer);
  const leftTo = 1;
  const rightFrom = Math.max(leftTo + 1, lastPrinted - 6);
  line(ANNEX_ROWS.body)[0] = cell(body, 'docBody');
  line(ANNEX_ROWS.body)[rightFrom] = cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'docBody');
  line(ANNEX_ROWS.body2)[0] = cell(body2 || null, 'docBody');
  line(ANNEX_ROWS.body2)[rightFrom] = cell('Độc lập - Tự do - Hạnh phúc', 'docMotto');
  for (const r of [ANNEX_ROWS.body, ANNEX_ROWS.body2]) {
    mergeAcross(r, 0, leftTo);
    mergeAcross(r, rightFrom, lastPrinted);
  }
  // NĐ 30/2020: a rule under the issuing body (⅓–½ of its length) and under the tiêu ngữ (its length)
  line(ANNEX_ROWS.rules)[0] = cell(ruleUnder(body2 || body, true, 0.4), 'docRule');
  line(ANNEX_ROWS.rules)[rightFrom] = cell(ruleUnder('Độc lập - Tự do - Hạnh phúc', true, 13 / 12), 'docRule');
  mergeAcross(ANNEX_ROWS.rules, 0, leftTo);
  mergeAcross(ANNEX_ROWS.rules, rightFrom, lastPrinted);
  line(ANNEX_ROWS.number)[0] = cell(ANNEX_NUMBER[doc.key], 'docNumber');
  line(ANNEX_ROWS.title)[0] = cell(doc.title, 'docTitle');
  line(ANNEX_ROWS.attached)[0] = cell(attachedLine(doc.spec), 'docAttached');
  for (const r of [ANNEX_ROWS.number, ANNEX_ROWS.title, ANNEX_ROWS.attached]) mergeAcross(r, 0, lastPrinted);
  if (doc.moneyUnit) {
    line(ANNEX_ROWS.unit)[lastPrinted - 2] = cell(`Đơn vị tính: ${UNIT_LABEL_VI[doc.spec.unit]}`, 'unit');
    mergeAcross(ANNEX_ROWS.unit, lastPrinted - 2, lastPrinted);
  }

  // two-level header and the column-number row
  const numbers = columnNumbers(columns);
  printed.forEach((c, i) => {
    const col = columns.indexOf(c);
    if (c.group === null) {
      line(ANNEX_ROWS.header1)[col] = cell(c.header, 'header');
      line(ANNEX_ROWS.header2)[col] = cell(null, 'header');
      merges.push(rangeAddress(ANNEX_ROWS.header1, col, 2, 1));
    } else {
      const first = columns.findIndex((x) => x.group === c.group);
      const span = columns.filter((x) => x.group === c.group).length;
      line(ANNEX_ROWS.header1)[col] = cell(col === first ? c.group : null, 'header');
      if (col === first) mergeAcross(ANNEX_ROWS.header1, col, col + span - 1);
      line(ANNEX_ROWS.header2)[col] = cell(c.header, 'header');
    }
    line(ANNEX_ROWS.numbers)[col] = cell(numbers[i], 'numbers');
  });
  if (codeCol >= 0) line(ANNEX_ROWS.header1)[codeCol] = cell(columns[codeCol].header, 'code');

  // the table
  doc.rows.forEach((row, i) => {
    const r = ANNEX_ROWS.firstData + i;
    const l = line(r);
    columns.forEach((c, col) => {
      if (c.role === 'code') {
        l[col] = cell(row.code, 'code');
        return;
      }
      const given = row.cells[c.key];
      if (given && c.role === 'stt' && given.style && STYLES[`${given.style}Center`]) {
        l[col] = { ...given, style: `${given.style}Center` };
        return;
      }
      l[col] = given ?? cell(null, c.role === 'amount' || c.role === 'number' ? `${baseStyle(row.kind)}Amount` : baseStyle(row.kind));
    });
  });
  let r = ANNEX_ROWS.firstData + doc.rows.length;

  // Bằng chữ, then the signature block
  if (doc.words) {
    r++;
    line(r)[0] = doc.words;
    mergeAcross(r, 0, lastPrinted);
    if (codeCol >= 0) line(r)[codeCol] = cell(ANNEX_CODE.words, 'code');
  }
  r += 2;
  for (const [left, right] of signatureLines(doc.spec, body)) {
    const l = line(r);
    if (left) l[0] = cell(left, 'signature');
    if (right) l[rightFrom] = cell(right, 'signature');
    mergeAcross(r, 0, leftTo);
    mergeAcross(r, rightFrom, lastPrinted);
    if (codeCol >= 0) l[codeCol] = cell(ANNEX_CODE.signature, 'code');
    r++;
  }
  const lastRow = r - 1;

  // every row's height fits its text (a program's wrapped text is not grown by Excel or LibreOffice)
  const widthOf = (from: number, to: number): number => columns.slice(from, to + 1).reduce((n, c) => n + (c.hidden ? 0 : c.width), 0);
  const rowHeights: Array<{ row: number; height: number }> = [];
  const docStyle = (style: string): { size: number; bold: boolean } => ({ size: STYLES[style]?.font?.size ?? 12, bold: STYLES[style]?.font?.bold === true });
  const fit = (row: number, text: string, width: number, style: string): void => {
    const { size, bold } = docStyle(style);
    rowHeights.push({ row, height: heightFor(linesFor(text, width, bold, size), size) });
  };
  fit(ANNEX_ROWS.body, body, widthOf(0, leftTo), 'docBody');
  fit(ANNEX_ROWS.body2, body2, widthOf(0, leftTo), 'docBody');
  // the rule row sits close under the line above it
  rowHeights.push({ row: ANNEX_ROWS.rules, height: 10 });
  fit(ANNEX_ROWS.number, ANNEX_NUMBER[doc.key], widthOf(0, lastPrinted), 'docNumber');
  fit(ANNEX_ROWS.title, doc.title.toLocaleUpperCase('vi'), widthOf(0, lastPrinted) * 0.8, 'docTitle');
  fit(ANNEX_ROWS.attached, attachedLine(doc.spec), widthOf(0, lastPrinted), 'docAttached');
  const [h1, h2] = headerHeights(printed, docStyle('docHeader').size);
  rowHeights.push({ row: ANNEX_ROWS.header1, height: h1 }, { row: ANNEX_ROWS.header2, height: h2 });
  rowHeights.push({ row: ANNEX_ROWS.numbers, height: maxOf(printed.map((c, i) => heightFor(linesFor(numbers[i], c.width, false, 10), 10))) });
  doc.rows.forEach((row, i) => {
    let height = heightFor(1, 12);
    printed.forEach((c) => {
      const v = row.cells[c.key]?.value;
      if (typeof v === 'string') height = Math.max(height, heightFor(linesFor(v, c.width, row.kind !== 'item' && row.kind !== 'input'), 12));
    });
    rowHeights.push({ row: ANNEX_ROWS.firstData + i, height });
  });
  if (doc.words) {
    const wordsRow = ANNEX_ROWS.firstData + doc.rows.length + 1;
    const v = doc.words.value;
    fit(wordsRow, typeof v === 'string' ? v : 'Bằng chữ', widthOf(0, lastPrinted), 'words');
  }

  return {
    name: doc.name,
    role: 'annex',
    blocks: [{ row: 0, col: 0, cells: lines.map((l) => l.map(printStyle)) }],
    merges,
    columns: columns.map((c, i) => ({ index: i, width: c.width, hidden: c.hidden })),
    rowHeights,
    validations: doc.validations ?? [],
    protect: true,
    print: a4(doc.orientation, printArea(lastRow, lastPrinted), `${ANNEX_ROWS.header1 + 1}:${ANNEX_ROWS.numbers + 1}`),
  };
}

/** Cell style of a row kind: text cells; amounts add "Amount". */
export function baseStyle(kind: AnnexRowKind): string {
  switch (kind) {
    case 'total': return 'grandTotal';
    case 'part':
    case 'group': return 'group';
    case 'item': return 'leaf';
    case 'input': return 'input';
  }
}
