/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts (the webpack plugin
 * does the same at build time); this checks what Excel will read.
 */
import { join } from 'path';
import { readFileSync } from 'fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeMetadata } from '../../scripts/localize-metadata.cjs';

const ROOT = join(__dirname, '..', '..');
const IDS = ['ROLLUP', 'CHECK_SOURCES', 'BANGCHU', 'SOTIEN', 'DOIDONVI', 'TENDA', 'MADA', 'CHUYENMA', 'DOIUNG'];
// Excel's own function names an id must not shadow
const EXCEL_NAMES = ['SUM', 'SUMIF', 'SUMIFS', 'ROUND', 'TEXT', 'VALUE', 'CONVERT', 'INDEX', 'MATCH', 'LOOKUP', 'UNICODE', 'CODE', 'CHAR'];

interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; description?: string; optional?: boolean }>;
}

let functions: Fn[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(join(ROOT, 'src/functions/functions.ts'), false);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
});

test('functions.json holds exactly the KH functions', () => {
  expect(functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
});

test('ids are at least 3 characters and clash with no Excel function', () => {
  for (const f of functions) {
    expect(f.id.length).toBeGreaterThanOrEqual(3);
    expect(EXCEL_NAMES).not.toContain(f.id);
    expect(f.name).toBe(f.id);
  }
});

test('every function and every parameter has a Vietnamese description', () => {
  const vietnamese = /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i;
  for (const f of functions) {
    expect(f.description).toMatch(vietnamese);
    expect(f.parameters.length).toBeGreaterThan(0);
    for (const p of f.parameters) {
      expect({ fn: f.id, param: p.name, description: p.description }).toEqual({ fn: f.id, param: p.name, description: expect.stringMatching(/\S{3,}/) });
    }
  }
});

test('optional parameters are the ones the contract makes optional', () => {
  const optional = Object.fromEntries(functions.map((f) => [f.id, f.parameters.filter((p) => p.optional).map((p) => p.name)]));
  expect(optional).toEqual({
    ROLLUP: ['code'],
    CHECK_SOURCES: ['tolerance'],
    BANGCHU: ['unit', 'style'],
    SOTIEN: ['unit'],
    DOIDONVI: [],
    TENDA: ['programme'],
    MADA: ['programme'],
    CHUYENMA: ['encoding'],
    DOIUNG: ['group'],
  });
});

test('the en-US metadata translates every function and parameter, keeping ids', () => {
  const table = JSON.parse(readFileSync(join(ROOT, 'src/functions/en-US.json'), 'utf8'));
  const english = localizeMetadata({ functions }, table).functions as Fn[];
  expect(english.map((f) => f.id)).toEqual(functions.map((f) => f.id));
  for (const f of english) {
    expect(f.description).toMatch(/[a-z]{3,}/);
    for (const p of f.parameters) expect(p.description).toMatch(/\S{3,}/);
  }
  expect(english.find((f) => f.id === 'BANGCHU')?.name).toBe('INWORDS');
});

test('a missing English translation fails loudly', () => {
  const table = JSON.parse(readFileSync(join(ROOT, 'src/functions/en-US.json'), 'utf8'));
  delete table.DOIUNG.parameters.group;
  expect(() => localizeMetadata({ functions }, table)).toThrow(/DOIUNG: no English description for parameter group/);
});
