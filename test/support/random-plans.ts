/**
 * Random plan specs for property tests: a random selection of catalogue items (where a selection
 * ends: a sub-project, or a project without sub-projects), some with activity rows, amounts with
 * zero or one decimal in random sources. Specs come out in the form export reads back (catalogue
 * order, activities grouped by parent), so round trips can compare with toEqual.
 */
import fc from 'fast-check';
import { getCatalog, childrenOf } from '../../src/core/catalog';
import { Amounts, PlanSpec, INPUT_SOURCES } from '../../src/core/plan';

const catalog = getCatalog('2021-2025');
const SELECTABLE = catalog.entries.filter((e) => childrenOf(catalog, e.code).length === 0).map((e) => e.code);

const amount = fc.integer({ min: 0, max: 50000 }).chain((n) => fc.constantFrom(n, n / 10));

const amounts: fc.Arbitrary<Amounts> = fc
  .subarray([...INPUT_SOURCES], { minLength: 1, maxLength: 3 })
  .chain((sources) => fc.tuple(...sources.map(() => amount)).map((vals) => Object.fromEntries(sources.map((s, i) => [s, vals[i]])) as Amounts));

const ACTIVITY_NAMES = ['Hỗ trợ giống vật nuôi', 'Tập huấn cán bộ', 'Đào tạo nghề', 'Bổ sung đa vi chất', 'Thu thập thông tin lao động', '- Rà soát hộ nghèo', '=Tuyên truyền', '1.005'];

export const randomPlan: fc.Arbitrary<PlanSpec> = fc
  .record({
    picked: fc.subarray(SELECTABLE, { minLength: 1, maxLength: SELECTABLE.length }),
    withActivities: fc.array(fc.boolean(), { minLength: SELECTABLE.length, maxLength: SELECTABLE.length }),
    itemAmounts: fc.array(amounts, { minLength: SELECTABLE.length, maxLength: SELECTABLE.length }),
    activityRows: fc.array(fc.array(fc.record({ name: fc.constantFrom(...ACTIVITY_NAMES), amounts }), { minLength: 1, maxLength: 4 }), { minLength: SELECTABLE.length, maxLength: SELECTABLE.length }),
    year: fc.integer({ min: 2022, max: 2027 }),
    poor: fc.boolean(),
  })
  .map(({ picked, withActivities, itemAmounts, activityRows, year, poor }) => {
    const spec: PlanSpec = {
      programme: '2021-2025',
      level: 'xa',
      issuer: 'UBND xã Bình Lư',
      area: 'xã Bình Lư',
      province: 'Lai Châu',
      year,
      unit: 'trieu',
      poorDistrict: poor,
      items: [],
      activities: [],
    };
    picked.forEach((code) => {
      const i = SELECTABLE.indexOf(code);
      if (withActivities[i]) {
        spec.items.push({ code });
        for (const a of activityRows[i]) spec.activities.push({ parent: code, name: a.name, amounts: a.amounts });
      } else spec.items.push({ code, amounts: itemAmounts[i] });
    });
    return spec;
  });

/** Σ of every amount of a spec: the grand total its workbook must compute. */
export function specTotal(spec: PlanSpec): number[] {
  const sums = INPUT_SOURCES.map(() => [] as number[]);
  const add = (a: Amounts | undefined): void => INPUT_SOURCES.forEach((s, i) => a?.[s] !== undefined && sums[i].push(a[s] as number));
  spec.items.forEach((i) => add(i.amounts));
  spec.activities.forEach((a) => add(a.amounts));
  return sums.map((xs) => xs.reduce((x, y) => Math.round((x + y) * 10) / 10, 0));
}
