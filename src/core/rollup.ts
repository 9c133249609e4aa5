/**
 * Roll-up of a plan along its code tree: leaves keep their own values, every parent is the sum of
 * its children, for any number of columns, in O(n · columns). Sums are exact decimals.
 *
 * Semantics match the native SUMIFS totals KH writes (a parent is the sum of the leaf rows below
 * it), so the add-in's check and the workbook's own formulas agree:
 * - a parent's own typed value is ignored (never counted twice);
 * - a row whose parent row is missing counts toward its nearest ancestor;
 * - a repeated code of a parent row mirrors that parent and is not counted again; a repeated leaf
 *   code counts each time (SUMIFS would too) and is reported by the outline.
 */
import { OutlineTree, buildOutline, canonicalCode } from './outline';
import { POW10, decimalFromNumber, decimalPlaces, pow10n, sumExact, toNumber } from './decimal';

export type Amount = number | null;

export interface RollupResult {
  /** Rows × columns, same shape as the input; null where the input was empty and stays so. */
  values: Amount[][];
  tree: OutlineTree;
  /** 1 where the row is a counted leaf. */
  leaf: Uint8Array;
}

/** Rows ordered deepest first, so every child is folded into its parent before the parent moves up. */
function deepestFirst(tree: OutlineTree): Int32Array {
  const n = tree.depth.length;
  let maxDepth = 0;
  for (let r = 0; r < n; r++) if (tree.depth[r] > maxDepth) maxDepth = tree.depth[r];
  const counts = new Int32Array(maxDepth + 2);
  for (let r = 0; r < n; r++) counts[maxDepth - tree.depth[r]]++;
  const starts = new Int32Array(maxDepth + 2);
  for (let d = 1; d <= maxDepth + 1; d++) starts[d] = starts[d - 1] + counts[d - 1];
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[starts[maxDepth - tree.depth[r]]++] = r;
  return order;
}

function classify(tree: OutlineTree): { leaf: Uint8Array; mirror: Uint8Array } {
  const n = tree.codes.length;
  const leaf = new Uint8Array(n);
  const mirror = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    if (tree.codes[r] === null) continue;
    const first = tree.firstOf[r];
    if (first !== r && tree.hasChildren[first]) mirror[r] = 1;
    else if (!tree.hasChildren[r]) leaf[r] = 1;
  }
  return { leaf, mirror };
}

/**
 * Folds one column up the tree. `raw` holds the leaves' values (0 elsewhere). Fast path: scale to
 * integers with the column's decimal places and add as doubles, exact while the sum of magnitudes
 * stays below 2^53; returns null to ask for the BigInt path otherwise.
 */
function foldFast(raw: Float64Array, places: number, parent: Int32Array, mirror: Uint8Array, order: Int32Array): Float64Array | null {
  const n = raw.length;
  const factor = POW10[places];
  const acc = new Float64Array(n);
  let bound = 0;
  for (let r = 0; r < n; r++) {
    const v = raw[r];
    if (v === 0) continue;
    const m = Math.round(v * factor);
    acc[r] = m;
    bound += m < 0 ? -m : m;
  }
  if (bound >= 2 ** 53) return null;
  for (let i = 0; i < n; i++) {
    const r = order[i];
    const p = parent[r];
    if (p >= 0 && mirror[r] === 0) acc[p] += acc[r];
  }
  if (places > 0) for (let r = 0; r < n; r++) acc[r] = acc[r] / factor;
  return acc;
}

function foldBig(raw: Float64Array, parent: Int32Array, mirror: Uint8Array, order: Int32Array): Float64Array {
  const n = raw.length;
  const digits: bigint[] = new Array(n).fill(0n);
  const scales = new Int32Array(n);
  let places = 0;
  for (let r = 0; r < n; r++) {
    if (raw[r] === 0) continue;
    const d = decimalFromNumber(raw[r]);
    digits[r] = d.digits;
    scales[r] = d.scale;
    if (d.scale > places) places = d.scale;
  }
  for (let r = 0; r < n; r++) if (digits[r] !== 0n) digits[r] *= pow10n(places - scales[r]);
  for (let i = 0; i < n; i++) {
    const r = order[i];
    const p = parent[r];
    if (p >= 0 && mirror[r] === 0) digits[p] += digits[r];
  }
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[r] = digits[r] === 0n ? 0 : toNumber({ digits: digits[r], scale: places });
  return out;
}

/**
 * Rolls every column up the tree of `codes`. `values[r][c]` is row r, column c (as Excel hands a
 * range over); null is an empty cell. Rows without a code keep their values untouched.
 */
export function rollup(codes: ReadonlyArray<unknown>, values: ReadonlyArray<ReadonlyArray<Amount>>): RollupResult {
  const tree = buildOutline(codes);
  return rollupTree(tree, values);
}

export function rollupTree(tree: OutlineTree, values: ReadonlyArray<ReadonlyArray<Amount>>): RollupResult {
  const n = tree.codes.length;
  if (values.length !== n) throw new RangeError(`rollup: ${n} codes but ${values.length} value rows`);
  const columns = n > 0 ? values[0].length : 0;
  const { leaf, mirror } = classify(tree);
  const order = deepestFirst(tree);

  // one row-major pass (the way Excel's arrays lie) moves leaf values into typed columns
  const raw: Float64Array[] = [];
  for (let c = 0; c < columns; c++) raw.push(new Float64Array(n));
  const places = new Int32Array(columns);
  const exotic = new Uint8Array(columns);
  for (let r = 0; r < n; r++) {
    if (leaf[r] === 0) continue;
    const row = values[r];
    for (let c = 0; c < columns; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === 0) continue;
      raw[c][r] = v;
      const k = decimalPlaces(v);
      if (k < 0) exotic[c] = 1;
      else if (k > places[c]) places[c] = k;
    }
  }
  const sums = raw.map((column, c) => (exotic[c] ? null : foldFast(column, places[c], tree.parent, mirror, order)) ?? foldBig(column, tree.parent, mirror, order));

  const out: Amount[][] = new Array(n);
  for (let r = 0; r < n; r++) {
    if (tree.codes[r] === null || leaf[r] === 1) {
      out[r] = values[r].slice();
      continue;
    }
    const source = mirror[r] ? tree.firstOf[r] : r;
    const row: Amount[] = new Array(columns);
    for (let c = 0; c < columns; c++) row[c] = sums[c][source];
    out[r] = row;
  }
  return { values: out, tree, leaf };
}

/**
 * The rolled-up value of one code in every column. A code without a row of its own still sums
 * the leaves below it ("DA3" over rows DA3.1, DA3.2). Null when nothing in the column belongs to it.
 */
export function rollupCode(codes: ReadonlyArray<unknown>, values: ReadonlyArray<ReadonlyArray<Amount>>, code: unknown): number[] | null {
  return rollupCodeInTree(buildOutline(codes), values, code);
}

export function rollupCodeInTree(tree: OutlineTree, values: ReadonlyArray<ReadonlyArray<Amount>>, code: unknown): number[] | null {
  const target = canonicalCode(code);
  if (target === null) return null;
  const result = rollupTree(tree, values);
  const own = tree.codes.indexOf(target);
  const columns = values.length > 0 ? values[0].length : 0;
  if (own >= 0) return result.values[own].map((v) => v ?? 0);
  const prefix = `${target}.`;
  const members: number[] = [];
  for (let r = 0; r < tree.codes.length; r++) {
    const c = tree.codes[r];
    if (c !== null && c.startsWith(prefix) && result.leaf[r]) members.push(r);
  }
  if (members.length === 0) return null;
  const totals: number[] = [];
  for (let c = 0; c < columns; c++) totals.push(sumExact(members.map((r) => values[r][c] ?? 0)));
  return totals;
}
