import fc from 'fast-check';
import { buildPlanWorkbook } from '../../src/core/book/template';
import { readPlanSpec } from '../../src/core/book/export';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { randomPlan } from '../support/random-plans';

async function roundTrip(spec: PlanSpec): Promise<PlanSpec> {
  const built = buildPlanWorkbook(spec);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return readPlanSpec(await xlsxToSnapshot(await descriptionToXlsx(built.description)));
}

describe('description → xlsx → snapshot → plan spec equals the original', () => {
  test.each([
    ['Lai Châu 2024', LAI_CHAU_2024],
    ['Bình Lư 2025', BINH_LU_2025],
  ])('%s', async (_, spec) => {
    expect(await roundTrip(spec)).toEqual(spec);
  });

  test('random plans with activities, decimals and hostile-looking names (property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, async (spec) => {
        expect(await roundTrip(spec)).toEqual(spec);
      }),
      { numRuns: 20 },
    );
  });
});
