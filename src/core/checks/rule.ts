/** The shape of a rule: an id, a default severity, whether it needs KH's layout, and a pure run. */
import { Finding, RuleId, Severity } from './finding';
import { BudgetTable, PlanFacts, PlanModel } from './model';

export interface CheckOptions {
  /** Overrides the tolerance read from Thông tin (KH_SaiSo). */
  tolerance?: number;
  /** Facts the workbook does not hold (an officer's own layout): level, poor area, province group. */
  facts?: PlanFacts;
}

export interface RuleContext {
  model: PlanModel;
  options: CheckOptions;
  /** The tolerance in force: options, else Thông tin, else one đồng in the plan's unit. */
  tolerance: number;
  /** The tolerance for one table (a recognised table has its own unit). */
  toleranceFor(table: BudgetTable): number;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** Rules that need KH's layout (its code column, Thông tin, the annexes); the others run on every table read. */
  needsLayout: boolean;
  run(ctx: RuleContext): Finding[];
}
