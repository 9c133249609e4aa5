/**
 * Reading a plan document: its structure, facts, items with their money per column, the totals
 * its summary states (the programme's, by source; all resources'), targets and tables — every
 * figure with the section and words it came from. The document rules (rules.ts) and the plan spec
 * (spec.ts) are made from this reading; nothing in it is guessed.
 */
import { Catalog, CatalogEntry, getCatalog } from '../catalog';
import { Decimal, add, ZERO } from '../decimal';
import { pushAll } from '../arrays';
import { Programme } from '../programme';
import { MoneyUnit, parseUnit } from '../units';
import {
  COLUMN_KEYS, ColumnKey, FigureNode, MoneyKey, columnsOf, everyNode, isColumn, leavesOf, nodesOf, sameDecimal, settle, soleColumn, sumDecimals,
} from './allocation';
import { DocumentFacts, readFacts } from './facts';
import { allFigures } from './funding';
import { DocActivityLine, DocItem, DocStatement, hasSubprojects, readItems } from './items';
import { DocBlock, Provenance } from './model';
import { ReadTarget, readTargets } from './targets';
import { PolicyLine, PolicySection, inSection, policySections, readPolicies } from './policies';
import { isPolicyTable, readPolicyTable } from './policy-tables';
import { Structure, structure } from './structure';
import { ReadDocTable, TableRow, readTables } from './tables';

export interface ReadOptions {
  /** The programme; by default from the document (Hợp phần → 2026–2035) and its year. */
  programme?: Programme;
  catalog?: Catalog;
  /** The plan's unit; by default the unit most of the detail is written in. */
  unit?: MoneyUnit;
  /** Province group for the counterpart minimum (1: 3%, 2: 10%, 3: 15%), which a document never states. */
  provinceGroup?: 1 | 2 | 3;
  /** Whether the locality is a poor district / xã ĐBKK bãi ngang, when the document does not say. */
  poorDistrict?: boolean;
}

export type StatedKey = 'total' | 'central' | 'centralInvestment' | 'centralRecurrent' | 'local' | 'localInvestment' | 'localRecurrent' | 'integrated' | 'credit' | 'mobilised' | 'state';
export const STATED_KEYS: readonly StatedKey[] = ['total', 'state', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent', 'integrated', 'credit', 'mobilised'];

export interface StatedFigure {
  key: StatedKey;
  /** In the plan's unit. */
  value: Decimal;
  node: FigureNode;
}

export type ResourceKind = 'total' | 'programme' | 'otherProgrammes' | 'policies' | 'credit' | 'other';

export interface ResourceFigure {
  kind: ResourceKind;
  /** The words that name it, as written. */
  label: string;
  value: Decimal;
  node: FigureNode;
}

/** An item's money per column, with the figures it came from. */
export interface ItemMoney {
  columns: Partial<Record<ColumnKey, { value: Decimal; nodes: FigureNode[] }>>;
  /** Money the words did not settle: per partial key (total, NSTW, NSNN, SN, ĐTPT). */
  unsettled: Partial<Record<Exclude<MoneyKey, ColumnKey>, { value: Decimal; nodes: FigureNode[] }>>;
  /** A second statement giving the same column another figure. */
  conflicts: Array<{ key: ColumnKey; first: FigureNode; second: FigureNode }>;
}

export interface ActivityReading {
  line: DocActivityLine;
  nodes: FigureNode[];
}

export interface PolicyLineReading {
  line: PolicyLine;
  nodes: FigureNode[];
}

export interface PolicyTotalReading {
  nodes: FigureNode[];
  /** The policies under it: its section's lines, or its table's rows. */
  lines: PolicyLineReading[];
}

export interface DocumentReading {
  blocks: DocBlock[];
  structure: Structure;
  facts: DocumentFacts;
  programme: Programme;
  catalog: Catalog;
  /** The plan's unit. */
  unit: MoneyUnit;
  /** "Đơn vị tính: triệu đồng" in the document, if it says one. */
  declaredUnit: MoneyUnit | null;
  items: DocItem[];
  /** Figure nodes of each item's statements, per statement. */
  itemNodes: Map<DocItem, FigureNode[][]>;
  money: Map<DocItem, ItemMoney>;
  /** Each item's activity lines with their figure nodes (money per column by their own words or the item's). */
  activities: Map<DocItem, ActivityReading[]>;
  /** Items that state no money of their own: their money is their activity lines' sum. */
  activityMoney: Set<DocItem>;
  summary: DocStatement[];
  summaryNodes: FigureNode[][];
  /** Policy lines of the policies section (Biểu 02), kept out of the programme's summary. */
  policies: PolicyLineReading[];
  /** Totals the policies sections and Biểu 02 tables state, each with the policies it adds up. */
  policyTotals: PolicyTotalReading[];
  /** The only column the document names with figures, if there is one. */
  sole: ColumnKey | null;
  stated: Partial<Record<StatedKey, StatedFigure>>;
  statedConflicts: Array<{ key: StatedKey; first: StatedFigure; second: StatedFigure }>;
  resources: ResourceFigure[];
  targets: ReadTarget[];
  tables: ReadDocTable[];
  /** Each table row's figure nodes, in the plan's unit. */
  tableRows: Map<TableRow, FigureNode[]>;
  /** Rows of a Biểu 03 table that are not the programme's (other programmes, policies, credit, its total), read for the checks only. */
  resourceRows: Map<TableRow, FigureNode[]>;
  options: ReadOptions;
}

const DECLARED_UNIT = /(?:Đơn vị tính|ĐVT|Đơn vị)\s*:\s*(tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)/iu;

function declaredUnit(s: Structure): MoneyUnit | null {
  for (const b of s.blocks) {
    const texts = b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.map((c) => c.text));
    for (const t of texts) {
      const m = DECLARED_UNIT.exec(t);
      if (m) return parseUnit(m[1]);
    }
  }
  return null;
}

function programmeOf(facts: DocumentFacts, options: ReadOptions): Programme {
  if (options.programme) return options.programme;
  if (facts.programme2026) return '2026-2035';
  const year = facts.year?.value;
  return year !== undefined && year >= 2027 ? '2026-2035' : '2021-2025';
}

/** The unit most figures of the detail are written in (triệu when nothing says). */
function planUnit(items: DocItem[], summary: DocStatement[]): MoneyUnit {
  const count = new Map<MoneyUnit, number>();
  const tally = (sts: DocStatement[]): void => {
    for (const st of sts) for (const f of allFigures(st.statement.figures)) if (f.unit && !f.unitBorrowed && !f.none) count.set(f.unit, (count.get(f.unit) ?? 0) + 1);
  };
  tally(items.flatMap((i) => i.statements));
  if (count.size === 0) tally(summary);
  let best: MoneyUnit = 'trieu';
  let n = 0;
  for (const [u, c] of count) if (c > n || (c === n && u === 'trieu')) [best, n] = [u, c];
  return best;
}

function addTo<K extends string>(map: Partial<Record<K, { value: Decimal; nodes: FigureNode[] }>>, key: K, node: FigureNode): void {
  if (!node.value) return;
  const cur = map[key];
  map[key] = cur ? { value: add(cur.value, node.value), nodes: [...cur.nodes, node] } : { value: node.value, nodes: [node] };
}

function itemMoney(statements: FigureNode[][]): ItemMoney {
  const money: ItemMoney = { columns: {}, unsettled: {}, conflicts: [] };
  for (const nodes of statements) {
    const own: ItemMoney = { columns: {}, unsettled: {}, conflicts: [] };
    for (const leaf of leavesOf(nodes)) {
      if (leaf.value === null) continue;
      if (leaf.settled) addTo(own.columns, leaf.settled, leaf);
      else addTo(own.unsettled, leaf.key as Exclude<MoneyKey, ColumnKey>, leaf);
    }
    // a later statement repeating a column: the same figure is a repetition, another is a conflict
    for (const key of COLUMN_KEYS) {
      const next = own.columns[key];
      if (!next) continue;
      const first = money.columns[key];
      if (!first) money.columns[key] = next;
      else if (!sameDecimal(first.value, next.value)) money.conflicts.push({ key, first: first.nodes[0], second: next.nodes[0] });
    }
    for (const [k, v] of Object.entries(own.unsettled) as Array<[Exclude<MoneyKey, ColumnKey>, { value: Decimal; nodes: FigureNode[] }]>) {
      if (!money.unsettled[k]) money.unsettled[k] = v;
    }
  }
  return money;
}

/** The catalogue entry an item stands for: the one its numbers point at. */
export function entryOf(item: DocItem): CatalogEntry | null {
  return item.entry;
}

function readSummary(reading: Pick<DocumentReading, 'stated' | 'statedConflicts' | 'resources'>, nodes: FigureNode[]): void {
  const state = (key: StatedKey, node: FigureNode): void => {
    if (!node.value) return;
    const figure: StatedFigure = { key, value: node.value, node };
    const first = reading.stated[key];
    if (!first) reading.stated[key] = figure;
    else if (!sameDecimal(first.value, node.value)) reading.statedConflicts.push({ key, first, second: figure });
  };
  const programmeLevel = (n: FigureNode): void => {
    const key = n.settled ?? n.key;
    if ((STATED_KEYS as readonly string[]).includes(key)) state(key as StatedKey, n);
    // "Tổng kinh phí: 1,405 tỷ đồng" in a document of one source states the total as well as that source
    if (n.key === 'total' && n.settled && n.inferred && n.parts.length === 0) state('total', n);
    // "Tổng kinh phí từ nguồn NSTW (vốn sự nghiệp): 1.728" states NSTW and its SN alike
    const own = n.figure.named;
    if (n.words.whole && own.budget && n.parts.length === 0) {
      if (key === 'centralInvestment' || key === 'centralRecurrent') state('central', n);
      if (key === 'localInvestment' || key === 'localRecurrent') state('local', n);
    }
    n.parts.forEach(programmeLevel);
  };
  const resource = (kind: ResourceKind, n: FigureNode): void => {
    if (n.value) reading.resources.push({ kind, label: n.figure.label.replace(/[:\s]+$/u, ''), value: n.value, node: n });
  };
  const walk = (ns: FigureNode[], inResources: boolean): void => {
    for (const n of ns) {
      const w = n.figure.named;
      if (w.resources) {
        resource('total', n);
        walk(n.parts, true);
        continue;
      }
      if (inResources || w.otherProgramme || w.policies) {
        const kind: ResourceKind | null = w.programme ? 'programme' : w.otherProgramme ? 'otherProgrammes' : w.policies ? 'policies' : n.key === 'credit' && inResources ? 'credit' : n.key === 'integrated' && inResources ? 'otherProgrammes' : null;
        if (kind) {
          resource(kind, n);
          if (kind === 'programme') programmeLevel(n);
          continue;
        }
      }
      programmeLevel(n);
    }
  };
  walk(nodes, false);
}

export function readDocument(blocks: DocBlock[], options: ReadOptions = {}): DocumentReading {
  const s = structure(blocks);
  const facts = readFacts(s);
  const programme = programmeOf(facts, options);
  const catalog = options.catalog ?? getCatalog(programme);
  const declared = declaredUnit(s);
  const { items, summary } = readItems(s, catalog, declared);
  const sections = policySections(s.paragraphs);
  const policyTables = s.tables.filter((t) => isPolicyTable(s, t, sections)).map((t) => readPolicyTable(s, t, declared));
  const tables = readTables(s, catalog, declared, items, new Set(policyTables.map((t) => t.index)));
  const unit = options.unit ?? planUnit(items, summary);

  const itemNodes = new Map<DocItem, FigureNode[][]>();
  for (const item of items) itemNodes.set(item, item.statements.map((st) => nodesOf(st.statement.figures, st.from, unit)));
  const summaryNodes = summary.map((st) => nodesOf(st.statement.figures, st.from, unit));
  const activities = new Map<DocItem, ActivityReading[]>();
  for (const item of items) if (item.activities.length > 0) activities.set(item, item.activities.map((line) => ({ line, nodes: nodesOf(line.figures, line.from, unit) })));
  // a table row gives an item its money when the text gives none (when both do, DOC_TABLE_TEXT compares them)
  const tableRows = new Map<TableRow, FigureNode[]>();
  // a Biểu 03 pasted into the plan: its groups other than the programme, their rows and its total are resources
  const resourceRows = new Map<TableRow, FigureNode[]>();
  const tableResources: ResourceFigure[] = [];
  const resourceOf = (kind: ResourceKind, label: string, nodes: FigureNode[]): void => {
    const whole = nodes.find((n) => n.key === 'total' && n.value !== null);
    const leaves = leavesOf(nodes);
    const value = whole?.value ?? (leaves.length > 0 && leaves.every((l) => l.value !== null) ? sumDecimals(leaves.map((l) => l.value as Decimal)) : null);
    if (value !== null && nodes.length > 0) tableResources.push({ kind, label, value, node: whole ?? nodes[0] });
  };
  for (const t of tables) {
    for (const row of t.rows) {
      const nodes = nodesOf(row.figures, row.from, unit);
      if (row.outside || (row.group && row.group !== 'programme')) {
        resourceRows.set(row, nodes);
        if (row.group) resourceOf(row.group, row.label, nodes);
        continue;
      }
      tableRows.set(row, nodes);
      // the programme's group row states the programme's totals, as a programme table's total row does
      if (row.group === 'programme') {
        summaryNodes.push(nodes);
        resourceOf('programme', row.label, nodes);
        continue;
      }
      if (row.item && row.item.statements.length === 0 && row.level < 2) {
        const list = itemNodes.get(row.item) ?? [];
        list.push(nodes);
        itemNodes.set(row.item, list);
      }
    }
    if (t.total && t.resources) {
      const nodes = nodesOf(t.total.figures, t.total.from, unit);
      resourceRows.set({ from: t.total.from, label: '', item: null, entry: null, level: -1, figures: t.total.figures }, nodes);
      resourceOf('total', t.total.from.quote, nodes);
    } else if (t.total) summaryNodes.push(nodesOf(t.total.figures, t.total.from, unit));
  }

  const activityMoney = new Set<DocItem>();
  // an item whose money is written only as its activity lines has their sum ("a) Kinh phí thực hiện:" then the lines);
  // a project's lines outside its sub-projects are not its money (DOC_ACTIVITY_UNPLACED)
  for (const [item, list] of activities) {
    if (hasSubprojects(item)) continue;
    if ((itemNodes.get(item) ?? []).every((ns) => ns.length === 0)) {
      itemNodes.set(item, [list.flatMap((a) => a.nodes)]);
      activityMoney.add(item);
    }
  }
  // the programme's own figures: items' and the summary's, without other programmes and policies
  const activityNodes = [...activities.values()].flat().map((a) => a.nodes);
  const programmeNodes = [...[...itemNodes.values()].flat(2), ...summaryNodes.flat(), ...[...tableRows.values()].flat(), ...activityNodes.flat()].flatMap((n) => everyNode([n]));
  const sole = soleColumn(programmeNodes.filter((n) => !n.figure.named.otherProgramme && !n.figure.named.policies && !n.figure.named.resources));
  for (const item of items) for (const nodes of itemNodes.get(item) ?? []) settle(everyNode(nodes), sole, item.entry);
  for (const nodes of summaryNodes) settle(everyNode(nodes), sole, null);
  for (const [row, nodes] of tableRows) settle(everyNode(nodes), sole, row.item?.entry ?? null);

  const money = new Map<DocItem, ItemMoney>();
  for (const item of items) money.set(item, itemMoney(itemNodes.get(item) ?? []));
  // the lines under an item are parts of its money: a line's figure takes the one column of the item's money it can be
  // ("NSTW" under an item whose NSTW is all vốn sự nghiệp), and stays open when the item has several
  for (const [item, list] of activities) {
    const m = money.get(item) as ItemMoney;
    const cols = Object.keys(m.columns) as ColumnKey[];
    const open = (Object.keys(m.unsettled) as MoneyKey[]).flatMap(columnsOf);
    for (const a of list) {
      for (const leaf of leavesOf(a.nodes)) {
        if (leaf.settled) continue;
        const may = columnsOf(leaf.key);
        const fits = cols.filter((c) => may.includes(c));
        if (fits.length === 1 && !open.some((c) => may.includes(c))) leaf.settled = fits[0];
      }
      settle(everyNode(a.nodes), sole, item.entry);
    }
  }

  const policyReading = readPolicies(s.paragraphs, declared);
  const policyNodes = (line: PolicyLine): PolicyLineReading => ({ line, nodes: nodesOf(line.figures, line.from, unit, line.inherited) });
  const tables02 = policyTables.filter((t) => t.lines.length > 0).map((t) => ({ table: t, lines: t.lines.map(policyNodes) }));
  const tablePolicies = tables02.flatMap((t) => t.lines);
  // a Biểu 02 table lists the policies the text describes: a line of the section the table sits in, or one with
  // the dimension and the money of a row, is that row told twice
  const within = (block: number, sec: PolicySection): boolean => inSection(s.paragraphs, sec, block);
  const tabled = sections.filter((sec) => tables02.some((t) => within(t.table.index, sec)));
  const amountOf = (p: PolicyLineReading): Decimal => sumDecimals(leavesOf(p.nodes).flatMap((l) => (l.value ? [l.value] : [])));
  const told = (p: PolicyLineReading): boolean =>
    tabled.some((sec) => within(p.line.from.block, sec)) || tablePolicies.some((t) => t.line.dimension === p.line.dimension && sameDecimal(amountOf(t), amountOf(p)));
  const textPolicies = policyReading.lines.map(policyNodes).filter((p) => !told(p));
  const policies = [...textPolicies, ...tablePolicies];
  const policyTotals: PolicyTotalReading[] = [];
  for (const t of tables02) if (t.table.total) policyTotals.push({ nodes: nodesOf(t.table.total.figures, t.table.total.from, unit), lines: t.lines });
  for (const total of policyReading.totals) {
    const sec = policyReading.sections[total.section];
    if (tabled.includes(sec)) continue;
    policyTotals.push({ nodes: nodesOf(total.figures, total.from, unit), lines: textPolicies.filter((p) => within(p.line.from.block, sec)) });
  }
  const reading: DocumentReading = {
    blocks, structure: s, facts, programme, catalog, unit, declaredUnit: declared, items, itemNodes, money, activities, activityMoney, summary, summaryNodes, policies, policyTotals, sole,
    stated: {}, statedConflicts: [], resources: [], targets: readTargets(s.paragraphs), tables, tableRows, resourceRows, options,
  };
  for (const nodes of summaryNodes) readSummary(reading, nodes);
  // the text's own "Tổng nguồn lực" comes first; a Biểu 03 table gives the resources when the text does not
  if (reading.resources.length === 0) pushAll(reading.resources, tableResources.sort((a, b) => (a.kind === 'total' ? -1 : b.kind === 'total' ? 1 : 0)));
  return reading;
}

/** The amount of a column in an item's money, exact (zero when absent). */
export function columnValue(m: ItemMoney | undefined, key: ColumnKey): Decimal {
  return m?.columns[key]?.value ?? ZERO;
}

export function isColumnKey(k: string): k is ColumnKey {
  return isColumn(k as MoneyKey);
}

export type { Provenance };
