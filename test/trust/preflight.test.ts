/** The pre-flight in process: what it accepts, where each limit bites, how files are told apart. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { BYTES_PER, compoundFileNames, inspectWorkbook, READ_LIMITS, ReadLimits, TagCounter, WorkbookReadError } from '../../src/workbook/preflight';
import { scanRefList } from '../../src/workbook/grid-refs';
import { XmlScanner, XmlTag } from '../../src/workbook/xml-scan';
import { encryptedWorkbook, vbaProject, writeCfb, xlsWorkbook } from './cfb';
import { asXlsm, grid, hugeComments, hugeMerge, hugeName, hugeSharedStrings, hugeStyles, hugeValidation, manyEntries, sheetXml, spreadBomb, workbookWithSheet } from './hostile-files';
import { entry, readZip, writeZip } from './zip';
import { findSoffice, requireLibreOffice } from '../support/libreoffice';

let plan: Buffer;
beforeAll(async () => {
  const built = buildPlanWithAnnexes(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  plan = await descriptionToXlsx(built.description);
});

async function problemOf(bytes: Buffer, limits: Partial<ReadLimits> = {}): Promise<{ key: string; params: Record<string, unknown> } | null> {
  try {
    await inspectWorkbook(bytes, { ...READ_LIMITS, ...limits });
    return null;
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { key: error.problem.key, params: error.problem.params ?? {} };
  }
}

describe('accepted', () => {
  test("KH's own plan: an .xlsx without macros, every cell counted", async () => {
    const inspection = await inspectWorkbook(plan);
    expect(inspection).toMatchObject({ format: 'xlsx', macros: false });
    expect(inspection.cells).toBeGreaterThan(1000);
    expect(inspection.entries).toBe(readZip(plan).length);
  });

  test('the same plan in zip64 records is inspected and read like the plain one', async () => {
    const zip64 = writeZip(readZip(plan).map((p) => entry(p.name, p.content)), { zip64: true });
    expect(await inspectWorkbook(zip64)).toEqual(await inspectWorkbook(plan));
    expect(await xlsxToSnapshot(zip64)).toEqual(await xlsxToSnapshot(plan));
  });

  test('stored (uncompressed) parts are read; a stored part whose size lies is damaged', async () => {
    const stored = writeZip(readZip(plan).map((p) => entry(p.name, p.content, 0)));
    expect((await inspectWorkbook(stored)).cells).toBe((await inspectWorkbook(plan)).cells);
    const lying = writeZip(readZip(plan).map((p) => entry(p.name, p.content, 0)), { declaredSize: { 'xl/workbook.xml': 10 } });
    expect(await problemOf(lying)).toMatchObject({ key: 'input.damaged' });
  });

  test('an .xlsm: macros found (VBA project, or a macro-enabled content type alone), nothing run', async () => {
    expect(await inspectWorkbook(asXlsm(plan))).toMatchObject({ format: 'xlsm', macros: true });
    const onlyType = writeZip([...readZip(asXlsm(plan)).filter((p) => p.name !== 'xl/vbaProject.bin').map((p) => entry(p.name, p.content))]);
    expect((await inspectWorkbook(onlyType)).macros).toBe(true);
    const macroSheet = writeZip([...readZip(plan).map((p) => entry(p.name, p.content)), entry('xl/macrosheets/sheet1.xml', '<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>')]);
    expect((await inspectWorkbook(macroSheet)).macros).toBe(true);
  });
});

describe('each limit bites one past its value, and names the sheet', () => {
  test('rows of a sheet: counted, and from <dimension>', async () => {
    const rows = await grid(500, 2, false);
    expect(await problemOf(rows, { maxRowsPerSheet: 500 })).toBeNull();
    expect(await problemOf(rows, { maxRowsPerSheet: 499 })).toEqual({ key: 'input.rows', params: { rows: 500, limit: 499, sheet: 'Sheet1' } });
    const declared = workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1:C900000'), 'Kế hoạch & "dự toán"');
    expect(await problemOf(declared)).toEqual({ key: 'input.rows', params: { rows: 900000, limit: READ_LIMITS.maxRowsPerSheet, sheet: 'Kế hoạch & "dự toán"' } });
  });

  test('cells of the workbook', async () => {
    const cells = await grid(100, 10);
    expect(await problemOf(cells, { maxCells: 1000 })).toBeNull();
    expect(await problemOf(cells, { maxCells: 999 })).toMatchObject({ key: 'input.cells', params: { limit: 999, sheet: 'Sheet1' } });
  });

  test('shared strings, entries, total, part size, ratio', async () => {
    const strings = await hugeSharedStrings(2000);
    expect(await problemOf(strings, { maxSharedStrings: 2000 })).toBeNull();
    expect(await problemOf(strings, { maxSharedStrings: 1999 })).toMatchObject({ key: 'input.strings' });
    const entries = manyEntries(100);
    expect(await problemOf(entries, { maxEntries: 105 })).toBeNull();
    expect(await problemOf(entries, { maxEntries: 104 })).toEqual({ key: 'input.entries', params: { count: 105, limit: 104 } });
    const spread = spreadBomb(20);
    expect(await problemOf(spread)).toBeNull(); // 20 MB of blanks in 1 MB parts: ratio 1000 but each below the floor
    expect(await problemOf(spread, { maxUncompressedBytes: 20 * 2 ** 20 })).toMatchObject({ key: 'input.unpacked', params: { size: 21, limit: 20 } });
    expect(await problemOf(spread, { maxPartBytes: 2 ** 20 - 1 })).toMatchObject({ key: 'input.partTooLarge' });
    expect(await problemOf(spread, { ratioFloorBytes: 2 ** 19 })).toMatchObject({ key: 'input.ratio', params: { limit: 100 } });
  });

  test('the dense grid: measured after exceljs reads the stored cells, before the snapshot is built', async () => {
    const sparse = workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="3000"><c r="CV3000"><v>2</v></c></row>'));
    expect((await xlsxToSnapshot(sparse)).sheets[0].values).toHaveLength(3000);
    await expect(xlsxToSnapshot(sparse, { ...READ_LIMITS, maxGridCells: 299_999 })).rejects.toMatchObject({ problem: { key: 'input.extent', params: { sheet: 'Sheet1', cell: 'CV3000', cells: 300_000 } } });
    await expect(xlsxToSnapshot(sparse, { ...READ_LIMITS, maxRowsPerSheet: 2999 })).rejects.toBeInstanceOf(WorkbookReadError);
  });
});

describe('ranges exceljs expands cell by cell are counted before it sees them', () => {
  test('merged, validated and named cells, and the memory they would take', async () => {
    expect(scanRefList('A1:B2 D4 $C$3:$C$5 A:A junk')).toEqual({ area: 8, outside: null });
    expect(await inspectWorkbook(hugeMerge('B2:C4'))).toMatchObject({ merged: 6, validated: 0, named: 0 });
    expect(await inspectWorkbook(hugeValidation('A1:A10 C1:C10'))).toMatchObject({ validated: 20 });
    expect(await inspectWorkbook(hugeName('Sheet1!$A$1:$B$50,Sheet1!$D$1'))).toMatchObject({ named: 101 });
    expect(await inspectWorkbook(await hugeStyles(500))).toMatchObject({ styles: 503 }); // and one font, fill, border
    expect(await inspectWorkbook(await hugeComments(40))).toMatchObject({ comments: 40 });
    expect(await problemOf(await hugeComments(40), { maxEstimatedBytes: 39 * BYTES_PER.comment })).toMatchObject({ key: 'input.memory', params: { comments: 40 } });
    const i = await inspectWorkbook(hugeMerge('A1:A3'));
    expect(i.estimatedBytes).toBe(i.cells * BYTES_PER.cell + 3 * BYTES_PER.merged);
  });

  test('validations on whole columns are a common habit: two are read, a whole-grid one is refused', async () => {
    const columns = hugeValidation('D1:D1048576 F1:F1048576');
    expect(await inspectWorkbook(columns)).toMatchObject({ validated: 2 * 1048576 });
    expect((await xlsxToSnapshot(columns)).sheets[0].values).toEqual([[1]]);
    expect(await problemOf(hugeValidation())).toMatchObject({ key: 'input.memory', params: { validated: 16384 * 1048576, sheet: 'Sheet1' } });
    expect(await problemOf(hugeMerge())).toMatchObject({ key: 'input.memory', params: { merged: 16384 * 1048576 } });
    expect(await problemOf(hugeName())).toMatchObject({ key: 'input.memory', params: { named: 16384 * 1048576 } });
  });

  test('the XML scanner hands over each tag whole, once, decoded, wherever the chunks split it', () => {
    const xml = '<worksheet><mergeCells count="2"><mergeCell ref="A1:B2"/><x/><mergeCell\nref = \'C3&#58;D4\'/></mergeCells><dataValidation sqref="E1 F2"><formula1>1</formula1></dataValidation><x:mergeCell ref="Ồ&amp;"/></worksheet>';
    const read = (parts: string[]): string[] => {
      const seen: string[] = [];
      const scanner = new XmlScanner((tag: XmlTag) => {
        if (tag.local === 'mergeCell' || tag.local === 'dataValidation') seen.push(`${tag.local}:${JSON.stringify(tag.attributes)}`);
      });
      for (const part of parts) scanner.feed(Buffer.from(part, 'utf8').subarray(0));
      return seen;
    };
    const whole = read([xml]);
    expect(whole).toEqual(['mergeCell:{"ref":"A1:B2"}', 'mergeCell:{"ref":"C3:D4"}', 'dataValidation:{"sqref":"E1 F2"}', 'mergeCell:{"ref":"Ồ&"}']);
    // split anywhere, even inside a multi-byte character
    const bytes = Buffer.from(xml, 'utf8');
    const byBytes = (cuts: number[]): string[] => {
      const seen: string[] = [];
      const scanner = new XmlScanner((tag: XmlTag) => {
        if (tag.local === 'mergeCell' || tag.local === 'dataValidation') seen.push(`${tag.local}:${JSON.stringify(tag.attributes)}`);
      });
      let from = 0;
      for (const c of [...cuts, bytes.length]) {
        scanner.feed(bytes.subarray(from, c));
        from = c;
      }
      return seen;
    };
    for (let a = 0; a < bytes.length; a++) for (let b = a; b < bytes.length; b += 5) expect(byBytes([a, b])).toEqual(whole);
  });
});

describe('compound files (CFB)', () => {
  test('the directory names of what the writer made', () => {
    expect(compoundFileNames(encryptedWorkbook())).toEqual(new Set(['root entry', '\u0006dataspaces', 'version', 'dataspacemap', 'encryptioninfo', 'encryptedpackage']));
    expect(compoundFileNames(vbaProject())).toEqual(new Set(['root entry', 'vba', 'dir', 'module1', 'project']));
  });

  test('a directory spread over many sectors and a FAT over many sectors', () => {
    const many = writeCfb(Array.from({ length: 300 }, (_, i) => ({ name: `S${i}`, data: Buffer.alloc(100) })));
    const names = compoundFileNames(many);
    expect(names?.size).toBe(301);
    expect(names?.has('s299')).toBe(true);
  });

  test('a truncated container is still recognised by the names left in its bytes', async () => {
    expect(await problemOf(encryptedWorkbook().subarray(0, 2048))).toMatchObject({ key: 'input.encrypted' });
    expect(await problemOf(xlsWorkbook().subarray(0, 1300))).toMatchObject({ key: 'input.xls' });
    expect(await problemOf(Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toMatchObject({ key: 'input.notWorkbook' });
  });

  (requireLibreOffice() ? test : test.skip)('a real .xls written by LibreOffice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-xls-'));
    writeFileSync(join(dir, 'plan.xlsx'), plan);
    const r = spawnSync(findSoffice() as string, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xls', '--outdir', dir, join(dir, 'plan.xlsx')], { timeout: 120_000 });
    expect(r.status).toBe(0);
    const xls = readFileSync(join(dir, 'plan.xls'));
    expect(compoundFileNames(xls)?.has('workbook')).toBe(true);
    expect(await problemOf(xls)).toMatchObject({ key: 'input.xls' });
  }, 150_000);
});

describe('reading never throws anything but a WorkbookReadError', () => {
  test('garbage in a sheet, a missing relationship target, a sheet that is not XML', async () => {
    const cases = [
      workbookWithSheet('not xml at all <<<'),
      writeZip(readZip(plan).filter((p) => p.name !== 'xl/styles.xml').map((p) => entry(p.name, p.content))),
      writeZip(readZip(plan).map((p) => entry(p.name, p.name === 'xl/workbook.xml' ? '<workbook/>' : p.content))),
    ];
    for (const bytes of cases) {
      try {
        await xlsxToSnapshot(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
      }
    }
  });
});

describe('TagCounter', () => {
  test('counts each tag once wherever the chunks split it', () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c><c>2</c><col/><cfRule/></row><row>\n<c\tr="B2"/></row><rows/><c';
    const whole = new TagCounter([Buffer.from('<row'), Buffer.from('<c')]);
    whole.feed(Buffer.from(xml));
    expect(whole.counts).toEqual([2, 3]);
    for (let a = 0; a < xml.length; a++) {
      for (let b = a; b < xml.length; b += 7) {
        const split = new TagCounter([Buffer.from('<row'), Buffer.from('<c')]);
        for (const part of [xml.slice(0, a), xml.slice(a, b), xml.slice(b)]) split.feed(Buffer.from(part));
        expect(split.counts).toEqual([2, 3]);
      }
    }
  });
});

describe('numbers no Excel holds in a cell', () => {
  test.each([
    ['NaN', 'B2', '<row r="2"><c r="B2"><v>NaN</v></c></row>', 'NaN'],
    ['1E+400', 'C3', '<row r="3"><c r="C3"><v>1E+400</v></c></row>', 'Infinity'],
    ['Infinity', 'A1', '<row r="1"><c r="A1"><v>Infinity</v></c></row>', 'Infinity'],
    ['a formula caching -Infinity', 'D4', '<row r="4"><c r="D4"><f>-1/0</f><v>-Infinity</v></c></row>', '-Infinity'],
  ])('%s is refused naming the cell, never read as blank', async (_what, cell, rows, text) => {
    await expect(xlsxToSnapshot(workbookWithSheet(sheetXml(rows)))).rejects.toMatchObject({ problem: { key: 'input.badNumber', params: { sheet: 'Sheet1', cell, text } } });
  });

  test('the largest and smallest numbers Excel holds are read', async () => {
    const snapshot = await xlsxToSnapshot(workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1.7976931348623157E+308</v></c><c r="B1"><v>5E-324</v></c><c r="C1"><v>-1E+308</v></c></row>')));
    expect(snapshot.sheets[0].values[0]).toEqual([1.7976931348623157e308, 5e-324, -1e308]);
  });
});
