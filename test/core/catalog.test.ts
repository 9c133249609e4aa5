import fc from 'fast-check';
import {
  CatalogError,
  bestMatch,
  childrenOf,
  extendCatalog,
  findByCode,
  getCatalog,
  matchName,
  parentOf,
  tryExtendCatalog,
  validateCatalog,
  type Catalog,
} from '../../src/core/catalog';
import { PROGRAMMES } from '../../src/core/programme';

const gnbv = getCatalog('2021-2025');
const mtqg = getCatalog('2026-2035');
const codes = (c: Catalog): string[] => c.entries.map((e) => e.code);

describe('catalogue data', () => {
  it('has the entries of domain.md §2 and §3', () => {
    expect(codes(gnbv)).toEqual([
      'DA1', 'DA1.TDA1', 'DA1.TDA2', 'DA2', 'DA3', 'DA3.TDA1', 'DA3.TDA2', 'DA4', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3',
      'DA5', 'DA6', 'DA6.TDA1', 'DA6.TDA2', 'DA7', 'DA7.TDA1', 'DA7.TDA2',
    ]);
    expect(codes(mtqg)).toEqual([
      'HP1', ...Array.from({ length: 10 }, (_, i) => `HP1.ND${i + 1}`),
      'HP2', ...Array.from({ length: 5 }, (_, i) => `HP2.ND${i + 1}`),
    ]);
    for (const p of PROGRAMMES) expect(getCatalog(p).programme).toBe(p);
  });

  it('uses the official names of §2', () => {
    const names: Record<string, string> = {
      DA1: 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      'DA1.TDA2': 'Triển khai Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn',
      DA2: 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      DA3: 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      'DA3.TDA1': 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
      'DA3.TDA2': 'Cải thiện dinh dưỡng',
      DA4: 'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
      'DA4.TDA1': 'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      'DA4.TDA2': 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
      'DA4.TDA3': 'Hỗ trợ việc làm bền vững',
      DA5: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
      DA6: 'Truyền thông và giảm nghèo về thông tin',
      'DA6.TDA1': 'Giảm nghèo về thông tin',
      'DA6.TDA2': 'Truyền thông về giảm nghèo đa chiều',
      DA7: 'Nâng cao năng lực và giám sát, đánh giá Chương trình',
      'DA7.TDA1': 'Nâng cao năng lực thực hiện Chương trình',
      'DA7.TDA2': 'Giám sát, đánh giá',
    };
    for (const [code, name] of Object.entries(names)) expect(findByCode(gnbv, code)?.name).toBe(name);
    // Unconfirmed wording: the parent's name, with a note.
    expect(findByCode(gnbv, 'DA1.TDA1')?.name).toBe(names.DA1);
    expect(findByCode(gnbv, 'DA1.TDA1')?.note).toMatch(/unconfirmed/);
    for (const e of mtqg.entries) expect(e.note).toMatch(/unconfirmed/);
    for (const c of [gnbv, mtqg]) for (const e of c.entries) expect(e.name).toBe(e.name.normalize('NFC'));
  });

  it.each([gnbv, mtqg])('is consistent ($programme)', (catalog) => {
    expect(validateCatalog(catalog)).toEqual([]);
    const byCode = new Map(catalog.entries.map((e) => [e.code, e]));
    expect(byCode.size).toBe(catalog.entries.length);
    expect(new Set(catalog.entries.map((e) => e.outline)).size).toBe(catalog.entries.length);
    for (const e of catalog.entries) {
      if (e.parent === null) {
        expect(e.outline).toBe(e.code);
        expect(['project', 'component']).toContain(e.kind);
        expect(e.code).toBe(`${e.kind === 'project' ? 'DA' : 'HP'}${e.number}`);
      } else {
        const parent = byCode.get(e.parent);
        expect(parent).toBeDefined();
        expect(parent?.parent).toBeNull();
        expect(e.outline).toBe(`${parent?.outline}.${e.number}`);
        expect(e.kind).toBe(parent?.kind === 'project' ? 'subproject' : 'content');
        expect(e.code).toBe(`${e.parent}.${e.kind === 'subproject' ? 'TDA' : 'ND'}${e.number}`);
      }
    }
    expect(Object.isFrozen(catalog.entries)).toBe(true);
  });

  it('keeps fixed sub-project numbers', () => {
    expect(childrenOf(gnbv, 'DA4').map((e) => e.number)).toEqual([1, 2, 3]);
    expect(childrenOf(gnbv, 'DA4').map((e) => e.outline)).toEqual(['DA4.1', 'DA4.2', 'DA4.3']);
    expect(childrenOf(gnbv, 'DA2')).toEqual([]);
    expect(childrenOf(gnbv, 'DA5')).toEqual([]);
    expect(childrenOf(mtqg, 'HP1')).toHaveLength(10);
    expect(childrenOf(mtqg, 'HP2')).toHaveLength(5);
  });

  it('flags money and poor-area rules as §2 and §5', () => {
    const investment = gnbv.entries.filter((e) => e.money.investment).map((e) => e.code);
    expect(investment).toEqual(['DA1', 'DA1.TDA1', 'DA1.TDA2', 'DA4', 'DA4.TDA1', 'DA4.TDA3']);
    // SN everywhere except the 880 scheme (DA1's SN is for duy tu, bảo dưỡng).
    const noRecurrent = gnbv.entries.filter((e) => !e.money.recurrent).map((e) => e.code);
    expect(noRecurrent).toEqual(['DA1.TDA2']);
    const poor = gnbv.entries.filter((e) => e.poorAreaOnly).map((e) => e.code);
    expect(poor).toEqual(['DA1', 'DA1.TDA1', 'DA1.TDA2', 'DA4.TDA2', 'DA5']);
    expect(mtqg.entries.some((e) => e.poorAreaOnly)).toBe(false);
  });
});

describe('findByCode', () => {
  it.each([
    ['DA3.TDA2', 'DA3.TDA2'],
    ['da3.tda2', 'DA3.TDA2'],
    ['DA3.2', 'DA3.TDA2'],
    ['DA3 TDA2', 'DA3.TDA2'],
    [' da3-tda2 ', 'DA3.TDA2'],
    ['Dự án 3', 'DA3'],
    ['DỰ ÁN 3', 'DA3'],
    ['Du an 3', 'DA3'],
    ['Tiểu dự án 2 Dự án 3', 'DA3.TDA2'],
    ['Tiểu dự án 2 thuộc Dự án 3', 'DA3.TDA2'],
    ['Dự án 4 - Tiểu dự án 3', 'DA4.TDA3'],
    ['DA4', 'DA4'],
    ['Tiểu dự án 1 thuộc Dự án 2', null],
    ['Dự án 8', null],
    ['Tiểu dự án 2', null],
    ['Dự án 3 hỗ trợ', null],
    ['', null],
    ['HP1.ND4', null],
  ])('2021–2025: %s → %s', (input, code) => {
    expect(findByCode(gnbv, input)?.code ?? null).toBe(code);
  });

  it.each([
    ['HP1.ND4', 'HP1.ND4'],
    ['hp1.4', 'HP1.ND4'],
    ['HP1.10', 'HP1.ND10'],
    ['Hợp phần 1', 'HP1'],
    ['Hợp phần thứ hai', 'HP2'],
    ['Hợp phần thứ nhất, Nội dung thành phần 4', 'HP1.ND4'],
    ['Nội dung thành phần 01 Hợp phần 2', 'HP2.ND1'],
    ['HP2.ND6', null],
    ['DA3', null],
  ])('2026–2035: %s → %s', (input, code) => {
    expect(findByCode(mtqg, input)?.code ?? null).toBe(code);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        findByCode(gnbv, s);
        findByCode(mtqg, s);
        childrenOf(gnbv, s);
        parentOf(gnbv, s);
      }),
    );
  });

  it('gives parents and top-level children', () => {
    expect(parentOf(gnbv, 'DA7.2')?.code).toBe('DA7');
    expect(parentOf(gnbv, 'DA7')).toBeNull();
    expect(childrenOf(gnbv, null).map((e) => e.code)).toEqual(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
  });
});

describe('matchName', () => {
  // The two example plans (shared/examples/README.md tables) and headings from their text.
  it.each([
    ['Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 'DA2'],
    ['Cải thiện dinh dưỡng', 'DA3.TDA2'],
    ['Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 'DA3.TDA1'],
    ['Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', 'DA4.TDA1'],
    ['Hỗ trợ việc làm bền vững', 'DA4.TDA3'],
    ['Truyền thông về giảm nghèo đa chiều', 'DA6.TDA2'],
    ['Nâng cao năng lực thực hiện Chương trình', 'DA7.TDA1'],
    ['Giám sát, đánh giá', 'DA7.TDA2'],
    ['1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 'DA2'],
    ['3. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 'DA3'],
    ['Tiểu dự án 2: Cải thiện dinh dưỡng', 'DA3.TDA2'],
    ['4. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 'DA4'],
    ['4.1. Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', 'DA4.TDA1'],
    ['4.2. Tiểu dự án 3: Hỗ trợ việc làm bền vững', 'DA4.TDA3'],
    ['6. Dự án 6: Truyền thông và giảm nghèo về thông tin', 'DA6'],
    ['Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', 'DA6.TDA2'],
    ['7. Dự án 7: Nâng cao năng lực và giám sát đánh giá Chương trình', 'DA7'],
    ['7.1. Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình', 'DA7.TDA1'],
    ['7.2. Tiểu dự án 2: Giám sát, đánh giá', 'DA7.TDA2'],
    ['2.1. Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 'DA3.TDA1'],
    ['4. Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', 'DA7'],
    // variants
    ['Đa dạng hoá sinh kế, phát triển mô hình giảm nghèo', 'DA2'],
    ['Phát triển giáo dục nghề nghiệp vùng khó khăn', 'DA4.TDA1'],
    ['Giám sát, đánh giá thực hiện Chương trình', 'DA7.TDA2'],
    ['Nâng cao năng lực và giám sát đánh giá Chương trình', 'DA7'],
    ['Cải thiện dinh dưỡng'.normalize('NFD'), 'DA3.TDA2'],
    ['Da dang hoa sinh ke, phat trien mo hinh giam ngheo', 'DA2'],
    ['HỖ TRỢ VIỆC LÀM BỀN VỮNG', 'DA4.TDA3'],
    ['DA3.TDA2. Cải thiện dinh dưỡng', 'DA3.TDA2'],
    ['Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 'DA5'],
    ['Hỗ trợ người lao động đi làm việc ở nước ngoài', 'DA4.TDA2'],
    ['Nâng cao năng lực', 'DA7.TDA1'],
    ['Dự án 3', 'DA3'],
    ['Tiểu dự án 2 Dự án 3', 'DA3.TDA2'],
  ])('%s → %s', (name, code) => {
    expect(bestMatch(gnbv, name)?.entry.code).toBe(code);
    expect(matchName(gnbv, name)[0]?.entry.code).toBe(code);
  });

  it('scores exact, alias and similar names', () => {
    expect(matchName(gnbv, 'Giám sát, đánh giá')[0]).toMatchObject({ confidence: 1, exact: true });
    expect(matchName(gnbv, 'Phát triển giáo dục nghề nghiệp vùng khó khăn')[0]).toMatchObject({ confidence: 0.95, exact: false });
    const similar = matchName(gnbv, 'Kiểm tra, giám sát, đánh giá');
    expect(similar[0].entry.code).toBe('DA7.TDA2');
    expect(similar[0].confidence).toBeLessThan(0.95);
    for (const m of similar) expect(m.confidence).toBeGreaterThan(0.5);
    const confidences = matchName(gnbv, 'Phát triển giáo dục nghề nghiệp').map((m) => m.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });

  it('finds nothing for unrelated names', () => {
    for (const name of ['Mua sắm ô tô công', 'Xây dựng trụ sở làm việc', 'Tổng cộng', '', '   ']) {
      expect(bestMatch(gnbv, name)).toBeNull();
    }
    expect(matchName(gnbv, 'Mua sắm ô tô công')).toEqual([]);
  });

  it('refuses to choose between close candidates', () => {
    // DA3 and DA3.TDA1 both start with these words.
    expect(matchName(gnbv, 'Hỗ trợ phát triển sản xuất').length).toBeGreaterThanOrEqual(2);
    expect(bestMatch(gnbv, 'Hỗ trợ phát triển sản xuất')).toBeNull();
  });

  it('resolves DA1 and its TDA1, which share a name, by the written prefix', () => {
    const name = findByCode(gnbv, 'DA1')?.name ?? '';
    expect(bestMatch(gnbv, name)?.entry.code).toBe('DA1');
    expect(bestMatch(gnbv, `Dự án 1: ${name}`)?.entry.code).toBe('DA1');
    expect(bestMatch(gnbv, `Tiểu dự án 1: ${name}`)?.entry.code).toBe('DA1.TDA1');
    expect(bestMatch(gnbv, `1.1. Tiểu dự án 1: ${name}`)?.entry.code).toBe('DA1.TDA1');
  });

  it('matches 2026–2035 names', () => {
    expect(bestMatch(mtqg, 'Phát triển nguồn nhân lực và hỗ trợ tạo việc làm bền vững')?.entry.code).toBe('HP1.ND4');
    expect(bestMatch(mtqg, 'Nội dung thành phần 4: Phát triển nguồn nhân lực, hỗ trợ tạo việc làm bền vững')?.entry.code).toBe('HP1.ND4');
    expect(bestMatch(mtqg, 'Khoa học, công nghệ và chuyển đổi số')?.entry.code).toBe('HP1.ND6');
    expect(bestMatch(mtqg, 'Vai trò MTTQ và các tổ chức chính trị - xã hội')?.entry.code).toBe('HP1.ND8');
    expect(bestMatch(mtqg, 'Chính sách đặc thù cho các dân tộc còn nhiều khó khăn')?.entry.code).toBe('HP2.ND4');
  });

  it('respects options and never throws', () => {
    expect(matchName(gnbv, 'Phát triển giáo dục nghề nghiệp', { limit: 1 })).toHaveLength(1);
    expect(matchName(gnbv, 'Giám sát, đánh giá', { minConfidence: 0.99 }).map((m) => m.entry.code)).toEqual(['DA7.TDA2']);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (s) => {
        for (const m of matchName(gnbv, s)) {
          expect(m.confidence).toBeGreaterThan(0.5);
          expect(m.confidence).toBeLessThanOrEqual(1);
        }
        bestMatch(mtqg, s);
      }),
    );
  });
});

describe('extendCatalog', () => {
  const noiDung01 = {
    code: 'HP1.ND4.01',
    parent: 'HP1.ND4',
    kind: 'content' as const,
    number: 1,
    name: 'Nội dung 01: Hỗ trợ đào tạo nghề cho lao động nông thôn',
  };

  it('adds user items under existing entries', () => {
    const c = extendCatalog(mtqg, [noiDung01]);
    const e = findByCode(c, 'hp1.nd4.01');
    expect(e).toMatchObject({ outline: 'HP1.4.1', userAdded: true, parent: 'HP1.ND4', aliases: [] });
    expect(e?.money).toEqual(findByCode(mtqg, 'HP1.ND4')?.money);
    expect(findByCode(c, 'HP1.4.1')?.code).toBe('HP1.ND4.01');
    expect(childrenOf(c, 'HP1.ND4').map((x) => x.code)).toEqual(['HP1.ND4.01']);
    expect(bestMatch(c, 'Hỗ trợ đào tạo nghề cho lao động nông thôn')?.entry.code).toBe('HP1.ND4.01');
    expect(validateCatalog(c)).toEqual([]);
    // The built-in catalogue is untouched.
    expect(findByCode(mtqg, 'HP1.ND4.01')).toBeNull();
    expect(getCatalog('2026-2035').entries).toHaveLength(17);
  });

  it('accepts children listed before their parent', () => {
    const child = { ...noiDung01, code: 'HP2.ND6.01', parent: 'HP2.ND6', name: 'Nội dung con' };
    const parent = { code: 'HP2.ND6', parent: 'HP2', kind: 'content' as const, number: 6, name: 'Nội dung thành phần mới' };
    const c = extendCatalog(mtqg, [child, parent]);
    expect(findByCode(c, 'HP2.ND6.01')?.outline).toBe('HP2.6.1');
  });

  it('overrides entries with the same code', () => {
    const c = extendCatalog(gnbv, [{ code: 'da7.tda2', parent: 'DA7', kind: 'subproject', number: 2, name: 'Giám sát, đánh giá (tên địa phương)', aliases: ['Rà soát hộ nghèo'] }]);
    expect(c.entries).toHaveLength(18);
    const e = findByCode(c, 'DA7.TDA2');
    expect(e).toMatchObject({ code: 'da7.tda2', outline: 'DA7.2', userAdded: true, poorAreaOnly: false });
    expect(bestMatch(c, 'Rà soát hộ nghèo')?.entry).toBe(e);
    expect(findByCode(gnbv, 'DA7.TDA2')?.userAdded).toBeUndefined();
  });

  it('rejects duplicate codes, missing parents and clashing outlines with typed codes', () => {
    expect(() => extendCatalog(mtqg, [noiDung01, { ...noiDung01, name: 'x' }])).toThrow(CatalogError);
    const dup = tryExtendCatalog(mtqg, [noiDung01, { ...noiDung01, code: 'hp1.nd4.01' }]);
    expect(dup).toEqual({ ok: false, issues: [{ code: 'duplicate-code', entry: 'hp1.nd4.01' }] });
    const orphan = tryExtendCatalog(mtqg, [{ ...noiDung01, parent: 'HP9' }]);
    expect(orphan).toEqual({ ok: false, issues: [{ code: 'missing-parent', entry: 'HP1.ND4.01' }] });
    const clash = tryExtendCatalog(mtqg, [{ ...noiDung01, code: 'X1', outline: 'HP1.4' }]);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.issues.map((i) => i.code)).toContain('duplicate-outline');
    try {
      extendCatalog(gnbv, [{ code: 'DA3.TDA9', parent: 'DA3', kind: 'subproject', number: 9, name: 'x', outline: 'DA3.8' }]);
      throw new Error('expected a CatalogError');
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogError);
      expect((err as CatalogError).issues).toEqual([{ code: 'outline-mismatch', entry: 'DA3.TDA9' }]);
    }
  });
});
