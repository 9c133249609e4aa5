import fc from 'fast-check';
import { recogniseSheet } from '../../src/core/table/recognise';
import { buildTree } from '../../src/core/table/tree';
import { readHeading, placeName } from '../../src/core/table/heading';
import { unicodeToTcvn3 } from '../../src/core/text';
import { sheet } from '../checks/snapshots';
import type { TestCell } from '../checks/snapshots';

const HEADER: TestCell[][] = [
  ['STT', 'Nội dung', 'Tổng số', 'Trong đó', null, null],
  [null, null, null, 'NSTW', 'NSĐP', 'Nhân dân đóng góp'],
];

describe('the recogniser', () => {
  test('two tables in one sheet, each with its own header, unit and rows; notes and signature are not data', () => {
    const s = sheet('Biểu', [
      ['Đơn vị tính: triệu đồng'],
      ...HEADER,
      [null, 'Tổng cộng', 300, 250, 20, 30],
      ['1', 'Dự án 2: Đa dạng hóa sinh kế', 300, 250, 20, 30],
      [],
      ['Ghi chú: số liệu theo Quyết định 120/QĐ-UBND'],
      [],
      ['Biểu số 02: theo địa phương (Đơn vị: nghìn đồng)'],
      ['TT', 'Địa phương', 'Tổng', 'NSTW', 'NSĐP', 'Huy động'],
      ['1', 'Xã Bình Lư', 200000, 180000, 10000, 10000],
      ['2', 'Xã Sơn Bình', 100000, 70000, 10000, 20000],
      [],
      ['Người lập biểu', null, null, 'KT. CHỦ TỊCH'],
    ]);
    const rec = recogniseSheet(s);
    expect(rec.tables.map((t) => [t.header.top + 1, t.data.top + 1, t.data.bottom + 1, t.unit, t.rowAxis])).toEqual([
      [2, 4, 5, 'trieu', 'items'],
      [10, 11, 12, 'nghin', 'localities'],
    ]);
    const [first, second] = rec.tables;
    expect(first.amountCols).toEqual({ total: 2, central: 3, local: 4, mobilised: 5 });
    expect(first.columns.find((c) => c.col === 3)?.ofWhich).toBe(true);
    expect(first.rows.map((r) => [r.kind, r.code])).toEqual([['total', null], ['leaf', 'DA2']]);
    expect(second.rows.map((r) => r.locality)).toEqual(['Xã Bình Lư', 'Xã Sơn Bình']);
  });

  test('a table with no STT: levels by catalogue names and indentation', () => {
    const s = sheet('KH', [['Nội dung', 'Tổng', 'NSTW'], ['Dự án 3', 500, 500], ['Tiểu dự án 1', 300, 300], ['Giống lúa', 200, 200], ['Phân bón', 100, 100], ['Tiểu dự án 2', 200, 200]], {
      styles: [{ row: 3, col: 0, indent: 2 }, { row: 4, col: 0, indent: 2 }],
    });
    const t = recogniseSheet(s).tables[0];
    expect(t.rows.map((r) => [r.label, r.code, r.item, r.parent === null ? null : t.rows[r.parent].label])).toEqual([
      ['Dự án 3', 'DA3', 'DA3', null],
      ['Tiểu dự án 1', 'DA3.1', 'DA3.TDA1', 'Dự án 3'],
      ['Giống lúa', null, 'DA3.TDA1', 'Tiểu dự án 1'],
      ['Phân bón', null, 'DA3.TDA1', 'Tiểu dự án 1'],
      ['Tiểu dự án 2', 'DA3.2', 'DA3.TDA2', 'Dự án 3'],
    ]);
  });

  test('TCVN3 headers in a .VnTime font read as Unicode ones', () => {
    const enc = (t: string): TestCell => ({ v: unicodeToTcvn3(t), font: '.VnTime' });
    const s = sheet('B', [[enc('đơn vị tính: triệu đồng')], [enc('stt'), enc('nội dung'), enc('tổng số'), enc('ngân sách trung ương')], ['1', enc('dự án 2'), 10, 10]]);
    const t = recogniseSheet(s).tables[0];
    expect(t.amountCols).toEqual({ total: 2, central: 3 });
    expect(t.unit).toBe('trieu');
    expect(t.rows[0].label).toBe('dự án 2');
  });

  test('a multi-year table is read once per period, the plan year first', () => {
    const s = sheet('B', [
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Giai đoạn 2021-2025', null, 'Năm 2025', null],
      [null, null, 'Tổng', 'NSTW', 'Tổng', 'NSTW'],
      ['1', 'Dự án 2', 900, 900, 200, 200],
    ], { merges: ['C2:D2', 'E2:F2', 'A2:A3', 'B2:B3'] });
    const tables = recogniseSheet(s).tables;
    expect(tables.map((t) => [t.period, t.primary, t.amountCols.total])).toEqual([['Năm 2025', true, 4], ['Giai đoạn 2021-2025', false, 2]]);
  });

  test('a sheet of figures without a header is said, not read as zeros', () => {
    const rec = recogniseSheet(sheet('S', [[1, 2, 3], [4, 5, 6]]));
    expect(rec.tables).toEqual([]);
    expect(rec.unrecognised).toBe('noHeader');
  });
});

describe('the row tree', () => {
  const shape = (stt: string | null, label = 'x') => ({ stt, label, bold: false, indent: 0, sttContinued: false, catalogKind: null });
  test('STT I / 1 / 1.1 / a) / - / + nest; a total sums the top', () => {
    const tree = buildTree([shape(null, 'TỔNG CỘNG'), shape('I'), shape('1'), shape('1.1'), shape('a)'), shape('-'), shape('+'), shape('b)'), shape('II')]);
    expect(tree.parent).toEqual([null, null, 1, 2, 3, 4, 5, 3, null]);
    expect(tree.children[0]).toEqual([1, 8]);
  });
  test('every row hangs below an earlier row or at the top; parents and children agree', () => {
    const label = fc.constantFrom(null, 'I', 'II', '1', '2', '1.1', 'a)', 'b)', 'đ)', '-', '+', 'A', 'B');
    fc.assert(
      fc.property(fc.array(fc.tuple(label, fc.boolean(), fc.nat(3), fc.boolean()), { maxLength: 40 }), (rows) => {
        const shapes = rows.map(([stt, total, indent, bold]) => ({ stt, label: total && stt === null ? 'Tổng cộng' : 'nội dung', bold, indent, sttContinued: false, catalogKind: null }));
        const tree = buildTree(shapes);
        tree.parent.forEach((p, i) => {
          if (p !== null) {
            expect(p).toBeLessThan(i);
            expect(tree.children[p]).toContain(i);
            expect(tree.total[p]).toBe(false);
          }
        });
        tree.children.forEach((kids, i) => kids.forEach((k) => expect(tree.total[i] ? tree.parent[k] === null : tree.parent[k] === i).toBe(true)));
      }),
    );
  });
});

describe('the heading', () => {
  test('issuing body on two lines, the year of the title, the plan it belongs to', () => {
    const s = sheet('B', [['ỦY BAN NHÂN DÂN', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['HUYỆN MƯỜNG TÈ'], ['BIỂU CHI TIẾT 01: KẾ HOẠCH VỐN NĂM 2025'], ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2025 của UBND huyện Mường Tè)']]);
    expect(readHeading(s, 4)).toMatchObject({ issuer: 'UBND huyện Mường Tè', level: 'huyen', area: 'huyện Mường Tè', year: 2025, documentNumber: '45/KH-UBND', documentDate: '15/01/2025' });
  });
  test('place names keep their kind in lower case', () => {
    expect(placeName('THÀNH PHỐ LAI CHÂU')).toBe('thành phố Lai Châu');
    expect(placeName('XÃ BÌNH LƯ')).toBe('xã Bình Lư');
  });
});
