/**
 * Which column each figure of a document belongs to. The words of a figure and of the wholes it is
 * a part of name its source ("vốn sự nghiệp" on a total is inherited by its parts); a figure the
 * words do not settle (an item's "Dự kiến 530 triệu đồng") is settled only by evidence the
 * document itself gives — every source it names with a figure is one and the same (Lai Châu: all
 * NSTW vốn sự nghiệp), or the catalogue allows the item one kind of money only — and is reported
 * as inferred. What stays unsettled is never put in a column.
 */
import { CatalogEntry } from '../catalog';
import { Decimal, add, compare, decimalFromNumber, ZERO } from '../decimal';
import { convertUnitDecimal } from '../money';
import { MoneyUnit } from '../units';
import { Figure } from './funding';
import { Provenance } from './model';
import { SourceWords, NO_WORDS } from './source-words';

/** Columns an officer types (the plan's input sources), with NSĐP split when the document splits it. */
export type ColumnKey = 'centralInvestment' | 'centralRecurrent' | 'local' | 'localInvestment' | 'localRecurrent' | 'integrated' | 'credit' | 'mobilised';
export const COLUMN_KEYS: readonly ColumnKey[] = ['centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent', 'integrated', 'credit', 'mobilised'];

/** What a figure's words say: a column, or only part of one (a budget, a kind, or nothing: a total). */
export type MoneyKey = ColumnKey | 'central' | 'state' | 'recurrent' | 'investment' | 'total';

export interface FigureNode {
  figure: Figure;
  /** The words of the figure with what it inherits from its wholes. */
  words: SourceWords;
  key: MoneyKey;
  /** The column settled by evidence outside the figure's words. */
  settled: ColumnKey | null;
  inferred: 'document' | 'catalogue' | null;
  /** Exact value in the plan's unit; null when unread. */
  value: Decimal | null;
  from: Provenance;
  parts: FigureNode[];
  parent: FigureNode | null;
}

function merge(inherited: SourceWords, own: SourceWords): SourceWords {
  return {
    budget: own.budget ?? (own.other === null ? inherited.budget : null),
    kind: own.kind ?? inherited.kind,
    other: own.other ?? (own.budget === null ? inherited.other : null),
    people: own.people || (own.other === null && own.budget === null && inherited.people),
    whole: own.whole,
    programme: own.programme,
    resources: own.resources,
    otherProgramme: own.otherProgramme,
    policies: own.policies,
    money: own.money,
  };
}

export function keyOf(w: SourceWords): MoneyKey {
  if (w.other) return w.other;
  if (w.budget === 'central') return w.kind === 'investment' ? 'centralInvestment' : w.kind === 'recurrent' ? 'centralRecurrent' : 'central';
  if (w.budget === 'local') return w.kind === 'investment' ? 'localInvestment' : w.kind === 'recurrent' ? 'localRecurrent' : 'local';
  if (w.budget === 'state') return 'state';
  if (w.kind) return w.kind;
  return 'total';
}

export function isColumn(k: MoneyKey): k is ColumnKey {
  return (COLUMN_KEYS as readonly string[]).includes(k);
}

/** The columns a partial key may stand for. */
export function columnsOf(k: MoneyKey): ColumnKey[] {
  switch (k) {
    case 'central': return ['centralInvestment', 'centralRecurrent'];
    case 'state': return ['centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent'];
    case 'recurrent': return ['centralRecurrent', 'localRecurrent', 'local'];
    case 'investment': return ['centralInvestment', 'localInvestment', 'local'];
    case 'total': return [...COLUMN_KEYS];
    case 'local': return ['local', 'localInvestment', 'localRecurrent'];
    default: return [k];
  }
}

/** The figure tree of a statement as nodes, in the plan's unit. */
export function nodesOf(figures: readonly Figure[], from: Provenance, unit: MoneyUnit, inherited: SourceWords = NO_WORDS, parent: FigureNode | null = null): FigureNode[] {
  return figures.map((figure) => {
    const words = merge(inherited, figure.named);
    const value = figure.decimal && figure.unit ? convertUnitDecimal(figure.decimal, figure.unit, unit) : null;
    const key = keyOf(words);
    const node: FigureNode = { figure, words, key, settled: isColumn(key) ? key : null, inferred: null, value, from, parts: [], parent };
    node.parts = nodesOf(figure.parts, from, unit, words, node);
    return node;
  });
}

export function leavesOf(nodes: readonly FigureNode[]): FigureNode[] {
  return nodes.flatMap((n) => (n.parts.length > 0 ? leavesOf(n.parts) : [n]));
}

export function everyNode(nodes: readonly FigureNode[]): FigureNode[] {
  return nodes.flatMap((n) => [n, ...everyNode(n.parts)]);
}

/**
 * The one column every figure of the document that names its source names, if there is exactly
 * one; figures of no source or of part of one then belong to it.
 */
export function soleColumn(nodes: readonly FigureNode[]): ColumnKey | null {
  const named = new Set<ColumnKey>();
  for (const n of nodes) if (isColumn(n.key) && !n.figure.none) named.add(n.key);
  if (named.size !== 1) return null;
  const only = [...named][0];
  // a figure naming a source that cannot be that column means the document has another source
  for (const n of nodes) if (!n.figure.none && !columnsOf(n.key).includes(only)) return null;
  return only;
}

/** Settles the leaves whose words leave the column open, by the document, then by the catalogue. */
export function settle(leaves: readonly FigureNode[], sole: ColumnKey | null, entry: CatalogEntry | null): void {
  for (const n of leaves) {
    if (n.settled) continue;
    if (sole && columnsOf(n.key).includes(sole)) {
      n.settled = sole;
      n.inferred = 'document';
      continue;
    }
    // the catalogue allows one kind of money only (TT 55/2023: Dự án 2 is vốn sự nghiệp)
    if (entry && n.key === 'central' && entry.money.recurrent !== entry.money.investment) {
      n.settled = entry.money.recurrent ? 'centralRecurrent' : 'centralInvestment';
      n.inferred = 'catalogue';
    }
  }
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => add(a, b), ZERO);
}

export function sameDecimal(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function decimalOf(n: number): Decimal {
  return decimalFromNumber(n);
}
