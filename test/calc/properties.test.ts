/**
 * Properties (fast-check): SUM of a column of plan amounts is the exact sum; SUMIFS with "X.*" is
 * filtering by code prefix; random arithmetic equals JavaScript's.
 */
import fc from 'fast-check';
import { CalcError, calculate, evaluateFormula, gridWorkbook, type Scalar } from '../../src/testing/calc';

/** Amounts as officers type them: triệu đồng with at most one decimal, as tenths (exact integers). */
const tenths = fc.integer({ min: -500000, max: 500000 });

/** A column of cells: amounts, blanks, text and booleans (which SUM skips), at random rows. */
const column = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: tenths.map((t) => ({ kind: 'amount' as const, t })) },
    { weight: 1, arbitrary: fc.constantFrom('chưa có', 'Hỗ trợ sản xuất', '1.728', '').map((text) => ({ kind: 'text' as const, text })) },
    { weight: 1, arbitrary: fc.boolean().map((b) => ({ kind: 'bool' as const, b })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'blank' as const }) },
  ),
  { maxLength: 300 },
);

function cellOf(c: { kind: 'amount'; t: number } | { kind: 'text'; text: string } | { kind: 'bool'; b: boolean } | { kind: 'blank' }): unknown {
  switch (c.kind) {
    case 'amount':
      return c.t / 10;
    case 'text':
      return c.text;
    case 'bool':
      return c.b;
    case 'blank':
      return null;
  }
}

describe('SUM', () => {
  test('SUM of a whole column of amounts equals the exact sum (to the tenth; beyond it, within the inputs\' rounding)', () => {
    fc.assert(
      fc.property(column, fc.integer({ min: 0, max: 5 }), (cells, col) => {
        const rows = cells.map((c) => {
          const line: unknown[] = new Array(col + 1).fill(null);
          line[col] = cellOf(c);
          return line;
        });
        const letter = String.fromCharCode(65 + col);
        const got = evaluateFormula(`=SUM(DA4!${letter}:${letter})`, gridWorkbook({ DA4: rows }), { sheet: 'Tổng hợp' });
        const exactTenths = cells.reduce((s, c) => s + (c.kind === 'amount' ? c.t : 0), 0);
        expect(typeof got).toBe('number');
        expect(Math.round((got as number) * 10)).toBe(exactTenths);
        // beyond the tenth, the only error left is the inputs' own binary rounding (compensated summation adds none)
        const magnitude = cells.reduce((s, c) => s + (c.kind === 'amount' ? Math.abs(c.t / 10) : 0), 0);
        expect(Math.abs((got as number) - exactTenths / 10)).toBeLessThanOrEqual(magnitude * Number.EPSILON);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SUMIFS', () => {
  /** Codes of a plan's rows, with look-alikes: DA4 vs DA40, case, a code that only contains the prefix. */
  const code = fc.oneof(
    fc.tuple(fc.constantFrom('DA', 'da', 'Da', 'XDA'), fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 })).map(
      ([p, n, rest]) => [`${p}${n}`, ...rest.map(String)].join('.'),
    ),
    fc.constantFrom('Tổng cộng', '', 'DA4', 'DA4.', 'DA4.*'),
  );
  const row = fc.record({ code, kind: fc.constantFrom('chi tiết', 'nhóm', 'CHI TIẾT'), amount: tenths });

  test('SUMIFS(amounts, codes, "X.*", kinds, "chi tiết") equals filtering the rows by prefix and kind', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), code, fc.boolean(), (rows, prefix, wholeColumns) => {
        const grid = rows.map((r) => [r.code === '' ? null : r.code, r.kind, r.amount / 10]);
        const ref = (c: string): string => (wholeColumns ? `DA4!${c}:${c}` : `DA4!$${c}$1:$${c}$1048576`);
        const formula = `=SUMIFS(${ref('C')},${ref('A')},"${prefix}.*",${ref('B')},"chi tiết")`;
        const got = evaluateFormula(formula, gridWorkbook({ DA4: grid }), { sheet: 'Tổng hợp' });
        // Excel: "~" escapes, "*" and "?" are wildcards; the generated prefixes hold "*" only as "DA4.*"
        const wanted = new RegExp(`^${prefix.toLowerCase().replace(/[.]/g, '\\.').replace(/\*/g, '.*')}\\..*$`, 's');
        const exactTenths = rows.filter((r) => wanted.test(r.code.toLowerCase()) && r.kind.toLowerCase() === 'chi tiết').reduce((s, r) => s + r.amount, 0);
        expect(Math.round((got as number) * 10)).toBe(exactTenths);
      }),
      { numRuns: 200 },
    );
  });

  test('COUNTIFS with the same criteria counts the rows SUMIFS adds', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), code, (rows, prefix) => {
        const grid = rows.map((r) => [r.code === '' ? null : r.code, r.kind, r.amount / 10]);
        const wb = gridWorkbook({ DA4: grid });
        const count = evaluateFormula(`=COUNTIFS(DA4!A:A,"${prefix}.*",DA4!B:B,"chi tiết")`, wb, { sheet: 'Tổng hợp' });
        const wanted = new RegExp(`^${prefix.toLowerCase().replace(/[.]/g, '\\.').replace(/\*/g, '.*')}\\..*$`, 's');
        expect(count).toBe(rows.filter((r) => wanted.test(r.code.toLowerCase()) && r.kind.toLowerCase() === 'chi tiết').length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('arithmetic', () => {
  type Expr = { k: 'num'; v: number } | { k: 'neg'; e: Expr } | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Expr; b: Expr } | { k: 'pow'; a: Expr; n: number };

  const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.integer({ min: 0, max: 2000 }), tenths.map((t) => t / 10)).map((v) => ({ k: 'num' as const, v })),
      tie('e').map((e) => ({ k: 'neg' as const, e })),
      fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), a: tie('e'), b: tie('e') }),
      fc.record({ k: fc.constant('pow' as const), a: tie('e'), n: fc.integer({ min: 1, max: 3 }) }),
    ),
  })).e;

  /** Excel's text for the tree: every operation in parentheses, random spaces around operators. */
  function render(e: Expr, space: boolean): string {
    const s = space ? ' ' : '';
    switch (e.k) {
      case 'num':
        return String(e.v);
      case 'neg':
        return `(-${render(e.e, space)})`;
      case 'bin':
        return `(${render(e.a, space)}${s}${e.op}${s}${render(e.b, space)})`;
      case 'pow':
        return `(${render(e.a, space)}^${e.n})`;
    }
  }

  /** JavaScript's value, or the Excel error the same operation gives. */
  function js(e: Expr): number | string {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'neg': {
        const x = js(e.e);
        return typeof x === 'string' ? x : -x;
      }
      case 'pow': {
        const x = js(e.a);
        if (typeof x === 'string') return x;
        const p = x ** e.n;
        return Number.isFinite(p) ? p : '#NUM!';
      }
      case 'bin': {
        const x = js(e.a);
        if (typeof x === 'string') return x;
        const y = js(e.b);
        if (typeof y === 'string') return y;
        if (e.op === '/' && y === 0) return '#DIV/0!';
        let r = e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : x / y;
        // Excel's one departure from IEEE here: a sum that cancels to within 2^-48 of its first operand is 0
        if ((e.op === '+' || e.op === '-') && Math.abs(r) <= Math.abs(x) * 2 ** -48) r = 0;
        return Number.isFinite(r) ? r : '#NUM!';
      }
    }
  }

  test('random + - * / ^ and signs equal JavaScript (errors: #DIV/0! first from the left)', () => {
    fc.assert(
      fc.property(expr, fc.boolean(), (e, space) => {
        const want = js(e);
        const got: Scalar = evaluateFormula(`=${render(e, space)}`);
        if (typeof want === 'string') {
          expect(got).toBe(CalcError.of(want as never));
          return;
        }
        expect(typeof got).toBe('number');
        expect(got).toBe(want === 0 ? 0 : want);
      }),
      { numRuns: 500 },
    );
  });

  test('a sum split over a chain of cells equals it written in one formula', () => {
    fc.assert(
      fc.property(fc.array(expr, { minLength: 1, maxLength: 20 }), (exprs) => {
        // row i holds expression i plus the row above: a running total through references
        const rows = exprs.map((e, i) => [i === 0 ? `=${render(e, false)}` : `=${render(e, false)}+A${i}`]);
        const result = calculate(gridWorkbook({ S: rows }));
        const inOne = exprs.reduce((inner, e, i) => (i === 0 ? render(e, false) : `${render(e, false)}+(${inner})`), '');
        expect(result.valueAt('S', `A${exprs.length}`)).toBe(evaluateFormula(`=${inOne}`));
      }),
      { numRuns: 100 },
    );
  });
});
