/**
 * The officer corpus is what it claims to be: every folder parses; every edit and expected finding
 * names a real cell; each clean workbook, written to .xlsx, carries cached formula values equal to
 * the calculator's, its legacy text in TCVN3 / VNI with the font, its merges and hidden rows; and
 * each declared table is genuinely clean (every row's sources add up, every group equals its
 * children, no hidden money, no text amount, no ĐTPT where the catalogue forbids it …) with
 * totals, byProject and byLocality equal to the sums of the leaf rows declared.
 */
import ExcelJS from 'exceljs';
import { getCatalog, findByCode } from '../../src/core/catalog';
import { tcvn3ToUnicode, vniToUnicode } from '../../src/core/text';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/book/snapshot';
import { CalcError } from '../../src/testing/calc';
import { CORPUS_DIR, CorpusCase, corpusFolders, loadCase } from './cases';
import { a1, applyEdits, checkEditTarget, parseA1, plainCell, resolvedCells, sheetWidth, storedText } from './build';
import { GridSheet, calculateGrid, columnNumber, rewriteSubtotals } from './calc';
import { Amounts, CorpusFinding, CorpusInput, CorpusSourceKey, CorpusTable } from './schema';
import { MODELLED_RULES, referenceFindings } from './reference';

const folders = corpusFolders();
const loaded = new Map<string, CorpusCase>();
for (const name of folders) {
  try {
    loaded.set(name, loadCase(name));
  } catch {
    // reported by the well-formed test below
  }
}
const cases = [...loaded.values()];

/** Each case's clean workbook, built once and read back as KH reads files. */
const built = new Map<string, Promise<{ bytes: Buffer; snapshot: WorkbookSnapshot }>>();
function cleanBook(c: CorpusCase): Promise<{ bytes: Buffer; snapshot: WorkbookSnapshot }> {
  let p = built.get(c.name);
  if (!p) {
    p = c.build().then(async (bytes) => ({ bytes, snapshot: await xlsxToSnapshot(bytes) }));
    built.set(c.name, p);
  }
  return p;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = snapshot.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

// ---- a tiny summer, independent of the product: amounts in thousandths, added as integers ----

const SCALE = 1000;
function toUnits(v: number): number {
  const u = Math.round(v * SCALE);
  if (Math.abs(u / SCALE - v) > 1e-9 * Math.max(1, Math.abs(v))) throw new Error(`amount ${v} has more than three decimals`);
  return u;
}
function addAll(values: number[]): number {
  return values.reduce((s, v) => s + toUnits(v), 0) / SCALE;
}

/** A money cell's number in the built file: empty and the nil marker "-" are 0; anything else not a number fails. */
function money(sheet: SheetSnapshot, row1: number, col: string): number {
  const v = sheet.values[row1 - 1]?.[columnNumber(col) - 1] ?? null;
  if (v === null || v === '' || v === '-') return 0;
  if (typeof v !== 'number') throw new Error(`${sheet.name}!${col}${row1} holds ${JSON.stringify(v)}, not an amount`);
  return v;
}

function rangeRows(range: string): { top: number; bottom: number; left: number; right: number } {
  const [from, to] = range.split(':').map(parseA1);
  return { top: from.row + 1, bottom: to.row + 1, left: from.col + 1, right: to.col + 1 };
}

/** The table's tree: children of each group row, and the leaves under a row. */
function tree(table: CorpusTable): { children: Map<number, number[]>; leavesUnder(row: number): number[]; roots: number[] } {
  const children = new Map<number, number[]>(Object.entries(table.groups).map(([k, v]) => [Number(k), v]));
  const childSet = new Set([...children.values()].flat());
  const all = new Set([...children.keys(), ...childSet, ...table.leafRows]);
  const roots = [...all].filter((r) => !childSet.has(r)).sort((a, b) => a - b);
  const leavesUnder = (row: number): number[] => (children.has(row) ? (children.get(row) as number[]).flatMap(leavesUnder) : [row]);
  return { children, leavesUnder, roots };
}

function sumRows(sheet: SheetSnapshot, rows: number[], columns: Record<string, CorpusSourceKey>): Amounts {
  const out: Amounts = {};
  for (const [col, key] of Object.entries(columns)) out[key] = addAll(rows.map((r) => money(sheet, r, col)));
  return out;
}

const IDENTITY_PARTS: Array<{ whole: CorpusSourceKey; parts: CorpusSourceKey[][] }> = [
  // Tổng = NSTW (or its ĐTPT + SN) + NSĐP (or its ĐTPT + SN) + lồng ghép + tín dụng + huy động
  { whole: 'total', parts: [['central', 'centralInvestment', 'centralRecurrent'], ['local', 'localInvestment', 'localRecurrent'], ['integrated'], ['credit'], ['mobilised']] },
  { whole: 'central', parts: [['centralInvestment'], ['centralRecurrent']] },
  { whole: 'local', parts: [['localInvestment'], ['localRecurrent']] },
];

/** For each identity whose whole column is present: the whole's column and the part columns used (the first present of each alternative). */
function identities(columns: Record<string, CorpusSourceKey>): Array<{ whole: string; parts: string[] }> {
  const colOf = new Map(Object.entries(columns).map(([c, k]) => [k, c]));
  const out: Array<{ whole: string; parts: string[] }> = [];
  for (const id of IDENTITY_PARTS) {
    const whole = colOf.get(id.whole);
    if (!whole) continue;
    const parts: string[] = [];
    for (const alternatives of id.parts) {
      const first = alternatives.find((k) => colOf.has(k));
      if (first === undefined) continue;
      if (first === alternatives[0]) parts.push(colOf.get(first) as string);
      else for (const k of alternatives.slice(1)) if (colOf.has(k)) parts.push(colOf.get(k) as string);
    }
    if (parts.length > 0) out.push({ whole, parts });
  }
  return out;
}

function periodsOf(table: CorpusTable): Array<{ label: string; columns: Record<string, CorpusSourceKey>; totals: Amounts }> {
  return table.periods ?? [{ label: 'plan', columns: table.columns, totals: table.totals }];
}

describe('the officer corpus', () => {
  test('has at least 18 well-formed case folders, each with at least three planted errors', () => {
    const broken: string[] = [];
    for (const name of folders) {
      try {
        loadCase(name);
      } catch (e) {
        broken.push((e as Error).message);
      }
    }
    expect(broken).toEqual([]);
    expect(folders.length).toBeGreaterThanOrEqual(18);
    for (const c of cases) expect({ name: c.name, errors: c.errors.length >= 3 }).toEqual({ name: c.name, errors: true });
    expect(CORPUS_DIR).toMatch(/test[\\/]corpus[\\/]officer$/);
  });

  test('the SUBTOTAL rewrite counts what Excel counts: not nested subtotals, not hidden rows for 109', () => {
    const isSub = (row: number, col: number) => row === 1 && col === 3;
    expect(rewriteSubtotals('=SUBTOTAL(9,D1:D4)', isSub, new Set())).toBe('=SUM(D1,D3,D4)');
    expect(rewriteSubtotals('=SUBTOTAL(109,D1:D4)+1', isSub, new Set([2]))).toBe('=SUM(D1,D4)+1');
    const calc = calculateGrid([
      {
        name: 'S',
        hiddenRows: new Set<number>(),
        cells: [
          { row: 0, col: 0, value: 530, formula: null },
          { row: 1, col: 0, value: null, formula: '=SUBTOTAL(9,A1)' },
          { row: 2, col: 0, value: 342, formula: null },
          { row: 3, col: 0, value: null, formula: '=SUBTOTAL(9,A1:A3)' },
        ],
      },
    ]);
    expect(calc.valueAt('S', 'A4')).toBe(872);
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
  test('every edit and every expected finding names a cell of the workbook', () => {
    const cellInGrid = (input: CorpusInput, sheet: string, cell: string) => {
      const s = input.sheets.find((x) => x.name === sheet);
      if (!s) throw new Error(`${c.name}: no sheet "${sheet}"`);
      const { row, col } = parseA1(cell);
      if (row >= s.rows.length || col >= sheetWidth(s)) throw new Error(`${c.name}: ${sheet}!${cell} is outside the grid`);
    };
    const ids = new Set<string>();
    for (const e of c.errors) {
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
      for (const edit of e.edits) checkEditTarget(c.input, edit);
      for (const f of e.expect) cellInGrid(c.input, f.sheet, f.cell);
    }
    for (const f of c.expected.cleanFindings) cellInGrid(c.input, f.sheet, f.cell);
    for (const t of c.expected.tables) {
      const s = c.input.sheets.find((x) => x.name === t.sheet);
      expect(s).toBeDefined();
      const d = rangeRows(t.data);
      const h = rangeRows(t.header);
      expect(h.bottom).toBeLessThan(d.top);
      for (const r of [...t.leafRows, ...Object.keys(t.groups).map(Number), ...Object.values(t.groups).flat()]) {
        expect({ row: r, inData: r >= d.top && r <= d.bottom }).toEqual({ row: r, inData: true });
      }
      if (t.columnNumberRow !== null) expect(t.columnNumberRow).toBe(h.bottom);
      for (const col of Object.keys(t.columns)) expect(columnNumber(col)).toBeGreaterThanOrEqual(d.left);
    }
  });

  test('every planted error changes the workbook where it says, and builds', async () => {
    const clean = await cleanBook(c);
    for (const e of c.errors) {
      const edited = applyEdits(c.input, e.edits);
      const snapshot = await xlsxToSnapshot(await c.build(e.edits));
      for (const edit of e.edits) {
        const sheet = sheetOf(snapshot, edit.sheet);
        if (edit.hideRow !== undefined) {
          expect({ error: e.id, hidden: sheet.hiddenRows?.includes(edit.hideRow - 1) }).toEqual({ error: e.id, hidden: true });
          expect({ error: e.id, wasVisible: sheetOf(clean.snapshot, edit.sheet).hiddenRows?.includes(edit.hideRow - 1) }).toEqual({ error: e.id, wasVisible: false });
          continue;
        }
        const { row, col } = parseA1(edit.cell as string);
        const before = { value: sheetOf(clean.snapshot, edit.sheet).values[row]?.[col] ?? null, formula: sheetOf(clean.snapshot, edit.sheet).formulas[row]?.[col] ?? null };
        const after = { value: sheet.values[row]?.[col] ?? null, formula: sheet.formulas[row]?.[col] ?? null };
        expect({ error: e.id, cell: edit.cell, changed: JSON.stringify(before) !== JSON.stringify(after) }).toEqual({ error: e.id, cell: edit.cell, changed: true });
        if (edit.formula !== undefined) expect(after.formula).toBe(edit.formula);
        // a typed value stays typed: no formula, the number or text the officer typed
        if (edit.value !== undefined) {
          const typed = typeof edit.value === 'string' ? storedText(edit.value, edit.encoding, edit.font ?? '') : edit.value;
          expect({ error: e.id, cell: edit.cell, after }).toEqual({ error: e.id, cell: edit.cell, after: { value: typed === '' ? null : typed, formula: null } });
        }
      }
      expect(edited.sheets.length).toBe(c.input.sheets.length);
    }
  });

  test('each planted error’s expected findings follow from the corpus conventions (reference oracle on the declared tables)', async () => {
    const modelled = (list: CorpusFinding[]) =>
      list
        .filter((f) => (MODELLED_RULES as readonly string[]).includes(f.rule))
        .map((f) => `${f.rule} ${f.sheet}!${f.cell}`)
        .sort();
    const clean = referenceFindings((await cleanBook(c)).snapshot, c.expected.tables, c.input.facts);
    expect({ clean: modelled(clean) }).toEqual({ clean: modelled(c.expected.cleanFindings) });
    for (const e of c.errors) {
      const found = referenceFindings(await xlsxToSnapshot(await c.build(e.edits)), c.expected.tables, c.input.facts);
      expect({ error: e.id, findings: modelled(found) }).toEqual({ error: e.id, findings: modelled([...c.expected.cleanFindings, ...e.expect]) });
    }
  });

  test('the clean .xlsx carries the calculator’s value in every formula cell, and the input’s constants', async () => {
    const { snapshot } = await cleanBook(c);
    const grid: GridSheet[] = snapshot.sheets.map((s) => ({
      name: s.name,
      hiddenRows: new Set(s.hiddenRows ?? []),
      cells: s.values.flatMap((line, row) =>
        line.map((value, col) => {
          const formula = s.formulas[row]?.[col] ?? null;
          return { row, col, value: formula === null ? value : null, formula };
        }),
      ).filter((x) => x.formula !== null || (x.value !== null && x.value !== '')),
    }));
    const calc = calculateGrid(grid);
    expect(calc.unsupportedFunctions).toEqual([]);
    expect(calc.circular).toEqual([]);
    let formulas = 0;
    for (const r of calc.results) {
      // the file holds <v>0</v>, but exceljs reads a cached 0 back as empty
      const raw = sheetOf(snapshot, r.sheet).values[r.row][r.col];
      const cached = raw === null && r.value === 0 ? 0 : raw;
      expect(r.value instanceof CalcError).toBe(false);
      expect({ cell: `${r.sheet}!${a1(r.row, r.col)}`, value: cached }).toEqual({ cell: `${r.sheet}!${a1(r.row, r.col)}`, value: typeof r.value === 'number' ? expect.closeTo(r.value, 9) : r.value });
      formulas++;
    }
    expect(formulas).toBeGreaterThan(0);
    // constants: what the input says, legacy text as the font stores it
    for (const inSheet of c.input.sheets) {
      const s = sheetOf(snapshot, inSheet.name);
      for (const cell of resolvedCells(inSheet)) {
        if (cell.formula !== null || cell.value === null) continue;
        expect({ cell: a1(cell.row, cell.col), v: s.values[cell.row][cell.col] }).toEqual({ cell: a1(cell.row, cell.col), v: cell.value });
      }
    }
  });

  test('looks as the officer made them: merges (values in anchors only), hidden rows, fonts and legacy text, bold, indent, formats', async () => {
    const { bytes } = await cleanBook(c);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const inSheet of c.input.sheets) {
      const ws = wb.getWorksheet(inSheet.name) as ExcelJS.Worksheet;
      const merges = (ws as unknown as { model: { merges: string[] } }).model.merges;
      expect([...merges].sort()).toEqual([...(inSheet.merges ?? [])].sort());
      for (const m of inSheet.merges ?? []) {
        const r = rangeRows(m);
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            if (row === r.top && col === r.left) continue;
            expect({ merge: m, cell: a1(row - 1, col - 1), input: inSheet.rows[row - 1]?.[col - 1] ?? null }).toEqual({ merge: m, cell: a1(row - 1, col - 1), input: null });
          }
        }
      }
      for (let r = 1; r <= inSheet.rows.length; r++) expect({ row: r, hidden: ws.getRow(r).hidden === true }).toEqual({ row: r, hidden: (inSheet.hiddenRows ?? []).includes(r) });
      for (const cell of resolvedCells(inSheet)) {
        const x = ws.getCell(cell.row + 1, cell.col + 1);
        const at = `${inSheet.name}!${a1(cell.row, cell.col)}`;
        expect({ at, font: x.font?.name }).toEqual({ at, font: cell.font });
        const looks = plainCell(inSheet.rows[cell.row][cell.col]).looks;
        if (looks.bold) expect({ at, bold: x.font?.bold }).toEqual({ at, bold: true });
        if (looks.indent) expect({ at, indent: x.alignment?.indent }).toEqual({ at, indent: looks.indent });
        if (looks.fmt) expect({ at, fmt: x.numFmt }).toEqual({ at, fmt: looks.fmt });
        const text = plainCell(inSheet.rows[cell.row][cell.col]).value;
        if (typeof text !== 'string' || cell.formula !== null) continue;
        // legacy text decodes to what input.json says (TCVN3 has no lower/upper distinction for most accented capitals)
        if (cell.looks.encoding === 'tcvn3') {
          expect(cell.font).toMatch(/^\.Vn/);
          const capitals = /h$/i.test(cell.font);
          const back = tcvn3ToUnicode(x.value as string, { capitals });
          expect({ at, text: capitals ? back : back.toLocaleLowerCase('vi') }).toEqual({ at, text: capitals ? text : text.toLocaleLowerCase('vi') });
          if (capitals) expect(text).toBe(text.toLocaleUpperCase('vi'));
        } else if (cell.looks.encoding === 'vni') {
          expect(cell.font).toMatch(/^VNI-/);
          expect({ at, text: vniToUnicode(x.value as string) }).toEqual({ at, text });
        } else {
          expect({ at, text: x.value }).toEqual({ at, text });
        }
      }
    }
  });

  for (const [i, t] of c.expected.tables.entries()) {
    test(`table ${i + 1} (${t.sheet}, ${t.data}): totals, byProject and byLocality are the sums of its leaf rows, and the total row shows them`, async () => {
      const sheet = sheetOf((await cleanBook(c)).snapshot, t.sheet);
      const { leavesUnder, roots } = tree(t);
      // the declared tree covers exactly the declared leaves
      const covered = (t.totalRow !== null ? [t.totalRow] : roots).flatMap(leavesUnder).sort((a, b) => a - b);
      expect(covered).toEqual([...t.leafRows].sort((a, b) => a - b));
      if (t.totalRow !== null) expect(roots).toEqual([t.totalRow]);
      for (const p of periodsOf(t)) {
        expect({ period: p.label, totals: sumRows(sheet, t.leafRows, p.columns) }).toEqual({ period: p.label, totals: p.totals });
        if (t.totalRow !== null) {
          for (const [col, key] of Object.entries(p.columns)) {
            expect({ period: p.label, cell: `${col}${t.totalRow}`, value: money(sheet, t.totalRow, col) }).toEqual({ period: p.label, cell: `${col}${t.totalRow}`, value: expect.closeTo(p.totals[key] as number, 6) });
          }
        }
      }
      if (t.periods) {
        const plan = t.periods.find((p) => p.label === t.planPeriod);
        expect(plan).toBeDefined();
        expect(plan?.columns).toEqual(t.columns);
        expect(plan?.totals).toEqual(t.totals);
      }
      const byRows = (labels: Record<string, string> | undefined) => {
        const out: Record<string, Amounts> = {};
        const groups = new Map<string, number[]>();
        for (const [row, label] of Object.entries(labels ?? {})) groups.set(label, [...(groups.get(label) ?? []), ...leavesUnder(Number(row))]);
        for (const [label, rows] of groups) out[label] = sumRows(sheet, rows, t.columns);
        return out;
      };
      if (t.byProject) expect(byRows(t.codes)).toEqual(t.byProject);
      else expect(t.codes === undefined || Object.keys(t.codes).length === 0).toBe(true);
      if (t.byLocality) expect(byRows(t.localities)).toEqual(t.byLocality);
      if (t.rowAxis === 'items') expect(t.byLocality).toBeUndefined();
    });

    test(`table ${i + 1} (${t.sheet}, ${t.data}) is genuinely clean: sources add up, groups equal their children, no hidden money, no text amounts`, async () => {
      const sheet = sheetOf((await cleanBook(c)).snapshot, t.sheet);
      const { children } = tree(t);
      const d = rangeRows(t.data);
      for (const p of periodsOf(t)) {
        const checks = identities(p.columns);
        for (let r = d.top; r <= d.bottom; r++) {
          for (const col of Object.keys(p.columns)) {
            const v = money(sheet, r, col);
            expect({ cell: `${col}${r}`, negative: v < 0 }).toEqual({ cell: `${col}${r}`, negative: false });
          }
          for (const id of checks) {
            const whole = money(sheet, r, id.whole);
            const parts = addAll(id.parts.map((col) => money(sheet, r, col)));
            expect({ row: r, column: id.whole, value: whole }).toEqual({ row: r, column: id.whole, value: expect.closeTo(parts, 6) });
          }
          const hidden = (sheet.hiddenRows ?? []).includes(r - 1);
          if (hidden) for (const col of Object.keys(p.columns)) expect({ hiddenRow: r, col, money: money(sheet, r, col) }).toEqual({ hiddenRow: r, col, money: 0 });
        }
        for (const [group, kids] of children) {
          for (const col of Object.keys(p.columns)) {
            const sum = addAll(kids.map((k) => money(sheet, k, col)));
            expect({ group: `${col}${group}`, value: money(sheet, group, col) }).toEqual({ group: `${col}${group}`, value: expect.closeTo(sum, 6) });
          }
        }
      }
    });

    test(`table ${i + 1} (${t.sheet}, ${t.data}) breaks no catalogue rule and has no unit trap`, async () => {
      const sheet = sheetOf((await cleanBook(c)).snapshot, t.sheet);
      const { leavesUnder } = tree(t);
      const facts = c.input.facts ?? {};
      const catalog = getCatalog(t.programme ?? facts.programme ?? '2021-2025');
      const colOf = new Map(Object.entries(t.columns).map(([col, key]) => [key, col]));
      for (const [row, code] of Object.entries(t.codes ?? {})) {
        const entry = findByCode(catalog, code);
        expect({ row, code, known: entry !== null }).toEqual({ row, code, known: true });
        if (!entry) continue;
        const leaves = leavesUnder(Number(row));
        const investment = colOf.get('centralInvestment');
        if (!entry.money.investment && investment) expect({ row, code, dtpt: addAll(leaves.map((r) => money(sheet, r, investment))) }).toEqual({ row, code, dtpt: 0 });
        if (entry.poorAreaOnly && facts.poorArea === false) {
          expect({ row, code, money: addAll(leaves.map((r) => money(sheet, r, colOf.get('total') ?? Object.keys(t.columns)[0]))) }).toEqual({ row, code, money: 0 });
        }
      }
      const central = t.totals.central ?? addAll([t.totals.centralInvestment ?? 0, t.totals.centralRecurrent ?? 0]);
      if (facts.level === 'tinh' && facts.provinceGroup && central > 0) {
        const minimum = { 1: 0.03, 2: 0.1, 3: 0.15 }[facts.provinceGroup];
        expect({ counterpart: (t.totals.local ?? 0) / central >= minimum }).toEqual({ counterpart: true });
      }
      // siblings within a factor 100 of their column's median, and no 1.005 lookalike in triệu / tỷ
      for (const p of periodsOf(t)) {
        for (const col of Object.keys(p.columns)) {
          const values = t.leafRows.map((r) => money(sheet, r, col)).filter((v) => v !== 0).sort((a, b) => a - b);
          if (values.length < 3) continue;
          const median = values[Math.floor(values.length / 2)];
          expect({ col, ratioHigh: values[values.length - 1] / median < 100, ratioLow: median / values[0] < 100 }).toEqual({ col, ratioHigh: true, ratioLow: true });
          if (t.unit === 'trieu' || t.unit === 'ty') {
            const threeDecimals = values.filter((v) => Math.abs(v * 100 - Math.round(v * 100)) > 1e-6);
            expect({ col, threeDecimals }).toEqual({ col, threeDecimals: [] });
          }
        }
      }
    });
  }
});
