/**
 * The officer corpus as data: every folder of test/corpus/officer/, parsed and checked against the
 * schema, with a builder for its workbook (clean, or with a planted error's edits).
 *
 *   for (const c of loadCorpus()) {
 *     const clean = await c.build();                       // .xlsx bytes
 *     for (const e of c.errors) await c.build(e.edits);    // the workbook with that error planted
 *   }
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { ZodType } from 'zod';
import { buildXlsx } from './build';
import { CorpusEdit, CorpusExpected, CorpusInput, ErrorsSchema, ExpectedSchema, InputSchema, PlantedError } from './schema';

export const CORPUS_DIR = join(__dirname, 'officer');

export interface CorpusCase {
  /** The folder's name, "01-huyen-bieu01". */
  name: string;
  dir: string;
  input: CorpusInput;
  errors: PlantedError[];
  expected: CorpusExpected;
  /** The workbook as .xlsx bytes: clean, or with the given edits applied. */
  build(edits?: readonly CorpusEdit[]): Promise<Buffer>;
}

function readJson<T>(dir: string, file: string, schema: ZodType<T>): T {
  const path = join(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 8).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path} does not match the corpus schema:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** The case folders, in name order. */
export function corpusFolders(root: string = CORPUS_DIR): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

export function loadCase(name: string, root: string = CORPUS_DIR): CorpusCase {
  const dir = join(root, name);
  const input = readJson(dir, 'input.json', InputSchema);
  const errors = readJson(dir, 'errors.json', ErrorsSchema);
  const expected = readJson(dir, 'expected.json', ExpectedSchema);
  return { name, dir, input, errors, expected, build: (edits = []) => buildXlsx(input, edits) };
}

export function loadCorpus(root: string = CORPUS_DIR): CorpusCase[] {
  return corpusFolders(root).map((name) => loadCase(name, root));
}
