/**
 * The two real plans in ../shared/examples read as documents — from their text, and from .docx
 * files built from them (typed numbers; Word's auto-numbering; a header table): Lai Châu 2024
 * gives the seven items and 1.728 triệu, its known errors (the year 2023 left in a 2024 plan,
 * section V used twice) are found; Bình Lư 2025 gives 1.915 with no stated total. The .docx and
 * the text give the same plan.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { importBlocks, importText, renderDocFinding } from '../../src/core/document';
import { sumExact } from '../../src/core/money';
import { readPlanDocument } from '../../src/document/docx';
import { BINH_LU_2025, LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import type { PlanSpec } from '../../src/core/plan';
import { docxFromText } from '../support/docx-builder';
import { requireOrSkip } from '../support/requirements';

const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'examples');
const describeIfExamples = requireOrSkip(existsSync(EXAMPLES), `the real plans in ${EXAMPLES}`) ? describe : describe.skip;
const read = (f: string): string => readFileSync(join(EXAMPLES, f), 'utf8');

function total(spec: PlanSpec): number {
  return sumExact(spec.items.flatMap((i) => Object.values(i.amounts ?? {}) as number[]));
}

function withoutProvenance(spec: PlanSpec): Omit<PlanSpec, 'provenance'> {
  const { provenance: _p, ...rest } = spec;
  void _p;
  return rest;
}

describeIfExamples('Lai Châu 2024 from its text', () => {
  const { spec, findings } = importText(read('ke-hoach-2024-tp-lai-chau.txt'));

  test('the seven items with their codes, units and amounts, and 1.728 triệu in all', () => {
    expect(spec.items.map((i) => [i.code, i.amounts?.centralRecurrent, i.unitName])).toEqual(LAI_CHAU_2024.items.map((i) => [i.code, i.amounts?.centralRecurrent, i.unitName]));
    expect(total(spec)).toBe(1728);
    expect(spec.items.every((i) => Object.keys(i.amounts ?? {}).join() === 'centralRecurrent')).toBe(true);
  });

  test('the facts: issuer, level, area, province, year, signer; the stated NSTW (vốn sự nghiệp) total', () => {
    expect(spec).toMatchObject({ programme: '2021-2025', level: 'huyen', issuer: 'UBND thành phố Lai Châu', area: 'thành phố Lai Châu', province: 'Lai Châu', year: 2024, unit: 'trieu', signer: LAI_CHAU_2024.signer });
    expect(spec.statedTotals).toEqual({ central: 1728, centralRecurrent: 1728 });
  });

  test('every figure keeps its section and quote', () => {
    expect(spec.provenance?.['items.DA4.TDA1.centralRecurrent']).toEqual({ section: 'III.4.1.đ', quote: 'Nguồn vốn thực hiện: Dự kiến 685 triệu đồng.' });
    expect(spec.provenance?.['statedTotals.centralRecurrent']?.section).toBe('IV.1');
    expect(spec.provenance?.['statedTotals.centralRecurrent']?.quote).toMatch(/^Tổng kinh phí từ nguồn ngân sách Trung ương .* Dự kiến 1\.728 triệu đồng\.$/);
    for (const item of spec.items) expect(spec.provenance?.[`items.${item.code}.centralRecurrent`]?.section).toMatch(/^III\./);
  });

  test('the known text errors: the year 2023 twice in section I.1, section V used twice; the skipped 2 and 5 of section III', () => {
    const rendered = findings.map(renderDocFinding);
    const years = rendered.filter((f) => f.rule === 'DOC_YEAR');
    expect(years.map((f) => [f.section, f.message.vi])).toEqual([
      ['I.1', 'Văn bản ghi "năm 2023" trong kế hoạch năm 2024: có thể còn sót từ kế hoạch năm trước'],
      ['I.1', 'Văn bản ghi "năm 2023" trong kế hoạch năm 2024: có thể còn sót từ kế hoạch năm trước'],
    ]);
    expect(years[0].quote).toMatch(/của thành phố năm 2023\.»?$/);
    expect(years[1].quote).toMatch(/nhiệm vụ năm 2023\.$/);
    const repeated = rendered.filter((f) => f.rule === 'DOC_SECTION_REPEATED');
    expect(repeated.map((f) => [f.section, f.quote, f.message.en])).toEqual([['V', 'V. Tổ chức thực hiện', 'Section number "V." is used twice']]);
    expect(repeated[0].related[0].quote).toBe('V. Giải pháp chủ yếu');
    expect(rendered.filter((f) => f.rule === 'DOC_SECTION_SKIPPED').map((f) => f.section)).toEqual(['III.3', 'III.6']);
  });

  test('no error: the summary agrees with the detail; the unlabelled item figures are placed by the one source the document names, and it says so', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const inferred = findings.map(renderDocFinding).find((f) => f.rule === 'DOC_SOURCE_INFERRED');
    expect(inferred?.message.vi).toContain('NSTW vốn sự nghiệp');
    expect(inferred?.message.vi).toContain('III.1.đ, III.3.đ, III.4.1.đ, III.4.2.đ, III.6.đ, III.7.1.đ, III.7.2.đ');
  });
});

describeIfExamples('Bình Lư 2025 from its text', () => {
  const { spec, findings } = importText(read('ke-hoach-2025-xa-binh-lu.txt'));

  test('six items, 1.915 triệu, the lead implementing unit of each ("… chủ trì, phối hợp với …")', () => {
    expect(spec.items.map((i) => [i.code, i.amounts?.centralRecurrent])).toEqual(BINH_LU_2025.items.map((i) => [i.code, i.amounts?.centralRecurrent]));
    expect(spec.items.map((i) => i.unitName)).toEqual(['Phòng Kinh tế', 'Phòng Kinh tế', 'Phòng Văn hoá - xã hội', 'Phòng Văn hoá - xã hội', 'Phòng Văn hoá - xã hội', 'Phòng Kinh tế']);
    expect(total(spec)).toBe(1915);
    expect(spec).toMatchObject({ level: 'xa', issuer: 'UBND xã Bình Lư', area: 'xã Bình Lư', province: 'Lai Châu', year: 2025 });
    expect(spec.statedTotals).toBeUndefined();
  });

  test('no total stated (information, with the detail\'s 1.915), the number and date left blank; no error', () => {
    const rendered = findings.map(renderDocFinding);
    expect(rendered.map((f) => f.rule).sort()).toEqual(['DOC_DATE_BLANK', 'DOC_NO_TOTAL', 'DOC_NUMBER_BLANK', 'DOC_SOURCE_INFERRED']);
    expect(rendered.find((f) => f.rule === 'DOC_NO_TOTAL')?.message.vi).toBe('Văn bản không nêu tổng kinh phí; các dự án, tiểu dự án cộng lại được 1.915 triệu đồng');
    expect(rendered.find((f) => f.rule === 'DOC_NUMBER_BLANK')?.quote).toBe('Số: /KH-UBND');
  });

  test('the targets of section II.2, as the README of the examples lists them', () => {
    const targets = (spec.targets ?? []).map((t) => [t.planned, t.unit]);
    for (const expected of [[0.8, '%'], [185, 'lao động'], [61.7, '%'], [313, 'lao động'], [57, '%']]) expect(targets).toContainEqual(expected);
    expect(spec.targets?.find((t) => t.planned === 57)?.name).toBe('Tỷ lệ dân số được sử dụng nước sạch');
  });
});

describeIfExamples('the same plans from .docx built in the test', () => {
  test.each([
    ['ke-hoach-2024-tp-lai-chau.txt', 1728],
    ['ke-hoach-2025-xa-binh-lu.txt', 1915],
  ])('%s: typed numbers, runs split every few letters — the same spec and findings as the text', async (file, sum) => {
    const text = read(file);
    const bytes = await docxFromText(text, { runLength: 5 });
    const { kind, blocks } = await readPlanDocument(new Uint8Array(bytes));
    expect(kind).toBe('docx');
    const fromDocx = importBlocks(blocks);
    const fromText = importText(text);
    expect(withoutProvenance(fromDocx.spec)).toEqual(withoutProvenance(fromText.spec));
    expect(fromDocx.findings.map((f) => [f.rule, f.at.section])).toEqual(fromText.findings.map((f) => [f.rule, f.at.section]));
    expect(total(fromDocx.spec)).toBe(sum);
  });

  test('Lai Châu with Word\'s own auto-numbering: the numbers Word draws give the same sections and figures; Word cannot repeat or skip them', async () => {
    const text = read('ke-hoach-2024-tp-lai-chau.txt');
    const { blocks } = await readPlanDocument(new Uint8Array(await docxFromText(text, { autoNumber: true })));
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.autoNumber).map((b) => (b.kind === 'paragraph' ? b.autoNumber : '')).slice(0, 5)).toEqual(['I.', '1.', '2.', 'II.', '1.']);
    const { spec, findings } = importBlocks(blocks);
    expect(withoutProvenance(spec)).toEqual(withoutProvenance(importText(text).spec));
    expect(findings.map((f) => f.rule)).not.toContain('DOC_SECTION_REPEATED');
    expect(findings.filter((f) => f.rule === 'DOC_YEAR')).toHaveLength(2);
    // Word numbers section III 1, 2, 3…: the paragraph typed "3. Dự án 3" becomes 2.
    expect(spec.provenance?.['items.DA3.TDA2.centralRecurrent']?.section).toBe('III.2.đ');
  });

  test('Lai Châu with its header in a Word table: the number and date are read from the cells', async () => {
    const text = read('ke-hoach-2024-tp-lai-chau.txt');
    const header = { left: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ LAI CHÂU', 'Số: 45/KH-UBND'], right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lai Châu, ngày 15 tháng 01 năm 2024'] };
    const { blocks } = await readPlanDocument(new Uint8Array(await docxFromText(text, { header })));
    const { spec } = importBlocks(blocks);
    expect(spec).toMatchObject({ issuer: 'UBND thành phố Lai Châu', documentNumber: '45/KH-UBND', documentDate: '15/01/2024' });
    expect(spec.provenance?.issuer.quote).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU');
  });
});
