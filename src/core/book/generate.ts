/**
 * Generating a plan into a workbook that may already hold things: the never-lose-data rules.
 * - A sheet KH made before (listed in _kh) is refreshed: rows are matched by their code, so rows the
 *   officer inserted stay where they are; new rows are inserted after their parent's block; a
 *   value the officer typed in an input cell is kept; a number typed over a KH formula is kept
 *   and reported (the checks offer to put the formula back).
 * - A sheet of the user's that has a standard name (their own "Tổng hợp") is left alone, and the
 *   new one gets a suffix ("Tổng hợp (KH)").
 * - Every other sheet of the user is untouched.
 * The result is a patch (only what changes) and a report; running it twice changes nothing.
 */
import { Message } from '../i18n';
import { PlanSpec } from '../plan';
import { canonicalCode } from '../outline';
import { CellSpec, CellValue, SheetSpec, WorkbookDescription } from './model';
import { SheetSnapshot, WorkbookSnapshot, findSheet, isBlank } from './snapshot';
import { KIND, ROWS, SHEET, projectSheetName, planColumns } from './layout';
import {
  FormulaStyle,
  PlanRow,
  ProjectSheetPlan,
  TemplateOptions,
  buildPlanWorkbook,
  projectRowContext,
  renderProjectRow,
  renderSummaryRow,
  summaryRowContext,
  STYLES,
} from './template';
import { rangeAddress } from './address';
import { maxOf, minOf } from '../arrays';
import { fitRowHeights } from './print';

export interface GenerationReport {
  created: string[];
  refreshed: string[];
  /** Standard names already taken by a user's own sheet: the KH sheet got another name. */
  renamed: Array<{ wanted: string; used: string }>;
  rowsAdded: Array<{ sheet: string; code: string; row: number }>;
  cellsWritten: number;
  /** Input cells where the officer's value was kept instead of the spec's. */
  userValuesKept: number;
  /** Things KH did not change and the officer should look at. */
  conflicts: Message[];
  /** True when the workbook already matched: nothing to write. */
  unchanged: boolean;
}

export type GenerationResult = { ok: true; patch: WorkbookDescription; report: GenerationReport; projects: ProjectSheetPlan[] } | { ok: false; errors: Message[] };

/** What _kh says KH generated: key (info, summary, catalog, or a project code) → sheet name. */
export function generatedSheets(snapshot: WorkbookSnapshot): Map<string, { name: string; role: string }> {
  const out = new Map<string, { name: string; role: string }>();
  const meta = findSheet(snapshot, SHEET.meta);
  if (!meta) return out;
  for (const row of meta.values) {
    if (row[0] === 'sheet' && typeof row[1] === 'string' && typeof row[3] === 'string') {
      if (findSheet(snapshot, row[1])) out.set(row[3], { name: row[1], role: String(row[2] ?? '') });
    }
  }
  return out;
}

export function suffixed(standard: string, taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? ' (KH)' : ` (KH ${i})`;
    const name = `${standard.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(name)) return name;
  }
}

function sameContent(spec: CellSpec, value: CellValue, formula: string | null): boolean {
  if (spec.formula !== undefined) return formula !== null && formula.replace(/\s+/g, '') === spec.formula.replace(/\s+/g, '');
  const want = spec.value ?? null;
  if (formula !== null) return false;
  if (isBlank(want)) return isBlank(value);
  return want === value || (typeof want === 'number' && typeof value === 'number' && Math.abs(want - value) < 1e-12);
}

interface Diff {
  cells: Map<number, Map<number, CellSpec>>;
  written: number;
  kept: number;
}

function put(diff: Diff, r: number, c: number, spec: CellSpec): void {
  let line = diff.cells.get(r);
  if (!line) diff.cells.set(r, (line = new Map()));
  line.set(c, spec);
  diff.written++;
}

/** Compares wanted cells with what the sheet holds; `from` is where the row was before inserts. */
function diffCell(diff: Diff, conflicts: Message[], sheet: SheetSnapshot | null, from: number | null, to: number, c: number, spec: CellSpec, where: string): void {
  const value = from === null || !sheet ? null : sheet.values[from]?.[c] ?? null;
  const formula = from === null || !sheet ? null : sheet.formulas[from]?.[c] ?? null;
  const moved = from !== to;
  // a blank locked cell is layout filler (e.g. under a merge, where readers repeat the merged text)
  if (spec.formula === undefined && isBlank(spec.value ?? null) && spec.locked !== false) return;
  if (!moved && sameContent(spec, value, formula)) return;
  const hasUserValue = formula === null && !isBlank(value);
  if (spec.locked === false && hasUserValue) {
    // the officer's input wins; it only moves with its row
    if (moved) put(diff, to, c, { ...spec, value, formula: undefined });
    diff.kept++;
    return;
  }
  if (spec.formula !== undefined && hasUserValue) {
    conflicts.push({ key: 'refresh.typedOverFormula', params: { cell: where, value: String(value) } });
    if (moved) put(diff, to, c, { ...spec, value, formula: undefined });
    return;
  }
  put(diff, to, c, spec);
}

function toBlocks(diff: Diff): SheetSpec['blocks'] {
  return [...diff.cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, line]) => {
      const cols = [...line.keys()];
      const min = minOf(cols);
      const max = maxOf(cols);
      const cells: (CellSpec | null)[] = [];
      for (let c = min; c <= max; c++) cells.push(line.get(c) ?? null);
      return { row, col: min, cells: [cells] };
    });
}

/** Positional refresh (Thông tin, Danh mục, _kh): header texts and formulas are KH's, inputs the officer's. */
function refreshPositional(wanted: SheetSpec, existing: SheetSnapshot, conflicts: Message[], clearBeyond: boolean): { sheet: SheetSpec; written: number; kept: number } {
  const diff: Diff = { cells: new Map(), written: 0, kept: 0 };
  let maxRow = 0;
  for (const block of wanted.blocks) {
    block.cells.forEach((line, r) => {
      line.forEach((spec, c) => {
        if (!spec) return;
        const row = block.row + r;
        const col = block.col + c;
        maxRow = Math.max(maxRow, row);
        diffCell(diff, conflicts, existing, row, row, col, spec, `${existing.name}!${rangeAddress(row, col, 1, 1)}`);
      });
    });
  }
  if (clearBeyond) {
    for (let r = maxRow + 1; r < existing.values.length; r++) {
      existing.values[r].forEach((v, c) => {
        if (!isBlank(v)) put(diff, r, c, { value: null });
      });
    }
  }
  return { sheet: { ...wanted, blocks: toBlocks(diff), merges: [], columns: [], rowHeights: [], freeze: undefined, print: undefined }, written: diff.written, kept: diff.kept };
}

interface Slot {
  /** Row in the existing sheet, or null for a row KH adds now. */
  from: number | null;
  code: string | null;
}

/**
 * Refresh of a sheet whose rows carry codes (a project sheet, Tổng hợp). Data rows are matched by
 * code; new codes are inserted after the block of their parent (or at the end).
 */
function refreshByCode(
  wanted: SheetSpec,
  existing: SheetSnapshot,
  dataRows: Array<{ code: string; parent: string | null; kind: 'leaf' | 'group' | null }>,
  render: (index: number, r: number) => (CellSpec | null)[],
  codeCol: number,
  kindCol: number,
  amountCols: readonly number[],
  conflicts: Message[],
  report: GenerationReport,
): { sheet: SheetSpec; written: number; kept: number } {
  const first = ROWS.firstData;
  const slots: Slot[] = [];
  for (let r = first; r < existing.values.length; r++) {
    const raw = existing.values[r]?.[codeCol];
    slots.push({ from: r, code: raw === null || raw === undefined ? null : canonicalCode(raw) ?? String(raw) });
  }
  // trailing empty rows are not part of the table
  while (slots.length > 0 && (existing.values[slots[slots.length - 1].from as number] ?? []).every(isBlank)) slots.pop();
  const indexOf = (code: string): number => slots.findIndex((s) => s.code === code);

  // a new row goes after the block of the row before it in the plan's order (its subtree, and any
  // rows without a code the officer added there), so catalogue order is kept: DA4.2 lands between
  // DA4.1 and DA4.3
  const blockEnd = (code: string): number => {
    let last = -1;
    slots.forEach((s, i) => {
      if (s.code && (s.code === code || s.code.startsWith(`${code}.`))) last = i;
    });
    if (last < 0) return -1;
    while (last + 1 < slots.length && slots[last + 1].code === null) last++;
    return last;
  };
  dataRows.forEach((row, i) => {
    if (indexOf(row.code) >= 0) return;
    const previous = i > 0 ? blockEnd(dataRows[i - 1].code) : -1;
    const parentEnd = row.parent ? blockEnd(row.parent) : -1;
    const at = previous >= 0 ? previous + 1 : parentEnd >= 0 ? parentEnd + 1 : slots.length;
    slots.splice(at, 0, { from: null, code: row.code });
  });

  const diff: Diff = { cells: new Map(), written: 0, kept: 0 };
  // header rows are positional
  for (const block of wanted.blocks) {
    block.cells.forEach((line, r) => {
      const row = block.row + r;
      if (row >= first) return;
      line.forEach((spec, c) => spec && diffCell(diff, conflicts, existing, row, row, block.col + c, spec, `${existing.name}!${rangeAddress(row, block.col + c, 1, 1)}`));
    });
  }
  const added: Array<{ row: number; cells: (CellSpec | null)[] }> = [];
  dataRows.forEach((row, i) => {
    const slot = indexOf(row.code);
    const to = first + slot;
    const from = slots[slot].from;
    if (from === null) {
      report.rowsAdded.push({ sheet: wanted.name, code: row.code, row: to });
      added.push({ row: to, cells: render(i, to) });
    }
    if (from !== null && row.kind !== null) {
      const existingKind = existing.values[from]?.[kindCol];
      const wantKind = KIND[row.kind];
      if (existingKind !== wantKind && typeof existingKind === 'string' && existingKind !== '') {
        const typed = amountCols.some((c) => existing.formulas[from]?.[c] === null && !isBlank(existing.values[from]?.[c] ?? null));
        if (row.kind === 'group' || typed) {
          // a row with typed amounts that now has children (or the reverse) is the officer's call
          conflicts.push({ key: 'refresh.kindChanged', params: { sheet: wanted.name, code: row.code, row: to + 1 } });
          return;
        }
      }
    }
    render(i, to).forEach((spec, c) => spec && diffCell(diff, conflicts, existing, from, to, c, spec, `${existing.name}!${rangeAddress(to, c, 1, 1)}`));
  });

  // inserts are applied one after another, each at its final position
  const insertRows: Array<{ row: number; count: number }> = [];
  // final positions of the new rows, applied top-down: each insert lands where it ends up
  const inserts = slots.map((s, i) => (s.from === null ? i : -1)).filter((i) => i >= 0);
  for (const at of inserts) {
    const row = first + at;
    const last = insertRows[insertRows.length - 1];
    if (last && last.row + last.count === row) last.count++;
    else insertRows.push({ row, count: 1 });
  }
  const lastData = first + slots.length - 1;
  const validations = (wanted.validations ?? []).map((v) => {
    const col = v.range.replace(/\d+.*$/, '');
    return { ...v, range: `${col}${first + 1}:${col}${lastData + 1}` };
  });
  // a new row gets the height its text needs, and the print area grows to the table's end
  const rowHeights = fitRowHeights({ blocks: added.map((a) => ({ row: a.row, col: 0, cells: [a.cells] })), columns: wanted.columns }, STYLES, added.map((a) => a.row));
  const print = insertRows.length > 0 && wanted.print?.area ? { ...wanted.print, area: wanted.print.area.replace(/\d+$/, String(lastData + 1)) } : undefined;
  return {
    sheet: { ...wanted, insertRows, blocks: toBlocks(diff), merges: [], columns: [], rowHeights, freeze: undefined, print, validations },
    written: diff.written,
    kept: diff.kept,
  };
}

/**
 * Plan spec + what the workbook holds now → the patch to apply and its report. With no existing
 * workbook (or an empty one) the patch is the whole template.
 */
export function planGeneration(spec: PlanSpec, existing: WorkbookSnapshot | null, options: Omit<TemplateOptions, 'sheetNames'> = {}): GenerationResult {
  const snapshot = existing ?? { sheets: [], names: [] };
  const ours = generatedSheets(snapshot);
  const report: GenerationReport = { created: [], refreshed: [], renamed: [], rowsAdded: [], cellsWritten: 0, userValuesKept: 0, conflicts: [], unchanged: false };

  // names: reuse KH's own sheets, step around the user's
  const first = buildPlanWorkbook(spec, options);
  if (!first.ok) return first;
  const sheetNames: Record<string, string> = {};
  const used = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const keys: Array<[string, string]> = [
    ['info', SHEET.info],
    ['summary', SHEET.summary],
    ['catalog', SHEET.catalog],
    ...first.projects.map((p): [string, string] => [p.entry.code, projectSheetName(p.entry.code)]),
  ];
  for (const [key, standard] of keys) {
    const mine = ours.get(key);
    if (mine) sheetNames[key] = mine.name;
    else if (findSheet(snapshot, standard)) {
      const name = suffixed(standard, (n) => used.has(n.toLowerCase()));
      used.add(name.toLowerCase());
      sheetNames[key] = name;
      report.renamed.push({ wanted: standard, used: name });
    } else sheetNames[key] = standard;
  }
  // sheets KH made that a plan generation does not rebuild (the annexes) stay registered in _kh
  const keepInMeta = [...ours.entries()].filter(([, v]) => v.role === 'annex').map(([key, v]) => ({ name: v.name, role: v.role, key }));
  const built = buildPlanWorkbook(spec, { ...options, sheetNames, keepInMeta });
  if (!built.ok) return built;
  const style: FormulaStyle = options.formulaStyle ?? 'native';

  const patchSheets: SheetSpec[] = [];
  for (const wanted of built.description.sheets) {
    const current = findSheet(snapshot, wanted.name);
    const isOurs = wanted.role === 'meta' || [...ours.values()].some((o) => o.name.toLowerCase() === wanted.name.toLowerCase());
    if (!current) {
      patchSheets.push(wanted);
      report.created.push(wanted.name);
      continue;
    }
    if (!isOurs) continue; // cannot happen: names were chosen around user sheets
    let result: { sheet: SheetSpec; written: number; kept: number };
    if (wanted.role === 'project') {
      const project = built.projects.find((p) => p.sheetName === wanted.name) as ProjectSheetPlan;
      const { index: I, amounts: amountCols } = planColumns(spec.programme).project;
      const rows = project.rows.map((r: PlanRow) => ({ code: r.code, parent: r.code.includes('.') ? r.code.slice(0, r.code.lastIndexOf('.')) : null, kind: r.kind }));
      // the KH-style roll-up check spans the data rows as they will be after inserts
      const existingData = Math.max(0, current.values.length - ROWS.firstData);
      const ctx = projectRowContext(spec, style, ROWS.firstData, ROWS.firstData + existingData + project.rows.length);
      result = refreshByCode(wanted, current, rows, (i, r) => renderProjectRow(ctx, project.rows[i], r, i === 0), I.code, I.kind, amountCols, report.conflicts, report);
    } else if (wanted.role === 'summary') {
      const I = planColumns(spec.programme).summary.index;
      const ctx = summaryRowContext(spec, style);
      const totalRow = wanted.blocks[0].cells[ROWS.firstData];
      const rows = [{ code: 'TONG', parent: null, kind: null }, ...built.projects.map((p) => ({ code: p.entry.outline, parent: null, kind: null }))];
      result = refreshByCode(
        wanted,
        current,
        rows,
        (i, r) => (i === 0 ? totalRow : renderSummaryRow(ctx, built.projects[i - 1], r)),
        I.code,
        I.kind,
        [],
        report.conflicts,
        report,
      );
    } else {
      result = refreshPositional(wanted, current, report.conflicts, wanted.role === 'meta');
    }
    report.cellsWritten += result.written;
    report.userValuesKept += result.kept;
    if (result.written > 0 || (result.sheet.insertRows ?? []).length > 0) {
      patchSheets.push(result.sheet);
      if (wanted.role !== 'meta') report.refreshed.push(wanted.name);
    }
  }
  for (const s of patchSheets) if (report.created.includes(s.name)) report.cellsWritten += s.blocks.reduce((n, b) => n + b.cells.reduce((m, l) => m + l.filter(Boolean).length, 0), 0);

  const names = built.description.names.filter((n) => {
    const prior = snapshot.names.find((x) => x.name.toLowerCase() === n.name.toLowerCase());
    return !prior || prior.ref.replace(/\s+/g, '') !== n.ref.replace(/\s+/g, '');
  });
  report.unchanged = patchSheets.length === 0 && names.length === 0;
  return { ok: true, patch: { sheets: patchSheets, names, styles: built.description.styles }, report, projects: built.projects };
}
