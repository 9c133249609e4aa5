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

/** The parameters as Excel shows them, "[…]" around the optional ones: `KH.BANGCHU(số_tiền; [đơn_vị]; [tùy_chọn])`. */
function signatures(fns: Fn[]): Record<string, string> {
  return Object.fromEntries(fns.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')]));
}

const VIETNAMESE = {
  ROLLUP: 'mã; số_tiền; [mã_cần_lấy]',
  CHECK_SOURCES: 'tổng; các_nguồn; [sai_số]',
  BANGCHU: 'số_tiền; [đơn_vị]; [tùy_chọn]',
  SOTIEN: 'chuỗi; [đơn_vị]',
  DOIDONVI: 'số; từ; sang',
  TENDA: 'mã; [chương_trình]',
  MADA: 'tên; [chương_trình]',
  CHUYENMA: 'chữ; [bảng_mã]',
  DOIUNG: 'NSĐP; NSTW; [nhóm_tỉnh]',
};

test('parameters have Vietnamese names, the optional ones those the contract makes optional', () => {
  expect(signatures(functions)).toEqual(VIETNAMESE);
});

test('the user guide and the README show each function with the parameters Excel shows', () => {
  const guide = readFileSync(join(ROOT, 'docs/huong-dan.md'), 'utf8');
  for (const [id, params] of Object.entries(VIETNAMESE)) expect(guide).toContain(`\`KH.${id}(${params})\``);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const english = localizeMetadata({ functions }, JSON.parse(readFileSync(join(ROOT, 'src/functions/en-US.json'), 'utf8'))).functions as Fn[];
  for (const [id, params] of Object.entries(signatures(english))) expect(readme).toContain(`KH.${id}(${params.replace(/; /g, ', ')})`);
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
  expect(signatures(english)).toEqual({
    ROLLUP: 'codes; values; [code]',
    CHECK_SOURCES: 'total; sources; [tolerance]',
    BANGCHU: 'amount; [unit]; [style]',
    SOTIEN: 'text; [unit]',
    DOIDONVI: 'value; from; to',
    TENDA: 'code; [programme]',
    MADA: 'name; [programme]',
    CHUYENMA: 'text; [encoding]',
    DOIUNG: 'local; central; [group]',
  });
});

test('a missing English translation fails loudly', () => {
  const table = JSON.parse(readFileSync(join(ROOT, 'src/functions/en-US.json'), 'utf8'));
  delete table.DOIUNG.parameters['nhóm_tỉnh'];
  expect(() => localizeMetadata({ functions }, table)).toThrow(/DOIUNG: no English description for parameter nhóm_tỉnh/);
  const unnamed = JSON.parse(readFileSync(join(ROOT, 'src/functions/en-US.json'), 'utf8'));
  delete unnamed.BANGCHU.parameters['đơn_vị'].name;
  expect(() => localizeMetadata({ functions }, unnamed)).toThrow(/BANGCHU: no English name for parameter đơn_vị/);
});
