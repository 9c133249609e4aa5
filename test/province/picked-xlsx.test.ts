/**
 * The .xlsx the officer picks in the pane is read in the browser by src/document/xlsx.ts, not by
 * exceljs: its figures must be exceljs's. Same bytes, both readers — the cells, the table model's
 * fingerprint and the diff agree; and a file LibreOffice saved (its own strings, styles and
 * shared formulas) reads the same too.
 */
import { readFileSync } from 'fs';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { runChecks } from '../../src/core/checks/engine';
import { fingerprintOf } from '../../src/core/province/fingerprint';
import { diffPlans } from '../../src/core/province/diff';
import { PickedWorkbookError, readPickedWorkbook, slideFormula } from '../../src/document/xlsx';
import { recalculate, requireLibreOffice } from '../support/libreoffice';
import { FRIDAY, MONDAY } from './versions';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

jest.setTimeout(120000);

async function xlsx(spec: PlanSpec): Promise<Buffer> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return descriptionToXlsx(built.description);
}

/** The cells of every sheet without trailing blank rows and columns (the readers size the used range differently). */
function cells(snapshot: WorkbookSnapshot): Record<string, Array<[string, unknown, unknown]>> {
  const out: Record<string, Array<[string, unknown, unknown]>> = {};
  for (const s of snapshot.sheets) {
    const list: Array<[string, unknown, unknown]> = [];
    s.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const f = s.formulas[r]?.[c] ?? null;
        if ((v !== null && v !== '') || f !== null) list.push([`${r}:${c}`, v, f]);
      }),
    );
    out[`${s.name}|${s.visibility}`] = list;
  }
  return out;
}

test.each([
  ['Lai Châu 2024', LAI_CHAU_2024],
  ['Monday', MONDAY],
  ['Friday', FRIDAY],
])('the %s plan: cells, formulas, merges, hidden rows, fonts and the fingerprint equal exceljs\'s', async (_, spec) => {
  const bytes = await xlsx(spec);
  const ours = readPickedWorkbook(new Uint8Array(bytes));
  const theirs = await xlsxToSnapshot(bytes);
  expect(cells(ours)).toEqual(cells(theirs));
  for (const s of theirs.sheets) {
    const o = ours.sheets.find((x) => x.name === s.name);
    expect(o?.merges?.slice().sort()).toEqual(s.merges?.slice().sort());
    expect(o?.hiddenRows).toEqual(s.hiddenRows);
    expect(o?.protected).toBe(s.protected);
    expect(o?.styles).toEqual(s.styles);
    const fontsOf = (x: typeof s | undefined): string[] => (x?.fonts ?? []).flatMap((line, r) => line.flatMap((f, c) => (f && (x?.values[r]?.[c] ?? null) !== null ? [`${r}:${c}:${f}`] : [])));
    expect(fontsOf(o)).toEqual(fontsOf(s));
  }
  expect(ours.names.map((n) => n.name).sort()).toEqual(theirs.names.map((n) => n.name).sort());
  const a = runChecks(ours);
  const b = runChecks(theirs);
  expect(fingerprintOf(a.model.tables).value).toBe(fingerprintOf(b.model.tables).value);
  expect(a.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(b.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
});

test('Monday → Friday from the browser reader is the diff from exceljs', async () => {
  const [monday, friday] = await Promise.all([xlsx(MONDAY), xlsx(FRIDAY)]);
  const ours = diffPlans(runChecks(readPickedWorkbook(new Uint8Array(monday))), runChecks(readPickedWorkbook(new Uint8Array(friday))));
  const theirs = diffPlans(runChecks(await xlsxToSnapshot(monday)), runChecks(await xlsxToSnapshot(friday)));
  expect(ours).toEqual(theirs);
  expect(ours.changes.length).toBe(5);
});

test('a file LibreOffice saved (its strings, styles, shared formulas) reads as exceljs reads it', async () => {
  if (!requireLibreOffice()) return;
  const dir = mkdtempSync(join(tmpdir(), 'kh-picked-'));
  const out = join(dir, 'lo.xlsx');
  await recalculate(new Uint8Array(await xlsx(FRIDAY)), { keepOutputAs: out });
  const bytes = readFileSync(out);
  const ours = readPickedWorkbook(new Uint8Array(bytes));
  const theirs = await xlsxToSnapshot(bytes);
  expect(cells(ours)).toEqual(cells(theirs));
  expect(fingerprintOf(runChecks(ours).model.tables).value).toBe(fingerprintOf(runChecks(theirs).model.tables).value);
});

test('a shared formula moves its relative references, not its absolute ones, quoted text or function names', () => {
  expect(slideFormula('SUM(F9:F12)+$C$3+LOG10(2)+"A1"', { row: 8, col: 5 }, { row: 8, col: 6 })).toBe('SUM(G9:G12)+$C$3+LOG10(2)+"A1"');
  expect(slideFormula("'DA 3'!F9*$B9", { row: 0, col: 0 }, { row: 2, col: 1 })).toBe("'DA 3'!G11*$B11");
});

test.each([
  ['empty', new Uint8Array(0), 'pdiff.input.empty'],
  ['text', new TextEncoder().encode('Kế hoạch vốn năm 2025'), 'pdiff.input.notXlsx'],
  ['a truncated zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'pdiff.input.truncated'],
])('%s is refused with its sentence', (_, bytes, key) => {
  let caught: unknown = null;
  try {
    readPickedWorkbook(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PickedWorkbookError);
  expect((caught as PickedWorkbookError).problem.key).toBe(key);
});
