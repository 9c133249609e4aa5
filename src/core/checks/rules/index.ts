/** Every rule, in the order findings of equal rank are listed. */
import { Rule } from '../rule';
import { SRC_SPLIT, SRC_NSTW } from './sources';
import { ROLLUP } from './rollup';
import { HARDCODED_TOTAL, FORMULA_SHAPE } from './formulas';
import { STATED_TOTAL } from './stated';

export const RULES: readonly Rule[] = [SRC_SPLIT, SRC_NSTW, ROLLUP, HARDCODED_TOTAL, FORMULA_SHAPE, STATED_TOTAL];
