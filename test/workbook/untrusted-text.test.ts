/**
 * Untrusted text stays text: whatever an officer, a file or a plan document gives KH — a line
 * "- Hỗ trợ…", "=HYPERLINK(…)", "+84…", "@UBND", "1.005", "15/01/2024" — is written as text in
 * both renderers, never as a formula, a number or a date. Property-based over random strings that
 * start with each dangerous character, through every place KH writes such text.
 */
import fc from 'fast-check';
import { ExcelFake } from '../../src/testing/excel-fake';
import { ExcelRun, buildAnnexesInExcel, generatePlan } from '../../src/workbook/operations';
import { writeTextInExcel } from '../../src/workbook/tools';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';

const runOn = (fake: ExcelFake): ExcelRun => (batch) => fake.run(batch as never);

/** Text a plan may hold that a spreadsheet would take for something else. */
const hostile = fc.oneof(
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '- ', '=HYPERLINK("http://x","'), fc.string({ minLength: 0, maxLength: 12 })).map(([a, b]) => `${a}${b}`),
  fc.constantFrom('1.005', '0123', '15/01/2024', '12%', '1e5', 'TRUE', 'false', '#REF!', '#N/A', 'Mar 3', '=1+1', '=cmd|\' /C calc\'!A0', '@SUM(A1)', "'quoted", ' 530'),
).filter((s) => s.trim() !== '' && s.length <= 200);

function specWith(texts: string[]): PlanSpec {
  return {
    ...LAI_CHAU_2024,
    items: [{ code: 'DA2', unitName: texts[0] }],
    activities: texts.map((name, i) => ({ parent: 'DA2', name, unitName: texts[(i + 1) % texts.length], location: texts[(i + 2) % texts.length], note: name, amounts: { centralRecurrent: 10 + i } })),
    policies: texts.map((name) => ({ dimension: 'education' as const, name, basis: name, unit: name, beneficiaries: 3, amount: 5, source: 'central' as const, note: name })),
    targets: texts.map((name) => ({ name, unit: name, previous: 1, planned: 2, note: name })),
  };
}

/** Every cell of every sheet that holds one of the texts: it must hold it as text, unchanged. */
function cellsHolding(get: (sheet: string) => Array<{ value: unknown; formula: string | null }>, sheets: string[], texts: Set<string>): Array<{ value: unknown; formula: string | null }> {
  return sheets.flatMap((s) => get(s)).filter((c) => typeof c.value === 'string' && texts.has(c.value as string));
}

describe('untrusted text stays text', () => {
  test('office.js: activity names, units, places, notes, policies and targets (plan sheets and annexes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hostile, { minLength: 1, maxLength: 4 }), async (texts) => {
        const fake = new ExcelFake();
        const out = await generatePlan(runOn(fake), specWith(texts), fake);
        expect(out.ok).toBe(true);
        await buildAnnexesInExcel(runOn(fake), fake);
        const wanted = new Set(texts);
        const all = (sheet: string) => {
          const v = fake.sheet(sheet);
          return v.values().flatMap((row, r) => row.map((_, c) => v.cell(`${String.fromCharCode(65 + c)}${r + 1}`))).map((c) => ({ value: c.value, formula: c.formula }));
        };
        const holding = cellsHolding(all, ['DA2', 'Biểu 01', 'Biểu 02', 'Chỉ tiêu'], wanted);
        // every text reached at least one cell, and none became a formula
        for (const t of texts) expect(holding.some((c) => c.value === t)).toBe(true);
        for (const c of holding) expect(c.formula).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  test('.xlsx (exceljs, the kh command): the same texts come back as text, no formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hostile, { minLength: 1, maxLength: 4 }), async (texts) => {
        const built = buildPlanWithAnnexes(specWith(texts));
        if (!built.ok) throw new Error('plan refused');
        const snapshot = await xlsxToSnapshot(await descriptionToXlsx(built.description));
        const wanted = new Set(texts);
        const found = snapshot.sheets.flatMap((s) => s.values.flatMap((row, r) => row.map((v, c) => ({ value: v, formula: s.formulas[r]?.[c] ?? null })))).filter((c) => typeof c.value === 'string' && wanted.has(c.value));
        for (const t of texts) expect(found.some((c) => c.value === t)).toBe(true);
        for (const c of found) expect(c.formula).toBeNull();
      }),
      { numRuns: 15 },
    );
  });

  test('the pane writing a text into a cell (amounts in words beside it) keeps it text', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const fake = new ExcelFake().seed({ S: [[1728]] });
        await writeTextInExcel(runOn(fake), fake, 'S', 'B1', text);
        expect(fake.sheet('S').cell('B1')).toMatchObject({ value: text, formula: null });
      }),
      { numRuns: 60 },
    );
  });
});
