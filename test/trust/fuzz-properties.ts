/**
 * Fuzzing properties, in one place: test/trust/fuzz.test.ts runs each with a few cases in CI,
 * scripts/fuzz.ts runs them for minutes or hours (`npm run fuzz`). Properties assert with
 * node:assert, so they run the same under Jest and under tsx.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parseAmount, formatAmount, findAmount, convertUnit, sumExact } from '../../src/core/money';
import { amountToWords, wordsToAmount, WordsOptions } from '../../src/core/words';
import { parseCode, formatCode, canonicalCode, parseLabel, formatLabel, buildOutline, buildLabelTree, splitHeading, LabelKind, ITEM_LETTERS } from '../../src/core/outline';
import { tcvn3ToUnicode, unicodeToTcvn3, vniToUnicode, unicodeToVni, TCVN3_CHARS, convertCellText, detectEncoding, convertLegacy, toNFC, normalizeTone, foldForMatch } from '../../src/core/text';
import { runChecks, findingsJson } from '../../src/core/checks/engine';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/book/snapshot';
import { catalogue, MessageKey, MessageParams } from '../../src/core/i18n';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { inspectWorkbook, TagCounter, WorkbookReadError } from '../../src/workbook/preflight';
import { goldenSnapshot } from '../golden/golden-workbook';
import { readZip, entry, writeZip } from './zip';
import { sheetAround, withDefinedNames } from './hostile-files';

export interface FuzzProperty {
  name: string;
  /** Cases in the CI campaign (the whole Jest campaign stays well under a minute). */
  ciRuns: number;
  /** Share of the long campaign's time (`--seconds`). */
  weight: number;
  make: () => fc.IRawProperty<unknown[]> | Promise<fc.IRawProperty<unknown[]>>;
}

// ---------------------------------------------------------------------------------------------
// arbitraries

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789.,  ()-tỷriệuđồngnghìn') }));

const UNITS = ['dong', 'nghin', 'trieu', 'ty'] as const;

const LOWER_VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'].flatMap((c) =>
  'aăâeêioôơuưy'.includes(c) ? ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (c + t).normalize('NFC')) : [c],
);
const ALL_VIETNAMESE = [...LOWER_VIETNAMESE, ...LOWER_VIETNAMESE.map((c) => c.toUpperCase())];
const SYLLABLES = ['cộng', 'hòa', 'xã', 'hội', 'chủ', 'nghĩa', 'việt', 'nam', 'kinh', 'phí', 'dự', 'án', 'giảm', 'nghèo', 'bền', 'vững', 'người', 'đồng', 'huyện', 'tỉnh', 'ngân', 'sách', 'trung', 'ương', 'địa', 'phương', 'hỗ', 'trợ', 'sản', 'xuất', 'nhà', 'ở', 'nước', 'sạch', 'giáo', 'dục', 'nghề', 'nghiệp', 'thông', 'tin', 'truyền', 'vốn', 'đầu', 'tư', 'phát', 'triển', 'sự', 'lồng', 'ghép', 'tín', 'dụng', 'chính', 'huy', 'động', 'khác', 'tổng', 'tiểu', 'hoạt'];
const vietnameseSentence = fc
  .array(fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom<'lower' | 'title' | 'upper'>('lower', 'title', 'upper')), { minLength: 3, maxLength: 14 })
  .map((ws) => ws.map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0].toUpperCase() + w.slice(1) : w)).join(' '));

const wordsOptions: fc.Arbitrary<WordsOptions> = fc.record({
  zeroTens: fc.constantFrom<'linh' | 'lẻ'>('linh', 'lẻ'),
  thousand: fc.constantFrom<'nghìn' | 'ngàn'>('nghìn', 'ngàn'),
  currency: fc.boolean(),
  chan: fc.boolean(),
});

const group = fc.oneof(fc.constantFrom(0, 1, 4, 5, 10, 11, 14, 15, 21, 24, 25, 100, 101, 104, 105, 110, 111, 115, 121, 124, 125, 999), fc.integer({ min: 0, max: 999 }));
const bigAmount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 27n - 1n }),
  fc.array(group, { minLength: 1, maxLength: 9 }).map((gs) => gs.reduce((n, g) => n * 1000n + BigInt(g), 0n)),
);

// ---------------------------------------------------------------------------------------------
// money

const money: FuzzProperty[] = [
  {
    name: 'money: parseAmount and findAmount answer every input with a typed result',
    ciRuns: 2000,
    weight: 1,
    make: () =>
      fc.property(fc.oneof(anyText, fc.anything()), (input) => {
        const r = parseAmount(input);
        if (r.ok) assert.ok(Number.isFinite(r.value) && ['plain', 'vi', 'en'].includes(r.notation));
        else assert.ok(['empty', 'invalid', 'unknown-unit', 'ambiguous'].includes(r.error));
        if (typeof input === 'string') {
          const found = findAmount(input);
          assert.ok(found === null || typeof found.ok === 'boolean');
        }
      }),
  },
  {
    name: 'money: what formatAmount writes, parseAmount reads back (vi, en, units, parentheses)',
    ciRuns: 1000,
    weight: 1,
    make: () =>
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.option(fc.constantFrom(...UNITS), { nil: undefined }), fc.boolean(), (n, places, locale, unit, paren) => {
        const v = n / 10 ** places;
        let text = formatAmount(paren ? Math.abs(v) : v, { maxDecimals: 3, locale, unit });
        if (paren) text = `(${text})`;
        const expected = paren ? -Math.abs(v) : v;
        const r = parseAmount(text);
        if (!r.ok) {
          // a single separator followed by exactly three digits has two honest readings
          assert.equal(r.error, 'ambiguous', text);
          if (r.error === 'ambiguous') assert.ok(r.candidates.some((c) => c === expected), text);
          return;
        }
        assert.ok(r.value === expected, `${text} → ${r.value}, expected ${expected}`);
        assert.equal(r.unit, unit ?? null, text);
      }),
  },
  {
    name: 'money: unit conversion there and back is the identity; exact sums equal integer sums',
    ciRuns: 1000,
    weight: 0.5,
    make: () =>
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 40 }), (n, places, a, b, ints) => {
        const v = n / 10 ** places;
        assert.ok(convertUnit(convertUnit(v, a, b), b, a) === v);
        const f = 10 ** places;
        assert.ok(sumExact(ints.map((i) => i / f)) === ints.reduce((x, y) => x + y, 0) / f);
      }),
  },
];

// ---------------------------------------------------------------------------------------------
// words

const words: FuzzProperty[] = [
  {
    name: 'words: amountToWords then wordsToAmount is the identity below 10^27 (signs, options, NFD, capitals, tỉ)',
    ciRuns: 1000,
    weight: 1,
    make: () =>
      fc.property(bigAmount, fc.boolean(), wordsOptions, fc.constantFrom('as is', 'upper', 'nfd', 'ti'), (n, negative, opts, variant) => {
        const signed = negative ? -n : n;
        const r = amountToWords(signed, opts);
        assert.ok(r.ok, String(signed));
        if (!r.ok) return;
        const text = variant === 'upper' ? r.text.toUpperCase() : variant === 'nfd' ? r.text.normalize('NFD') : variant === 'ti' ? r.text.replace(/tỷ/g, 'tỉ') : r.text;
        assert.deepEqual(wordsToAmount(text), { ok: true, dong: signed });
        assert.equal(r.text, r.text.normalize('NFC'));
        assert.doesNotMatch(r.text, /\s\s|^\s|\s$/);
      }),
  },
  {
    name: 'words: both directions answer any input with a typed result; what is read is read again the same',
    ciRuns: 1000,
    weight: 1,
    make: () => {
      const word = fc.constantFrom('không', 'một', 'mốt', 'hai', 'bốn', 'tư', 'năm', 'lăm', 'chín', 'mười', 'mươi', 'trăm', 'linh', 'lẻ', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'âm', 'đồng', 'chẵn', ',', 'xyz');
      const amount = fc.oneof(fc.double(), fc.bigInt(), fc.string(), fc.constantFrom('1e30', '-0', '0.5', ' 12 ', 'NaN', '1.728', '1,5'), fc.integer());
      return fc.property(fc.oneof(anyText, fc.array(word, { maxLength: 14 }).map((w) => w.join(' '))), amount, fc.option(fc.constantFrom(...UNITS), { nil: undefined }), (text, x, unit) => {
        const read = wordsToAmount(text);
        if (read.ok) {
          assert.equal(typeof read.dong, 'bigint');
          const magnitude = read.dong < 0n ? -read.dong : read.dong;
          if (magnitude < 10n ** 27n) {
            const again = amountToWords(read.dong);
            assert.ok(again.ok);
            if (again.ok) assert.deepEqual(wordsToAmount(again.text), read);
          }
        } else assert.ok(['empty', 'unknown-word', 'bad-order'].includes(read.error));
        const w = amountToWords(x, { unit });
        if (w.ok) assert.ok(w.text.length > 0 && typeof w.dong === 'bigint');
        else assert.ok(['not-a-number', 'too-large'].includes(w.error));
      });
    },
  },
];

// ---------------------------------------------------------------------------------------------
// outline codes and labels

const labelArb: fc.Arbitrary<{ kind: LabelKind; numbers: number[] }> = fc.oneof(
  fc.integer({ min: 1, max: 39 }).map((n) => ({ kind: 'roman' as const, numbers: [n] })),
  fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 6 }).map((numbers) => ({ kind: 'arabic' as const, numbers })),
  fc.integer({ min: 1, max: ITEM_LETTERS.length }).map((n) => ({ kind: 'letter' as const, numbers: [n] })),
  fc.integer({ min: 1, max: 12 }).map((n) => ({ kind: 'part' as const, numbers: [n] })),
  fc.constantFrom<LabelKind>('dash', 'plus').map((kind) => ({ kind, numbers: [] as number[] })),
);

const codeCell = fc.oneof(
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }).map((p) => `DA${p.join('.')}`),
  fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).map((p) => `DA${p[0]}${p.slice(1).map((x, i) => (i === 0 ? `.TDA${x}` : `.${x}`)).join('')}`),
  fc.constantFrom(null, '', ' ', 'TONG', 'DA', 'DA1..2', 'da3.tda2', 'HP1.ND4', '1.2', 42, 0, -1, 3.5, 'DA1.2.3.4.5.6.7.8.9.10.11.12.13'),
  fc.string({ maxLength: 12 }),
);

const outline: FuzzProperty[] = [
  {
    name: 'outline: formatCode then parseCode is the identity; canonicalCode is idempotent',
    ciRuns: 1000,
    weight: 0.5,
    make: () =>
      fc.property(fc.stringMatching(/^[A-Z]{0,4}$/), fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 12 }), fc.oneof(anyText, codeCell), (prefix, path, text) => {
        assert.deepEqual(parseCode(formatCode({ prefix, path })), { prefix, path });
        const c = canonicalCode(text);
        if (c !== null) assert.equal(canonicalCode(c), c);
      }),
  },
  {
    name: 'outline: every label KH formats reads back as itself; parsing never throws',
    ciRuns: 1000,
    weight: 0.5,
    make: () =>
      fc.property(labelArb, fc.constantFrom('', '.', ')'), fc.oneof(anyText, fc.anything()), ({ kind, numbers }, end, junk) => {
        const text = formatLabel(kind, numbers);
        // a letter is a label only with its bracket ("đ)"), a bare one is a word
        const raw = kind === 'letter' ? `${text})` : kind === 'dash' || kind === 'plus' ? text : `${text}${end}`;
        const read = parseLabel(raw);
        assert.ok(read, raw);
        assert.deepEqual({ kind: read?.kind, numbers: read?.numbers }, { kind, numbers }, raw);
        const parsed = parseLabel(junk);
        assert.ok(parsed === null || typeof parsed.rank === 'number');
        if (typeof junk === 'string') {
          const h = splitHeading(junk);
          assert.ok(h === null || typeof h.text === 'string');
        }
      }),
  },
  {
    name: 'outline: the tree of any code column has parents that are ancestors and consistent depths',
    ciRuns: 500,
    weight: 1,
    make: () =>
      fc.property(fc.array(codeCell, { maxLength: 60 }), fc.array(fc.oneof(anyText, fc.constantFrom('I', 'II', '1', '1.1', 'a)', 'b)', 'đ)', '-', '+', 'A', 'B', 1, 2)), { maxLength: 40 }), (column, labels) => {
        const tree = buildOutline(column);
        assert.equal(tree.codes.length, column.length);
        for (let r = 0; r < column.length; r++) {
          const code = tree.codes[r];
          const p = tree.parent[r];
          if (code === null) {
            assert.equal(tree.depth[r], 0);
            assert.equal(p, -1);
            continue;
          }
          if (p >= 0) {
            assert.notEqual(p, r);
            assert.ok(code.startsWith(`${tree.codes[p]}.`), `${tree.codes[p]} is not an ancestor of ${code}`);
            assert.equal(tree.depth[r], tree.depth[p] + 1);
            assert.equal(tree.hasChildren[p], 1);
          } else assert.equal(tree.depth[r], 1);
        }
        const labelTree = buildLabelTree(labels);
        assert.ok(Array.isArray(labelTree.issues));
      }),
  },
];

// ---------------------------------------------------------------------------------------------
// legacy text

const text: FuzzProperty[] = [
  {
    name: 'text: TCVN3 and VNI round trips; conversion output is NFC',
    ciRuns: 1000,
    weight: 1,
    make: () => {
      const tcvn = fc.string({ unit: fc.constantFrom(...TCVN3_CHARS, ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789'), maxLength: 60 });
      const lower = fc.string({ unit: fc.constantFrom(...LOWER_VIETNAMESE, ' '), maxLength: 60 });
      const mixed = fc.string({ unit: fc.constantFrom(...ALL_VIETNAMESE, ' ', '1', ','), maxLength: 60 });
      return fc.property(tcvn, lower, mixed, anyText, (t, l, m, any) => {
        assert.equal(unicodeToTcvn3(tcvn3ToUnicode(t)), t);
        assert.equal(tcvn3ToUnicode(unicodeToTcvn3(l)), l);
        assert.equal(vniToUnicode(unicodeToVni(m)), m);
        for (const enc of ['tcvn3', 'vni', 'unicode'] as const) {
          const out = convertLegacy(any, enc);
          assert.equal(out, out.normalize('NFC'));
        }
      });
    },
  },
  {
    name: 'text: cell conversion and detection answer anything; Unicode Vietnamese is never taken for legacy text',
    ciRuns: 1000,
    weight: 1,
    make: () =>
      fc.property(fc.oneof(anyText, fc.anything()), fc.option(fc.constantFrom('.VnTime', '.VnTimeH', 'VNI-Times', 'Times New Roman', 'Arial', 'Calibri', ''), { nil: null }), fc.option(fc.string(), { nil: null }), vietnameseSentence, (value, font, formula, sentence) => {
        const r = convertCellText({ value, font, formula });
        assert.equal(typeof r.changed, 'boolean');
        if (typeof value !== 'string') assert.equal(r.changed, false);
        if (typeof value === 'string') {
          const g = detectEncoding(value, font);
          assert.ok(g.confidence >= 0 && g.confidence <= 1);
        }
        for (const f of [null, 'Times New Roman', 'Arial']) {
          const c = convertCellText({ value: sentence, font: f });
          assert.equal(c.changed, false, `"${sentence}" in ${f ?? 'no font'} read as ${c.encoding}`);
        }
      }),
  },
  {
    name: 'text: NFC, tone placement and folding are idempotent',
    ciRuns: 1000,
    weight: 0.5,
    make: () =>
      fc.property(fc.oneof(anyText, vietnameseSentence, fc.string({ unit: fc.constantFrom(...ALL_VIETNAMESE, ' ', '\u0300', '\u0301', '\u0323'), maxLength: 40 })), fc.constantFrom<'old' | 'new'>('old', 'new'), (s, style) => {
        assert.equal(toNFC(toNFC(s)), toNFC(s));
        assert.equal(normalizeTone(normalizeTone(s, style), style), normalizeTone(s, style));
        assert.equal(foldForMatch(foldForMatch(s)), foldForMatch(s));
      }),
  },
];

// ---------------------------------------------------------------------------------------------
// the snapshot reader

/** Characters XML 1.0 cannot carry: exceljs writes them raw, so such a file does not read back. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type CellKind =
  | { t: 'number'; v: number }
  | { t: 'string'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'date'; v: Date }
  | { t: 'formula'; f: string; result?: number | string }
  | { t: 'rich'; parts: string[] }
  | { t: 'link'; text: string; url: string }
  | { t: 'error'; e: string };

const cellArb: fc.Arbitrary<CellKind> = fc.oneof(
  fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e308, 5e-324, 1728, 0.1, 76.47)).map((v) => ({ t: 'number' as const, v })),
  fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('', ' ', '=SUM(A1)', '1.728', 'Céng hßa', '<b>&amp;</b>', 'a\nb', 'DA4.TDA1', 'TONG')).map((v) => ({ t: 'string' as const, v })),
  fc.boolean().map((v) => ({ t: 'bool' as const, v })),
  fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((v) => ({ t: 'date' as const, v })),
  fc.record({ f: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('SUM(A1:B2)', 'A1+1', 'KH.BANGCHU(A1)', '#REF!+1', "'Sheet 1'!A1", 'SUMIFS(E:E,O:O,"DA4.*")')), result: fc.option(fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 8 })), { nil: undefined }) }).map((r) => ({ t: 'formula' as const, ...r })),
  fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }).map((parts) => ({ t: 'rich' as const, parts })),
  fc.record({ text: fc.string({ maxLength: 10 }), url: fc.webUrl() }).map((r) => ({ t: 'link' as const, ...r })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?').map((e) => ({ t: 'error' as const, e })),
);

function exceljsValue(c: CellKind): ExcelJS.CellValue {
  switch (c.t) {
    case 'number':
    case 'string':
    case 'bool':
    case 'date':
      return c.v;
    case 'formula':
      return { formula: c.f, result: c.result } as ExcelJS.CellFormulaValue;
    case 'rich':
      return { richText: c.parts.map((text) => ({ text })) };
    case 'link':
      return { text: c.text, hyperlink: c.url };
    case 'error':
      return { error: c.e } as ExcelJS.CellErrorValue;
  }
}

function textsOf(c: CellKind): string[] {
  switch (c.t) {
    case 'string':
      return [c.v];
    case 'formula':
      return [c.f, typeof c.result === 'string' ? c.result : ''];
    case 'rich':
      return c.parts;
    case 'link':
      return [c.text, c.url];
    default:
      return [];
  }
}

const sheetNameArb = fc.string({ unit: fc.constantFrom(...'ABCDĐabcdđ0123456789 Tổnghợpkếạ&_-().,'), minLength: 1, maxLength: 31 }).filter((s) => s.trim() === s && !/^history$/i.test(s) && s.length > 0);

const workbookArb = fc.record({
  sheets: fc.uniqueArray(
    fc.record({
      name: sheetNameArb,
      state: fc.constantFrom<'visible' | 'hidden' | 'veryHidden'>('visible', 'visible', 'hidden', 'veryHidden'),
      cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 30 }), cell: cellArb, numFmt: fc.option(fc.constantFrom('#,##0', '0.00%', '#,##0;-#,##0;"-"', 'dd/mm/yyyy', '@'), { nil: undefined }), font: fc.option(fc.constantFrom('.VnTime', 'VNI-Times', 'Times New Roman'), { nil: undefined }) }), { maxLength: 40 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
      hidden: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() },
  ),
});

type WorkbookSpec = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

async function writeRandomWorkbook(spec: WorkbookSpec): Promise<{ bytes: Buffer; written: ExcelJS.Workbook } | null> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    for (const c of s.cells) {
      const cell = ws.getCell(c.row, c.col);
      cell.value = exceljsValue(c.cell);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.font) cell.font = { name: c.font };
    }
    for (const [r, col, h, w] of s.merges) {
      try {
        ws.mergeCells(r, col, r + h, col + w);
      } catch {
        // overlapping merges are refused by exceljs itself: not what is under test
      }
    }
    for (const r of s.hidden) ws.getRow(r).hidden = true;
  }
  try {
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), written: wb };
  } catch {
    return null;
  }
}

/** Reading must answer with a snapshot or KH's own error — nothing else, ever. */
async function readOrRefuse(bytes: Buffer): Promise<WorkbookSnapshot | WorkbookReadError> {
  try {
    return await xlsxToSnapshot(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
}

let smallBase: Promise<Buffer> | null = null;
/** A small workbook with shared strings, styles, merges, two sheets: the seed of the mutations. */
function mutationBase(): Promise<Buffer> {
  smallBase ??= (async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Tổng hợp');
    a.getCell('A1').value = 'Kế hoạch vốn';
    a.getCell('B2').value = 1728;
    a.getCell('C2').value = { formula: 'SUM(B2:B3)', result: 1728 } as ExcelJS.CellFormulaValue;
    a.getCell('D3').value = { richText: [{ text: 'Dự án ', font: { bold: true } }, { text: '1' }] };
    a.mergeCells('A5:C6');
    a.getCell('E1').numFmt = '#,##0';
    a.getCell('E1').value = 0.5;
    const b = wb.addWorksheet('DA4');
    b.getCell('O7').value = 'DA4.1';
    b.getCell('E7').value = { formula: "'Tổng hợp'!B2*2" } as ExcelJS.CellFormulaValue;
    b.getCell('A8').value = true;
    (b as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('P7', { type: 'list', allowBlank: true, formulae: ['"chi tiết,nhóm"'] });
    wb.definedNames.add("'Tổng hợp'!$B$2", 'KH_TongCong');
    return Buffer.from(await wb.xlsx.writeBuffer());
  })();
  return smallBase;
}

/** Tokens that make XML odd in ways a real file can be odd: references, indices, sizes. */
const XML_TOKENS = [
  '<row r="0">', '<row r="1048577">', '<c r="XFE1"><v>1</v></c>', '<c r="A1" t="s"><v>999999</v></c>', '<c r="A1" s="9999"/>', '<c r="A1" t="e"><v>#REF!</v></c>', '<c r="A1" t="b"><v>2</v></c>',
  '<c r="A1"><v>1e309</v></c>', '<c r="A1"><v>-</v></c>', '<c r="A1" t="d"><v>not a date</v></c>', '<mergeCell ref="A1:A1"/>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="ZZZZ1:A1"/>', '<f t="shared" si="7"/>', '<f t="shared" ref="A1:C3" si="0">A1</f>',
  '<dimension ref="A1:XFD2"/>', '<sheetFormatPr defaultRowHeight="-1"/>', '<col min="5" max="1" width="NaN"/>', '<definedName name="x">#REF!</definedName>', '&amp;', '&#0;', '&#xD800;', '<![CDATA[x]]>', '<!-- -->', '<?pi x?>',
  '</row>', '</c>', '<', '>', '"', "'", '\u0000', '\uFFFF', ' xmlns:x="y"', ' r="A0"', ' s="-1"', ' t="inlineStr"', '<is><t>x</t></is>', '<hyperlink ref="A1" r:id="rId99"/>', '<sheet name="x" sheetId="9" r:id="rId99"/>',
  // round two: the quoting, spacing, entities and long rows that got past the regex pre-flight
  "<mergeCell ref='A1:XFD1048576'/>", '<mergeCell ref = "A1&#58;XFD1048576" />', '<mergeCell ref="A1:XFD1048576x"/>', '<mergeCell ref="A1:B99999999"/>', '<c r="A99999999"><v>1</v></c>', '<row r="99999999">',
  "<dataValidation sqref='A1:XFD1048576'/>", '<col min="1" max="300000000"/>', '<selection sqref="A1:A99999999"/>', '<conditionalFormatting sqref="A1:XFD99999999"/>', '<definedName name="V">S!$B$99999999</definedName>', "<definedName name='W'>'S'!$A$1&#58;$XFD$1048576</definedName>",
];

/** A place in a file, uniform over its length (fast-check's doubles crowd near zero). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

const reader: FuzzProperty[] = [
  {
    name: 'reader: random workbooks written by exceljs are read (never refused unless not XML), values come back',
    ciRuns: 40,
    weight: 3,
    make: () =>
      fc.asyncProperty(workbookArb, async (spec) => {
        const out = await writeRandomWorkbook(spec);
        if (!out) return;
        const { bytes, written } = out;
        const r = await readOrRefuse(bytes);
        const allCells = spec.sheets.flatMap((s) => s.cells);
        const xmlSafe = allCells.every((c) => textsOf(c.cell).every((t) => !NOT_XML.test(t))) && spec.sheets.every((s) => !NOT_XML.test(s.name));
        if (r instanceof WorkbookReadError) {
          // NaN and ±Infinity are written by exceljs as <v>NaN</v>: no number Excel holds, refused naming the cell
          const unreadable = allCells.some((c) => c.cell.t === 'number' && !Number.isFinite(c.cell.v));
          assert.ok(!xmlSafe || (unreadable && r.problem.key === 'input.badNumber'), `a workbook exceljs wrote was refused: ${r.problem.key}`);
          return;
        }
        assert.deepEqual(r.sheets.map((s) => s.name), spec.sheets.map((s) => s.name));
        // the last write to a cell wins, as in exceljs
        for (const [i, s] of spec.sheets.entries()) {
          const merged = (row: number, col: number): boolean => {
            const ws = written.getWorksheet(s.name);
            return Boolean(ws && ws.getCell(row, col).isMerged && ws.getCell(row, col).master.address !== ws.getCell(row, col).address);
          };
          const last = new Map<string, { cell: CellKind; numFmt?: string }>();
          for (const c of s.cells) last.set(`${c.row},${c.col}`, { cell: c.cell, numFmt: c.numFmt ?? last.get(`${c.row},${c.col}`)?.numFmt });
          for (const [key, { cell, numFmt }] of last) {
            const [row, col] = key.split(',').map(Number);
            // a merged cell other than the top-left one holds nothing (exceljs, as Excel)
            if (merged(row, col)) continue;
            const got: unknown = r.sheets[i].values[row - 1]?.[col - 1];
            // a number under a date format is read as that date, as Excel shows it
            if (cell.t === 'number' && Number.isFinite(cell.v) && !/[dmy]/.test(numFmt ?? '')) assert.ok(got === cell.v, `${s.name}!${key}: ${String(got)} ≠ ${cell.v}`);
            // characters XML cannot carry come back however exceljs wrote them; \r is read as \n, as XML says
            if (cell.t === 'string' && cell.v !== '' && !/\r/.test(cell.v) && !NOT_XML.test(cell.v)) assert.equal(got, cell.v, `${s.name}!${key}`);
            if (cell.t === 'bool') assert.equal(got, cell.v);
            if (cell.t === 'formula' && cell.f !== '' && !/\r/.test(cell.f) && !NOT_XML.test(cell.f)) assert.equal(r.sheets[i].formulas[row - 1]?.[col - 1], `=${cell.f}`, `${s.name}!${key}`);
          }
        }
        runChecks(r);
      }),
  },
  {
    name: 'reader: a workbook with bytes flipped, cut or spliced gives a snapshot or KH’s own error',
    ciRuns: 60,
    weight: 2,
    make: () =>
      fc.asyncProperty(
        fc.array(fc.record({ at: fraction, byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
        fc.option(fraction, { nil: undefined }),
        fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
        async (flips, cut, splice) => {
          const base = Buffer.from(await mutationBase());
          for (const f of flips) base[Math.min(base.length - 1, Math.floor(f.at * base.length))] = f.byte;
          let bytes = cut === undefined ? base : base.subarray(0, Math.floor(cut * base.length));
          if (splice) bytes = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from(splice), bytes.subarray(bytes.length >> 1)]);
          const r = await readOrRefuse(bytes);
          if (!(r instanceof WorkbookReadError)) runChecks(r);
        },
      ),
  },
  {
    name: 'reader: XML parts edited at random (odd references, indices, entities, tags) give a snapshot or KH’s own error',
    ciRuns: 60,
    weight: 3,
    make: () =>
      fc.asyncProperty(
        fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'),
        fc.array(fc.record({ at: fraction, op: fc.constantFrom('insert', 'delete', 'replace'), token: fc.oneof(fc.constantFrom(...XML_TOKENS), fc.string({ maxLength: 6 })), length: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 5 }),
        async (part, edits) => {
          const parts = readZip(await mutationBase());
          const target = parts.find((p) => p.name === part);
          if (!target) return;
          let xml = target.content.toString('utf8');
          for (const e of edits) {
            const i = Math.floor(e.at * xml.length);
            if (e.op === 'insert') xml = xml.slice(0, i) + e.token + xml.slice(i);
            else if (e.op === 'delete') xml = xml.slice(0, i) + xml.slice(i + e.length);
            else xml = xml.slice(0, i) + e.token + xml.slice(i + e.token.length);
          }
          const bytes = writeZip(parts.map((p) => entry(p.name, p.name === part ? xml : p.content)));
          const r = await readOrRefuse(bytes);
          if (!(r instanceof WorkbookReadError)) runChecks(r);
        },
      ),
  },
  {
    name: 'pre-flight: tag counts do not depend on where the stream is cut into chunks',
    ciRuns: 500,
    weight: 0.5,
    make: () =>
      fc.property(fc.array(fc.constantFrom('<row', '<row>', '<c', '<c ', '<c>', '<col', '<cfRule', '<si>', '<si ', '>', '/', ' ', '\n', 'x', '<', 'r="1"'), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const s = pieces.join('');
        const tags = [Buffer.from('<row'), Buffer.from('<c'), Buffer.from('<si')];
        const whole = new TagCounter(tags);
        whole.feed(Buffer.from(s));
        const points = [...new Set(cuts.map((c) => (s.length === 0 ? 0 : c % (s.length + 1))))].sort((a, b) => a - b);
        const split = new TagCounter(tags);
        let from = 0;
        for (const p of [...points, s.length]) {
          split.feed(Buffer.from(s.slice(from, p)));
          from = p;
        }
        assert.deepEqual(split.counts, whole.counts);
      }),
  },
  {
    name: 'pre-flight: a range attribute written any way XML allows (quotes, spaces, entities, prefixes, long rows) is read as its plain form',
    ciRuns: 150,
    weight: 1,
    make: () => {
      const column = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(16_383, 16_384, 16_385, 18_278, 475_254), fc.integer({ min: 1, max: 20_000 }));
      const row = fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(1_048_575, 1_048_576, 1_048_577, 99_999_999, 2 ** 31), fc.integer({ min: 1, max: 2_000_000 }));
      const end = fc.record({ col: column, row, colAbs: fc.boolean(), rowAbs: fc.boolean() });
      const ref = fc.tuple(end, fc.option(end, { nil: undefined }));
      const construct = fc.constantFrom('mergeCell', 'dataValidation', 'conditionalFormatting', 'selection', 'hyperlink', 'autoFilter', 'definedName', 'cell', 'col');
      const style = fc.record({ quote: fc.constantFrom('"', "'"), before: fc.constantFrom('', ' ', '\n\t'), after: fc.constantFrom('', ' ', '\r\n'), entities: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }), hex: fc.boolean(), prefix: fc.boolean() });
      const letters = (n: number): string => {
        let s = '';
        for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
        return s;
      };
      const endText = (e: { col: number; row: number; colAbs: boolean; rowAbs: boolean }): string => `${e.colAbs ? '$' : ''}${letters(e.col)}${e.rowAbs ? '$' : ''}${e.row}`;
      const encode = (text: string, st: { entities: number[]; hex: boolean }): string =>
        [...text].map((ch, i) => (st.entities.includes(i) ? (st.hex ? `&#x${ch.codePointAt(0)?.toString(16)};` : `&#${ch.codePointAt(0)};`) : ch === '&' ? '&amp;' : ch)).join('');
      const build = (kind: string, value: string, plain: boolean, st: { quote: string; before: string; after: string; entities: number[]; hex: boolean; prefix: boolean }): Buffer => {
        const q = plain ? '"' : st.quote;
        const v = plain ? value.replace(/&/g, '&amp;') : encode(value, st);
        const attr = (name: string, val = v): string => (plain ? ` ${name}="${val}"` : ` ${name}${st.before}=${st.after}${q}${val}${q}`);
        const x = !plain && st.prefix ? 'x:' : '';
        const ns = x ? ` xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
        if (kind === 'definedName') return withDefinedNames(`<${x}definedName${ns}${attr('name', 'Vung')}>Sheet1!${v}</${x}definedName>`);
        if (kind === 'cell') return sheetAround('', '', `<row r="1"><${x}c${ns}${attr('r')}><v>1</v></${x}c></row>`);
        if (kind === 'col') return sheetAround(`<cols><${x}col${ns}${attr('min', '1')}${attr('max')}/></cols>`, '');
        if (kind === 'selection') return sheetAround(`<sheetViews><sheetView workbookViewId="0"><${x}selection${ns}${attr('sqref')}/></sheetView></sheetViews>`, '');
        const tail: Record<string, string> = {
          mergeCell: `<mergeCells><${x}mergeCell${ns}${attr('ref')}/></mergeCells>`,
          dataValidation: `<dataValidations><${x}dataValidation${ns} type="list"${attr('sqref')}><formula1>"a,b"</formula1></${x}dataValidation></dataValidations>`,
          conditionalFormatting: `<${x}conditionalFormatting${ns}${attr('sqref')}><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></${x}conditionalFormatting>`,
          hyperlink: `<hyperlinks><${x}hyperlink${ns}${attr('ref')} location="A1"/></hyperlinks>`,
          autoFilter: `<${x}autoFilter${ns}${attr('ref')}/>`,
        };
        return sheetAround('', tail[kind]);
      };
      const outcome = async (bytes: Buffer): Promise<string> => {
        try {
          const i = await inspectWorkbook(bytes);
          return `ok merged=${i.merged} validated=${i.validated} named=${i.named} cells=${i.cells}`;
        } catch (error) {
          if (!(error instanceof WorkbookReadError)) throw error;
          const params = { ...(error.problem.params ?? {}) } as Record<string, unknown>;
          delete params.what; // the tag as written names the prefix
          return `${error.problem.key} ${JSON.stringify(params)}`;
        }
      };
      return fc.asyncProperty(construct, ref, style, async (kind, [a, b], st) => {
        const value = kind === 'col' ? String(a.col) : b ? `${endText(a)}:${endText(b)}` : endText(a);
        const plain = await outcome(build(kind, value, true, st));
        const written = await outcome(build(kind, value, false, st));
        assert.equal(written, plain, `${kind} ${value} ${JSON.stringify(st)}`);
        const outside = kind === 'col' ? a.col > 16_384 : [a, b ?? a].some((e) => e.col > 16_384 || e.row > 1_048_576);
        // outside the grid is refused by name; inside, the cells exceljs creates are counted
        if (outside && kind !== 'definedName') assert.ok(plain.startsWith('input.outOfGrid'), `${kind} ${value}: ${plain}`);
        if (outside && kind === 'definedName' && [a, b ?? a].every((e) => e.col <= 16_384)) assert.ok(plain.startsWith('input.nameOutOfGrid'), `${value}: ${plain}`);
        if (!outside && (kind === 'mergeCell' || kind === 'dataValidation' || kind === 'definedName')) {
          const e2 = b ?? a;
          const cells = b || kind !== 'definedName' ? (Math.abs(e2.row - a.row) + 1) * (Math.abs(e2.col - a.col) + 1) : 1;
          const field = kind === 'mergeCell' ? 'merged' : kind === 'dataValidation' ? 'validated' : 'named';
          if (plain.startsWith('ok')) assert.ok(plain.includes(`${field}=${cells} `) || plain.includes(`${field}=${cells}`), `${kind} ${value}: ${plain}`);
          else assert.ok(plain.startsWith('input.memory'), `${kind} ${value}: ${plain}`);
        }
      });
    },
  },
  {
    name: 'pre-flight: random zips of random parts are inspected without any other error',
    ciRuns: 200,
    weight: 1,
    make: () =>
      fc.asyncProperty(
        fc.array(fc.record({ name: fc.oneof(fc.constantFrom('xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', '[Content_Types].xml', 'xl/vbaProject.bin', 'mimetype', 'content.xml', 'word/document.xml', 'xl/workbook.bin'), fc.string({ maxLength: 12 })), content: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom(...XML_TOKENS)), stored: fc.boolean() }), { maxLength: 6 }),
        async (files) => {
          const bytes = writeZip(files.map((f) => entry(f.name, f.content, f.stored ? 0 : 8)));
          try {
            await inspectWorkbook(bytes);
          } catch (error) {
            if (!(error instanceof WorkbookReadError)) throw error;
          }
        },
      ),
  },
];

// ---------------------------------------------------------------------------------------------
// the rule engine

const valueArb = fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.boolean(), fc.string({ maxLength: 12 }), fc.constantFrom('1.005', '1,728', '\u00a0685', '#REF!', '#NAME?', 'Céng hßa', 'Coäng hoøa', '(1.728)', '', ' ', 'chi tiết', 'nhóm', 'DA4.TDA1', 'TONG', 'DA1', 'DA4.1', 'triệu đồng', 'Bằng chữ: Một tỷ đồng'));
const formulaArb = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 16 }).map((s) => `=${s}`),
  fc.constantFrom('=#REF!+1', '=KH.BANGCHU(E7)', "='[a.xlsx]S'!A1", '=SUM(A:A)', "=SUM('Other'!A1:ZZ9)", '=A1', '=F7+I7+J7+K7+L7', '=G7+H7', '=SUMIFS(E8:E1048576,$O8:$O1048576,"DA3.*",$P8:$P1048576,"chi tiết")', "=SUMIFS('DA4'!E:E,'DA4'!$O:$O,\"DA4\")"),
);

function snapshotSheet(name: string, cells: Array<Array<[unknown, string | null, string | null]>>, hiddenRows?: number[]): SheetSnapshot {
  return {
    name,
    visibility: 'visible',
    values: cells.map((r) => r.map((c) => c[0] as SheetSnapshot['values'][number][number])),
    formulas: cells.map((r) => r.map((c) => c[1])),
    fonts: cells.map((r) => r.map((c) => c[2])),
    hiddenRows,
  };
}

/** Every placeholder of a message's template is given: nothing renders as "{amount}". */
function assertComplete(m: { key: MessageKey; params: MessageParams } | undefined): void {
  if (!m) return;
  for (const lang of ['vi', 'en'] as const) {
    const template = catalogue(lang)[m.key];
    assert.ok(template, `unknown message ${m.key}`);
    for (const [, name] of template.matchAll(/\{(\w+)\}/g)) assert.ok(name in m.params, `${m.key}: no {${name}}`);
  }
}

let plans: Promise<WorkbookSnapshot[]> | null = null;

const checks: FuzzProperty[] = [
  {
    name: 'checks: every rule on random snapshots — no throw, counts match, every message complete',
    ciRuns: 200,
    weight: 2,
    make: () => {
      const sheet = fc
        .record({
          name: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('_kh', 'DA4', 'DA1', 'Tổng hợp', 'Thông tin', 'Biểu 01', 'Danh mục', 'Other')),
          cells: fc.array(fc.array(fc.tuple(valueArb, formulaArb, fc.option(fc.constantFrom('.VnTime', 'VNI-Times', '.VnTimeH', 'Arial'), { nil: null })), { maxLength: 18 }), { maxLength: 14 }),
          hiddenRows: fc.option(fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }), { nil: undefined }),
        })
        .map(({ name, cells, hiddenRows }) => snapshotSheet(name, cells as Array<Array<[unknown, string | null, string | null]>>, hiddenRows));
      return fc.property(fc.array(sheet, { maxLength: 4 }), fc.array(fc.record({ name: fc.constantFrom('KH_TongCong', 'KH_SaiSo', 'KH_Nam', 'x'), ref: fc.constantFrom("='Tổng hợp'!$E$7", '=#REF!', "='DA4'!$A$1", '=1') }), { maxLength: 3 }), fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }), (sheets, names, tolerance) => {
        const result = runChecks({ sheets, names }, tolerance === undefined ? {} : { tolerance });
        const counted = { error: 0, warning: 0, info: 0 };
        for (const f of result.findings) {
          counted[f.severity]++;
          assertComplete(f.message);
          assertComplete(f.hint);
        }
        assert.deepEqual(result.counts, counted);
        findingsJson(result);
      });
    },
  },
  {
    name: 'checks: the example plans with random cells written into them — no throw, every message complete',
    ciRuns: 60,
    weight: 2,
    make: async () => {
      plans ??= Promise.all([goldenSnapshot({ plan: 'lai-chau-2024', annexes: true }), goldenSnapshot({ plan: 'binh-lu-2025' }), goldenSnapshot({ plan: 'binh-lu-2025', style: 'kh' })]);
      const bases = await plans;
      const edit = fc.record({ sheet: fc.nat(), row: fc.nat({ max: 40 }), col: fc.nat({ max: 17 }), value: valueArb, formula: formulaArb, hide: fc.boolean(), drop: fc.boolean() });
      return fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { maxLength: 16 }), (which, edits) => {
        const snapshot: WorkbookSnapshot = structuredClone(bases[which]);
        for (const e of edits) {
          const s = snapshot.sheets[e.sheet % snapshot.sheets.length];
          if (e.drop && snapshot.sheets.length > 1) {
            snapshot.sheets.splice(e.sheet % snapshot.sheets.length, 1);
            continue;
          }
          while (s.values.length <= e.row) s.values.push([]);
          while (s.formulas.length <= e.row) s.formulas.push([]);
          s.values[e.row][e.col] = e.value as SheetSnapshot['values'][number][number];
          s.formulas[e.row][e.col] = e.formula;
          if (e.hide) s.hiddenRows = [...(s.hiddenRows ?? []), e.row];
        }
        const result = runChecks(snapshot);
        for (const f of result.findings) {
          assertComplete(f.message);
          assertComplete(f.hint);
        }
        findingsJson(result);
      });
    },
  },
];

export const PROPERTIES: FuzzProperty[] = [...money, ...words, ...outline, ...text, ...reader, ...checks];
