/**
 * Two versions of the Lai Châu plan a commune sent (Monday's draft, Friday's), with known changes:
 * kh diff (diff.test.ts) and the pane's Đối chiếu hai bản (test/pane/compare.test.tsx) must list
 * exactly those.
 */
import { LAI_CHAU_2024 } from '../../src/core/examples/lai-chau-2024';
import { PlanSpec } from '../../src/core/plan';

export const UNIT = 'UBND xã Sùng Phài';

/** Monday's draft: Dự án 2's 530 triệu in two models. */
export const MONDAY: PlanSpec = {
  ...LAI_CHAU_2024,
  items: LAI_CHAU_2024.items.map((i) => (i.code === 'DA2' ? { code: 'DA2', unitName: UNIT } : i)),
  activities: [
    { parent: 'DA2', name: 'Mô hình nuôi bò sinh sản', unitName: UNIT, amounts: { centralRecurrent: 330 } },
    { parent: 'DA2', name: 'Mô hình trồng cây ăn quả', unitName: UNIT, amounts: { centralRecurrent: 200 } },
  ],
};

/**
 * Friday's: the fruit-tree model moved to Tiểu dự án 1 of Dự án 3; the cattle model renamed;
 * Hỗ trợ việc làm bền vững 81 → 95; Truyền thông (DA6.TDA2, 17) dropped; Nâng cao năng lực handed to
 * another office. The stated total (1.728) is left as it was, so it no longer matches (1.725).
 */
export const FRIDAY: PlanSpec = {
  ...MONDAY,
  items: [
    ...MONDAY.items
      .filter((i) => i.code !== 'DA6.TDA2')
      .map((i) => (i.code === 'DA4.TDA3' ? { ...i, amounts: { centralRecurrent: 95 } } : i.code === 'DA7.TDA1' ? { ...i, unitName: 'Văn phòng HĐND-UBND thành phố' } : i)),
    { code: 'DA3.TDA1', unitName: UNIT },
  ],
  activities: [
    { parent: 'DA2', name: 'Mô hình nuôi bò sinh sản cho hộ nghèo', unitName: UNIT, amounts: { centralRecurrent: 330 } },
    { parent: 'DA3.TDA1', name: 'Mô hình trồng cây ăn quả', unitName: UNIT, amounts: { centralRecurrent: 200 } },
  ],
};

