/**
 * The recogniser and the checks on the officer corpus: every table read as its author declared it
 * (range, unit, columns, row tree, codes, localities), the real totals added up, every planted
 * error found at its cell, and nothing else raised — on the clean files and on each error alone.
 */
import { loadCorpus, CorpusCase } from './cases';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { runChecks, CheckResult } from '../../src/core/checks/engine';
import { PlanFacts } from '../../src/core/checks/model';
import { cellAddress, columnLetter } from '../../src/core/book/address';
import { AMOUNT_KEYS, BudgetTable, leavesUnder } from '../../src/core/table/model';
import { OTHER_ITEM, fileFigures } from '../../src/core/table/figures';
import { findByCode, getCatalog } from '../../src/core/catalog';
import { convertUnit, amountsEqual, sumExact } from '../../src/core/money';

const corpus = loadCorpus();
const key = (f: { rule: string; sheet: string; cell: string }): string => `${f.rule} ${f.sheet}!${f.cell}`;
const serious = (r: CheckResult): string[] => r.findings.filter((f) => f.severity !== 'info').map(key).sort();

async function check(c: CorpusCase, edits: Parameters<CorpusCase['build']>[0] = []): Promise<CheckResult> {
  const facts = (c.input.facts ?? {}) as PlanFacts;
  return runChecks(await xlsxToSnapshot(await c.build(edits)), { facts: { level: facts.level, poorArea: facts.poorArea, provinceGroup: facts.provinceGroup } });
}

function tableAt(r: CheckResult, sheet: string, header: string): BudgetTable | undefined {
  return r.model.tables.find((t) => t.name === sheet && t.primary && cellAddress(t.header.top, t.left) === header.split(':')[0]);
}

describe.each(corpus.map((c) => [c.name, c] as const))('%s', (_, c) => {
  let clean: CheckResult;
  beforeAll(async () => {
    clean = await check(c);
  });

  test('every table read as declared: range, unit, columns, row tree, codes, localities', () => {
    for (const want of c.expected.tables) {
      const t = tableAt(clean, want.sheet, want.header) as BudgetTable;
      expect(t).toBeDefined();
      const [dataTop, dataBottom] = want.data.split(':').map((a) => Number(/\d+$/.exec(a)?.[0]));
      expect([t.data.top + 1, t.data.bottom + 1, t.unit, t.rowAxis]).toEqual([dataTop, dataBottom, want.unit, want.rowAxis]);
      const columns = Object.fromEntries(Object.entries(t.amountCols).map(([k, col]) => [columnLetter(col as number), k]));
      expect(columns).toEqual(want.periods ? want.periods.find((p) => p.label === want.planPeriod)?.columns : want.columns);
      const index = new Map(t.rows.map((row, i) => [row.row + 1, i]));
      const children = Object.fromEntries(Object.keys(want.groups).map((g) => [g, t.rows[index.get(Number(g)) as number]?.children.map((k) => t.rows[k].row + 1)]));
      expect(children).toEqual(want.groups);
      const items = Object.fromEntries(Object.keys(want.codes ?? {}).map((r) => [r, t.rows[index.get(Number(r)) as number]?.item]));
      expect(items).toEqual(want.codes ?? {});
      const places = Object.fromEntries(Object.keys(want.localities ?? {}).map((r) => [r, t.rows[index.get(Number(r)) as number]?.locality]));
      expect(places).toEqual(want.localities ?? {});
    }
  });

  test('the real totals: the detail rows added up, by project and by locality', () => {
    const figures = fileFigures(clean.model.tables);
    const main = c.expected.tables.find((t) => t.unit !== null && t.sheet === figures.table?.sheet && t.header.split(':')[0] === figures.table?.range.split(':')[0]);
    if (c.expected.tables.every((t) => t.unit === null)) {
      expect(figures.problem).toBe('unitUnknown');
      return;
    }
    expect(main).toBeDefined();
    const unit = main?.unit as NonNullable<typeof main>['unit'] & string;
    const wantTotals = main?.periods ? main.periods.find((p) => p.label === main.planPeriod)?.totals ?? {} : main?.totals ?? {};
    for (const k of AMOUNT_KEYS) {
      const want = convertUnit(wantTotals[k] ?? 0, unit, 'trieu');
      expect([k, amountsEqual(figures.total?.[k] ?? 0, want, 1e-9)]).toEqual([k, true]);
    }
    // by project as the author defines it: the detail rows under each row that names the item
    const t = tableAt(clean, main?.sheet as string, main?.header as string) as BudgetTable;
    for (const [code, amounts] of Object.entries(main?.byProject ?? {})) {
      const rows = t.rows.map((r, i) => (r.code !== null && r.item === code ? i : -1)).filter((i) => i >= 0);
      const leaves = [...new Set(rows.flatMap((i) => leavesUnder(t, i)))];
      for (const k of AMOUNT_KEYS) {
        const got = sumExact(leaves.map((i) => t.rows[i].cells[k]?.number ?? 0));
        expect([code, k, amountsEqual(got, amounts[k] ?? 0, 1e-9)]).toEqual([code, k, true]);
      }
    }
    // by Tiểu dự án (Nội dung thành phần), as an allocation given at that level is compared, in triệu;
    // the parts and the rows outside any item add up to the file's total: nothing dropped, nothing twice
    if (t.rowAxis !== 'localities') {
      const parts = figures.parts ?? new Map();
      const catalog = getCatalog(t.programme);
      for (const [code, amounts] of Object.entries(main?.byProject ?? {})) {
        const kind = findByCode(catalog, code)?.kind;
        if (kind !== 'subproject' && kind !== 'content') continue;
        for (const k of AMOUNT_KEYS) expect([code, k, amountsEqual(parts.get(code)?.amounts[k] ?? 0, convertUnit(amounts[k] ?? 0, unit, 'trieu'), 1e-9)]).toEqual([code, k, true]);
      }
      const outside = figures.projects.get(OTHER_ITEM)?.amounts;
      for (const k of AMOUNT_KEYS) {
        const all = sumExact([...[...parts.values()].map((p) => p.amounts[k]), outside?.[k] ?? 0]);
        expect([k, amountsEqual(all, figures.total?.[k] ?? 0, 1e-9)]).toEqual([k, true]);
      }
    }
    for (const [place, amounts] of Object.entries(main?.byLocality ?? {})) {
      const got = figures.localities.get(place);
      for (const k of AMOUNT_KEYS) expect([place, k, amountsEqual(got?.[k] ?? 0, convertUnit(amounts[k] ?? 0, unit, 'trieu'), 1e-9)]).toEqual([place, k, true]);
    }
  });

  test('the clean file raises only what its author expects', () => {
    expect(serious(clean)).toEqual(c.expected.cleanFindings.map(key).sort());
  });

  test.each(c.errors.map((e) => [e.id, e] as const))('planted %s: found at its cell, nothing else', async (_id, e) => {
    const got = serious(await check(c, e.edits));
    const want = [...new Set([...e.expect.map(key), ...c.expected.cleanFindings.map(key)])].sort();
    expect(got).toEqual(want);
  });
});
