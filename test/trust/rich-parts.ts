/**
 * KH plans carrying what an officer's workbook carries and exceljs does not keep: a chart, a
 * PivotTable, a text box, threaded comments, a defined name that is a formula, an external link,
 * sparklines. Written by exceljs, then the parts injected as Excel writes them (OOXML,
 * ECMA-376), each with its relationships and content type.
 */
import ExcelJS from 'exceljs';
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { descriptionToXlsx } from '../../src/workbook/exceljs';
import { readZip, rezip } from './zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const CT = (type: string): string => `application/vnd.openxmlformats-officedocument.${type}`;

/** The example plan as exceljs writes it, with the sheet "Tổng hợp" at xl/worksheets/sheet2.xml. */
export async function basePlan(edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const built = buildPlanWithAnnexes(LAI_CHAU_2024);
  if (!built.ok) throw new Error('example plan does not build');
  const bytes = await descriptionToXlsx(built.description);
  if (!edit) return bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The part of a sheet, the summary by default (its target in the workbook's relationships). */
function summaryPart(bytes: Buffer, name = 'Tổng hợp'): string {
  const parts = readZip(bytes);
  const book = parts.find((p) => p.name === 'xl/workbook.xml')?.content.toString('utf8') ?? '';
  const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')?.content.toString('utf8') ?? '';
  const rid = new RegExp(`<sheet [^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return `xl/${target.replace(/^\/?(xl\/)?/, '')}`;
}

function text(bytes: Buffer, name: string): string {
  return readZip(bytes).find((p) => p.name === name)?.content.toString('utf8') ?? '';
}

/** Adds parts, their content types, and an element at the end of a sheet (the summary by default) with a relationship to `target`. */
function inject(bytes: Buffer, opts: { sheet?: string; parts: Record<string, string>; types: Record<string, string>; sheetElement?: (rid: string) => string; sheetRel?: { type: string; target: string }; bookRel?: { type: string; target: string; element: (rid: string) => string } }): Buffer {
  const sheet = summaryPart(bytes, opts.sheet);
  const sheetRels = sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  const changes: Record<string, string> = { ...opts.parts };
  changes['[Content_Types].xml'] = text(bytes, '[Content_Types].xml').replace('</Types>', () => `${Object.entries(opts.types).map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('')}</Types>`);
  if (opts.sheetRel && opts.sheetElement) {
    const existing = text(bytes, sheetRels) || `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"></Relationships>`;
    changes[sheetRels] = existing.replace('</Relationships>', () => `<Relationship Id="rIdKh1" Type="${opts.sheetRel?.type.startsWith('http') ? '' : `${REL}/`}${opts.sheetRel?.type}" Target="${opts.sheetRel?.target}"/></Relationships>`);
    const xml = text(bytes, sheet);
    const element = opts.sheetElement('rIdKh1');
    // elements after sheetData come in the order of the schema: drawing before tableParts and extLst
    const before = ['<legacyDrawing', '<tableParts', '<extLst'].map((t) => xml.indexOf(t)).filter((i) => i >= 0);
    const at = before.length > 0 ? Math.min(...before) : xml.lastIndexOf('</worksheet>');
    changes[sheet] = xml.slice(0, at) + element + xml.slice(at);
    if (!/xmlns:r=/.test(xml.slice(0, 400))) changes[sheet] = changes[sheet].replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
  }
  if (opts.bookRel) {
    changes['xl/_rels/workbook.xml.rels'] = text(bytes, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', () => `<Relationship Id="rIdKhB" Type="${REL}/${opts.bookRel?.type}" Target="${opts.bookRel?.target}"/></Relationships>`);
    changes['xl/workbook.xml'] = text(bytes, 'xl/workbook.xml').replace('</workbook>', () => `${opts.bookRel?.element('rIdKhB')}</workbook>`);
  }
  return rezip(bytes, changes);
}

function anchor(inner: string): string {
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>22</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
}

/** A clustered bar chart of the summary's totals by source, in a drawing on the summary sheet (or on `sheet` of `workbook`). */
export async function withChart(workbook?: Buffer, sheet?: string): Promise<Buffer> {
  const base = workbook ?? (await basePlan());
  const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ nguồn vốn"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Vốn theo nguồn</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Tổng hợp'!$D$6:$H$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Tổng hợp'!$D$7:$H$7</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  return inject(base, {
    sheet,
    parts: {
      'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${REL}">${anchor(frame)}</xdr:wsDr>`,
      'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      'xl/charts/chart1.xml': chart,
    },
    types: { 'xl/drawings/drawing1.xml': CT('drawing+xml'), 'xl/charts/chart1.xml': CT('drawingml.chart+xml') },
    sheetRel: { type: 'drawing', target: '../drawings/drawing1.xml' },
    sheetElement: (rid) => `<drawing r:id="${rid}"/>`,
  });
}

/** A text box drawn over the summary sheet. */
export async function withTextBox(): Promise<Buffer> {
  const base = await basePlan();
  const shape = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Hộp chữ 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Số liệu đã đối chiếu với Sở Tài chính</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
  return inject(base, {
    parts: { 'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchor(shape)}</xdr:wsDr>` },
    types: { 'xl/drawings/drawing1.xml': CT('drawing+xml') },
    sheetRel: { type: 'drawing', target: '../drawings/drawing1.xml' },
    sheetElement: (rid) => `<drawing r:id="${rid}"/>`,
  });
}

/** A PivotTable summing the summary's total by code, its cache beside it. */
export async function withPivot(): Promise<Buffer> {
  const base = await basePlan();
  const cache = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A6:D12" sheet="Tổng hợp"/></cacheSource><cacheFields count="2"><cacheField name="Mã" numFmtId="0"><sharedItems/></cacheField><cacheField name="Tổng" numFmtId="0"><sharedItems containsNumber="1"/></cacheField></cacheFields></pivotCacheDefinition>`;
  const records = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="${MAIN}" count="0"/>`;
  const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="${MAIN}" name="PivotNguon" cacheId="1" dataCaption="Giá trị" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6"><location ref="V3:W4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="1"><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Tổng vốn" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;
  return inject(base, {
    parts: {
      'xl/pivotCache/pivotCacheDefinition1.xml': cache,
      'xl/pivotCache/pivotCacheRecords1.xml': records,
      'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
      'xl/pivotTables/pivotTable1.xml': table,
      'xl/pivotTables/_rels/pivotTable1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    },
    types: { 'xl/pivotCache/pivotCacheDefinition1.xml': CT('spreadsheetml.pivotCacheDefinition+xml'), 'xl/pivotCache/pivotCacheRecords1.xml': CT('spreadsheetml.pivotCacheRecords+xml'), 'xl/pivotTables/pivotTable1.xml': CT('spreadsheetml.pivotTable+xml') },
    bookRel: { type: 'pivotCacheDefinition', target: 'pivotCache/pivotCacheDefinition1.xml', element: (rid) => `<pivotCaches><pivotCache cacheId="1" r:id="${rid}" xmlns:r="${REL}"/></pivotCaches>` },
  });
}

/** Defined names that are formulas, not ranges: TyLeDoiUng = 0,5 and DoiUng = H7 × TyLeDoiUng. */
export async function withFormulaNames(): Promise<Buffer> {
  const base = await basePlan();
  const names = `<definedName name="TyLeDoiUng">0.5</definedName><definedName name="DoiUng">'Tổng hợp'!$H$7*TyLeDoiUng</definedName>`;
  const book = text(base, 'xl/workbook.xml');
  return rezip(base, { 'xl/workbook.xml': book.includes('<definedNames>') ? book.replace('<definedNames>', () => `<definedNames>${names}`) : book.replace('</sheets>', () => `</sheets><definedNames>${names}</definedNames>`) });
}

/** A link to another workbook: its part, and a cell reading it. */
export async function withExternalLink(): Promise<Buffer> {
  const base = await basePlan((wb) => {
    (wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet).getCell('T30').value = { formula: '[1]DA4!H8', result: 530 } as ExcelJS.CellFormulaValue;
  });
  return inject(base, {
    parts: {
      'xl/externalLinks/externalLink1.xml': `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="DA4"/></sheetNames></externalBook></externalLink>`,
      'xl/externalLinks/_rels/externalLink1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="KH-huyen.xlsx" TargetMode="External"/></Relationships>`,
    },
    types: { 'xl/externalLinks/externalLink1.xml': CT('spreadsheetml.externalLink+xml') },
    bookRel: { type: 'externalLink', target: 'externalLinks/externalLink1.xml', element: (rid) => `<externalReferences><externalReference r:id="${rid}" xmlns:r="${REL}"/></externalReferences>` },
  });
}

/** Sparklines of each source's amounts beside the summary (an x14 extension of the sheet). */
export async function withSparklines(): Promise<Buffer> {
  const base = await basePlan();
  const sheet = summaryPart(base);
  const x14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
  const xm = 'http://schemas.microsoft.com/office/excel/2006/main';
  const ext = `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${x14}"><x14:sparklineGroups xmlns:xm="${xm}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'Tổng hợp'!D7:H7</xm:f><xm:sqref>U7</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
  return rezip(base, { [sheet]: text(base, sheet).replace('</worksheet>', () => `${ext}</worksheet>`) });
}

/** Notes (kept by exceljs) and threaded comments (not kept). */
export async function withThreadedComments(): Promise<Buffer> {
  const base = await basePlan();
  return inject(base, {
    parts: {
      'xl/threadedComments/threadedComment1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="H7" dT="2024-03-01T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>Kiểm tra lại số đối ứng</text></threadedComment></ThreadedComments>`,
    },
    types: { 'xl/threadedComments/threadedComment1.xml': 'application/vnd.ms-excel.threadedcomments+xml' },
    sheetRel: { type: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', target: '../threadedComments/threadedComment1.xml' },
    sheetElement: () => '',
  });
}

/** What exceljs keeps: a note and an image (a 1×1 PNG) on the summary sheet. */
export async function withNoteAndImage(): Promise<Buffer> {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  return basePlan((wb) => {
    const ws = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    ws.getCell('H7').note = 'Số đối ứng đã đối chiếu';
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, 'P3:Q4');
  });
}
