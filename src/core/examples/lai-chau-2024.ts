/**
 * The bundled example plan: UBND thành phố Lai Châu, Kế hoạch thực hiện Chương trình MTQG giảm
 * nghèo bền vững năm 2024 (district level; all money NSTW vốn sự nghiệp; stated total 1.728
 * triệu đồng). Amounts and implementing units as published.
 */
import { PlanSpec } from '../plan';

export const LAI_CHAU_2024: PlanSpec = {
  programme: '2021-2025',
  level: 'huyen',
  issuer: 'UBND thành phố Lai Châu',
  area: 'thành phố Lai Châu',
  province: 'Lai Châu',
  year: 2024,
  unit: 'trieu',
  provinceGroup: 1,
  poorDistrict: false,
  signer: { name: 'Trần Đình Tiến', title: 'PHÓ CHỦ TỊCH', authority: 'KT. CHỦ TỊCH' },
  items: [
    { code: 'DA2', unitName: 'UBND xã Sùng Phài', amounts: { centralRecurrent: 530 } },
    { code: 'DA3.TDA2', unitName: 'Văn phòng HĐND-UBND thành phố; Trung tâm Y tế thành phố', amounts: { centralRecurrent: 342 } },
    { code: 'DA4.TDA1', unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố', amounts: { centralRecurrent: 685 } },
    { code: 'DA4.TDA3', unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố', amounts: { centralRecurrent: 81 } },
    { code: 'DA6.TDA2', unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố', amounts: { centralRecurrent: 17 } },
    { code: 'DA7.TDA1', unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố', amounts: { centralRecurrent: 51 } },
    { code: 'DA7.TDA2', unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố', amounts: { centralRecurrent: 22 } },
  ],
  activities: [],
  statedTotals: { total: 1728, central: 1728, centralRecurrent: 1728 },
};

/** UBND xã Bình Lư, 2025 (commune level, after the 2025 reform; no stated total; 1.915 triệu đồng). */
export const BINH_LU_2025: PlanSpec = {
  programme: '2021-2025',
  level: 'xa',
  issuer: 'UBND xã Bình Lư',
  area: 'xã Bình Lư',
  province: 'Lai Châu',
  year: 2025,
  unit: 'trieu',
  provinceGroup: 1,
  poorDistrict: false,
  items: [
    { code: 'DA2', unitName: 'Phòng Kinh tế', amounts: { centralRecurrent: 1005 } },
    { code: 'DA3.TDA1', unitName: 'Phòng Kinh tế', amounts: { centralRecurrent: 459 } },
    { code: 'DA3.TDA2', unitName: 'Phòng Văn hoá - Xã hội', amounts: { centralRecurrent: 210 } },
    { code: 'DA4.TDA1', unitName: 'Phòng Văn hoá - Xã hội', amounts: { centralRecurrent: 62 } },
    { code: 'DA4.TDA3', unitName: 'Phòng Văn hoá - Xã hội', amounts: { centralRecurrent: 121 } },
    { code: 'DA7.TDA2', unitName: 'Phòng Kinh tế', amounts: { centralRecurrent: 58 } },
  ],
  activities: [],
};
