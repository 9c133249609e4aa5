import type { statedVi } from './stated.vi';

/** English for the stated totals below the eight of Thông tin: the same keys as stated.vi.ts. */
export const statedEn: Record<keyof typeof statedVi, string> = {
  'stated.source.state': 'State budget (central + local)',
  'rule.STATED_TOTAL.localSplitStated': 'Local budget: the plan document says investment {investment} and recurrent {recurrent}, together {stated}, not the local budget it states, {computed} (difference {difference})',
  'rule.STATED_TOTAL.localSplitTables': 'Local budget: the plan document says investment {investment} and recurrent {recurrent}, together {stated}, the tables give {computed} for the local budget (difference {difference})',
  'rule.STATED_TOTAL.resources': 'All resources: the plan document says {stated}, the parts it lists add up to {computed} (difference {difference})',
  'rule.STATED_TOTAL.resourcesHint': 'Correct the total of all resources or its parts in the plan document so that they agree',
  'rule.STATED_TOTAL.hintWritten': 'The document writes {written}; KH converted it to the plan\'s unit. Correct the figure in the plan document or the detail so that they agree',
};
