import fc from 'fast-check';
import { rollup, rollupCode, Amount } from '../../src/core/rollup';
import { sumExact } from '../../src/core/money';

// The Lai Châu 2024 plan (triệu đồng, all NSTW vốn sự nghiệp), one row per Dự án / Tiểu dự án.
const LAI_CHAU: Array<[string, number | null]> = [
  ['DA2', 530],
  ['DA3', null],
  ['DA3.2', 342],
  ['DA4', null],
  ['DA4.1', 685],
  ['DA4.3', 81],
  ['DA6', null],
  ['DA6.2', 17],
  ['DA7', null],
  ['DA7.1', 51],
  ['DA7.2', 22],
];

describe('rollup of a real plan', () => {
  const codes = LAI_CHAU.map(([c]) => c);
  const values = LAI_CHAU.map(([, v]) => [v, v]);

  test('parents are the sum of their children, leaves keep their own', () => {
    const { values: out } = rollup(codes, values);
    expect(out.map((r) => r[0])).toEqual([530, 342, 342, 766, 685, 81, 17, 17, 73, 51, 22]);
  });

  test('the plan total is 1.728 triệu đồng (roots summed)', () => {
    const { values: out, tree } = rollup(codes, values);
    const roots = out.filter((_, r) => tree.parent[r] === -1).map((r) => r[0] as number);
    expect(sumExact(roots)).toBe(1728);
  });

  test('a parent typed over is replaced, never counted twice', () => {
    const typed = values.map((row, r) => (codes[r] === 'DA4' ? [9999, 9999] : row));
    expect(rollup(codes, typed).values[3]).toEqual([766, 766]);
  });

  test('the value of one code, with or without its own row', () => {
    expect(rollupCode(codes, values, 'DA4')).toEqual([766, 766]);
    expect(rollupCode(codes, values, 'DA4.TDA3')).toEqual([81, 81]);
    const withoutParent = codes.map((c) => (c === 'DA7' ? null : c));
    expect(rollupCode(withoutParent, values, 'DA7')).toEqual([73, 73]);
    expect(rollupCode(codes, values, 'DA5')).toBeNull();
  });
});

describe('rollup semantics', () => {
  test('an orphan counts toward its nearest ancestor (as SUMIFS over DA3.* would)', () => {
    const out = rollup(['DA3', 'DA3.1.1', 'DA3.2'], [[null], [10], [5]]).values;
    expect(out[0][0]).toBe(15);
  });

  test('a repeated parent row mirrors the parent and is not counted again', () => {
    const out = rollup(['DA3', 'DA3.1', 'DA3.1.1', 'DA3.1', 'DA3.1.2'], [[null], [null], [10], [777], [5]]).values;
    expect(out.map((r) => r[0])).toEqual([15, 15, 10, 15, 5]);
  });

  test('rows without a code keep their values; empty leaves stay empty', () => {
    const out = rollup([null, 'DA2', 'DA2.1', 'DA2.2'], [[123], [null], [null], [4]]).values;
    expect(out.map((r) => r[0])).toEqual([123, 4, null, 4]);
  });

  test('decimal amounts add without drift', () => {
    const out = rollup(['DA3', 'DA3.1', 'DA3.2', 'DA3.3'], [[null], [0.1], [0.2], [0.4]]).values;
    expect(out[0][0]).toBe(0.7);
  });

  test('values beyond the exact double range take the BigInt path', () => {
    const out = rollup(['X1', 'X1.1', 'X1.2'], [[null], [9007199254740991], [0.5]]).values;
    expect(out[0][0]).toBe(Number('9007199254740991.5'));
  });

  test('mismatched shapes throw (callers validate first)', () => {
    expect(() => rollup(['DA1'], [])).toThrow(RangeError);
  });
});

/** Random plan trees: codes under a few Dự án, depth ≤ 4, with amounts of 0–1 decimals. */
const planRows = fc
  .array(
    fc.record({
      path: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
      tenths: fc.integer({ min: 0, max: 100000 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) => {
    const seen = new Set<string>();
    return rows
      .map((r) => ({ code: `DA${r.path.join('.')}`, value: r.tenths / 10 }))
      .filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
  });

describe('rollup invariants (property-based)', () => {
  test('the sum of the roots equals the sum of the leaves', () => {
    fc.assert(
      fc.property(planRows, (rows) => {
        const codes = rows.map((r) => r.code);
        const { values, tree, leaf } = rollup(codes, rows.map((r) => [r.value]));
        const roots = values.filter((_, i) => tree.parent[i] === -1).map((v) => v[0] ?? 0);
        const leaves = rows.filter((_, i) => leaf[i]).map((r) => r.value);
        return sumExact(roots) === sumExact(leaves);
      }),
      { numRuns: 1000 },
    );
  });

  test('each parent equals the sum of its children', () => {
    fc.assert(
      fc.property(planRows, (rows) => {
        const { values, tree } = rollup(rows.map((r) => r.code), rows.map((r) => [r.value]));
        for (let p = 0; p < rows.length; p++) {
          if (!tree.hasChildren[p]) continue;
          const kids: number[] = [];
          for (let c = 0; c < rows.length; c++) if (tree.parent[c] === p) kids.push(values[c][0] ?? 0);
          if (values[p][0] !== sumExact(kids)) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  test('row order does not change any code\'s value', () => {
    fc.assert(
      fc.property(planRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        const byCode = (rs: typeof rows): Map<string, Amount> => {
          const { values } = rollup(rs.map((r) => r.code), rs.map((r) => [r.value]));
          return new Map(rs.map((r, i) => [r.code, values[i][0]]));
        };
        const a = byCode(rows);
        const b = byCode(shuffled);
        return [...a].every(([code, v]) => b.get(code) === v);
      }),
      { numRuns: 500 },
    );
  });

  test('every column is rolled up independently', () => {
    fc.assert(
      fc.property(planRows, (rows) => {
        const codes = rows.map((r) => r.code);
        const two = rollup(codes, rows.map((r) => [r.value, r.value * 2])).values;
        const one = rollup(codes, rows.map((r) => [r.value * 2])).values;
        return two.every((row, i) => row[1] === one[i][0]);
      }),
      { numRuns: 300 },
    );
  });
});
