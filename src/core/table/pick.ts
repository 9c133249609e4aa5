/**
 * Which recognised table to adopt as a plan: the largest table of items (a table of localities only
 * when there is nothing else), the plan year of a multi-year table. `kh adopt` and the pane's
 * "Nhận dạng bảng" pick the same one.
 */
import { BudgetTable } from './model';

export function adoptableTable(tables: readonly BudgetTable[]): BudgetTable | null {
  let best: BudgetTable | null = null;
  for (const t of tables) {
    if (!t.primary) continue;
    if (!best || (best.rowAxis === 'localities' && t.rowAxis === 'items') || (t.rowAxis === best.rowAxis && t.rows.length > best.rows.length)) best = t;
  }
  return best;
}
