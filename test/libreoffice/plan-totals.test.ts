/**
 * The oracle: LibreOffice recalculates the .xlsx KH writes, and every native total equals what
 * the core computes — for the two real plans and for 20 random plans.
 */
import fc from 'fast-check';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec, INPUT_SOURCES } from '../../src/core/plan';
import { rollup } from '../../src/core/rollup';
import { sumExact } from '../../src/core/money';
import { ROWS, SHEET, planColumns } from '../../src/core/book/layout';
import { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { numberAt, recalculate, requireLibreOffice } from '../support/calc-oracle';
import { randomPlan } from '../support/random-plans';

const describeLO = requireLibreOffice() ? describe : describe.skip;
const S = planColumns('2021-2025').summary.index;
const P = planColumns('2021-2025').project.index;
const COLUMNS = ['total', 'central', ...INPUT_SOURCES] as const;

/** The core's grand total per column: roll-up of every project sheet's rows, roots summed. */
function coreTotals(spec: PlanSpec): Record<string, number> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error('build');
  const rows = built.projects.flatMap((p) => p.rows);
  const values = rows.map((r) => INPUT_SOURCES.map((s) => (r.kind === 'leaf' ? r.amounts?.[s] ?? null : null)));
  const rolled = rollup(rows.map((r) => r.code), values);
  const out: Record<string, number> = {};
  INPUT_SOURCES.forEach((s, c) => {
    out[s] = sumExact(rolled.values.filter((_, i) => rolled.tree.parent[i] === -1).map((v) => v[c] ?? 0));
  });
  out.central = sumExact([out.centralInvestment, out.centralRecurrent]);
  out.total = sumExact([out.central, out.local, out.integrated, out.credit, out.mobilised]);
  return out;
}

async function computed(spec: PlanSpec): Promise<WorkbookSnapshot> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error('build');
  return recalculate(await descriptionToXlsx(built.description));
}

function expectAllChecksPass(snapshot: WorkbookSnapshot): void {
  for (const sheet of snapshot.sheets.filter((s) => /^DA\d$/.test(s.name) || s.name === SHEET.summary)) {
    const col = sheet.name === SHEET.summary ? S.check : P.check;
    for (let r = ROWS.firstData; r < sheet.values.length; r++) {
      if (sheet.values[r].every((v) => v === null)) continue;
      expect({ sheet: sheet.name, row: r + 1, check: sheet.values[r][col] }).toEqual({ sheet: sheet.name, row: r + 1, check: '✓' });
    }
  }
}

describeLO('LibreOffice recalculates the workbook to the core totals', () => {
  test('Lai Châu 2024: 1.728 triệu đồng in Tổng hợp, and the stated total checks ✓', async () => {
    const snap = await computed(LAI_CHAU_2024);
    expect(numberAt(snap, SHEET.summary, ROWS.firstData, S.total)).toBe(1728);
    expect(numberAt(snap, SHEET.summary, ROWS.firstData, S.centralRecurrent)).toBe(1728);
    expect(numberAt(snap, 'DA4', ROWS.firstData, P.total)).toBe(766);
    expectAllChecksPass(snap);
    const info = snap.sheets.find((s) => s.name === SHEET.info);
    const stated = info?.values.findIndex((r) => r[0] === 'Tổng cộng') as number;
    expect(info?.values[stated].slice(1, 4)).toEqual([1728, 1728, '✓']);
  }, 120_000);

  test('Bình Lư 2025: 1.915 triệu đồng', async () => {
    const snap = await computed(BINH_LU_2025);
    expect(numberAt(snap, SHEET.summary, ROWS.firstData, S.total)).toBe(1915);
    expectAllChecksPass(snap);
  }, 120_000);

  test('20 random plans: every grand-total column equals the core roll-up (property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, async (spec) => {
        const snap = await computed(spec);
        const want = coreTotals(spec);
        for (const key of COLUMNS) {
          expect({ key, value: numberAt(snap, SHEET.summary, ROWS.firstData, S[key]) }).toEqual({ key, value: expect.closeTo(want[key], 9) });
        }
        expectAllChecksPass(snap);
      }),
      { numRuns: 20 },
    );
  }, 600_000);
});
