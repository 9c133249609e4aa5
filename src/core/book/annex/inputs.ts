/**
 * What the officer wrote in the annexes, kept across refreshes: Ghi chú of Biểu 01 by row code, the
 * rows of Biểu 02, Biểu 03 part B and the targets annex (values or formulas exactly as typed), and
 * any cell outside KH's layout. A new annex starts from the plan spec instead.
 */
import { CellValue, CellSpec } from '../model';
import { Dimension, DIMENSIONS, PlanSpec, POLICY_SOURCES, PolicySource, INPUT_SOURCES } from '../../plan';
import { SheetSnapshot, isBlank } from '../snapshot';
import { normalizeTone } from '../../text';
import { AnnexColumn, ANNEX_CODE, ANNEX_ROWS, DIMENSION_LABEL, POLICY_SOURCE_LABEL, OTHER_PROGRAMMES_2021, DEFAULT_TARGETS } from './layout';

/** An input cell as the officer left it. */
export interface Kept {
  value: CellValue;
  formula: string | null;
}

export type InputValues = Record<string, Kept>;

export interface PolicyRowInput {
  dimension: Dimension;
  values: InputValues;
}

/** A cell of the officer's outside KH's layout: kept where it was, or moved below if taken. */
export interface StrayCell {
  row: number;
  col: number;
  kept: Kept;
}

export interface AnnexInputs {
  notes: Map<string, Kept>;
  /** null: no such annex yet (start from the spec). */
  policies: PolicyRowInput[] | null;
  others: InputValues[] | null;
  targets: InputValues[] | null;
  stray: Map<string, StrayCell[]>;
}

export function emptyInputs(): AnnexInputs {
  return { notes: new Map(), policies: null, others: null, targets: null, stray: new Map() };
}

const keep = (value: CellValue | undefined): Kept => ({ value: value ?? null, formula: null });

export function hasContent(values: InputValues, keys: string[]): boolean {
  return keys.some((k) => values[k] && (values[k].formula !== null || !isBlank(values[k].value)));
}

/** An input cell: the officer's formula or value, unlocked. */
export function inputCell(kept: Kept | undefined, style: string, numberFormat?: string): CellSpec {
  if (kept?.formula) return { formula: kept.formula, style, numberFormat, locked: false };
  return { value: kept?.value ?? null, style, numberFormat, locked: false };
}

function fold(text: string): string {
  return normalizeTone(text.normalize('NFC')).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

export function parseDimension(v: CellValue): Dimension | null {
  if (typeof v !== 'string') return null;
  const t = fold(v);
  return DIMENSIONS.find((d) => fold(DIMENSION_LABEL[d]) === t || d === t) ?? null;
}

export function parsePolicySource(v: CellValue): PolicySource | null {
  if (typeof v !== 'string') return null;
  const t = fold(v);
  return POLICY_SOURCES.find((s) => fold(POLICY_SOURCE_LABEL[s]) === t || s === t) ?? null;
}

// --- from the plan spec (a new annex) -------------------------------------------------------------

export function policiesFromSpec(spec: PlanSpec): PolicyRowInput[] {
  return (spec.policies ?? []).map((p) => ({
    dimension: p.dimension,
    values: {
      content: keep(p.name),
      basis: keep(p.basis),
      dimension: keep(DIMENSION_LABEL[p.dimension]),
      unit: keep(p.unit),
      beneficiaries: keep(p.beneficiaries),
      amount: keep(p.amount),
      source: keep(p.source ? POLICY_SOURCE_LABEL[p.source] : null),
      note: keep(p.note),
    },
  }));
}

export function othersFromSpec(spec: PlanSpec): InputValues[] {
  if (spec.otherProgrammes) {
    return spec.otherProgrammes.map((o) => {
      const values: InputValues = { content: keep(o.name), note: keep(o.note) };
      for (const s of INPUT_SOURCES) values[s] = keep(o.amounts[s]);
      return values;
    });
  }
  // the merged 2026–2035 programme already holds nông thôn mới and DTTS & MN
  const names = spec.programme === '2021-2025' ? OTHER_PROGRAMMES_2021 : [];
  return names.map((name) => ({ content: keep(name) }));
}

export function targetsFromSpec(spec: PlanSpec): InputValues[] {
  const rows = spec.targets ?? DEFAULT_TARGETS.map((t) => ({ name: t.name, unit: t.unit }));
  return rows.map((t) => ({
    content: keep(t.name),
    unit: keep(t.unit),
    previous: keep('previous' in t ? t.previous : undefined),
    planned: keep('planned' in t ? t.planned : undefined),
    note: keep('note' in t ? t.note : undefined),
  }));
}

// --- from an existing annex sheet -------------------------------------------------------------------

interface SheetRow {
  row: number;
  code: string | null;
  values: InputValues;
}

/** Rows of an annex table with their code, up to the first row of the document's end. */
function tableRows(sheet: SheetSnapshot, columns: AnnexColumn[]): { rows: SheetRow[]; end: number } {
  const codeCol = columns.findIndex((c) => c.role === 'code');
  const rows: SheetRow[] = [];
  let end = sheet.values.length;
  for (let r = ANNEX_ROWS.firstData; r < sheet.values.length; r++) {
    const raw = sheet.values[r]?.[codeCol];
    const code = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    if (code === ANNEX_CODE.words || code === ANNEX_CODE.signature) {
      end = r;
      break;
    }
    const values: InputValues = {};
    columns.forEach((c, i) => {
      if (c.role === 'code') return;
      values[c.key] = { value: sheet.values[r]?.[i] ?? null, formula: sheet.formulas[r]?.[i] ?? null };
    });
    rows.push({ row: r, code, values });
  }
  return { rows, end };
}

const isInputCode = (code: string | null): boolean => code === null || code === ANNEX_CODE.input;

export function readNotes(sheet: SheetSnapshot, columns: AnnexColumn[]): Map<string, Kept> {
  const notes = new Map<string, Kept>();
  for (const row of tableRows(sheet, columns).rows) {
    if (row.code && !isInputCode(row.code) && row.values.note) notes.set(row.code, row.values.note);
  }
  return notes;
}

const POLICY_KEYS = ['content', 'basis', 'unit', 'beneficiaries', 'amount', 'source', 'note'];

export function readPolicies(sheet: SheetSnapshot, columns: AnnexColumn[], groupCode: (d: Dimension) => string): PolicyRowInput[] {
  const out: PolicyRowInput[] = [];
  let current: Dimension | null = null;
  for (const row of tableRows(sheet, columns).rows) {
    const group = DIMENSIONS.find((d) => groupCode(d) === row.code);
    if (group) {
      current = group;
      continue;
    }
    if (!isInputCode(row.code) || !hasContent(row.values, POLICY_KEYS)) continue;
    // the Chiều column decides; a row without one belongs to the group it sits in
    const dimension = parseDimension(row.values.dimension?.value ?? null) ?? current ?? 'education';
    out.push({ dimension, values: row.values });
  }
  return out;
}

/** Input rows between two part rows (Biểu 03 part B), or all input rows (targets). */
export function readInputRows(sheet: SheetSnapshot, columns: AnnexColumn[], keys: string[], after: string | null, before: string | null): InputValues[] {
  const out: InputValues[] = [];
  let inside = after === null;
  for (const row of tableRows(sheet, columns).rows) {
    if (after !== null && row.code === after) {
      inside = true;
      continue;
    }
    if (before !== null && row.code === before) inside = false;
    if (inside && isInputCode(row.code) && hasContent(row.values, keys)) out.push(row.values);
  }
  return out;
}

/** Cells KH did not write and does not read as input: right of the code column, or in rows without a code where no input belongs. */
export function readStray(sheet: SheetSnapshot, columns: AnnexColumn[], inputRowsAllowed: boolean): StrayCell[] {
  const codeCol = columns.findIndex((c) => c.role === 'code');
  const { rows } = tableRows(sheet, columns);
  const out: StrayCell[] = [];
  const take = (r: number, c: number): void => {
    const value = sheet.values[r]?.[c] ?? null;
    const formula = sheet.formulas[r]?.[c] ?? null;
    if (formula !== null || !isBlank(value)) out.push({ row: r, col: c, kept: { value, formula } });
  };
  for (let r = 0; r < sheet.values.length; r++) {
    for (let c = codeCol + 1; c < (sheet.values[r]?.length ?? 0); c++) take(r, c);
  }
  if (!inputRowsAllowed) {
    for (const row of rows) {
      if (row.code !== null) continue;
      for (let c = 0; c < codeCol; c++) take(row.row, c);
    }
  }
  return out;
}
