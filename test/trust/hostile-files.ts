/**
 * Hostile and broken inputs for the `kh` command, generated on the fly (no big binaries in git).
 * Each fixture says what it is and which refusal it must meet; the tests and bench/hostile.ts
 * share them.
 */
import { deflateRawSync, constants } from 'zlib';
import { entry, readZip, streamedEntry, writeZip, ZipEntry, crc32 } from './zip';
import { encryptedWorkbook, vbaProject, wordDocument, xlsWorkbook } from './cfb';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The parts every workbook needs around its sheets. */
function frame(sheets: string[], sharedStrings: boolean): ZipEntry[] {
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('');
  const sst = sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '';
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sstRel = sharedStrings ? `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '';
  return [
    entry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${sst}</Types>`,
    ),
    entry('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    entry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    entry('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels}${sstRel}</Relationships>`),
  ];
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">`;

/** A one-sheet workbook whose sheet XML is given. */
export function workbookWithSheet(sheetXml: string, name = 'Sheet1'): Buffer {
  return writeZip([...frame([name], false), entry('xl/worksheets/sheet1.xml', sheetXml)]);
}

export function sheetXml(rows: string, dimension?: string): string {
  return `${SHEET_HEAD}${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

/** zlib's crc32_combine: the CRC of a‖b from crc(a), crc(b) and b's length, without reading b. */
function crc32Combine(crc1: number, crc2: number, len2: number): number {
  const times = (mat: number[], vec: number): number => {
    let sum = 0;
    for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
    return sum >>> 0;
  };
  const square = (out: number[], mat: number[]): void => {
    for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]);
  };
  const even = new Array<number>(32);
  const odd = new Array<number>(32);
  odd[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) odd[n] = (1 << (n - 1)) >>> 0;
  square(even, odd);
  square(odd, even);
  let crc = crc1;
  let len = len2;
  while (len > 0) {
    square(even, odd);
    if (len % 2) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    square(odd, even);
    if (len % 2) crc = times(odd, crc);
    len = Math.floor(len / 2);
  }
  return (crc ^ crc2) >>> 0;
}

/**
 * Zip bomb: a sheet of `gigabytes` of blank XML (whitespace between elements is valid) in a file
 * a thousandth of that size. The 1 MB block is deflated once with a full flush (byte-aligned, no
 * back references across it) and repeated, so making the bomb costs milliseconds. `lie` makes the
 * headers declare 1 KB instead, as a bomb that wants to slip past a size check would.
 */
export function zipBomb(gigabytes: number, lie = false): Buffer {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const times = Math.round(gigabytes * 1024);
  const head = Buffer.from(`${SHEET_HEAD}<sheetData>`, 'utf8');
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const stored = Buffer.concat([deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH }), ...repeat(block, times), deflateRawSync(tail)]);
  const chunkCrc = crc32(chunk);
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32Combine(crc, chunkCrc, chunk.length);
  crc = crc32Combine(crc, crc32(tail), tail.length);
  const size = head.length + chunk.length * times + tail.length;
  const sheet: ZipEntry = { name: 'xl/worksheets/sheet1.xml', stored, method: 8, crc, size: Math.min(size, 0xffffffff) };
  return writeZip([...frame(['Sheet1'], false), sheet], lie ? { declaredSize: { 'xl/worksheets/sheet1.xml': 1024 } } : {});
}

/** A grid of `rows` × `cols` numbers (the largest honest sheets, to measure the limits). */
export async function grid(rows: number, cols: number, withDimension = true): Promise<Buffer> {
  const letters = Array.from({ length: cols }, (_, c) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  });
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(`${SHEET_HEAD}${withDimension ? `<dimension ref="A1:${letters[cols - 1]}${rows}"/>` : ''}<sheetData>`);
    const step = Math.max(1, Math.floor(100_000 / cols));
    for (let r = 1; r <= rows; r += step) {
      let s = '';
      for (let i = r; i < Math.min(r + step, rows + 1); i++) {
        s += `<row r="${i}">`;
        for (let c = 0; c < cols; c++) s += `<c r="${letters[c]}${i}"><v>${(i * 31 + c * 7) % 100000}</v></c>`;
        s += '</row>';
      }
      yield Buffer.from(s);
    }
    yield Buffer.from('</sheetData></worksheet>');
  }
  return writeZip([...frame(['Sheet1'], false), await streamedEntry('xl/worksheets/sheet1.xml', chunks())]);
}

/** A sheet of `rows` rows, one number each (Excel's maximum is 1,048,576). */
export function manyRows(rows: number, withDimension = true): Promise<Buffer> {
  return grid(rows, 1, withDimension);
}

/** One cell at the far corner of the grid: tiny in the file, a million-by-16k grid when read densely. */
export function farCell(): Buffer {
  return workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'));
}

/** A shared-strings table of `count` distinct strings, used by a one-cell sheet. */
export async function hugeSharedStrings(count: number): Promise<Buffer> {
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`);
    const step = 10_000;
    for (let i = 0; i < count; i += step) {
      let s = '';
      for (let j = i; j < Math.min(i + step, count); j++) s += `<si><t>Chuỗi số ${j}</t></si>`;
      yield Buffer.from(s);
    }
    yield Buffer.from('</sst>');
  }
  const sheet = entry('xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', 'A1'));
  return writeZip([...frame(['Sheet1'], true), sheet, await streamedEntry('xl/sharedStrings.xml', chunks())]);
}

/** A bomb spread thin: `parts` parts of 1 MB of blanks each, none large enough for the ratio check. */
export function spreadBomb(parts: number): Buffer {
  const blank = entry('customXml/blank.xml', Buffer.alloc(1 << 20, 0x20));
  const sheet = entry('xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1'));
  return writeZip([...frame(['Sheet1'], false), sheet, ...Array.from({ length: parts }, (_, i) => ({ ...blank, name: `customXml/item${i}.xml` }))]);
}

/** XML with an external entity: reading it must neither fetch nor read the file it names. */
export function externalEntity(target: string): Buffer {
  const doctype = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY leak SYSTEM "${target}">]>`;
  return workbookWithSheet(`${doctype}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&leak;</t></is></c></row></sheetData></worksheet>`);
}

/** Entity expansion ("billion laughs"): 10 levels of ten-fold references. */
export function billionLaughs(): Buffer {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return workbookWithSheet(`<?xml version="1.0"?><!DOCTYPE worksheet [${dtd}]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`);
}

/** A workbook cut at `fraction` of its length (a download that stopped). */
export function truncated(xlsx: Buffer, fraction: number): Buffer {
  return xlsx.subarray(0, Math.floor(xlsx.length * fraction));
}

/** A workbook whose sheet XML is not XML. */
export function garbledSheet(): Buffer {
  return workbookWithSheet(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>`);
}

/** A sheet whose XML ends with `tail` (merges, validations…) after one cell. */
function sheetWithTail(tail: string): Buffer {
  return workbookWithSheet(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${tail}</worksheet>`);
}

/** One merge over the whole grid: exceljs creates every one of its 17 billion cells. */
export function hugeMerge(ref = 'A1:XFD1048576'): Buffer {
  return sheetWithTail(`<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
}

/** A drop-down list on the whole grid: exceljs keeps one entry per cell. */
export function hugeValidation(sqref = 'A1:XFD1048576'): Buffer {
  return sheetWithTail(`<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`);
}

/** A named range over the whole grid: exceljs lists every cell of it. */
export function hugeName(ref = 'Sheet1!$A$1:$XFD$1048576'): Buffer {
  const base = workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1'));
  return writeZip(readZip(base).map((p) => entry(p.name, p.name === 'xl/workbook.xml' ? p.content.toString('utf8').replace('</sheets>', `</sheets><definedNames><definedName name="Vung">${ref}</definedName></definedNames>`) : p.content)));
}

/** A workbook with one more part (and its relationship from the workbook or from sheet 1). */
function withPart(name: string, content: ZipEntry, type: string, relation: 'workbook' | 'sheet'): Buffer {
  const base = workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1'));
  const parts = readZip(base).map((p) => {
    if (p.name === '[Content_Types].xml') return entry(p.name, p.content.toString('utf8').replace('</Types>', `<Override PartName="/${name}" ContentType="${type}"/></Types>`));
    if (relation === 'workbook' && p.name === 'xl/_rels/workbook.xml.rels') {
      return entry(p.name, p.content.toString('utf8').replace('</Relationships>', `<Relationship Id="rIdX" Type="${REL}/styles" Target="${name.replace('xl/', '')}"/></Relationships>`));
    }
    return entry(p.name, p.content);
  });
  if (relation === 'sheet') parts.push(entry('xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../${name.replace('xl/', '')}"/></Relationships>`));
  return writeZip([...parts, content]);
}

/** `count` cell formats in xl/styles.xml, each one an object in exceljs. */
export async function hugeStyles(count: number): Promise<Buffer> {
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(`<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="${count}">`);
    for (let i = 0; i < count; i += 10_000) {
      let s = '';
      for (let j = i; j < Math.min(i + 10_000, count); j++) s += `<xf numFmtId="${j % 163}" xfId="${j % 7}"/>`;
      yield Buffer.from(s);
    }
    yield Buffer.from('</cellXfs></styleSheet>');
  }
  return withPart('xl/styles.xml', await streamedEntry('xl/styles.xml', chunks()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml', 'workbook');
}

/** `count` notes on the cells of sheet 1. */
export async function hugeComments(count: number): Promise<Buffer> {
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(`<?xml version="1.0"?><comments xmlns="${MAIN}"><authors><author>Cán bộ</author></authors><commentList>`);
    for (let i = 1; i <= count; i += 10_000) {
      let s = '';
      // down column A, then B…: every note on a cell of the grid
      for (let j = i; j < Math.min(i + 10_000, count + 1); j++) s += `<comment ref="${String.fromCharCode(65 + Math.floor((j - 1) / 1_048_576))}${((j - 1) % 1_048_576) + 1}" authorId="0"><text><t>${j}</t></text></comment>`;
      yield Buffer.from(s);
    }
    yield Buffer.from('</commentList></comments>');
  }
  return withPart('xl/comments1.xml', await streamedEntry('xl/comments1.xml', chunks()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml', 'sheet');
}

/** A zip with more entries than any workbook has. */
export function manyEntries(count: number): Buffer {
  const small = [...frame(['Sheet1'], false), entry('xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1'))];
  const empty = entry('x', '', 0);
  for (let i = 0; i < count; i++) small.push({ ...empty, name: `customXml/item${i}.xml` });
  return writeZip(small);
}

/** A workbook saved as .xlsm: macro-enabled content type, vbaProject.bin and its relationship. */
export function asXlsm(xlsx: Buffer): Buffer {
  const parts = readZip(xlsx);
  const out = parts.map((p) => {
    let text = p.content.toString('utf8');
    if (p.name === '[Content_Types].xml') {
      text = text
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
      return entry(p.name, text);
    }
    if (p.name === 'xl/_rels/workbook.xml.rels') {
      return entry(p.name, text.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    }
    return entry(p.name, p.content);
  });
  return writeZip([...out, entry('xl/vbaProject.bin', vbaProject())]);
}

/** A Word document (.docx): a good zip, but no workbook in it. */
export function docx(): Buffer {
  return writeZip([
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    entry('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  ]);
}

/** A small PDF (a scanned plan sent instead of the workbook). */
export function pdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

/**
 * A sheet with XML around its one cell: `before` between <worksheet> and <sheetData>, `after`
 * after it. For the range-bearing constructs the pre-flight must read as exceljs does.
 */
export function sheetAround(before: string, after: string, cells = '<row r="1"><c r="A1"><v>1</v></c></row>'): Buffer {
  return workbookWithSheet(`${SHEET_HEAD}${before}<sheetData>${cells}</sheetData>${after}</worksheet>`);
}

/** A workbook whose xl/workbook.xml gets `definedNames` (raw XML) and `padding` bytes of blanks. */
export function withDefinedNames(definedNames: string, padding = 0): Buffer {
  const base = workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1'));
  // padding that does not compress away (a ratio refusal would hide what is tested)
  let filler = '';
  for (let i = 0; filler.length < padding; i++) filler += `${((i * 2654435761) >>> 0).toString(36)} `;
  const comment = padding > 0 ? `<!-- ${filler.slice(0, padding)} -->` : '';
  return writeZip(
    readZip(base).map((p) => entry(p.name, p.name === 'xl/workbook.xml' ? p.content.toString('utf8').replace('</sheets>', () => `</sheets>${comment}<definedNames>${definedNames}</definedNames>`) : p.content)),
  );
}

/** A table part on sheet 1 with the given ref. */
export function tableOn(ref: string): Buffer {
  const base = workbookWithSheet(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row></sheetData><tableParts count="1"><tablePart r:id="rId1" xmlns:r="${REL}"/></tableParts></worksheet>`);
  const parts = readZip(base).map((p) => (p.name === '[Content_Types].xml' ? entry(p.name, p.content.toString('utf8').replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>')) : entry(p.name, p.content)));
  parts.push(entry('xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`));
  parts.push(entry('xl/tables/table1.xml', `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" name="Bang1" displayName="Bang1" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="1"><tableColumn id="1" name="Mã"/></tableColumns></table>`));
  return writeZip(parts);
}

/** `count` merged pairs A1:B1, A2:B2…: exceljs checks each against all before it. */
export function manyMerges(count: number): Buffer {
  let merges = '';
  for (let i = 1; i <= count; i++) merges += `<mergeCell ref="A${i}:B${i}"/>`;
  return sheetAround('', `<mergeCells count="${count}">${merges}</mergeCells>`);
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/**
 * The holes of the regex pre-flight (round two of the trust campaign): each of these passed it
 * and then made exceljs grow to gigabytes, loop for minutes, or create a row past the grid.
 */
export const ROUND_TWO: HostileFile[] = [
  { name: 'gop-nhay-don.xlsx', what: "merge ref='A1:XFD1048576' (single quotes)", bytes: () => sheetAround('', "<mergeCells count='1'><mergeCell ref='A1:XFD1048576'/></mergeCells>"), key: 'input.memory' },
  { name: 'gop-cach.xlsx', what: 'merge ref = "A1:XFD1048576" (spaces around =)', bytes: () => sheetAround('', '<mergeCells count="1"><mergeCell ref = "A1:XFD1048576" /></mergeCells>'), key: 'input.memory' },
  { name: 'gop-thuc-the.xlsx', what: 'merge ref="A1&#58;XFD1048576" (entity for the colon)', bytes: () => sheetAround('', '<mergeCells count="1"><mergeCell ref="A1&#58;XFD1048576"/></mergeCells>'), key: 'input.memory' },
  { name: 'gop-duoi-la.xlsx', what: 'merge ref="A1:XFD1048576x" (exceljs reads it leniently)', bytes: () => sheetAround('', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576x"/></mergeCells>'), key: 'input.memory' },
  { name: 'gop-8-chu-so.xlsx', what: 'merge A1:B99999999 (8-digit row)', bytes: () => sheetAround('', '<mergeCells count="1"><mergeCell ref="A1:B99999999"/></mergeCells>'), key: 'input.outOfGrid' },
  { name: 'kiem-tra-nhay-don.xlsx', what: "data validation sqref='A1:XFD1048576'", bytes: () => sheetAround('', `<dataValidations count='1'><dataValidation type='list' sqref='A1:XFD1048576'><formula1>"a,b"</formula1></dataValidation></dataValidations>`), key: 'input.memory' },
  { name: 'o-8-chu-so.xlsx', what: 'a cell at A99999999', bytes: () => sheetAround('', '', '<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="A99999999"><v>2</v></c></row>'), key: 'input.outOfGrid' },
  { name: 'dong-8-chu-so.xlsx', what: 'a row r="99999999"', bytes: () => sheetAround('', '', '<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"/>'), key: 'input.outOfGrid' },
  { name: 'kich-thuoc-8-chu-so.xlsx', what: "<dimension ref='A1:B99999999'>", bytes: () => sheetAround("<dimension ref='A1:B99999999'/>", ''), key: 'input.outOfGrid' },
  { name: 'dinh-dang-dk.xlsx', what: 'conditional format sqref="A1:XFD99999999"', bytes: () => sheetAround('', '<conditionalFormatting sqref="A1:XFD99999999"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>'), key: 'input.outOfGrid' },
  { name: 'vung-chon.xlsx', what: 'selection sqref="A1:A99999999"', bytes: () => sheetAround('<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1:A99999999"/></sheetView></sheetViews>', ''), key: 'input.outOfGrid' },
  { name: 'cot-300-trieu.xlsx', what: '<col min="1" max="300000000">', bytes: () => sheetAround('<cols><col min="1" max="300000000" width="9"/></cols>', ''), key: 'input.outOfGrid' },
  { name: 'loc-tu-dong.xlsx', what: 'autoFilter ref="A1:C99999999"', bytes: () => sheetAround('', '<autoFilter ref="A1:C99999999"/>'), key: 'input.outOfGrid' },
  { name: 'kiem-tra-x14.xlsx', what: 'x14 data validation, <xm:sqref>A1:A99999999</xm:sqref>', bytes: () => sheetAround('', `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list"><x14:formula1><xm:f>$Z$1:$Z$2</xm:f></x14:formula1><xm:sqref>A1:A99999999</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`), key: 'input.outOfGrid' },
  { name: 'ten-vung-8-chu-so.xlsx', what: 'defined name on Sheet1!$B$99999999', bytes: () => withDefinedNames('<definedName name="Vung">Sheet1!$B$99999999</definedName>'), key: 'input.nameOutOfGrid' },
  { name: 'ten-vung-thuc-the.xlsx', what: "defined name 'Sheet1'!$A$1&#58;$XFD$1048576 (entity)", bytes: () => withDefinedNames("<definedName name='Vung'>'Sheet1'!$A$1&#58;$XFD$1048576</definedName>"), key: 'input.memory' },
  { name: 'ten-vung-sau-9mb.xlsx', what: 'a whole-grid defined name after 9 MB of blanks in workbook.xml', bytes: () => withDefinedNames('<definedName name="Vung">Sheet1!$A$1:$XFD$1048576</definedName>', 9 * 1024 * 1024), key: 'input.memory' },
  { name: 'bang-8-chu-so.xlsx', what: 'table ref="A1:C99999999"', bytes: () => tableOn('A1:C99999999'), key: 'input.outOfGrid' },
  { name: 'gop-10001.xlsx', what: '10,001 merged ranges on one sheet (quadratic in exceljs)', bytes: () => manyMerges(10_001), key: 'input.merges' },
  { name: 'so-nan.xlsx', what: '<v>NaN</v> in B2', bytes: () => sheetAround('', '', '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>NaN</v></c></row>'), key: 'input.badNumber' },
  { name: 'so-1e400.xlsx', what: '<v>1E+400</v> in C3', bytes: () => sheetAround('', '', '<row r="3"><c r="C3"><v>1E+400</v></c></row>'), key: 'input.badNumber' },
  { name: 'so-vo-cuc.xlsx', what: 'a formula whose cached <v> is -Infinity', bytes: () => sheetAround('', '', '<row r="4"><c r="D4"><f>-1/0</f><v>-Infinity</v></c></row>'), key: 'input.badNumber' },
];

/**
 * The 1.5 KB kinds the issue names, one of which stopped a whole `kh check DIR`: single quotes,
 * spaces around =, an entity for the colon, 8-digit rows, sqref, a column run of 300 million, a
 * defined name past the grid.
 */
export const ISSUE_BOMBS = ['gop-nhay-don.xlsx', 'gop-cach.xlsx', 'gop-thuc-the.xlsx', 'o-8-chu-so.xlsx', 'dong-8-chu-so.xlsx', 'kiem-tra-nhay-don.xlsx', 'cot-300-trieu.xlsx', 'ten-vung-8-chu-so.xlsx'];

export { encryptedWorkbook, xlsWorkbook, wordDocument };

export interface HostileFile {
  /** File name on disk (the extension a user would see). */
  name: string;
  what: string;
  bytes: () => Buffer | Promise<Buffer>;
  /** The message key the refusal must use. */
  key: string;
}

/** Every hostile input and the refusal it must meet (the .xlsm is read, not refused: see the tests). */
export const HOSTILE: HostileFile[] = [
  { name: 'bom-nen.xlsx', what: 'zip bomb: 2 GB sheet XML, sizes declared', bytes: () => zipBomb(2), key: 'input.ratio' },
  { name: 'bom-nen-gia.xlsx', what: 'zip bomb: 2 GB sheet XML, 1 KB declared', bytes: () => zipBomb(2, true), key: 'input.damaged' },
  { name: 'chuoi-khong-lo.xlsx', what: 'shared strings: 3,000,000 strings', bytes: () => hugeSharedStrings(3_000_000), key: 'input.strings' },
  { name: 'trieu-dong.xlsx', what: 'sheet of 1,048,576 rows', bytes: () => manyRows(1_048_576), key: 'input.rows' },
  { name: 'trieu-dong-khong-dimension.xlsx', what: 'sheet of 1,048,576 rows, no <dimension>', bytes: () => manyRows(1_048_576, false), key: 'input.rows' },
  { name: 'o-xa.xlsx', what: 'two cells: A1 and XFD1048576', bytes: farCell, key: 'input.extent' },
  { name: 'bom-nen-rai.xlsx', what: 'zip bomb spread over 600 parts of 1 MB', bytes: () => spreadBomb(600), key: 'input.unpacked' },
  { name: 'thuc-the-ngoai.xlsx', what: 'XML external entity (file:///etc/passwd)', bytes: () => externalEntity('file:///etc/passwd'), key: 'input.damaged' },
  { name: 'ty-tieng-cuoi.xlsx', what: 'XML entity expansion (billion laughs)', bytes: billionLaughs, key: 'input.damaged' },
  { name: 'xml-hong.xlsx', what: 'sheet XML that is not well formed', bytes: garbledSheet, key: 'input.damaged' },
  { name: 'gop-ca-bang.xlsx', what: 'one merged range A1:XFD1048576', bytes: () => hugeMerge(), key: 'input.memory' },
  { name: 'kiem-tra-ca-bang.xlsx', what: 'one data validation on A1:XFD1048576', bytes: () => hugeValidation(), key: 'input.memory' },
  { name: 'ten-vung-ca-bang.xlsx', what: 'one named range $A$1:$XFD$1048576', bytes: () => hugeName(), key: 'input.memory' },
  { name: 'dinh-dang.xlsx', what: 'styles: 4,000,000 cell formats', bytes: () => hugeStyles(4_000_000), key: 'input.memory' },
  { name: 'ghi-chu-o.xlsx', what: 'notes: 2,000,000 cell comments', bytes: () => hugeComments(2_000_000), key: 'input.memory' },
  { name: 'nhieu-phan.xlsx', what: 'zip of 20,000 entries', bytes: () => manyEntries(20_000), key: 'input.entries' },
  { name: 'mat-khau.xlsx', what: 'password to open (encrypted OOXML in CFB)', bytes: encryptedWorkbook, key: 'input.encrypted' },
  { name: 'cu.xls', what: 'Excel 97–2003 .xls (BIFF8 in CFB)', bytes: () => xlsWorkbook('Workbook'), key: 'input.xls' },
  { name: 'cu-biff5.xls', what: 'Excel 5.0/95 .xls (BIFF5 in CFB)', bytes: () => xlsWorkbook('Book'), key: 'input.xls' },
  { name: 'van-ban.doc', what: 'Word 97–2003 document (CFB)', bytes: wordDocument, key: 'input.otherOffice' },
  { name: 'van-ban.docx', what: 'Word document (zip, no workbook)', bytes: docx, key: 'input.otherOffice' },
  { name: 'ban-quet.pdf', what: 'a PDF', bytes: pdf, key: 'input.pdf' },
  { name: 'ghi-chu.txt', what: 'a text file', bytes: () => Buffer.from('Kế hoạch vốn năm 2024\nDự án 1: 1.728 triệu đồng\n', 'utf8'), key: 'input.notWorkbook' },
  { name: 'rong.xlsx', what: 'an empty file', bytes: () => Buffer.alloc(0), key: 'input.empty' },
  ...ROUND_TWO,
];
