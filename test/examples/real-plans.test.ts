/**
 * The two real plans in ../shared/examples, read as an officer would: every "Nguồn vốn thực
 * hiện: Dự kiến … triệu đồng" line, the project headings, and the stated total.
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { findAmount, sumExact } from '../../src/core/money';
import { amountToWords } from '../../src/core/words';
import { splitHeading, buildLabelTree } from '../../src/core/outline';
import { getCatalog, bestMatch } from '../../src/core/catalog';
import { rollup } from '../../src/core/rollup';
import { requireOrSkip } from '../support/requirements';

const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'examples');
const describeIfExamples = requireOrSkip(existsSync(EXAMPLES), `the real plans in ${EXAMPLES}`) ? describe : describe.skip;

function lines(file: string): string[] {
  return readFileSync(join(EXAMPLES, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The money lines of a plan: "Nguồn vốn thực hiện: Dự kiến 530 triệu đồng." */
function fundingAmounts(file: string): number[] {
  return lines(file)
    .filter((l) => /^[a-zđ]\) Nguồn vốn thực hiện/.test(l))
    .map((l) => {
      const found = findAmount(l.replace(/^.*:/, ''));
      if (!found || !found.ok) throw new Error(`no amount in: ${l}`);
      expect(found.unit).toBe('trieu');
      return found.value;
    });
}

describeIfExamples('Lai Châu 2024 (district, stated total 1.728 triệu đồng)', () => {
  const file = 'ke-hoach-2024-tp-lai-chau.txt';

  test('the seven funding lines are the amounts of the examples table and add to the stated total', () => {
    const amounts = fundingAmounts(file);
    expect(amounts).toEqual([530, 342, 685, 81, 17, 51, 22]);
    const stated = lines(file).find((l) => /^\d[\d.]* triệu đồng\.?$/.test(l)) as string;
    const statedTotal = findAmount(stated);
    expect(statedTotal).toMatchObject({ ok: true, value: 1728, unit: 'trieu' });
    expect(sumExact(amounts)).toBe(1728);
  });

  test('the total in words', () => {
    expect(amountToWords(1728, { unit: 'trieu' })).toMatchObject({ ok: true, text: 'Một tỷ bảy trăm hai mươi tám triệu đồng' });
  });

  test('the roman section "V." is used twice — the outline reports it', () => {
    const romans = lines(file).map((l) => splitHeading(l)).filter((h) => h?.label.kind === 'roman').map((h) => h?.label.raw);
    const tree = buildLabelTree(romans);
    expect(tree.issues).toContainEqual(expect.objectContaining({ kind: 'repeated', label: 'V.' }));
  });

  test('every project heading matches its catalogue entry; the roll-up of those codes is 1.728', () => {
    const catalog = getCatalog('2021-2025');
    const headings = lines(file)
      .map((l) => splitHeading(l))
      .filter((h) => h && /^(Dự án|Tiểu dự án) \d+:/.test(h.text))
      .map((h) => (h?.text ?? '').replace(/^(Dự án|Tiểu dự án) \d+:\s*/, ''));
    const codes = headings.map((name) => bestMatch(catalog, name)?.entry.code);
    expect(codes).toEqual(['DA2', 'DA3', 'DA4', 'DA4.TDA1', 'DA4.TDA3', 'DA6', 'DA7', 'DA7.TDA1', 'DA7.TDA2']);
    // Tiểu dự án headings without a number ("Tiểu dự án 2: Cải thiện dinh dưỡng") are not split by
    // splitHeading; the examples table gives them: DA3.TDA2 and DA6.TDA2.
    const rows: Array<[string, number | null]> = [
      ['DA2', 530], ['DA3', null], ['DA3.2', 342], ['DA4', null], ['DA4.1', 685], ['DA4.3', 81],
      ['DA6', null], ['DA6.2', 17], ['DA7', null], ['DA7.1', 51], ['DA7.2', 22],
    ];
    const { values, tree } = rollup(rows.map((r) => r[0]), rows.map((r) => [r[1]]));
    expect(sumExact(values.filter((_, i) => tree.parent[i] === -1).map((v) => v[0] ?? 0))).toBe(1728);
  });
});

describeIfExamples('Bình Lư 2025 (commune, no stated total)', () => {
  const file = 'ke-hoach-2025-xa-binh-lu.txt';
  test('the funding lines add to 1.915 triệu đồng — and "1.005" is one thousand and five', () => {
    const amounts = fundingAmounts(file);
    expect(amounts).toEqual([1005, 459, 210, 62, 121, 58]);
    expect(sumExact(amounts)).toBe(1915);
    expect(amountToWords(1915, { unit: 'trieu' })).toMatchObject({ ok: true, text: 'Một tỷ chín trăm mười lăm triệu đồng' });
  });
});
