/** The shape of a rule: an id, a default severity, whether it needs KH's layout, and a pure run. */
import { Finding, RuleId, Severity } from './finding';
import { PlanModel } from './model';

export interface CheckOptions {
  /** Overrides the tolerance read from Thông tin (KH_SaiSo). */
  tolerance?: number;
}

export interface RuleContext {
  model: PlanModel;
  options: CheckOptions;
  /** The tolerance in force: options, else Thông tin, else one đồng in the plan's unit. */
  tolerance: number;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** Rules that understand plan sheets need KH's layout; the others work on any workbook. */
  needsLayout: boolean;
  run(ctx: RuleContext): Finding[];
}
