/**
 * The allocation a province (or any level) gives its communes, by project and source, and the
 * comparison of each commune's plan with it: over the allocation, under it (money left
 * unplanned), or money in a project the commune was not given.
 *
 * KH's "Phân bổ" sheet: title, the unit on row 2 (B2), the header on row 3, then one row per
 * commune and project: Xã | Mã | Nội dung | Tổng cộng | NSTW đầu tư phát triển | NSTW sự nghiệp |
 * Ngân sách địa phương. A blank amount means "not allocated by this source" and is not compared;
 * 0 means nothing may be planned there.
 */
import { CellSpec, SheetSpec, WorkbookDescription } from '../book/model';
import { SheetSnapshot, WorkbookSnapshot, findSheet } from '../book/snapshot';
import { STYLES } from '../book/template';
import { amountsEqual, convertUnit, sumExact } from '../money';
import { foldForMatch } from '../text';
import { MoneyUnit, UNIT_LABEL_VI, parseUnit } from '../units';
import { AmountKey } from '../table/model';
import { Amounts, FileFigures, SUMMARY_UNIT } from '../table/figures';

export const ALLOCATION_SHEET = 'Phân bổ';
export const ALLOCATION_KEYS: readonly AmountKey[] = ['total', 'centralInvestment', 'centralRecurrent', 'local'];
export const ALLOCATION_HEADER = ['Xã', 'Mã', 'Nội dung', 'Tổng cộng', 'NSTW đầu tư phát triển', 'NSTW sự nghiệp', 'Ngân sách địa phương'];
const HEADER_ROW = 2;

export interface AllocationLine {
  commune: string;
  code: string;
  name: string;
  /** In triệu; a source left blank is absent. */
  amounts: Partial<Record<AmountKey, number>>;
  /** "Phân bổ!D5" of each amount, for the officer to find it. */
  cells: Partial<Record<AmountKey, string>>;
}

export interface Allocation {
  unit: MoneyUnit;
  lines: AllocationLine[];
}

export type AllocationProblem = { key: 'allocation.noSheet' } | { key: 'allocation.noUnit' } | { key: 'allocation.badAmount'; cell: string; value: string };

/** The template: one row per commune and project, amounts blank for the province to type. */
export function allocationWorkbook(lines: ReadonlyArray<Omit<AllocationLine, 'cells'>>, unit: MoneyUnit = SUMMARY_UNIT): WorkbookDescription {
  const text = (v: string | number | null, style = 'leaf'): CellSpec => ({ value: v, style });
  const amount = (v: number | undefined): CellSpec => ({ value: v ?? null, style: 'inputAmount', numberFormat: '#,##0.###', locked: false });
  const rows: CellSpec[][] = [
    [text('PHÂN BỔ VỐN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG CHO CÁC XÃ', 'title')],
    [text('Đơn vị tính', 'label'), { value: UNIT_LABEL_VI[unit], style: 'input', locked: false }],
    ALLOCATION_HEADER.map((h) => text(h, 'header')),
    ...lines.map((l) => [{ value: l.commune, style: 'input', locked: false }, { value: l.code, style: 'input', locked: false }, text(l.name), ...ALLOCATION_KEYS.map((k) => amount(l.amounts[k]))]),
  ];
  const sheet: SheetSpec = {
    name: ALLOCATION_SHEET,
    role: 'info',
    blocks: [{ row: 0, col: 0, cells: rows }],
    columns: [{ index: 0, width: 28 }, { index: 1, width: 10 }, { index: 2, width: 50 }, ...ALLOCATION_KEYS.map((_, i) => ({ index: 3 + i, width: 16 }))],
    freeze: { rows: HEADER_ROW + 1, columns: 2 },
  };
  return { sheets: [sheet], names: [], styles: STYLES };
}

const plain = (v: unknown): string => (v === null || v === undefined ? '' : String(v).normalize('NFC').trim());

function readSheet(sheet: SheetSnapshot): { ok: true; allocation: Allocation } | { ok: false; problem: AllocationProblem } {
  const unit = parseUnit(plain(sheet.values[1]?.[1]));
  if (!unit) return { ok: false, problem: { key: 'allocation.noUnit' } };
  const lines: AllocationLine[] = [];
  for (let r = HEADER_ROW + 1; r < sheet.values.length; r++) {
    const v = sheet.values[r] ?? [];
    const commune = plain(v[0]);
    const code = plain(v[1]).toUpperCase();
    if (!commune || !code) continue;
    const line: AllocationLine = { commune, code, name: plain(v[2]), amounts: {}, cells: {} };
    for (let i = 0; i < ALLOCATION_KEYS.length; i++) {
      const raw = v[3 + i];
      const cell = `${String.fromCharCode(68 + i)}${r + 1}`;
      if (raw === null || raw === undefined || plain(raw) === '') continue;
      // an amount the province typed as text is said, never guessed
      if (typeof raw !== 'number') return { ok: false, problem: { key: 'allocation.badAmount', cell: `${ALLOCATION_SHEET}!${cell}`, value: plain(raw) } };
      line.amounts[ALLOCATION_KEYS[i]] = convertUnit(raw, unit, SUMMARY_UNIT);
      line.cells[ALLOCATION_KEYS[i]] = `${ALLOCATION_SHEET}!${cell}`;
    }
    lines.push(line);
  }
  return { ok: true, allocation: { unit, lines } };
}

export function readAllocation(snapshot: WorkbookSnapshot): { ok: true; allocation: Allocation } | { ok: false; problem: AllocationProblem } {
  const sheet = findSheet(snapshot, ALLOCATION_SHEET);
  if (!sheet) return { ok: false, problem: { key: 'allocation.noSheet' } };
  return readSheet(sheet);
}

export type AllocationVerdict = 'over' | 'under' | 'notGiven' | 'noPlan';

export interface AllocationIssue {
  verdict: AllocationVerdict;
  commune: string;
  /** The commune's file; null when no file was found for an allocated commune. */
  file: string | null;
  code: string;
  source: AmountKey;
  /** In triệu. */
  allocated: number | null;
  planned: number | null;
  difference: number;
  cell: string | null;
}

export interface CommunePlan {
  file: string;
  /** Names the commune goes by: the file's name, Thông tin's Địa bàn. */
  names: string[];
  figures: FileFigures;
}

/** "Xã Bình Lư", "xa-binh-lu.xlsx", "BÌNH LƯ" are the same commune. */
export function communeKey(name: string): string {
  return foldForMatch(name.replace(/\.(xlsx|xlsm|xls)$/i, '').replace(/[-_]+/g, ' '))
    .replace(/^(ubnd|uy ban nhan dan)\s+/, '')
    .replace(/^(xa|phuong|thi tran)\s+/, '')
    .trim();
}

/** Each commune's plan against its allocation, project by project and source by source, exact to the đồng. */
export function compareAllocation(allocation: Allocation, plans: readonly CommunePlan[]): AllocationIssue[] {
  const issues: AllocationIssue[] = [];
  const byCommune = new Map<string, AllocationLine[]>();
  for (const l of allocation.lines) byCommune.set(communeKey(l.commune), [...(byCommune.get(communeKey(l.commune)) ?? []), l]);
  const matched = new Set<string>();
  for (const plan of plans) {
    const key = plan.names.map(communeKey).find((k) => byCommune.has(k));
    const given = key ? byCommune.get(key) ?? [] : [];
    if (key) matched.add(key);
    const commune = given[0]?.commune ?? plan.names[0];
    const projects = plan.figures.projects;
    // the plan's money is added up at the level the allocation names (DA3, or DA3.TDA1 as a DA3 part)
    const parts = plan.figures.parts ?? new Map<string, { name: string; amounts: Amounts }>();
    const under = (code: string, list: Map<string, { amounts: Amounts }>): Amounts[] => [...list.entries()].filter(([c]) => c === code || c.startsWith(`${code}.`)).map(([, p]) => p.amounts);
    const planned = (code: string): Amounts | null => {
      // a Dự án from the project totals; a Tiểu dự án from the project sheets' rows under it
      const fromProjects = under(code, projects);
      const hit = fromProjects.length > 0 ? fromProjects : under(code, parts);
      if (hit.length === 0) return null;
      return Object.fromEntries(ALLOCATION_KEYS.map((k) => [k, sumExact(hit.map((a) => a[k] ?? 0))])) as Amounts;
    };
    for (const line of given) {
      const p = planned(line.code);
      for (const k of ALLOCATION_KEYS) {
        const a = line.amounts[k];
        if (a === undefined) continue;
        const v = p?.[k] ?? 0;
        // exact to the đồng: one đồng over is over (binary noise of a sum is not)
        if (amountsEqual(v, a, 0)) continue;
        issues.push({ verdict: v > a ? 'over' : 'under', commune, file: plan.file, code: line.code, source: k, allocated: a, planned: v, difference: sumExact([v, -a]), cell: line.cells[k] ?? null });
      }
    }
    const codes = given.map((l) => l.code);
    const notGiven = (code: string, amounts: Amounts): void => {
      for (const k of ALLOCATION_KEYS) {
        const v = amounts[k] ?? 0;
        if (v === 0) continue;
        issues.push({ verdict: 'notGiven', commune, file: plan.file, code, source: k, allocated: null, planned: v, difference: v, cell: null });
        break;
      }
    };
    const covered = (code: string): boolean => codes.some((c) => code === c || code.startsWith(`${c}.`));
    for (const [code, p] of projects) {
      if (covered(code)) continue;
      // allocated by Tiểu dự án: money in a Tiểu dự án of it that was not given is said, by Tiểu dự án
      if (codes.some((c) => c.startsWith(`${code}.`))) {
        for (const [part, q] of parts) if ((part === code || part.startsWith(`${code}.`)) && !covered(part)) notGiven(part, q.amounts);
        continue;
      }
      notGiven(code, p.amounts);
    }
  }
  for (const [key, lines] of byCommune) {
    if (matched.has(key)) continue;
    const l = lines[0];
    issues.push({ verdict: 'noPlan', commune: l.commune, file: null, code: l.code, source: 'total', allocated: l.amounts.total ?? null, planned: null, difference: 0, cell: null });
  }
  return issues;
}
