/**
 * The calculator runs in the browser playground: plain TypeScript that imports only its own
 * modules (and the fake's types), and no Node, Office or browser globals.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

const DIR = join(__dirname, '..', '..', 'src', 'testing', 'calc');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

function withoutCommentsAndStrings(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

test('there is a calculator to check', () => {
  expect(files).toEqual(expect.arrayContaining(['parser.ts', 'engine.ts', 'functions.ts', 'fake.ts', 'index.ts']));
});

test.each(files)('%s imports only the calculator (and the fake as a type)', (file) => {
  const code = readFileSync(join(DIR, file), 'utf8');
  const imports = [...code.matchAll(/^(import|export)\s+(type\s+)?[^'"`;]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[3], typeOnly: m[2] !== undefined }));
  for (const { spec, typeOnly } of imports) {
    const ownModule = /^\.\/[a-z-]+$/.test(spec);
    const fakeTypes = spec === '../excel-fake' && typeOnly;
    expect({ file, spec, allowed: ownModule || fakeTypes }).toEqual({ file, spec, allowed: true });
  }
  expect(code).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
});

test.each(files)('%s uses no host globals', (file) => {
  const code = withoutCommentsAndStrings(readFileSync(join(DIR, file), 'utf8'));
  expect(code).not.toMatch(/\b(Office|Excel|process|window|document|Buffer|__dirname)\s*[.(]/);
});
