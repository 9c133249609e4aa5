/**
 * No spread of an array into a call's arguments anywhere in src: `findings.push(...x)`,
 * `Math.max(...x)` put every element on the stack and throw RangeError past ~120k elements (150k
 * findings, 130k activities did). Loops or the helpers of src/core/arrays.ts instead. Array and
 * object literals may spread (no stack is involved).
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every spread argument of a call or `new` in a source text, as `line: text`. */
export function spreadArguments(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const arg of node.arguments) {
        if (ts.isSpreadElement(arg)) found.push(`${source.getLineAndCharacterOfPosition(arg.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the finder sees spreads in calls and new, and not in literals', () => {
  expect(spreadArguments('x.ts', 'a.push(...b); Math.max(0, ...c.map(f)); new Set(...d); const e = [...f, ...g]; const h = { ...i }; f(\n  1,\n  ...j,\n);')).toHaveLength(4);
});

test('no call in src spreads an array into its arguments', () => {
  const offenders = sourceFiles(SRC).flatMap((file) => spreadArguments(file, readFileSync(file, 'utf8')).map((s) => `${relative(SRC, file)}:${s}`));
  expect(offenders).toEqual([]);
});
