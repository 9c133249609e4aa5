/**
 * The golden corpus: plans written in the style of real ones, each a way of writing "Vốn và nguồn
 * vốn" or a summary (total with "trong đó", bullets two levels deep, "Không", đồng with the amount
 * in words, nghìn đồng, a summary in tỷ over detail in triệu, resources at two levels, NSNN not
 * split, NSĐP split ĐTPT/SN, a table pasted as text, totals only, ambiguous and unit-less
 * figures…). The spec read and the findings must equal expected.json
 * (`npx tsx test/document/accept.ts` writes a missing one, to be read before committing).
 */
import { DOC_RULES, blocksFromText, importBlocks, renderDocFinding } from '../../src/core/document';
import { readPlanDocument } from '../../src/document/docx';
import { docxFromText } from '../support/docx-builder';
import { goldenActual, goldenCases } from './golden-cases';

const cases = goldenCases();

test('the corpus holds at least 12 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(12);
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
  test('spec and findings equal expected.json', () => {
    const actual = goldenActual(c.input);
    if (c.expected === null) throw new Error(`${c.dir}/expected.json is missing; KH reads:\n${JSON.stringify(actual, null, 2)}`);
    expect(actual).toEqual(c.expected);
  });
});

test('the corpus makes most document rules fire somewhere (the rest are in rules.test.ts)', () => {
  const fired = new Set(cases.flatMap((c) => (c.expected?.findings ?? []).map((f) => f.rule)));
  expect(fired.size).toBeGreaterThanOrEqual(Math.floor(DOC_RULES.length / 2));
});

// a Biểu pasted into Word is a Word table: the same reading as the tab-separated lines of the text
const withTables = cases.filter((c) => blocksFromText(c.input).some((b) => b.kind === 'table'));

test('the corpus has tables pasted into the plan (money, Biểu 02, Biểu 03)', () => {
  expect(withTables.map((c) => c.name)).toEqual(expect.arrayContaining(['15-bang-bieu', '23-bieu-02-bang', '24-bieu-02-nguon-von', '25-bieu-03-bang']));
});

describe.each(withTables.map((c) => [c.name, c] as const))('%s as .docx', (_, c) => {
  test('its tables as Word tables give the spec and findings of expected.json', async () => {
    const { kind, blocks } = await readPlanDocument(new Uint8Array(await docxFromText(c.input, { runLength: 7 })));
    expect(kind).toBe('docx');
    expect(blocks.some((b) => b.kind === 'table')).toBe(true);
    const { spec, findings } = importBlocks(blocks);
    const { provenance: _provenance, ...rest } = spec;
    void _provenance;
    expect(rest).toEqual(c.expected?.spec);
    expect(findings.map(renderDocFinding).map((f) => ({ rule: f.rule, severity: f.severity, section: f.section, message: f.message.vi }))).toEqual(c.expected?.findings);
  });
});
