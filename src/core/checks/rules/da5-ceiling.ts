/**
 * DA5_CEILING: Dự án 5 housing support above the NSTW ceiling per household (QĐ 02/2022/QĐ-TTg
 * Điều 9: 40 triệu for a new house, 20 triệu for a repair). The layout has no household column:
 * counts are read from the row's Nội dung or Ghi chú ("xây mới 25 hộ", "25 hộ sửa chữa").
 */
import { cellAddress } from '../../book/address';
import { convertUnit } from '../../money';
import { foldForMatch } from '../../text/normalize';
import { Finding } from '../finding';
import { AmountCell, BudgetTable, DataRow } from '../model';
import { Rule } from '../rule';
import { itemOf, textOf } from './entries';

export const DA5_CEILING_TRIEU = { newHouse: 40, repair: 20 } as const;

export interface HouseholdCounts {
  newHouse: number;
  repair: number;
}

const KINDS: ReadonlyArray<[string, keyof HouseholdCounts]> = [
  ['xay dung moi', 'newHouse'],
  ['xay moi', 'newHouse'],
  ['lam moi', 'newHouse'],
  ['lam nha moi', 'newHouse'],
  ['sua chua', 'repair'],
  ['cai tao', 'repair'],
];
const HOUSEHOLD = new Set(['ho', 'can', 'nha']);

function kindAt(tokens: string[], i: number): keyof HouseholdCounts | null {
  for (const [phrase, kind] of KINDS) {
    const words = phrase.split(' ');
    if (words.every((w, k) => tokens[i + k] === w)) return kind;
  }
  return null;
}

/**
 * Household counts written in a text: a number followed by "hộ" / "căn" / "nhà", of the kind named
 * just before it ("xây mới 25 hộ") or, failing that, just after it ("25 hộ sửa chữa"). Null when
 * the text names no count of a known kind.
 */
export function householdCounts(text: string): HouseholdCounts | null {
  const counts: HouseholdCounts = { newHouse: 0, repair: 0 };
  let found = false;
  // clauses first: "25 hộ xây mới, 10 hộ sửa chữa" pairs each count with its own words
  for (const clause of text.replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1').split(/[,;\n()]|\.(?!\d)/)) {
    const tokens = foldForMatch(clause).split(' ');
    let lastMention = -1;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!/^\d+$/.test(tokens[i]) || !HOUSEHOLD.has(tokens[i + 1])) continue;
      let kind: keyof HouseholdCounts | null = null;
      for (let j = i - 1; j > lastMention && j >= i - 6 && !kind; j--) kind = kindAt(tokens, j);
      for (let j = i + 2; j <= i + 4 && !kind; j++) {
        if (/^\d+$/.test(tokens[j] ?? '')) break;
        kind = kindAt(tokens, j);
      }
      lastMention = i + 1;
      if (!kind) continue;
      counts[kind] += Number(tokens[i]);
      found = true;
    }
  }
  return found && counts.newHouse + counts.repair > 0 ? counts : null;
}

function describe(c: HouseholdCounts): string {
  const parts: string[] = [];
  if (c.newHouse > 0) parts.push(`xây mới ${c.newHouse} hộ`);
  if (c.repair > 0) parts.push(`sửa chữa ${c.repair} hộ`);
  return parts.join(', ');
}

function isBelow(table: BudgetTable, row: DataRow, ancestor: DataRow): boolean {
  const a = table.rows.indexOf(ancestor);
  for (let p = row.parent; p !== null; p = table.rows[p].parent) if (p === a) return true;
  return false;
}

export const DA5_CEILING: Rule = {
  id: 'DA5_CEILING',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const { model } = ctx;
    const out: Finding[] = [];
    for (const table of model.tables.filter((t) => t.role === 'project')) {
      // a ceiling in triệu needs the table's unit: a table that does not say it is not compared
      const unit = table.unit;
      if (unit === null) continue;
      const tolerance = convertUnit(ctx.toleranceFor(table), unit, 'trieu');
      const inPlanUnit = (trieu: number): number => convertUnit(Math.round(trieu * 100) / 100, 'trieu', unit);
      const rows = table.rows.filter((r) => itemOf(model, table, r)?.code === 'DA5');
      const counted = new Map<DataRow, HouseholdCounts>();
      for (const row of rows) {
        const counts = householdCounts(`${row.label || textOf(row.content)} ; ${textOf(row.note)}`);
        if (counts) counted.set(row, counts);
      }
      for (const [row, counts] of counted) {
        // a group whose rows below carry their own counts is checked through them
        if (row.kind === 'group' && [...counted.keys()].some((r) => r !== row && isBelow(table, r, row))) continue;
        const central = row.cells.central?.number ?? null;
        if (central === null || central <= 0) continue;
        const households = counts.newHouse + counts.repair;
        const ceilingTotal = counts.newHouse * DA5_CEILING_TRIEU.newHouse + counts.repair * DA5_CEILING_TRIEU.repair;
        const centralTrieu = convertUnit(central, unit, 'trieu');
        if (centralTrieu - ceilingTotal <= tolerance) continue;
        out.push({
          rule: 'DA5_CEILING',
          severity: 'error',
          sheet: table.name,
          cell: (row.cells.central as AmountCell).address,
          related: [cellAddress(row.row, table.contentCol)],
          message: {
            key: 'rule.DA5_CEILING.message',
            // in the plan's unit, like every amount of the plan (two decimals of a triệu)
            params: { perHousehold: inPlanUnit(centralTrieu / households), ceiling: inPlanUnit(ceilingTotal / households), kind: describe(counts) },
          },
          hint: { key: 'rule.DA5_CEILING.hint', params: {} },
        });
      }
    }
    return out;
  },
};
