import fc from 'fast-check';
import {
  parseLabel,
  parseCode,
  canonicalCode,
  buildOutline,
  outlineGaps,
  buildLabelTree,
  splitHeading,
  formatLabel,
  romanToNumber,
  numberToRoman,
} from '../../src/core/outline';

describe('STT labels of plans', () => {
  test.each([
    ['I', 'roman', [1]],
    ['II.', 'roman', [2]],
    ['IV', 'roman', [4]],
    ['1', 'arabic', [1]],
    ['1.', 'arabic', [1]],
    ['4.2', 'arabic', [4, 2]],
    ['7.1.', 'arabic', [7, 1]],
    ['a)', 'letter', [1]],
    ['d)', 'letter', [4]],
    ['đ)', 'letter', [5]],
    ['e)', 'letter', [6]],
    ['g)', 'letter', [7]],
    ['-', 'dash', []],
    ['+', 'plus', []],
    ['A', 'part', [1]],
    ['B.', 'part', [2]],
  ])('%s is %s %j', (text, kind, numbers) => {
    expect(parseLabel(text)).toMatchObject({ kind, numbers });
  });

  test('the letter sequence puts đ after d and skips f, j, w, z', () => {
    expect(['a', 'b', 'c', 'd', 'đ', 'e', 'g'].map((_, i) => formatLabel('letter', [i + 1]))).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
    expect(parseLabel('f)')).toBeNull();
    expect(parseLabel('z)')).toBeNull();
  });

  test('levels nest I ⊃ 1 ⊃ 1.1 ⊃ a) ⊃ - ⊃ +', () => {
    const ranks = ['I', '1', '1.1', 'a)', '-', '+'].map((t) => parseLabel(t)?.rank ?? NaN);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  test('roman numerals both ways', () => {
    for (let n = 1; n <= 39; n++) expect(romanToNumber(numberToRoman(n))).toBe(n);
    expect(romanToNumber('IIII')).toBeNull();
  });

  test('headings of the Lai Châu plan split into label and text', () => {
    expect(splitHeading('4.1. Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn')).toMatchObject({
      label: { kind: 'arabic', numbers: [4, 1] },
      text: 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
    });
    expect(splitHeading('đ) Nguồn vốn thực hiện: Dự kiến 342 triệu đồng.')).toMatchObject({ label: { kind: 'letter', numbers: [5] } });
    expect(splitHeading('IV. KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH')).toMatchObject({ label: { kind: 'roman', numbers: [4] } });
    expect(splitHeading('- Hộ nghèo, hộ cận nghèo')).toMatchObject({ label: { kind: 'dash' } });
    expect(splitHeading('Căn cứ Công văn số 5114/UBND-TH')).toBeNull();
  });

  test('the parser never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.anything(), (x) => parseLabel(x) === null || typeof parseLabel(x) === 'object'), { numRuns: 3000 });
    fc.assert(fc.property(fc.string(), (s) => splitHeading(s) === null || typeof splitHeading(s) === 'object'), { numRuns: 3000 });
    fc.assert(fc.property(fc.string(), (s) => parseCode(s) === null || typeof parseCode(s) === 'object'), { numRuns: 3000 });
  });
});

describe('machine codes', () => {
  test.each([
    ['DA3', 'DA3'],
    ['DA3.1.2', 'DA3.1.2'],
    ['DA3.TDA2', 'DA3.2'],
    ['da3.tda2', 'DA3.2'],
    [' DA4.TDA1.3 ', 'DA4.1.3'],
    ['HP1.ND4', 'HP1.4'],
    ['1.2', '1.2'],
    [3, '3'],
  ])('%p → %s', (text, canonical) => {
    expect(canonicalCode(text)).toBe(canonical);
  });
  test.each(['', 'DA', 'DA3.', 'DA3..1', 'Dự án 3', 'DA-3', '3.0x', 'DA3.1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22'])('%p is not a code', (text) => {
    expect(canonicalCode(text)).toBeNull();
  });
});

describe('the tree of a code column', () => {
  const laiChau = ['DA2', 'DA3', 'DA3.2', 'DA4', 'DA4.1', 'DA4.3', 'DA6', 'DA6.2', 'DA7', 'DA7.1', 'DA7.2'];

  test('parents and depths', () => {
    const tree = buildOutline(laiChau);
    expect(Array.from(tree.parent)).toEqual([-1, -1, 1, -1, 3, 3, -1, 6, -1, 8, 8]);
    expect(Array.from(tree.depth)).toEqual([1, 1, 2, 1, 2, 2, 1, 2, 1, 2, 2]);
  });

  test('sub-project numbers are fixed: DA4 doing TDA1 and TDA3 shows a gap (information, not an error)', () => {
    const gaps = outlineGaps(buildOutline(laiChau));
    expect(gaps).toContainEqual(expect.objectContaining({ kind: 'gap', parent: 'DA4', missing: ['DA4.2'] }));
  });

  test('duplicates, orphans and malformed codes are reported', () => {
    const tree = buildOutline(['DA3', 'DA3.1', 'DA3.1', 'DA3.2.1', 'DA5.1', 'Dự án 3', null, '']);
    expect(tree.issues).toContainEqual({ kind: 'duplicate', code: 'DA3.1', rows: [1, 2] });
    expect(tree.issues).toContainEqual({ kind: 'orphan', code: 'DA3.2.1', row: 3, missingParent: 'DA3.2', attachedTo: 0 });
    expect(tree.issues).toContainEqual({ kind: 'orphan', code: 'DA5.1', row: 4, missingParent: 'DA5', attachedTo: -1 });
    expect(tree.issues).toContainEqual({ kind: 'malformed', row: 5, text: 'Dự án 3' });
    expect(tree.codes[6]).toBeNull();
  });

  test('parents may come after their children', () => {
    const tree = buildOutline(['DA3.1.1', 'DA3.1', 'DA3']);
    expect(Array.from(tree.parent)).toEqual([1, 2, -1]);
    expect(Array.from(tree.depth)).toEqual([3, 2, 1]);
  });
});

describe('the tree of an STT column', () => {
  test('the Lai Châu plan repeats "V." — reported', () => {
    const labels = ['I.', '1.', '2.', 'II.', 'III.', '1.', '3.', 'IV.', 'V.', 'V.'];
    const { issues } = buildLabelTree(labels);
    expect(issues).toContainEqual({ kind: 'repeated', row: 9, label: 'V.', previousRow: 8 });
    // III. 1. then 3.: number 2 skipped (the plan jumps from Dự án 1 to Dự án 3)
    expect(issues).toContainEqual({ kind: 'skipped', row: 6, label: '3.', expected: '2' });
  });

  test('nesting follows the ranks', () => {
    const { parent } = buildLabelTree(['I', '1', 'a)', '-', '+', 'b)', '2', 'II']);
    expect(Array.from(parent)).toEqual([-1, 0, 1, 2, 3, 1, 0, -1]);
  });
});
