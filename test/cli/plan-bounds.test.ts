/**
 * What `kh new` accepts is what Excel and `kh check` accept: text up to Excel's 32,767 characters,
 * amounts up to 10^15 đồng (words always read), and a workbook within the read limits — measured
 * on the description, then on the bytes through the very pre-flight kh check runs.
 */
import fc from 'fast-check';
import { parsePlanJson, MAX_AMOUNT_DONG, MAX_TEXT } from '../../src/cli/schema';
import { descriptionProblem, writtenProblem } from '../../src/cli/plan-bounds';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { READ_LIMITS } from '../../src/workbook/preflight';
import { runChecks } from '../../src/core/checks/engine';
import { WORDS_PREFIX } from '../../src/core/book/annex/words';
import { randomPlan } from '../support/random-plans';

function problems(data: unknown): Array<{ path: string; vi: string }> {
  const r = parsePlanJson(data);
  return r.ok ? [] : r.problems.map((p) => ({ path: p.path, vi: p.vi }));
}

describe('the plan schema', () => {
  test('text: 32,767 characters pass, one more is refused naming the field; a 10 MB issuer too', () => {
    expect(problems({ ...LAI_CHAU_2024, issuer: 'Ủ'.repeat(MAX_TEXT) })).toEqual([]);
    expect(problems({ ...LAI_CHAU_2024, issuer: 'Ủ'.repeat(MAX_TEXT + 1) })).toEqual([{ path: 'issuer', vi: 'dài nhất 32767 ký tự (giới hạn một ô của Excel)' }]);
    expect(problems({ ...LAI_CHAU_2024, issuer: 'x'.repeat(10 * 2 ** 20) })).toHaveLength(1);
    expect(problems({ ...LAI_CHAU_2024, items: [{ ...LAI_CHAU_2024.items[0], note: 'n'.repeat(40_000) }] })[0].path).toBe('items.0.note');
  });

  test.each([
    ['dong', 1e15],
    ['nghin', 1e12],
    ['trieu', 1e9],
    ['ty', 1e6],
  ] as const)('amounts in %s: up to %d pass, above is refused naming the cell of the plan', (unit, max) => {
    const at = (v: number): PlanSpec => ({ ...LAI_CHAU_2024, unit, items: [{ ...LAI_CHAU_2024.items[0], amounts: { local: v } }, ...LAI_CHAU_2024.items.slice(1)] });
    expect(max * 10 ** { dong: 0, nghin: 3, trieu: 6, ty: 9 }[unit]).toBe(MAX_AMOUNT_DONG);
    expect(problems(at(max))).toEqual([]);
    expect(problems(at(max * 1.0000001))).toEqual([{ path: 'items.0.amounts.local', vi: expect.stringContaining('số tiền lớn nhất là') }]);
    expect(problems(at(1e21))).toHaveLength(1);
  });
});

describe('what kh new writes, kh check reads', () => {
  test('the largest amounts everywhere: words are read on every annex, and the fresh file has no annex drift', async () => {
    const items = LAI_CHAU_2024.items.map((i) => ({ ...i, amounts: { centralRecurrent: 1e9, local: 1e9, mobilised: 1e9 } }));
    const spec: PlanSpec = { ...LAI_CHAU_2024, unit: 'trieu', items, statedTotals: undefined };
    expect(parsePlanJson(spec).ok).toBe(true);
    const built = buildPlanWithAnnexes(spec);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(descriptionProblem(built.description)).toBeNull();
    const words = built.description.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).filter((c) => typeof c?.value === 'string' && c.value.startsWith(WORDS_PREFIX));
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(String(w?.value).length).toBeGreaterThan(WORDS_PREFIX.length + 10);
    const bytes = await descriptionToXlsx(built.description);
    expect(await writtenProblem(bytes)).toBeNull();
    const result = runChecks(await xlsxToSnapshot(bytes));
    expect(result.findings.filter((f) => f.rule === 'ANNEX_DRIFT')).toEqual([]);
  });

  test('amounts of 10^21 triệu (which wrote an empty "Bằng chữ:" and ANNEX_DRIFT before) would be caught twice: by the schema, and by the description', () => {
    const spec: PlanSpec = { ...LAI_CHAU_2024, unit: 'trieu', items: [{ ...LAI_CHAU_2024.items[0], amounts: { local: 1e21 } }, ...LAI_CHAU_2024.items.slice(1)] };
    expect(parsePlanJson(spec).ok).toBe(false);
    const built = buildPlanWithAnnexes(spec);
    if (!built.ok) throw new Error('builds');
    expect(descriptionProblem(built.description)).toMatchObject({ key: 'plan.noWords' });
  });

  test('a cell past Excel\'s 32,767 characters, rows and cells past the read limits', () => {
    const built = buildPlanWithAnnexes(LAI_CHAU_2024);
    if (!built.ok) throw new Error('builds');
    const d = built.description;
    expect(descriptionProblem(d)).toBeNull();
    expect(descriptionProblem(d, { ...READ_LIMITS, maxCells: 100 })).toMatchObject({ key: 'plan.tooManyCells', params: { limit: 100 } });
    expect(descriptionProblem(d, { ...READ_LIMITS, maxRowsPerSheet: 10 })).toMatchObject({ key: 'plan.tooManyRows' });
    const long = { ...d, sheets: [{ ...d.sheets[0], blocks: [...d.sheets[0].blocks, { row: 40, col: 3, cells: [[{ value: 'a'.repeat(MAX_TEXT + 1) }]] }] }, ...d.sheets.slice(1)] };
    expect(descriptionProblem(long)).toMatchObject({ key: 'plan.textTooLong', params: { cell: 'D41', length: MAX_TEXT + 1 } });
  });

  test('random plans within the schema: the written bytes pass the pre-flight and the description its bounds', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, async (spec) => {
        expect(parsePlanJson(spec).ok).toBe(true);
        const built = buildPlanWithAnnexes(spec);
        if (!built.ok) return;
        expect(descriptionProblem(built.description)).toBeNull();
        expect(await writtenProblem(await descriptionToXlsx(built.description))).toBeNull();
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
