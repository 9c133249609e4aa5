/** English for experience.vi.ts (the compiler keeps the keys the same). */
import type { experienceVi } from './experience.vi';

export const experienceEn: Record<keyof typeof experienceVi, string> = {
  'experience.amount.negative': '"{text}" is negative: a total stated in the document cannot be',
  'experience.date.noSuchDay': 'there is no {text}: {month}/{year} has {days} days',
  'experience.annex.unfunded': 'Of which without a funding source (not in Biểu 03)',
  'experience.cap.functions': 'KH.* functions in cells (=KH.BANGCHU…)',
  'experience.cap.ribbon': 'The Kế hoạch buttons on the Home tab',
  'experience.excel.2019': 'Excel 2019 or later, Microsoft 365 or Excel on the web',
  'experience.excel.2021': 'Excel 2021 or later, Microsoft 365 or Excel on the web',
  'experience.excel.2024': 'Excel 2024, Microsoft 365 or Excel on the web',
  'experience.excel.365': 'Microsoft 365 or Excel on the web',
  'experience.drift.wordsMissing': '{annex}: the total is {total} but the "Bằng chữ" line is empty',
  'experience.create.fieldProblem': '{field}: {problem}',
  'experience.create.statedUnit': 'A number typed without a unit is read in the plan\'s unit ({unit}); a unit may be written with it, e.g. "0,05 tỷ" or "50 triệu".',
};
