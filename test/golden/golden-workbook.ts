/**
 * Golden cases for the checks: each case is a folder with input.json (a plan — one of the bundled
 * examples or a spec — plus edits an officer might make, or a raw workbook) and expected.json (the
 * findings of the folder's rule). A case without expected.json fails and prints what the rule
 * found, so a new case is written by reading that output and saving it once it is right.
 */
import ExcelJS from 'exceljs';
import { readFileSync, existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { buildPlanWorkbook, FormulaStyle } from '../../src/core/book/template';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { applyToWorkbook, restyle, workbookSnapshot } from '../../src/workbook/exceljs';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { PlanFacts } from '../../src/core/checks/model';
import { calculate, gridWorkbook } from '../../src/testing/calc';
import { cellAddress } from '../../src/core/book/address';

export interface Edit {
  sheet: string;
  cell: string;
  value?: string | number | boolean | null;
  formula?: string;
  /** The value Excel would have cached for the formula. */
  result?: string | number | boolean;
  /** Font name of the cell (legacy-encoding cases). */
  font?: string;
  /** Hide the cell's row. */
  hideRow?: boolean;
  /** Merge the range starting at this cell, e.g. "E7:F8". */
  merge?: string;
  /** A hyperlink on the cell (its text is `value`). */
  hyperlink?: string;
}

export interface GoldenInput {
  description?: string;
  plan?: 'lai-chau-2024' | 'binh-lu-2025' | PlanSpec;
  /** Changes to the plan spec before building (merged shallowly). */
  planPatch?: Partial<PlanSpec>;
  style?: FormulaStyle;
  /** Build the annexes too (Biểu 01–03, targets). */
  annexes?: boolean;
  edits?: Edit[];
  /** A workbook that is not a KH plan: sheet name → rows (strings starting with "=" are formulas). */
  sheets?: Record<string, Array<Array<string | number | boolean | null>>>;
  /** Cache each formula's value in raw sheets, as Excel does when it saves (the repo's calculator computes it). */
  calculate?: boolean;
  options?: { tolerance?: number; facts?: PlanFacts };
}

export interface ExpectedFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
}

const PLANS: Record<string, PlanSpec> = { 'lai-chau-2024': LAI_CHAU_2024, 'binh-lu-2025': BINH_LU_2025 };

export async function goldenSnapshot(input: GoldenInput): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  if (input.plan) {
    const base = typeof input.plan === 'string' ? PLANS[input.plan] : input.plan;
    const spec = { ...base, ...(input.planPatch ?? {}) } as PlanSpec;
    const built = input.annexes ? buildPlanWithAnnexes(spec, { formulaStyle: input.style ?? 'native' }) : buildPlanWorkbook(spec, { formulaStyle: input.style ?? 'native' });
    if (!built.ok) throw new Error(`golden plan does not build: ${JSON.stringify(built.errors)}`);
    await applyToWorkbook(wb, built.description);
  }
  // an officer's workbook as Excel saves it: every formula with its calculated value
  const calculated = input.calculate && input.sheets ? calculate(gridWorkbook(input.sheets)) : null;
  for (const [name, rows] of Object.entries(input.sheets ?? {})) {
    const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        if (typeof v === 'string' && v.startsWith('=')) {
          const result = calculated?.valueAt(name, cellAddress(r, c));
          ws.getCell(r + 1, c + 1).value = { formula: v.slice(1), ...(typeof result === 'number' || typeof result === 'string' ? { result } : {}) } as ExcelJS.CellFormulaValue;
        } else ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  for (const e of input.edits ?? []) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) throw new Error(`edit on a missing sheet ${e.sheet}`);
    const cell = ws.getCell(e.cell);
    if (e.hyperlink !== undefined) cell.value = { text: String(e.value ?? ''), hyperlink: e.hyperlink };
    else if (e.formula !== undefined) cell.value = { formula: e.formula.replace(/^=/, ''), result: e.result } as ExcelJS.CellFormulaValue;
    else if (e.value !== undefined) cell.value = e.value;
    // KH's writer shares one style object among like cells: `cell.font =` would restyle them all
    if (e.font) restyle(cell, { font: { name: e.font } });
    if (e.hideRow) ws.getRow(cell.row as unknown as number).hidden = true;
    if (e.merge) ws.mergeCells(e.merge);
  }
  const bytes = await wb.xlsx.writeBuffer();
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(bytes as ArrayBuffer);
  return workbookSnapshot(reloaded);
}

export interface GoldenCase {
  rule: string;
  name: string;
  dir: string;
  input: GoldenInput;
  expected: ExpectedFinding[] | null;
}

export function goldenCases(root: string): GoldenCase[] {
  if (!existsSync(root)) return [];
  const cases: GoldenCase[] = [];
  for (const rule of readdirSync(root).sort()) {
    const ruleDir = join(root, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as GoldenInput;
      const expectedPath = join(dir, 'expected.json');
      const expected = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFinding[]) : null;
      cases.push({ rule, name, dir, input, expected });
    }
  }
  return cases;
}
