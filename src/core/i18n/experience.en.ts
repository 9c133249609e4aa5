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
  'experience.where': '{cell} (sheet {sheet})',
  'experience.error.textCause': 'Cell {cell} (sheet {sheet}) holds the text "{text}" instead of a number: type {number} into {cell}',
  'experience.error.textCauseNoNumber': 'Cell {cell} (sheet {sheet}) holds the text "{text}" where a number belongs: type a number into {cell}',
  'experience.annex.noPlan': 'This workbook has no KH plan yet, so there are no annexes to make. Create the plan in Create plan, type the amounts into the project sheets, then come back here.',
  'experience.goCreate': 'Go to Create plan',
  'experience.readAgain': 'Read the workbook again',
  'experience.check.empty': 'The workbook is empty: nothing to check. Create a plan in Create plan, or open a plan file and press Check now.',
  'experience.check.notPlan': 'This workbook does not follow KH\'s layout, so KH checked only what needs no layout (error cells, numbers stored as text, TCVN3 / VNI text, links to other files); {count} other checks (source totals, roll-ups, project codes, counterpart, annexes) did not run. To check everything, create the plan in Create plan.',
  'experience.check.notPlanClean': 'In what was checked, no error was found.',
  'experience.create.fieldProblem': '{field}: {problem}',
  'experience.create.statedUnit': 'A number typed without a unit is read in the plan\'s unit ({unit}); a unit may be written with it, e.g. "0,05 tỷ" or "50 triệu".',
};
