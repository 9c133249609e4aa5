/** Every rule, in the order findings of equal rank are listed. */
import { Rule } from '../rule';
import { SRC_SPLIT, SRC_NSTW, SRC_NSDP } from './sources';
import { FORMULA_RANGE } from './formula-range';
import { HIDDEN_ROW } from './hidden-row';
import { TABLE, UNMAPPED_COLUMN, UNIT_UNKNOWN } from './recognition';
import { ROLLUP } from './rollup';
import { HARDCODED_TOTAL, FORMULA_SHAPE } from './formulas';
import { STATED_TOTAL } from './stated';
import { TEXT_NUMBER } from './text-number';
import { UNIT_SCALE } from './unit-scale';
import { NEGATIVE } from './negative';
import { ERROR_VALUE } from './error-value';
import { LEGACY_TEXT } from './legacy-text';
import { SEND_SAFETY } from './send-safety';
import { CODE } from './code';
import { MONEY_TYPE } from './money-type';
import { ELIGIBILITY } from './eligibility';
import { COUNTERPART } from './counterpart';
import { DA5_CEILING } from './da5-ceiling';
import { BLANK_REQUIRED } from './blank-required';
import { ANNEX_DRIFT } from './annex-drift';
import { DANGEROUS_CONTENT } from './dangerous-content';

export const RULES: readonly Rule[] = [SRC_SPLIT, SRC_NSTW, SRC_NSDP, ROLLUP, FORMULA_RANGE, HIDDEN_ROW, HARDCODED_TOTAL, FORMULA_SHAPE, STATED_TOTAL, TEXT_NUMBER, UNIT_SCALE, NEGATIVE, ERROR_VALUE, LEGACY_TEXT, SEND_SAFETY, CODE, MONEY_TYPE, ELIGIBILITY, COUNTERPART, DA5_CEILING, BLANK_REQUIRED, ANNEX_DRIFT, TABLE, UNMAPPED_COLUMN, UNIT_UNKNOWN, DANGEROUS_CONTENT];
