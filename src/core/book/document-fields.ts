/**
 * What the plan spec holds beyond the typed columns — written so the workbook keeps it and checks
 * it, and read back by `kh export`:
 * - the period of a multi-year plan ("giai đoạn 2021 - 2025") in titles and in Kỳ kế hoạch;
 * - NSĐP split ĐTPT / SN: the sum in the NSĐP column, the split in the row's note (read back
 *   by `kh export` while it adds up to the NSĐP cell);
 * - money a document leaves without a column (undivided) and several implementing units;
 * - on Thông tin, below the stated totals: NSNN (= NSTW + NSĐP) and NSĐP's split, the totals of
 *   all resources with their parts, each with its check, and the figures read from the plan
 *   document with their section and quote.
 * Rows are appended after the existing ones, so the layout the checks read does not move.
 */
import { translate } from '../i18n';
import { amountsEqual, formatAmount, parseAmount, sumExact } from '../money';
import type { Amounts, FigureSource, PlanItem, PlanSpec, ResourcePartKind, StatedKey, StatedResources, UndividedKey } from '../plan';
import { UNIT_LABEL_VI } from '../units';
import { convertUnit } from '../money';
import { CellSpec, CellValue, NameSpec } from './model';
import { cellAddress, quoteSheet } from './address';
import { INFO_ROWS, NAMES, ROWS, STATED_SOURCES, planColumns } from './layout';
import { SheetSnapshot, isBlank } from './snapshot';

/** "năm 2024" or "giai đoạn 2021 - 2025". */
export function periodLabel(spec: Pick<PlanSpec, 'year' | 'period'>): string {
  return spec.period ? `giai đoạn ${spec.period.from} - ${spec.period.to}` : `năm ${spec.year}`;
}

/** The Kỳ kế hoạch cell: the year, or the period as text. */
export function periodValue(spec: Pick<PlanSpec, 'year' | 'period'>): string | number {
  return spec.period ? `${spec.period.from} - ${spec.period.to}` : spec.year;
}

/** Reads the Kỳ kế hoạch cell back: 2024, or "2021 - 2025". */
export function readPeriod(v: CellValue): { year?: number; period?: { from: number; to: number } } {
  if (typeof v === 'number') return { year: v };
  const m = typeof v === 'string' ? /^\s*(20\d\d)\s*(?:[-–—]\s*(20\d\d))?\s*$/.exec(v) : null;
  if (!m) return {};
  return m[2] ? { year: Number(m[1]), period: { from: Number(m[1]), to: Number(m[2]) } } : { year: Number(m[1]) };
}

/** The amounts the sheet's columns take: NSĐP split ĐTPT / SN goes into the one NSĐP column as its sum. */
export function columnAmounts(amounts: Amounts | undefined): Amounts | undefined {
  if (!amounts) return amounts;
  const { localInvestment, localRecurrent, ...rest } = amounts;
  if (localInvestment === undefined && localRecurrent === undefined) return amounts;
  return { ...rest, local: rest.local ?? sumExact([localInvestment ?? 0, localRecurrent ?? 0]) };
}

const NOTE_SPLIT = /(?:^|\.\s)NSĐP: ĐTPT ([\d.,]+); SN ([\d.,]+)(?=\.\s|$)/u;

/**
 * The NSĐP split back from a row's note, when it still adds up to the row's NSĐP cell: the amounts
 * then hold ĐTPT and SN instead of NSĐP and the note loses the split. When the officer has changed
 * NSĐP since, the cell wins and the note is left as written (the split is stale, not guessed apart).
 */
export function splitFromNote(amounts: Amounts, note: string | undefined): { amounts: Amounts; note: string | undefined } {
  const m = note ? NOTE_SPLIT.exec(note) : null;
  if (!m || !note) return { amounts, note };
  const inv = parseAmount(m[1]);
  const rec = parseAmount(m[2]);
  if (!inv.ok || !rec.ok || amounts.local === undefined || !amountsEqual(sumExact([inv.value, rec.value]), amounts.local, 0)) return { amounts, note };
  const { local: _local, ...rest } = amounts;
  void _local;
  const left = (note.slice(0, m.index) + note.slice(m.index + m[0].length)).replace(/^\.\s/, '').trim();
  return { amounts: { ...rest, localInvestment: inv.value, localRecurrent: rec.value }, note: left === '' ? undefined : left };
}

const UNDIVIDED_LABEL: Record<UndividedKey, string> = {
  total: 'chưa rõ nguồn vốn',
  central: 'NSTW chưa tách ĐTPT/SN',
  state: 'vốn ngân sách nhà nước chưa tách NSTW/NSĐP',
  recurrent: 'vốn sự nghiệp chưa rõ ngân sách nào',
  investment: 'vốn đầu tư phát triển chưa rõ ngân sách nào',
};

/** The row's note: the officer's, then what the columns cannot hold (document text, in Vietnamese). */
export function itemNote(item: Pick<PlanItem, 'note' | 'amounts' | 'undivided'>): string | undefined {
  const parts: string[] = [];
  if (item.note) parts.push(item.note);
  const a = item.amounts ?? {};
  if (a.localInvestment !== undefined || a.localRecurrent !== undefined) {
    parts.push(`NSĐP: ĐTPT ${formatAmount(a.localInvestment ?? 0, { maxDecimals: 6 })}; SN ${formatAmount(a.localRecurrent ?? 0, { maxDecimals: 6 })}`);
  }
  for (const [k, v] of Object.entries(item.undivided ?? {}) as Array<[UndividedKey, number]>) {
    parts.push(`Văn bản ghi ${formatAmount(v, { maxDecimals: 6 })} (${UNDIVIDED_LABEL[k]}): hãy gõ vào đúng cột`);
  }
  return parts.length > 0 ? parts.join('. ') : undefined;
}

/** "A; B" for several implementing units. */
export function itemUnitName(item: Pick<PlanItem, 'unitName' | 'unitNames'>): string | undefined {
  return item.unitName ?? (item.unitNames && item.unitNames.length > 0 ? item.unitNames.join('; ') : undefined);
}

/** A plan that only states totals has no item rows; it still has a workbook to check them in. */
export function statesTotals(spec: Pick<PlanSpec, 'statedTotals' | 'statedResources'>): boolean {
  return Object.keys(spec.statedTotals ?? {}).length > 0 || spec.statedResources?.total !== undefined || (spec.statedResources?.parts?.length ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Thông tin: rows below the stated totals

/** Stated rows after the eight of STATED_SOURCES. */
export const STATED_EXTRA: readonly StatedKey[] = ['state', 'localInvestment', 'localRecurrent'];
const EXTRA_LABEL: Record<string, string> = {
  state: 'Vốn ngân sách nhà nước (NSTW + NSĐP)',
  localInvestment: 'Ngân sách địa phương: vốn đầu tư phát triển',
  localRecurrent: 'Ngân sách địa phương: vốn sự nghiệp',
};
export const RESOURCES_TITLE = 'Tổng nguồn lực nêu trong văn bản';
export const PROVENANCE_TITLE = 'Số liệu lấy từ văn bản kế hoạch';
const PART_LABEL: Record<ResourcePartKind, string> = {
  programme: 'Chương trình MTQG giảm nghèo bền vững',
  otherProgrammes: 'Các chương trình MTQG khác lồng ghép',
  policies: 'Các chính sách giảm nghèo',
  credit: 'Vốn tín dụng chính sách',
  other: 'Nguồn khác',
};
const KIND_BY_LABEL = new Map(Object.entries(PART_LABEL).map(([k, v]) => [v, k as ResourcePartKind]));

export interface PlacedCell {
  row: number;
  col: number;
  cell: CellSpec;
}

/** The first row after the stated-totals table. */
export function extraStart(): number {
  return INFO_ROWS.statedHeader + 1 + STATED_SOURCES.length;
}

/** A stated total as Thông tin holds it: in the plan's unit. */
export function statedInPlanUnit(spec: PlanSpec, key: StatedKey): number | null {
  const v = spec.statedTotals?.[key];
  return v === undefined ? null : inPlanUnit(spec, v);
}

/** Stated figures are written in the plan's unit; a different unit in the document is shown beside them. */
function inPlanUnit(spec: PlanSpec, v: number): number {
  return spec.statedUnit && spec.statedUnit !== spec.unit ? convertUnit(v, spec.statedUnit, spec.unit) : v;
}

function asWritten(spec: PlanSpec, v: number): CellSpec | null {
  if (!spec.statedUnit || spec.statedUnit === spec.unit) return null;
  return { value: `Văn bản ghi ${formatAmount(v, { maxDecimals: 6 })} ${UNIT_LABEL_VI[spec.statedUnit]}`, style: 'text', locked: true };
}

/** A label for a provenance path ("items.DA2.centralRecurrent" → "DA2: centralRecurrent"). */
function pathLabel(path: string): string {
  return path.replace(/^activities\.(\d+)$/, (_, i: string) => `Hoạt động ${Number(i) + 1}`).replace(/^policies\.(\d+)$/, (_, i: string) => `Chính sách ${Number(i) + 1}`).replace(/^items\./, '').replace(/^statedTotals\./, 'Tổng nêu trong văn bản: ').replace(/^statedResources\./, 'Tổng nguồn lực: ').replace(/\./g, ' › ');
}

function valueAt(spec: PlanSpec, path: string): CellValue {
  const parts = path.split('.');
  // item codes have dots of their own ("items.DA4.TDA1.centralRecurrent")
  const item = /^items\.(.+?)\.(unitName|undivided\.\w+|centralInvestment|centralRecurrent|localInvestment|localRecurrent|local|integrated|credit|mobilised)$/.exec(path);
  if (item) {
    const found = spec.items.find((i) => i.code === item[1]);
    if (!found) return null;
    if (item[2] === 'unitName') return itemUnitName(found) ?? null;
    if (item[2].startsWith('undivided.')) return found.undivided?.[item[2].slice(10) as UndividedKey] ?? null;
    return found.amounts?.[item[2] as keyof Amounts] ?? null;
  }
  if (parts[0] === 'statedTotals') return spec.statedTotals?.[parts[1] as StatedKey] ?? null;
  if (parts[0] === 'statedResources') return parts[1] === 'total' ? spec.statedResources?.total ?? null : spec.statedResources?.parts?.[Number(parts[2])]?.amount ?? null;
  if (parts[0] === 'targets') return spec.targets?.[Number(parts[1])]?.planned ?? null;
  if (parts[0] === 'activities') {
    const a = spec.activities[Number(parts[1])];
    return a ? sumExact(Object.values(a.amounts).filter((v): v is number => typeof v === 'number')) : null;
  }
  if (parts[0] === 'policies') return spec.policies?.[Number(parts[1])]?.amount ?? null;
  if (parts[0] === 'signer') return spec.signer?.name ?? null;
  if (parts[0] === 'period') return spec.period ? `${spec.period.from} - ${spec.period.to}` : null;
  const v = (spec as unknown as Record<string, unknown>)[parts[0]];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/**
 * Cells of Thông tin below the stated totals, and the names they define. `fmt` is the plan's amount
 * format; `mismatch` the check's word ("Lệch").
 */
export function infoExtras(spec: PlanSpec, infoName: string, summaryName: string, fmt: string, names: NameSpec[]): PlacedCell[] {
  const out: PlacedCell[] = [];
  const put = (row: number, col: number, cell: CellSpec): void => void out.push({ row, col, cell });
  const summary = planColumns(spec.programme).summary.letter;
  const totalRow = ROWS.firstData + 1;
  const mismatch = translate('sheet.statedMismatch');
  const check = (x: number): CellSpec => ({ formula: `=IF(OR(B${x}="",C${x}=""),"",IF(ABS(B${x}-C${x})<=${NAMES.tolerance},"✓","${mismatch}"))`, style: 'check', locked: true });
  const diff = (x: number): CellSpec => ({ formula: `=IF(OR(B${x}="",C${x}=""),"",B${x}-C${x})`, style: 'leafAmount', numberFormat: fmt, locked: true });
  const stated = (key: StatedKey): number | null => (spec.statedTotals?.[key] === undefined ? null : inPlanUnit(spec, spec.statedTotals[key] as number));
  const row0 = extraStart();
  const localRow = INFO_ROWS.statedHeader + 1 + STATED_SOURCES.indexOf('local') + 1;
  STATED_EXTRA.forEach((key, i) => {
    const r = row0 + i;
    const x = r + 1;
    put(r, 0, { value: EXTRA_LABEL[key], style: 'leaf', locked: true });
    put(r, 1, { value: stated(key), style: 'inputAmount', numberFormat: fmt, locked: false });
    if (key === 'state') put(r, 2, { formula: `=${quoteSheet(summaryName)}!${summary.central}${totalRow}+${quoteSheet(summaryName)}!${summary.local}${totalRow}`, style: 'leafAmount', numberFormat: fmt, locked: true });
    else if (key === 'localInvestment') {
      // the sheets have one NSĐP column: the document's split is checked against its own NSĐP
      put(r, 2, { formula: `=IF(AND(B${x}="",B${x + 1}=""),"",B${x}+B${x + 1})`, style: 'leafAmount', numberFormat: fmt, locked: true });
    }
    if (key === 'state') {
      put(r, 3, check(x));
      put(r, 4, diff(x));
    } else if (key === 'localInvestment') {
      put(r, 3, { formula: `=IF(OR(B${localRow}="",C${x}=""),"",IF(ABS(B${localRow}-C${x})<=${NAMES.tolerance},"✓","${mismatch}"))`, style: 'check', locked: true });
      put(r, 4, { formula: `=IF(OR(B${localRow}="",C${x}=""),"",B${localRow}-C${x})`, style: 'leafAmount', numberFormat: fmt, locked: true });
    }
    const written = spec.statedTotals?.[key] === undefined ? null : asWritten(spec, spec.statedTotals[key] as number);
    if (written) put(r, 5, written);
    names.push({ name: `KH_SoNeu_${key}`, ref: `=${quoteSheet(infoName)}!${cellAddress(r, 1, true)}` });
  });
  // the eight stated rows above get the written figure beside them too
  STATED_SOURCES.forEach((key, i) => {
    const v = spec.statedTotals?.[key];
    const written = v === undefined ? null : asWritten(spec, v);
    if (written) put(INFO_ROWS.statedHeader + 1 + i, 5, written);
  });

  let r = row0 + STATED_EXTRA.length + 1;
  const res = spec.statedResources;
  if (res && (res.total !== undefined || (res.parts?.length ?? 0) > 0)) {
    [RESOURCES_TITLE, 'Số nêu trong văn bản', 'Cộng các phần / số tính từ bảng', 'Kiểm tra', 'Chênh lệch'].forEach((t, c) => put(r, c, { value: t, style: 'header', locked: true }));
    const totalAt = r + 1;
    const parts = res.parts ?? [];
    put(totalAt, 0, { value: 'Tổng nguồn lực', style: 'group', locked: true });
    put(totalAt, 1, { value: res.total === undefined ? null : inPlanUnit(spec, res.total), style: 'inputAmount', numberFormat: fmt, locked: false });
    if (parts.length > 0) put(totalAt, 2, { formula: `=SUM(B${totalAt + 2}:B${totalAt + 1 + parts.length})`, style: 'leafAmount', numberFormat: fmt, locked: true });
    put(totalAt, 3, check(totalAt + 1));
    put(totalAt, 4, diff(totalAt + 1));
    if (res.total !== undefined) {
      const w = asWritten(spec, res.total);
      if (w) put(totalAt, 5, w);
    }
    parts.forEach((p, i) => {
      const pr = totalAt + 1 + i;
      put(pr, 0, { value: p.label || PART_LABEL[p.kind], style: 'leaf', locked: true });
      put(pr, 1, { value: inPlanUnit(spec, p.amount), style: 'inputAmount', numberFormat: fmt, locked: false });
      if (p.kind === 'programme') {
        put(pr, 2, { formula: `=${NAMES.grandTotal}`, style: 'leafAmount', numberFormat: fmt, locked: true });
        put(pr, 3, check(pr + 1));
        put(pr, 4, diff(pr + 1));
      }
      put(pr, 6, { value: p.kind, style: 'meta', locked: true });
      const w = asWritten(spec, p.amount);
      if (w) put(pr, 5, w);
    });
    r = totalAt + parts.length + 2;
  }

  const prov = Object.entries(spec.provenance ?? {});
  if (prov.length > 0) {
    [PROVENANCE_TITLE, 'Giá trị', 'Mục', 'Trích dẫn văn bản'].forEach((t, c) => put(r, c, { value: t, style: 'header', locked: true }));
    prov.forEach(([path, src], i) => {
      const pr = r + 1 + i;
      const v = valueAt(spec, path);
      put(pr, 0, { value: pathLabel(path), style: 'leaf', locked: true });
      put(pr, 1, { value: v, style: typeof v === 'number' ? 'leafAmount' : 'leaf', numberFormat: typeof v === 'number' ? fmt : '@', locked: true });
      put(pr, 2, { value: src.section || '—', style: 'leaf', locked: true });
      put(pr, 3, { value: src.quote, style: 'leaf', locked: true });
      put(pr, 6, { value: path, style: 'meta', locked: true });
    });
  }
  return out;
}

function num(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** What infoExtras wrote, read back from Thông tin (values in the plan's unit). */
export function readInfoExtras(info: SheetSnapshot | undefined): Pick<PlanSpec, 'statedResources' | 'provenance'> & { stated: Partial<Record<StatedKey, number>> } {
  const out: Pick<PlanSpec, 'statedResources' | 'provenance'> & { stated: Partial<Record<StatedKey, number>> } = { stated: {} };
  if (!info) return out;
  const row0 = extraStart();
  STATED_EXTRA.forEach((key, i) => {
    const v = num(info.values[row0 + i]?.[1]);
    if (v !== undefined) out.stated[key] = v;
  });
  const rows = info.values;
  const resAt = rows.findIndex((r, i) => i > row0 && r?.[0] === RESOURCES_TITLE);
  if (resAt >= 0) {
    const res: StatedResources = {};
    const total = num(rows[resAt + 1]?.[1]);
    if (total !== undefined) res.total = total;
    const parts: NonNullable<StatedResources['parts']> = [];
    for (let r = resAt + 2; r < rows.length && !isBlank(rows[r]?.[0] ?? null); r++) {
      const amount = num(rows[r]?.[1]);
      const label = String(rows[r]?.[0] ?? '');
      const kind = (rows[r]?.[6] as ResourcePartKind | undefined) ?? KIND_BY_LABEL.get(label) ?? 'other';
      if (amount !== undefined) parts.push({ kind, label, amount });
    }
    if (parts.length > 0) res.parts = parts;
    if (res.total !== undefined || res.parts) out.statedResources = res;
  }
  const provAt = rows.findIndex((r, i) => i > row0 && r?.[0] === PROVENANCE_TITLE);
  if (provAt >= 0) {
    const provenance: Record<string, FigureSource> = {};
    for (let r = provAt + 1; r < rows.length; r++) {
      const path = rows[r]?.[6];
      if (typeof path !== 'string' || path === '') break;
      provenance[path] = { section: String(rows[r]?.[2] ?? '').replace(/^—$/, ''), quote: String(rows[r]?.[3] ?? '') };
    }
    if (Object.keys(provenance).length > 0) out.provenance = provenance;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The same rows as the checks read them: values with their cells, found by their labels so a
// workbook made before these rows existed (or an officer's text below the table) reads as none.

/** A stated figure on Thông tin: its value in the plan's unit, its cell, and how the document wrote it. */
export interface StatedCell {
  value: number | null;
  /** "B24". */
  address: string;
  /** "5,5 tỷ đồng" when the document wrote it in another unit than the plan's. */
  written: string | null;
}

export interface StatedRows {
  /** Vốn ngân sách nhà nước not split NSTW / NSĐP. */
  state: StatedCell | null;
  localInvestment: StatedCell | null;
  localRecurrent: StatedCell | null;
  /** Tổng nguồn lực and the parts the document lists under it. */
  resources: { total: StatedCell; parts: Array<StatedCell & { kind: ResourcePartKind; label: string }> } | null;
}

const WRITTEN = /^Văn bản ghi (.+)$/u;

/** The "Văn bản ghi 5,5 tỷ đồng" beside a stated row, as "5,5 tỷ đồng". */
export function writtenAt(info: SheetSnapshot, row: number): string | null {
  const v = info.values[row]?.[5];
  const m = typeof v === 'string' ? WRITTEN.exec(v.trim()) : null;
  return m ? m[1] : null;
}

function statedCell(info: SheetSnapshot, row: number): StatedCell {
  return { value: num(info.values[row]?.[1]) ?? null, address: cellAddress(row, 1), written: writtenAt(info, row) };
}

/** The stated rows below the eight, where this workbook has them. */
export function readStatedRows(info: SheetSnapshot): StatedRows {
  const row0 = extraStart();
  const at = (key: StatedKey): StatedCell | null => {
    const r = row0 + STATED_EXTRA.indexOf(key);
    return info.values[r]?.[0] === EXTRA_LABEL[key] ? statedCell(info, r) : null;
  };
  const out: StatedRows = { state: at('state'), localInvestment: at('localInvestment'), localRecurrent: at('localRecurrent'), resources: null };
  const rows = info.values;
  const resAt = rows.findIndex((r, i) => i > row0 && r?.[0] === RESOURCES_TITLE);
  if (resAt >= 0 && rows[resAt + 1]?.[0] === 'Tổng nguồn lực') {
    const parts: NonNullable<StatedRows['resources']>['parts'] = [];
    for (let r = resAt + 2; r < rows.length && !isBlank(rows[r]?.[0] ?? null); r++) {
      const label = String(rows[r]?.[0] ?? '');
      const kind = (rows[r]?.[6] as ResourcePartKind | undefined) ?? KIND_BY_LABEL.get(label) ?? 'other';
      parts.push({ ...statedCell(info, r), kind, label });
    }
    out.resources = { total: statedCell(info, resAt + 1), parts };
  }
  return out;
}
