/**
 * The only formulas the fake computes: number literals with + - * / ^ %, unary signs and
 * parentheses (e.g. "=1+1", "=-5+2", "=(2+3)*4"). Anything else (references, functions, names,
 * text) is not computed: its value is what the test sets with `fake.setComputedValue`, else null.
 */
export type Computed = number | string | undefined;

export function evaluateConstantFormula(formula: string): Computed {
  if (!formula.startsWith('=')) return undefined;
  const src = formula.slice(1).replace(/\s+/g, '');
  if (src === '') return undefined;
  let pos = 0;
  let divByZero = false;

  const peek = (): string => src[pos] ?? '';
  function number(): number | undefined {
    const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  }
  function primary(): number | undefined {
    if (peek() === '(') {
      pos++;
      const v = sum();
      if (v === undefined || peek() !== ')') return undefined;
      pos++;
      return v;
    }
    return number();
  }
  function postfix(): number | undefined {
    let v = primary();
    while (v !== undefined && peek() === '%') {
      pos++;
      v = v / 100;
    }
    return v;
  }
  function unary(): number | undefined {
    if (peek() === '-') {
      pos++;
      const v = unary();
      return v === undefined ? undefined : -v;
    }
    if (peek() === '+') {
      pos++;
      return unary();
    }
    return postfix();
  }
  function power(): number | undefined {
    let v = unary();
    while (v !== undefined && peek() === '^') {
      pos++;
      const r = unary();
      if (r === undefined) return undefined;
      v = Math.pow(v, r);
    }
    return v;
  }
  function product(): number | undefined {
    let v = power();
    while (v !== undefined && (peek() === '*' || peek() === '/')) {
      const op = src[pos++];
      const r = power();
      if (r === undefined) return undefined;
      if (op === '/' && r === 0) divByZero = true;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum(): number | undefined {
    let v = product();
    while (v !== undefined && (peek() === '+' || peek() === '-')) {
      const op = src[pos++];
      const r = product();
      if (r === undefined) return undefined;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  const value = sum();
  if (value === undefined || pos !== src.length) return undefined;
  if (divByZero) return '#DIV/0!';
  if (!Number.isFinite(value)) return '#NUM!';
  return Number(value.toPrecision(15));
}

/** A cheap syntax check: unbalanced parentheses or quotes make Excel reject the formula. */
export function formulaLooksMalformed(formula: string): boolean {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') depth++;
    else if (!inString && ch === ')') {
      depth--;
      if (depth < 0) return true;
    }
  }
  return depth !== 0 || inString;
}
