import { buildPlanWorkbook, planRows } from '../../src/core/book/template';
import { cellsOf, SheetSpec } from '../../src/core/book/model';
import { LAI_CHAU_2024, BINH_LU_2025 } from '../../src/core/examples/lai-chau-2024';
import { rollup } from '../../src/core/rollup';
import { sumExact } from '../../src/core/money';
import { KIND, ROWS, SHEET, planColumns } from '../../src/core/book/layout';
import { PlanSpec } from '../../src/core/plan';
import { translate } from '../../src/core/i18n';

function build(spec: PlanSpec, style: 'native' | 'kh' = 'native') {
  const r = buildPlanWorkbook(spec, { formulaStyle: style });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

function sheet(d: { sheets: SheetSpec[] }, name: string): SheetSpec {
  const s = d.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function cell(s: SheetSpec, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  for (const [r, c, spec] of cellsOf(s)) if (r === row && c === col) return spec;
  return null;
}

const P = planColumns('2021-2025').project.letter;

describe('the Lai Châu 2024 plan as a workbook', () => {
  const { description, projects } = build(LAI_CHAU_2024);

  test('sheets: Thông tin, Tổng hợp, one per Dự án, Danh mục, very hidden _kh', () => {
    expect(description.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Tổng hợp', 'DA2', 'DA3', 'DA4', 'DA6', 'DA7', 'Danh mục', '_kh']);
    expect(sheet(description, SHEET.meta).visibility).toBe('veryHidden');
  });

  test('rows of DA4: the project (group) and sub-projects 1 and 3 (leaves) with fixed numbers', () => {
    const da4 = projects.find((p) => p.entry.code === 'DA4');
    expect(da4?.rows.map((r) => [r.stt, r.code, r.kind])).toEqual([
      ['4', 'DA4', 'group'],
      ['4.1', 'DA4.1', 'leaf'],
      ['4.2', 'DA4.3', 'leaf'],
    ]);
    expect(da4?.rows[2].content).toBe('Tiểu dự án 3: Hỗ trợ việc làm bền vững');
  });

  test('a group row is a native SUMIFS over the code and row-kind columns, from the next row down', () => {
    const da4 = sheet(description, 'DA4');
    const r = ROWS.firstData + 1;
    expect(cell(da4, `${P.total}${r}`)?.formula).toBe(`=SUMIFS(${P.total}${r + 1}:${P.total}1048576,$${P.code}${r + 1}:$${P.code}1048576,"DA4.*",$${P.kind}${r + 1}:$${P.kind}1048576,"${KIND.leaf}")`);
  });

  test('a leaf row: typed ĐTPT/SN/NSĐP/… (unlocked), NSTW and Tổng are plain sums', () => {
    const da4 = sheet(description, 'DA4');
    const r = ROWS.firstData + 2;
    expect(cell(da4, `${P.centralRecurrent}${r}`)).toMatchObject({ value: 685, locked: false });
    expect(cell(da4, `${P.central}${r}`)?.formula).toBe(`=${P.centralInvestment}${r}+${P.centralRecurrent}${r}`);
    expect(cell(da4, `${P.total}${r}`)?.formula).toBe(`=${P.central}${r}+${P.local}${r}+${P.integrated}${r}+${P.credit}${r}+${P.mobilised}${r}`);
    expect(cell(da4, `${P.total}${r}`)?.locked).toBe(true);
  });

  test('Tổng hợp pulls each project from its own sheet by code; the grand total sums the leaves', () => {
    const s = sheet(description, SHEET.summary);
    const total = cell(s, `C${ROWS.firstData + 1}`);
    expect(total?.formula).toBe(`=SUMIFS(C${ROWS.firstData + 2}:C1048576,$N${ROWS.firstData + 2}:$N1048576,"${KIND.leaf}")`);
    expect(cell(s, `C${ROWS.firstData + 2}`)?.formula).toBe(`=SUMIFS('DA2'!${P.total}:${P.total},'DA2'!$${P.code}:$${P.code},"DA2")`);
  });

  test('the amounts laid out roll up to the stated 1.728 triệu đồng', () => {
    const rows = projects.flatMap((p) => p.rows);
    const { values, tree } = rollup(rows.map((r) => r.code), rows.map((r) => [r.amounts?.centralRecurrent ?? null]));
    expect(sumExact(values.filter((_, i) => tree.parent[i] === -1).map((v) => v[0] ?? 0))).toBe(1728);
  });

  test('native by default: no KH.* formula anywhere (the file works without the add-in)', () => {
    for (const s of description.sheets) for (const [, , spec] of cellsOf(s)) expect(spec.formula ?? '').not.toMatch(/KH\./);
  });

  test('the KH formula style writes KH.CHECK_SOURCES / KH.ROLLUP in the check column only', () => {
    const kh = build(LAI_CHAU_2024, 'kh').description;
    const da4 = sheet(kh, 'DA4');
    expect(cell(da4, `${P.check}${ROWS.firstData + 2}`)?.formula).toMatch(/^=IF\(KH\.CHECK_SOURCES\(/);
    expect(cell(da4, `${P.check}${ROWS.firstData + 1}`)?.formula).toMatch(/KH\.ROLLUP\(/);
    expect(cell(da4, `${P.total}${ROWS.firstData + 1}`)?.formula).toMatch(/^=SUMIFS/);
  });

  test('named ranges for every Thông tin field, the tolerance and the lists', () => {
    const names = description.names.map((n) => n.name);
    for (const n of ['KH_CoQuan', 'KH_Nam', 'KH_DonViTinh', 'KH_SaiSo', 'KH_TongCong', 'DM_DonVi', 'KH_SoNeu_total']) expect(names).toContain(n);
    expect(description.names.find((n) => n.name === 'KH_SaiSo')?.ref).toBe("='Thông tin'!$B$19");
  });

  test('input cells are unlocked, sheets protected, print set for A4 landscape one page wide', () => {
    const da2 = sheet(description, 'DA2');
    expect(da2.protect).toBe(true);
    expect(da2.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '4:6' });
    expect(da2.freeze).toEqual({ rows: 6, columns: 2 });
    expect(da2.validations?.map((v) => v.list)).toEqual(['=DM_DonVi', [KIND.leaf, KIND.group]]);
  });

  test('the check column says ✓ or the catalogue message', () => {
    const f = cell(sheet(description, 'DA2'), `${P.check}${ROWS.firstData + 1}`)?.formula ?? '';
    expect(f).toContain(`"${translate('sheet.sourcesMismatch')}"`);
    expect(f).toContain('KH_SaiSo');
  });
});

describe('specs that cannot be built say why', () => {
  test('unknown code, activity under a missing item, nothing selected', () => {
    const bad = planRows({ ...BINH_LU_2025, items: [{ code: 'DA9' }], activities: [{ parent: 'DA5', name: 'Xây nhà', amounts: {} }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.key)).toEqual(['plan.unknownCode', 'plan.activityParentMissing']);
    const empty = planRows({ ...BINH_LU_2025, items: [], activities: [] });
    expect(!empty.ok && empty.errors[0].key).toBe('plan.empty');
  });

  test('activities hang under items and get machine codes and letters', () => {
    const spec: PlanSpec = {
      ...BINH_LU_2025,
      items: [{ code: 'DA3.TDA1' }],
      activities: [
        { parent: 'DA3.TDA1', name: 'Hỗ trợ giống lúa', amounts: { centralRecurrent: 300, mobilised: 20 } },
        { parent: 'DA3.TDA1', name: 'Hỗ trợ phân bón', amounts: { centralRecurrent: 159 } },
      ],
    };
    const r = planRows(spec);
    expect(r.ok && r.projects[0].rows.map((x) => [x.stt, x.code, x.kind])).toEqual([
      ['3', 'DA3', 'group'],
      ['3.1', 'DA3.1', 'group'],
      ['a', 'DA3.1.1', 'leaf'],
      ['b', 'DA3.1.2', 'leaf'],
    ]);
  });
});

describe('the 2026–2035 programme', () => {
  test('one sheet per Nội dung thành phần, "Chi thường xuyên" in the header, HP codes', () => {
    const spec: PlanSpec = {
      ...BINH_LU_2025,
      programme: '2026-2035',
      year: 2027,
      items: [{ code: 'HP1.ND4', unitName: 'Phòng Văn hoá - Xã hội', amounts: { centralRecurrent: 300 } }, { code: 'HP2.ND2', amounts: { centralInvestment: 120, local: 12 } }],
    };
    const { description, projects } = build(spec);
    expect(description.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Tổng hợp', 'HP1.ND4', 'HP2.ND2', 'Danh mục', '_kh']);
    expect(projects[0].rows[0]).toMatchObject({ code: 'HP1.4', kind: 'leaf', content: expect.stringMatching(/^Nội dung thành phần 4: /) });
    const header = [...cellsOf(sheet(description, 'HP1.ND4'))].filter(([r]) => r === ROWS.header2).map(([, , s]) => s.value);
    expect(header).toContain('Chi thường xuyên');
  });
});
