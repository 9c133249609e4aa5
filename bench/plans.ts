/** Synthetic plans of any size for benchmarks: the shape of a real plan, scaled up. */

export interface SyntheticPlan {
  codes: string[];
  values: (number | null)[][];
}

/**
 * n rows under 7 Dự án × 3 Tiểu dự án, activities grouped ten to a group, so about one row in
 * ten is a parent — a heavy but realistic proportion. Amounts in triệu đồng, one decimal.
 */
export function syntheticPlan(n: number, columns = 8, seed = 1): SyntheticPlan {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const codes: string[] = [];
  const values: (number | null)[][] = [];
  const leafRow = (): (number | null)[] => Array.from({ length: columns }, () => Math.round(random() * 50000) / 10);
  const parentRow = (): (number | null)[] => new Array(columns).fill(null);
  outer: for (let g = 1; ; g++) {
    for (let da = 1; da <= 7; da++) {
      for (let tda = 1; tda <= 3; tda++) {
        if (g === 1) {
          if (tda === 1) {
            codes.push(`DA${da}`);
            values.push(parentRow());
          }
          codes.push(`DA${da}.${tda}`);
          values.push(parentRow());
        }
        codes.push(`DA${da}.${tda}.${g}`);
        values.push(parentRow());
        for (let leaf = 1; leaf <= 9; leaf++) {
          codes.push(`DA${da}.${tda}.${g}.${leaf}`);
          values.push(leafRow());
          if (codes.length >= n) break outer;
        }
      }
    }
  }
  return { codes, values };
}

import { getCatalog, childrenOf } from '../src/core/catalog';
import { PlanSpec } from '../src/core/plan';

/**
 * A plan with every Dự án and Tiểu dự án of 2021–2025 and `activities` activity rows spread over
 * the sub-projects, amounts in several sources: the heaviest plan an officer writes, scaled.
 */
export function fullPlanSpec(activities: number): PlanSpec {
  const catalog = getCatalog('2021-2025');
  const leaves = catalog.entries.filter((e) => childrenOf(catalog, e.code).length === 0);
  const spec: PlanSpec = {
    programme: '2021-2025',
    level: 'tinh',
    issuer: 'UBND tỉnh Lai Châu',
    area: 'tỉnh Lai Châu',
    province: 'Lai Châu',
    year: 2027,
    unit: 'trieu',
    provinceGroup: 1,
    poorDistrict: true,
    items: leaves.map((e) => ({ code: e.code, unitName: 'Sở Nông nghiệp và Môi trường' })),
    activities: [],
  };
  for (let i = 0; i < activities; i++) {
    const parent = leaves[i % leaves.length];
    spec.activities.push({
      parent: parent.code,
      name: `Hoạt động ${i + 1} của ${parent.code}`,
      unitName: `UBND xã ${(i % 37) + 1}`,
      amounts: { centralRecurrent: ((i * 37) % 900) + 10, local: (i % 7) * 3, mobilised: (i % 5) * 1.5, ...(parent.money.investment ? { centralInvestment: ((i * 13) % 400) + 0.5 } : {}) },
    });
  }
  return spec;
}
