/**
 * Building and refreshing the annexes. A refresh rebuilds each annex from the plan as it is now and
 * puts back what the officer wrote (Ghi chú by row code, the input rows of Biểu 02, Biểu 03 part B
 * and the targets, cells outside the layout); an annex that already matches is not written. The
 * plan sheets must exist: the annexes point at them.
 */
import { Catalog, getCatalog } from '../../catalog';
import { Message } from '../../i18n';
import { PlanSpec, INPUT_SOURCES } from '../../plan';
import { sumExact } from '../../decimal';
import { WordsOptions } from '../../words';
import { CellSpec, CellValue, SheetSpec, WorkbookDescription } from '../model';
import { SheetSnapshot, WorkbookSnapshot, findSheet, isBlank } from '../snapshot';
import { SHEET, projectSheetName } from '../layout';
import { FormulaStyle, ProjectSheetPlan, STYLES, TemplateResult, buildPlanWorkbook, planRows } from '../template';
import { generatedSheets, suffixed } from '../generate';
import { rangeAddress } from '../address';
import { renderAnnex } from './document';
import { annex01Document } from './bieu01';
import { annex02Document, dimensionCode } from './bieu02';
import { annex03Document } from './bieu03';
import { targetsDocument } from './targets';
import { ANNEX_CODE, ANNEX_KEYS, ANNEX_ROWS, ANNEX_SHEET, AnnexKey, annex01Columns, annex02Columns, annex03Columns, targetColumns } from './layout';
import {
  AnnexInputs,
  InputValues,
  Kept,
  StrayCell,
  emptyInputs,
  othersFromSpec,
  policiesFromSpec,
  readInputRows,
  readNotes,
  readPolicies,
  readStray,
  targetsFromSpec,
} from './inputs';
import { wordsCell, wordsText } from './words';
import { policyMoney } from './funding';

export interface AnnexOptions {
  formulaStyle?: FormulaStyle;
  words?: WordsOptions;
  catalog?: Catalog;
}

export interface AnnexTotals {
  /** Biểu 01: the programme. */
  programme: number;
  /** Biểu 03 part B. */
  others: number;
  /** Biểu 02. */
  policies: number;
  /** Biểu 02 money without a source Biểu 03 counts (left out of part C and the grand total). */
  unfunded: number;
  /** Biểu 03: A + B + C, C being the policies with a source (as its formulas compute it). */
  grand: number;
}

export interface AnnexReport {
  created: string[];
  refreshed: string[];
  unchanged: string[];
  renamed: Array<{ wanted: string; used: string }>;
  notesKept: number;
  inputRowsKept: number;
  /** The officer's cells outside the layout that had to move (their place is now KH's). */
  moved: Array<{ sheet: string; from: string; to: string }>;
  conflicts: Message[];
  totals: AnnexTotals;
  /** "Bằng chữ: …" as written under each total. */
  words: { annex01: string; annex02: string; annex03: string };
}

export type AnnexResult = { ok: true; patch: WorkbookDescription; report: AnnexReport } | { ok: false; errors: Message[] };

export interface AnnexNames {
  annex: Record<AnnexKey, string>;
  summary: string;
  projects: ProjectSheetPlan[];
}

function numberOf(k: Kept | undefined): number {
  const v = k?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The totals the annexes will show, from the plan spec and the officer's rows. */
export function annexTotals(projects: ProjectSheetPlan[], inputs: { policies: AnnexInputs['policies']; others: InputValues[] }): AnnexTotals {
  const leaves = projects.flatMap((p) => p.rows.filter((r) => r.kind === 'leaf'));
  const programme = sumExact(leaves.flatMap((r) => INPUT_SOURCES.map((s) => r.amounts?.[s] ?? 0)));
  const others = sumExact(inputs.others.flatMap((v) => INPUT_SOURCES.map((s) => numberOf(v[s]))));
  const money = policyMoney((inputs.policies ?? []).map((p) => ({ amount: p.values.amount?.value ?? null, source: p.values.source?.value ?? null })));
  return { programme, others, policies: money.total, unfunded: money.unfunded, grand: sumExact([programme, others, money.funded]) };
}

/** Puts the officer's stray cells back: where they were if free, else below the annex. */
function placeStray(sheet: SheetSpec, stray: StrayCell[], moved: AnnexReport['moved']): void {
  if (stray.length === 0) return;
  const taken = new Set<string>();
  let lastRow = 0;
  for (const b of sheet.blocks) {
    b.cells.forEach((line, r) => line.forEach((c, col) => {
      if (c && (c.formula !== undefined || !isBlank(c.value ?? null))) taken.add(`${b.row + r}:${b.col + col}`);
      lastRow = Math.max(lastRow, b.row + r);
    }));
  }
  let next = lastRow + 2;
  for (const s of stray) {
    let row = s.row;
    if (taken.has(`${row}:${s.col}`)) {
      row = next++;
      moved.push({ sheet: sheet.name, from: rangeAddress(s.row, s.col, 1, 1), to: rangeAddress(row, s.col, 1, 1) });
    }
    taken.add(`${row}:${s.col}`);
    const spec: CellSpec = s.kept.formula ? { formula: s.kept.formula, locked: false } : { value: s.kept.value, locked: false };
    sheet.blocks.push({ row, col: s.col, cells: [[spec]] });
  }
}

/** The four annex sheets for a plan. */
export function annexSheets(spec: PlanSpec, names: AnnexNames, inputs: AnnexInputs, options: AnnexOptions = {}): { sheets: SheetSpec[]; totals: AnnexTotals; words: AnnexReport['words']; moved: AnnexReport['moved'] } {
  const catalog = options.catalog ?? getCatalog(spec.programme);
  const style = options.formulaStyle ?? 'native';
  const policies = inputs.policies ?? policiesFromSpec(spec);
  const others = inputs.others ?? othersFromSpec(spec);
  const targets = inputs.targets ?? targetsFromSpec(spec);
  const totals = annexTotals(names.projects, { policies, others });
  const words = (amount: number) => wordsCell(amount, spec.unit, style, options.words);
  const docs = [
    annex01Document({ spec, catalog, projects: names.projects, name: names.annex.annex01, notes: inputs.notes, words: words(totals.programme) }),
    annex02Document({ spec, name: names.annex.annex02, policies, words: words(totals.policies) }),
    annex03Document({ spec, name: names.annex.annex03, summaryName: names.summary, annex02Name: names.annex.annex02, others, notes: inputs.notes, words: words(totals.grand) }),
    targetsDocument(spec, targets, names.annex.annexTargets),
  ];
  const moved: AnnexReport['moved'] = [];
  const sheets = docs.map((d) => {
    const sheet = renderAnnex(d);
    placeStray(sheet, inputs.stray.get(d.key) ?? [], moved);
    return sheet;
  });
  const text = (amount: number): string => wordsText(amount, spec.unit, options.words);
  return { sheets, totals, words: { annex01: text(totals.programme), annex02: text(totals.policies), annex03: text(totals.grand) }, moved };
}

function columnsFor(key: AnnexKey, spec: PlanSpec) {
  switch (key) {
    case 'annex01': return annex01Columns(spec.programme);
    case 'annex02': return annex02Columns();
    case 'annex03': return annex03Columns(spec.programme);
    case 'annexTargets': return targetColumns(spec);
  }
}

/** What the officer wrote in the annexes KH made before. */
export function readAnnexInputs(spec: PlanSpec, sheets: Partial<Record<AnnexKey, SheetSnapshot>>): AnnexInputs {
  const inputs = emptyInputs();
  const a01 = sheets.annex01;
  if (a01) {
    for (const [code, kept] of readNotes(a01, annex01Columns(spec.programme))) inputs.notes.set(code, kept);
  }
  const a03 = sheets.annex03;
  if (a03) {
    const cols = annex03Columns(spec.programme);
    for (const [code, kept] of readNotes(a03, cols)) inputs.notes.set(code, kept);
    inputs.others = readInputRows(a03, cols, ['content', 'note', ...INPUT_SOURCES], ANNEX_CODE.others, ANNEX_CODE.policies);
  }
  if (sheets.annex02) inputs.policies = readPolicies(sheets.annex02, annex02Columns(), dimensionCode);
  if (sheets.annexTargets) inputs.targets = readInputRows(sheets.annexTargets, targetColumns(spec), ['content', 'unit', 'previous', 'planned', 'note'], null, null);
  for (const key of ANNEX_KEYS) {
    const sheet = sheets[key];
    if (sheet) inputs.stray.set(key, readStray(sheet, columnsFor(key, spec), key !== 'annex01'));
  }
  return inputs;
}

function sameCell(spec: CellSpec, value: CellValue, formula: string | null): boolean {
  const norm = (f: string): string => f.replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();
  if (spec.formula !== undefined) return formula !== null && norm(formula) === norm(spec.formula);
  if (formula !== null) return false;
  const want = spec.value ?? null;
  return want === value || (typeof want === 'number' && typeof value === 'number' && Math.abs(want - value) < 1e-12) || (isBlank(want) && isBlank(value));
}

/** True when the sheet already shows what KH would write (cells, and the same rows by code). */
export function sheetMatches(wanted: SheetSpec, existing: SheetSnapshot, codeCol: number): boolean {
  let lastRow = -1;
  for (const b of wanted.blocks) {
    for (let r = 0; r < b.cells.length; r++) {
      const line = b.cells[r];
      for (let c = 0; c < line.length; c++) {
        const spec = line[c];
        if (!spec) continue;
        const row = b.row + r;
        const col = b.col + c;
        lastRow = Math.max(lastRow, row);
        // blank text cells under merges read back as the merged text
        if (spec.formula === undefined && isBlank(spec.value ?? null) && spec.locked !== false) continue;
        if (!sameCell(spec, existing.values[row]?.[col] ?? null, existing.formulas[row]?.[col] ?? null)) return false;
      }
    }
  }
  // the same rows: codes down the hidden column, and nothing below
  let existingLast = existing.values.length - 1;
  while (existingLast >= 0 && (existing.values[existingLast] ?? []).every(isBlank) && (existing.formulas[existingLast] ?? []).every((f) => f === null)) existingLast--;
  if (existingLast !== lastRow) return false;
  const codesOf = (get: (r: number) => CellValue): string => {
    const out: string[] = [];
    for (let r = ANNEX_ROWS.firstData; r <= lastRow; r++) out.push(String(get(r) ?? ''));
    return out.join('|');
  };
  const wantedCodes = new Map<number, CellValue>();
  for (const b of wanted.blocks) b.cells.forEach((line, r) => {
    const spec = line[codeCol - b.col];
    if (spec && codeCol >= b.col) wantedCodes.set(b.row + r, spec.value ?? null);
  });
  return codesOf((r) => wantedCodes.get(r) ?? null) === codesOf((r) => existing.values[r]?.[codeCol] ?? null);
}

/** The plan sheets the annexes point at, with the names they have in this workbook. */
function projectsIn(spec: PlanSpec, snapshot: WorkbookSnapshot, catalog: Catalog): { ok: true; projects: ProjectSheetPlan[] } | { ok: false; errors: Message[] } {
  const laid = planRows(spec, catalog);
  if (!laid.ok) return laid;
  const ours = generatedSheets(snapshot);
  const projects = laid.projects.map((p) => ({ ...p, sheetName: ours.get(p.entry.code)?.name ?? projectSheetName(p.entry.code) }));
  const missing = projects.filter((p) => !findSheet(snapshot, p.sheetName)).map((p) => p.sheetName);
  if (missing.length > 0) return { ok: false, errors: [{ key: 'annex.planSheetsMissing', params: { sheets: missing.join(', ') } }] };
  return { ok: true, projects };
}

/**
 * Plan spec + the workbook as it is → the annex patch and its report. The workbook must be a KH
 * plan (its _kh sheet and plan sheets).
 */
export function annexGeneration(spec: PlanSpec, snapshot: WorkbookSnapshot, options: AnnexOptions = {}): AnnexResult {
  const catalog = options.catalog ?? getCatalog(spec.programme);
  const meta = findSheet(snapshot, SHEET.meta);
  if (!meta || !meta.values.some((r) => r[0] === 'kh_layout')) return { ok: false, errors: [{ key: 'annex.notAPlan' }] };
  const laid = projectsIn(spec, snapshot, catalog);
  if (!laid.ok) return laid;
  const ours = generatedSheets(snapshot);
  const report: AnnexReport = {
    created: [], refreshed: [], unchanged: [], renamed: [], notesKept: 0, inputRowsKept: 0, moved: [], conflicts: [],
    totals: { programme: 0, others: 0, policies: 0, unfunded: 0, grand: 0 }, words: { annex01: '', annex02: '', annex03: '' },
  };

  const used = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const annexNames = {} as Record<AnnexKey, string>;
  const existing: Partial<Record<AnnexKey, SheetSnapshot>> = {};
  for (const key of ANNEX_KEYS) {
    const mine = ours.get(key);
    const standard = ANNEX_SHEET[key];
    if (mine) {
      annexNames[key] = mine.name;
      existing[key] = findSheet(snapshot, mine.name);
    } else if (findSheet(snapshot, standard)) {
      // the officer's own hand-made "Biểu 01" stays; KH's gets another name
      const name = suffixed(standard, (n) => used.has(n.toLowerCase()));
      used.add(name.toLowerCase());
      annexNames[key] = name;
      report.renamed.push({ wanted: standard, used: name });
    } else annexNames[key] = standard;
  }

  const inputs = readAnnexInputs(spec, existing);
  report.notesKept = [...inputs.notes.values()].filter((k) => k.formula !== null || !isBlank(k.value)).length;
  report.inputRowsKept = (inputs.policies?.length ?? 0) + (inputs.others?.length ?? 0) + (inputs.targets?.length ?? 0);
  const summary = ours.get('summary')?.name ?? SHEET.summary;
  const built = annexSheets(spec, { annex: annexNames, summary, projects: laid.projects }, inputs, options);
  report.totals = built.totals;
  report.words = built.words;
  report.moved = built.moved;

  const sheets: SheetSpec[] = [];
  for (const [i, key] of ANNEX_KEYS.entries()) {
    const wanted = built.sheets[i];
    const current = existing[key];
    if (!current) {
      sheets.push(wanted);
      report.created.push(wanted.name);
      continue;
    }
    const codeCol = columnsFor(key, spec).findIndex((c) => c.role === 'code');
    if (sheetMatches(wanted, current, codeCol)) {
      report.unchanged.push(wanted.name);
      continue;
    }
    sheets.push({ ...wanted, replace: true });
    report.refreshed.push(wanted.name);
  }

  // register new annexes in _kh, after what is there
  const fresh = ANNEX_KEYS.filter((k) => !ours.has(k));
  if (fresh.length > 0) {
    let at = meta.values.length;
    while (at > 0 && (meta.values[at - 1] ?? []).every(isBlank)) at--;
    sheets.push({
      name: meta.name,
      role: 'meta',
      blocks: [{ row: at, col: 0, cells: fresh.map((k) => ['sheet', annexNames[k], 'annex', k].map((v) => ({ value: v, style: 'meta' }))) }],
    });
  }
  return { ok: true, patch: { sheets, names: [], styles: STYLES }, report };
}

/** A new plan workbook with its annexes (kh new, kh demo): the template, then the four annexes. */
export function buildPlanWithAnnexes(spec: PlanSpec, options: AnnexOptions = {}): TemplateResult & { totals?: AnnexTotals; words?: AnnexReport['words'] } {
  const keepInMeta = ANNEX_KEYS.map((key) => ({ name: ANNEX_SHEET[key], role: 'annex', key }));
  const plan = buildPlanWorkbook(spec, { formulaStyle: options.formulaStyle, catalog: options.catalog, keepInMeta });
  if (!plan.ok) return plan;
  const annexes = annexSheets(spec, { annex: { ...ANNEX_SHEET }, summary: SHEET.summary, projects: plan.projects }, emptyInputs(), options);
  const planSheets = plan.description.sheets;
  // annexes go before Danh mục and _kh: officers look at them right after the plan sheets
  const at = planSheets.findIndex((s) => s.role === 'catalog');
  const cut = at < 0 ? planSheets.length : at;
  const sheets = [...planSheets.slice(0, cut), ...annexes.sheets, ...planSheets.slice(cut)];
  return { ...plan, description: { ...plan.description, sheets }, totals: annexes.totals, words: annexes.words };
}
