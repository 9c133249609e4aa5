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
