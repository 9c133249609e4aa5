/**
 * The annexes as descriptions and as refreshed .xlsx files: Biểu 01 follows the plan row by row
 * with live formulas, the document layout is there, words are written, and a refresh keeps what the
 * officer wrote (Ghi chú, Biểu 02 rows, Biểu 03 part B) while the plan's structure changes.
 */
import ExcelJS from 'exceljs';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';
import { SheetSpec, WorkbookDescription, cellsOf } from '../../src/core/book/model';
import { annexGeneration, buildPlanWithAnnexes } from '../../src/core/book/annex/generate';
import { ANNEX_ROWS, ANNEX_SHEET, annex01Columns, annex02Columns, annex03Columns } from '../../src/core/book/annex/layout';
import { attachedLine, columnNumbers, issuerLines, linesFor } from '../../src/core/book/annex/document';
import { planGeneration, generatedSheets } from '../../src/core/book/generate';
import { readPlanSpec } from '../../src/core/book/export';
import { findSheet } from '../../src/core/book/snapshot';
import { applyAndReload, snap } from './helpers';

function built(spec: PlanSpec): WorkbookDescription {
  const b = buildPlanWithAnnexes(spec);
  if (!b.ok) throw new Error(JSON.stringify(b.errors));
  return b.description;
}

function sheet(d: WorkbookDescription, name: string): SheetSpec {
  const s = d.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Rows of a described sheet as arrays of value-or-formula. */
function grid(s: SheetSpec): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const [r, c, spec] of cellsOf(s)) {
    while (out.length <= r) out.push([]);
    out[r][c] = spec.formula ?? spec.value ?? null;
  }
  return out;
}

const C01 = Object.fromEntries(annex01Columns('2021-2025').map((c, i) => [c.key, i]));
const C02 = Object.fromEntries(annex02Columns().map((c, i) => [c.key, i]));
const C03 = Object.fromEntries(annex03Columns('2021-2025').map((c, i) => [c.key, i]));

function rowOf(g: ReturnType<typeof grid>, codeCol: number, code: string): number {
  const r = g.findIndex((line) => line?.[codeCol] === code);
  if (r < 0) throw new Error(`no row ${code}`);
  return r;
}

describe('Biểu 01 for the Lai Châu 2024 plan', () => {
  const d = built(LAI_CHAU_2024);
  const g = grid(sheet(d, 'Biểu 01'));

  test('document header: issuing body, Quốc hiệu, number, title, attached line, unit', () => {
    expect(g[ANNEX_ROWS.body][0]).toBe('ỦY BAN NHÂN DÂN');
    expect(g[ANNEX_ROWS.body2][0]).toBe('THÀNH PHỐ LAI CHÂU');
    expect(g[ANNEX_ROWS.body]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(g[ANNEX_ROWS.body2]).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(g[ANNEX_ROWS.number][0]).toBe('Biểu số 01');
    expect(g[ANNEX_ROWS.title][0]).toBe('KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(g[ANNEX_ROWS.attached][0]).toMatch(/^\(Kèm theo Kế hoạch số .*\/KH-UBND ngày .*\/2024 của UBND thành phố Lai Châu\)$/);
    expect(g[ANNEX_ROWS.unit]).toContain('Đơn vị tính: triệu đồng');
    expect(g[ANNEX_ROWS.numbers].slice(0, 5)).toEqual(['(1)', '(2)', '(3)', '(4)=(5)+(8)+\n(9)+(10)+(11)', '(5)=(6)+(7)']);
  });

  test('the total row comes first; STT is I, 1, 2 …; every amount points at the plan sheet row by code', () => {
    const total = ANNEX_ROWS.firstData;
    expect(g[total][C01.content]).toBe('TỔNG CỘNG');
    const da4 = rowOf(g, C01.code, 'DA4');
    expect(g[da4][C01.stt]).toBe('III');
    expect(g[da4 + 1][C01.stt]).toBe('1');
    expect(g[da4 + 2][C01.stt]).toBe('2');
    expect(g[da4 + 2][C01.content]).toBe('Tiểu dự án 3: Hỗ trợ việc làm bền vững');
    expect(g[da4 + 2][C01.total]).toBe(`=SUMIFS('DA4'!$E:$E,'DA4'!$O:$O,"DA4.3")`);
    expect(g[da4 + 2][C01.centralRecurrent]).toBe(`=SUMIFS('DA4'!$H:$H,'DA4'!$O:$O,"DA4.3")`);
    // the total adds the five Dự án rows
    const projectRows = ['DA2', 'DA3', 'DA4', 'DA6', 'DA7'].map((c) => rowOf(g, C01.code, c) + 1);
    expect(g[total][C01.total]).toBe(`=${projectRows.map((r) => `D${r}`).join('+')}`);
  });

  test('"Bằng chữ" under the table reads 1.728 triệu đồng, and the signature block names the signer', () => {
    const words = g.findIndex((l) => typeof l?.[0] === 'string' && (l[0] as string).startsWith('Bằng chữ'));
    expect(g[words][0]).toBe('Bằng chữ: Một tỷ bảy trăm hai mươi tám triệu đồng.');
    const flat = g.slice(words).flat();
    expect(flat).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Đình Tiến']));
  });

  test('prints on A4 landscape, one page wide, header rows repeated, NĐ 30 margins; the code column hidden', () => {
    const s = sheet(d, 'Biểu 01');
    expect(s.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '8:10', margins: { top: 20, bottom: 20, left: 30, right: 15 } });
    expect(s.print?.area).toMatch(/^A1:L\d+$/);
    expect(s.columns?.find((c) => c.index === C01.code)?.hidden).toBe(true);
    const fonts = new Set(Object.values(d.styles).map((st) => st.font?.name));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  test('the KH formula style writes =KH.BANGCHU over the total', () => {
    const b = buildPlanWithAnnexes(LAI_CHAU_2024, { formulaStyle: 'kh' });
    if (!b.ok) throw new Error('build');
    const wordsCell = [...cellsOf(sheet(b.description, 'Biểu 01'))].find(([, , s]) => s.formula?.includes('KH.BANGCHU'));
    const total = `D${ANNEX_ROWS.firstData + 1}`;
    // an empty table prints no words
    expect(wordsCell?.[2].formula).toBe(`=IF(${total}=0,"","Bằng chữ: "&KH.BANGCHU(${total},"triệu")&".")`);
  });
});

describe('document pieces', () => {
  test('issuer lines, attached line with blanks for a plan not yet numbered', () => {
    expect(issuerLines('UBND xã Bình Lư')).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ BÌNH LƯ']);
    expect(issuerLines('Sở Tài chính tỉnh Lai Châu')).toEqual(['SỞ TÀI CHÍNH TỈNH LAI CHÂU', '']);
    expect(attachedLine({ ...LAI_CHAU_2024, documentNumber: '45/KH-UBND', documentDate: '15/01/2024' })).toBe('(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND thành phố Lai Châu)');
    expect(columnNumbers(annex03Columns('2021-2025')).slice(2, 4)).toEqual(['(3)=(4)+(7)+\n(8)+(9)+(10)', '(4)=(5)+(6)']);
  });

  test('row heights grow with wrapped text', () => {
    expect(linesFor('Văn phòng', 20, false)).toBe(1);
    expect(linesFor('Phòng Lao động - Thương binh và Xã hội thành phố', 20, false)).toBe(2);
    expect(linesFor('(4)=(5)+(8)+(9)+(10)+(11)', 13, false)).toBe(2);
  });
});

describe('Biểu 02, Biểu 03 and the targets annex', () => {
  const spec: PlanSpec = {
    ...BINH_LU_2025,
    policies: [
      { dimension: 'health', name: 'Hỗ trợ mua thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo', basis: 'NĐ 146/2018/NĐ-CP', unit: 'lượt người', beneficiaries: 1250, amount: 412.5, source: 'central' },
      { dimension: 'education', name: 'Miễn, giảm học phí', basis: 'NĐ 81/2021/NĐ-CP', unit: 'lượt học sinh', beneficiaries: 320, amount: 96, source: 'local' },
    ],
    otherProgrammes: [{ name: 'Chương trình MTQG xây dựng nông thôn mới', amounts: { centralInvestment: 1500, local: 300 } }],
    targets: [{ name: 'Tỷ lệ hộ nghèo giảm', unit: '%', previous: 1.2, planned: 0.8 }],
  };
  const d = built(spec);

  test('Biểu 02: six dimension groups, policies under theirs, groups sum their rows, the total the groups', () => {
    const g = grid(sheet(d, 'Biểu 02'));
    const groups = g.filter((l) => typeof l?.[C02.code] === 'string' && (l[C02.code] as string).startsWith('CS.')).map((l) => l[C02.content]);
    expect(groups).toEqual(['Giáo dục', 'Y tế', 'Nhà ở', 'Nước sinh hoạt và vệ sinh', 'Thông tin', 'Việc làm']);
    const health = rowOf(g, C02.code, 'CS.health');
    expect(g[health + 1].slice(1, 8)).toEqual(['Hỗ trợ mua thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo', 'NĐ 146/2018/NĐ-CP', 'Y tế', 'lượt người', 1250, 412.5, 'NSTW']);
    expect(g[health][C02.amount]).toBe(`=SUM(G${health + 2}:G${health + 2})`);
    expect(g[ANNEX_ROWS.firstData][C02.amount]).toMatch(/^=G\d+\+G\d+\+G\d+\+G\d+\+G\d+\+G\d+$/);
    const validations = sheet(d, 'Biểu 02').validations ?? [];
    expect(validations.map((v) => v.list)).toEqual([expect.arrayContaining(['Giáo dục', 'Việc làm']), ['NSTW', 'NSĐP', 'Lồng ghép', 'Tín dụng chính sách', 'Huy động khác']]);
  });

  test('Biểu 03: A from Tổng hợp, B the other programmes, C from Biểu 02 by source; total A+B+C', () => {
    const g = grid(sheet(d, 'Biểu 03'));
    const a = rowOf(g, C03.code, 'A');
    const b = rowOf(g, C03.code, 'B');
    const c = rowOf(g, C03.code, 'C');
    expect(g[a][C03.total]).toBe(`=SUMIFS('Tổng hợp'!$C:$C,'Tổng hợp'!$M:$M,"TONG")`);
    expect(g[b + 1][C03.content]).toBe('Chương trình MTQG xây dựng nông thôn mới');
    expect(g[b + 1][C03.centralInvestment]).toBe(1500);
    expect(g[b + 1][C03.total]).toBe(`=D${b + 2}+G${b + 2}+H${b + 2}+I${b + 2}+J${b + 2}`);
    expect(g[c][C03.centralRecurrent]).toBe(`=SUMIFS('Biểu 02'!$G:$G,'Biểu 02'!$H:$H,"NSTW")`);
    expect(g[c][C03.local]).toBe(`=SUMIFS('Biểu 02'!$G:$G,'Biểu 02'!$H:$H,"NSĐP")`);
    expect(g[ANNEX_ROWS.firstData][C03.total]).toBe(`=C${a + 1}+C${b + 1}+C${c + 1}`);
    const b2 = buildPlanWithAnnexes(spec);
    expect(b2.ok && b2.totals).toEqual({ programme: 1915, others: 1800, policies: 508.5, unfunded: 0, grand: 4223.5 });
  });

  test('Bằng chữ of Biểu 03 reads what its formulas compute: a policy without a source Biểu 03 counts is left out of both', () => {
    const withUnfunded: PlanSpec = {
      ...spec,
      policies: [
        ...(spec.policies ?? []),
        { dimension: 'housing', name: 'Hỗ trợ nhà ở', amount: 4800 },
        // "NSTW" is counted by SUMIFS whatever the case; an unknown word is not
        { dimension: 'water', name: 'Nước sạch', amount: 20, source: 'credit' },
      ],
    };
    const b = buildPlanWithAnnexes(withUnfunded);
    if (!b.ok) throw new Error('build');
    expect(b.totals).toEqual({ programme: 1915, others: 1800, policies: 5328.5, unfunded: 4800, grand: 4243.5 });
    // Biểu 02's words count every policy; Biểu 03's only those its part C adds
    expect(b.words?.annex02).toBe('Bằng chữ: Năm tỷ ba trăm hai mươi tám triệu năm trăm nghìn đồng.');
    expect(b.words?.annex03).toBe('Bằng chữ: Bốn tỷ hai trăm bốn mươi ba triệu năm trăm nghìn đồng.');
    const g = grid(sheet(b.description, 'Biểu 03'));
    expect(g.flat()).toContain('Bằng chữ: Bốn tỷ hai trăm bốn mươi ba triệu năm trăm nghìn đồng.');
  });

  test('targets: the plan\'s rows, one decimal for percentages', () => {
    const s = sheet(d, 'Chỉ tiêu');
    const row = [...cellsOf(s)].filter(([r]) => r === ANNEX_ROWS.firstData);
    expect(row.map(([, , x]) => x.value ?? null).slice(0, 5)).toEqual([1, 'Tỷ lệ hộ nghèo giảm', '%', 1.2, 0.8]);
    expect(row[3][2].numberFormat).toBe('#,##0.0');
    expect(s.print?.orientation).toBe('portrait');
  });

  test('kh export reads the annex rows back: policies (by dimension), other programmes, targets', async () => {
    const wb = await applyAndReload(new ExcelJS.Workbook(), d);
    const back = readPlanSpec(snap(wb));
    expect(back.policies).toEqual([spec.policies![1], spec.policies![0]]);
    expect(back.otherProgrammes).toEqual(spec.otherProgrammes);
    expect(back.targets).toEqual(spec.targets);
  });

  test('the 2026–2035 programme: Hợp phần as parts A, B over the Nội dung thành phần', () => {
    const g = grid(sheet(built({ ...BINH_LU_2025, programme: '2026-2035', year: 2027, items: [{ code: 'HP1.ND4', amounts: { centralRecurrent: 300 } }, { code: 'HP2.ND2', amounts: { centralInvestment: 120 } }] }), 'Biểu 01'));
    const parts = g.filter((l) => l?.[C01.stt] === 'A' || l?.[C01.stt] === 'B').map((l) => l[C01.code]);
    expect(parts).toEqual(['HP1', 'HP2']);
    const hp1 = rowOf(g, C01.code, 'HP1');
    expect(g[hp1 + 1][C01.stt]).toBe('I');
    expect(g[hp1][C01.total]).toBe(`=D${hp1 + 2}`);
  });
});

describe('refreshing the annexes of a workbook', () => {
  async function start(spec: PlanSpec): Promise<ExcelJS.Workbook> {
    return applyAndReload(new ExcelJS.Workbook(), built(spec));
  }

  test('a second run writes nothing', async () => {
    const wb = await start(LAI_CHAU_2024);
    const result = annexGeneration(LAI_CHAU_2024, snap(wb));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.unchanged).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu']);
    expect(result.patch.sheets).toEqual([]);
  });

  test('notes, Biểu 02 rows and Biểu 03 amounts survive the plan gaining a sub-project', async () => {
    let wb = await start(LAI_CHAU_2024);
    // the officer writes in the annexes
    const b01 = wb.getWorksheet('Biểu 01') as ExcelJS.Worksheet;
    const da32 = b01.getColumn(C01.code + 1).values.findIndex((v) => v === 'DA3.2');
    b01.getCell(da32, C01.note + 1).value = 'Ưu tiên trẻ dưới 5 tuổi';
    const b02 = wb.getWorksheet('Biểu 02') as ExcelJS.Worksheet;
    const housing = b02.getColumn(C02.code + 1).values.findIndex((v) => v === 'CS.housing');
    b02.spliceRows(housing + 1, 0, []); // a row inserted by hand, no code
    b02.getRow(housing + 1).values = [null, 'Hỗ trợ nhà ở cho hộ nghèo theo Dự án 5', 'QĐ 90/QĐ-TTg', 'Nhà ở', 'hộ', 12, 480, 'NSTW', 'xây mới'];
    const b03 = wb.getWorksheet('Biểu 03') as ExcelJS.Worksheet;
    const ntm = b03.getColumn(C03.code + 1).values.findIndex((v) => v === 'B') + 2;
    b03.getCell(ntm, C03.local + 1).value = 250;
    b01.getCell(3, 20).value = 'ghi nhớ của tôi';
    wb = await applyAndReload(wb, { sheets: [], names: [], styles: {} });

    // the plan gains Tiểu dự án 1 of Dự án 3
    const grown: PlanSpec = { ...LAI_CHAU_2024, items: [...LAI_CHAU_2024.items, { code: 'DA3.TDA1', unitName: 'Phòng Kinh tế', amounts: { centralRecurrent: 100 } }] };
    const plan = planGeneration(grown, snap(wb));
    if (!plan.ok) throw new Error('plan');
    wb = await applyAndReload(wb, plan.patch);
    const spec = readPlanSpec(snap(wb));
    const result = annexGeneration(spec, snap(wb));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.refreshed).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03']);
    expect(result.report.unchanged).toEqual(['Chỉ tiêu']);
    expect(result.report.totals).toEqual({ programme: 1828, others: 250, policies: 480, unfunded: 0, grand: 2558 });
    wb = await applyAndReload(wb, result.patch);

    const after = snap(wb);
    const a01 = findSheet(after, 'Biểu 01')!;
    const code01 = (code: string) => a01.values.findIndex((r) => r[C01.code] === code);
    expect(a01.values[code01('DA3.1')][C01.content]).toBe('Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp');
    expect(code01('DA3.1')).toBe(code01('DA3') + 1);
    expect(a01.values[code01('DA3.2')][C01.note]).toBe('Ưu tiên trẻ dưới 5 tuổi');
    expect(a01.values[2][19]).toBe('ghi nhớ của tôi');
    expect(a01.values.some((r) => r[0] === 'Bằng chữ: Một tỷ tám trăm hai mươi tám triệu đồng.')).toBe(true);
    const a02 = findSheet(after, 'Biểu 02')!;
    const policy = a02.values.findIndex((r) => r[C02.content] === 'Hỗ trợ nhà ở cho hộ nghèo theo Dự án 5');
    expect(a02.values[policy].slice(C02.amount, C02.note + 2)).toEqual([480, 'NSTW', 'xây mới', 'NHAP']);
    expect(a02.values[policy - 1][C02.code]).toBe('CS.housing');
    const a03 = findSheet(after, 'Biểu 03')!;
    const b = a03.values.findIndex((r) => r[C03.code] === 'B');
    expect(a03.values[b + 2][C03.local]).toBe(250);

    // and once more: nothing to do
    const again = annexGeneration(readPlanSpec(after), after);
    expect(again.ok && again.report.unchanged.length).toBe(4);
  });

  test('an officer\'s own "Biểu 01" stays; KH\'s is "Biểu 01 (KH)"; plan refreshes keep annexes registered', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Biểu 01').getCell('A1').value = 'Biểu tự làm';
    const planOnly = planGeneration(LAI_CHAU_2024, snap(wb));
    if (!planOnly.ok) throw new Error('plan');
    const withPlan = await applyAndReload(wb, planOnly.patch);
    const result = annexGeneration(LAI_CHAU_2024, snap(withPlan));
    if (!result.ok) throw new Error('annex');
    expect(result.report.renamed).toEqual([{ wanted: 'Biểu 01', used: 'Biểu 01 (KH)' }]);
    const done = await applyAndReload(withPlan, result.patch);
    expect(done.getWorksheet('Biểu 01')?.getCell('A1').value).toBe('Biểu tự làm');
    expect(generatedSheets(snap(done)).get('annex01')?.name).toBe('Biểu 01 (KH)');
    const refreshed = planGeneration(LAI_CHAU_2024, snap(done));
    if (!refreshed.ok) throw new Error('plan');
    const again = await applyAndReload(done, refreshed.patch);
    expect([...generatedSheets(snap(again)).keys()]).toEqual(expect.arrayContaining(['annex01', 'annex02', 'annex03', 'annexTargets']));
  });

  test('a workbook that is not a KH plan gets a clear refusal', () => {
    const result = annexGeneration(LAI_CHAU_2024, { sheets: [], names: [] });
    expect(result).toEqual({ ok: false, errors: [{ key: 'annex.notAPlan' }] });
  });

  test('sheet names of the standard annexes', () => {
    expect(ANNEX_SHEET).toEqual({ annex01: 'Biểu 01', annex02: 'Biểu 02', annex03: 'Biểu 03', annexTargets: 'Chỉ tiêu' });
  });
});
