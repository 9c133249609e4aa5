/**
 * One typed layout per (programme, unit, formula style): the columns of the project sheets and
 * Tổng hợp, the amount formats the unit calls for, and the formula style of the checks. Writers
 * take it once instead of recomputing columns and formats sheet by sheet.
 */
import { PlanSpec } from '../plan';
import { MoneyUnit } from '../units';
import { Programme } from '../programme';
import { PlanColumns, planColumns } from './layout';
import { amountFormat, annexAmountFormat } from './styles';

/** 'native' (default): checks are plain Excel formulas; 'kh': KH.CHECK_SOURCES / KH.ROLLUP. */
export type FormulaStyle = 'native' | 'kh';

export interface PlanLayout extends PlanColumns {
  readonly programme: Programme;
  readonly unit: MoneyUnit;
  readonly decimals: number | undefined;
  readonly style: FormulaStyle;
  /** `#,##0` or with the plan's decimals, for the plan sheets. */
  readonly amountFormat: string;
  /** The same with a dash for zero, for the printed annexes. */
  readonly annexAmountFormat: string;
}

const LAYOUTS = new Map<string, PlanLayout>();

export function planLayout(spec: Pick<PlanSpec, 'programme' | 'unit' | 'decimals'>, style: FormulaStyle = 'native'): PlanLayout {
  const key = `${spec.programme}|${spec.unit}|${spec.decimals ?? ''}|${style}`;
  let found = LAYOUTS.get(key);
  if (!found) {
    const columns = planColumns(spec.programme);
    found = Object.freeze({
      project: columns.project,
      summary: columns.summary,
      programme: spec.programme,
      unit: spec.unit,
      decimals: spec.decimals,
      style,
      amountFormat: amountFormat(spec),
      annexAmountFormat: annexAmountFormat(spec),
    });
    LAYOUTS.set(key, found);
  }
  return found;
}
