/** Unit tests of the pieces the plan-content rules (CODE, DA5_CEILING) read text with. */
import { householdCounts } from '../../src/core/checks/rules/da5-ceiling';
import { nameFits, subProjectReference, unknownRoot } from '../../src/core/checks/rules/code';
import { PlanModel } from '../../src/core/checks/model';
import { findByCode, getCatalog } from '../../src/core/catalog';

const model = { catalog: getCatalog('2021-2025'), programme: '2021-2025' } as PlanModel;
const entry = (code: string) => {
  const e = findByCode(model.catalog, code);
  if (!e) throw new Error(code);
  return e;
};

describe('householdCounts', () => {
  test.each([
    ['xây mới 25 hộ', { newHouse: 25, repair: 0 }],
    ['sửa chữa 10 hộ', { newHouse: 0, repair: 10 }],
    ['25 hộ xây mới', { newHouse: 25, repair: 0 }],
    ['Hỗ trợ xây mới nhà ở cho 30 hộ nghèo', { newHouse: 30, repair: 0 }],
    ['xây mới 25 hộ, sửa chữa 10 hộ', { newHouse: 25, repair: 10 }],
    ['25 hộ xây mới, 10 hộ sửa chữa', { newHouse: 25, repair: 10 }],
    ['xây mới 25 hộ sửa chữa 10 hộ', { newHouse: 25, repair: 10 }],
    ['XÂY MỚI 1.005 HỘ', { newHouse: 1005, repair: 0 }],
  ])('%s', (text, counts) => expect(householdCounts(text)).toEqual(counts));

  test.each(['Kiểm tra, giám sát', 'hỗ trợ 25 hộ', 'xây mới nhà văn hoá', ''])('no count of a known kind: %s', (text) => expect(householdCounts(text)).toBeNull());
});

describe('subProjectReference', () => {
  test.each([
    ['Tiểu dự án 1 thuộc Dự án 2', { project: 2, sub: 1 }],
    ['Dự án 2 - Tiểu dự án 3: Hỗ trợ', { project: 2, sub: 3 }],
    ['TDA1 DA2', { project: 2, sub: 1 }],
    ['DA4 TDA3', { project: 4, sub: 3 }],
  ])('%s', (text, ref) => expect(subProjectReference(text)).toEqual(ref));

  test.each(['Dự án 2: Đa dạng hóa sinh kế', 'Tiểu dự án 2: Cải thiện dinh dưỡng', 'Đa dạng hóa sinh kế 2 tiểu dự án'])('none in %s', (text) => expect(subProjectReference(text)).toBeNull());
});

describe('unknownRoot', () => {
  test.each([
    ['DA4.1', null],
    ['DA4.1.3', null],
    ['DA2.1', null],
    ['DA2.1.5', null],
    ['DA4.4', 'DA4.4'],
    ['DA4.4.2', 'DA4.4'],
    ['DA9', 'DA9'],
    ['DA9.1', 'DA9'],
    ['HP1.4', 'HP1'],
    ['1.2', '1'],
  ])('%s', (code, root) => expect(unknownRoot(model, code)).toBe(root));
});

describe('nameFits', () => {
  test.each([
    ['DA4.TDA1', 'Phát triển giáo dục nghề nghiệp vùng khó khăn'],
    ['DA4.TDA1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn'],
    ['DA2', 'Đa dạng hoá sinh kế, phát triển mô hình giảm nghèo'],
    ['DA7.TDA2', 'Giám sát, đánh giá thực hiện Chương trình'],
    ['DA7.TDA1', 'Tiểu dự án 1'],
    ['DA1.TDA1', 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo'],
    ['DA3', 'Dự án 3'],
  ])('%s ← %s', (code, text) => expect(nameFits(model, entry(code), text)).toBe(true));

  test.each([
    ['DA3.TDA2', 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp'],
    ['DA7.TDA1', 'Tiểu dự án 2'],
    ['DA4', 'Dự án 3'],
    ['DA6.TDA2', 'Mua sắm trang thiết bị văn phòng'],
  ])('%s ✗ %s', (code, text) => expect(nameFits(model, entry(code), text)).toBe(false));
});
