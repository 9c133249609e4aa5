/**
 * The document checks: each rule has an id, a default severity and a pure run over the reading,
 * and points at the paragraph it is about (section number and quote). They catch what real plans
 * get wrong before they are signed: parts that do not add up to their total, a summary that
 * disagrees with the detail, last year's year left in the text, a section number used twice, a
 * sub-project that does not exist, people's money called vốn sự nghiệp, and the workbook's own
 * eligibility and counterpart rules.
 */
import { CatalogEntry, findByCode } from '../catalog';
import type { Severity } from '../checks/finding';
import { Decimal, ZERO, add, compare, shift, subtract, toNumber } from '../decimal';
import { COUNTERPART_MINIMUM_2021, checkCounterpart } from '../sources';
import { buildLabelTree, formatLabel, ITEM_LETTERS } from '../outline';
import { MoneyUnit, UNIT_EXPONENT } from '../units';
import { COLUMN_KEYS, ColumnKey, FigureNode, MoneyKey, columnsOf, everyNode, leavesOf, nodesOf, sumDecimals } from './allocation';
import { Figure } from './funding';
import { DocFinding, DocParams, DocRuleId } from './findings';
import { DocItem, hasSubprojects } from './items';
import { Provenance, quoteAround, quoteOf } from './model';
import { ActivityReading, DocumentReading, ItemMoney, STATED_KEYS, StatedKey } from './read';
import { pushAll } from '../arrays';
import { policySourceOf } from './policies';

export interface DocRule {
  id: DocRuleId;
  severity: Severity;
  run(r: DocumentReading): DocFinding[];
}

const unitParam = (u: MoneyUnit): { key: `doc.unit.${MoneyUnit}` } => ({ key: `doc.unit.${u}` });
const sourceParam = (k: MoneyKey | StatedKey): { key: `doc.source.${MoneyKey | StatedKey}` } => ({ key: `doc.source.${k}` });
const num = (d: Decimal): number => toNumber(d);

function gap(stated: Decimal, computed: Decimal, unit: MoneyUnit): DocParams {
  return { stated: num(stated), computed: num(computed), difference: num(subtract(stated, computed)), unit: unitParam(unit) };
}

function finding(rule: DocRuleId, severity: Severity, at: Provenance, key: DocFinding['message']['key'], params: DocParams, hint?: DocFinding['message']['key'], hintParams: DocParams = {}, related?: Provenance[]): DocFinding {
  return { rule, severity, at, message: { key, params }, ...(hint ? { hint: { key: hint, params: hintParams } } : {}), ...(related && related.length > 0 ? { related } : {}) };
}

/** The items that become rows of the plan: known to the catalogue, and not a project whose sub-projects are listed. */
export function planItems(r: DocumentReading): DocItem[] {
  return r.items.filter((i) => i.entry !== null && !hasSubprojects(i) && i.written.kind !== 'component');
}

function codeOf(item: DocItem): string {
  return item.entry?.code ?? item.writtenCode;
}

/** Every statement's figure nodes, items' and summary's, and the activity lines'. */
function allStatements(r: DocumentReading): FigureNode[][] {
  const all = new Set<FigureNode[]>([...[...r.itemNodes.values()].flat(), ...r.summaryNodes, ...r.tableRows.values(), ...[...r.activities.values()].flat().map((a) => a.nodes), ...r.policies.map((p) => p.nodes), ...r.policyTotals.map((t) => t.nodes), ...r.resourceRows.values()]);
  return [...all];
}

/** The money of an item's activity lines added up: per column, what no column holds, and whether a figure is unread. */
export function activitiesMoney(list: readonly ActivityReading[]): { columns: Map<ColumnKey, Decimal>; unsettled: FigureNode[]; total: Decimal; unread: boolean } {
  const columns = new Map<ColumnKey, Decimal>();
  const unsettled: FigureNode[] = [];
  let total = ZERO;
  let unread = false;
  for (const a of list) {
    for (const leaf of leavesOf(a.nodes)) {
      if (leaf.value === null) {
        unread = true;
        continue;
      }
      total = add(total, leaf.value);
      if (leaf.settled) columns.set(leaf.settled, add(columns.get(leaf.settled) ?? ZERO, leaf.value));
      else unsettled.push(leaf);
    }
  }
  return { columns, unsettled, total, unread };
}

function itemTotal(m: ItemMoney): Decimal {
  return sumDecimals([...Object.values(m.columns), ...Object.values(m.unsettled)].map((v) => (v as { value: Decimal }).value));
}

/** Each policies total (a section's, a Biểu 02's) against the policies it lists (when every figure is read). */
function policiesSum(r: DocumentReading): DocFinding[] {
  const out: DocFinding[] = [];
  for (const { nodes, lines } of r.policyTotals) {
    const total = nodes[0];
    if (!total || total.value === null || lines.length === 0) continue;
    const leaves = lines.flatMap((p) => leavesOf(p.nodes));
    if (leaves.some((l) => l.value === null)) continue;
    const computed = sumDecimals(leaves.map((l) => l.value as Decimal));
    const related = lines.map((p) => p.line.from);
    if (compare(computed, total.value) !== 0) out.push(finding('DOC_PARTS_SUM', 'error', total.from, 'doc.rule.DOC_PARTS_SUM.policies', gap(total.value, computed, r.unit), 'doc.hint.DOC_PARTS_SUM', {}, related));
    // per source, when the total splits its money (a Biểu 02's NSTW and NSĐP columns) and every policy names its source
    if (leaves.some((l) => !l.figure.none && policySourceOf(l.key) === null)) continue;
    for (const part of total.parts) {
      const source = policySourceOf(part.key);
      if (source === null || part.value === null) continue;
      const bySource = sumDecimals(leaves.filter((l) => policySourceOf(l.key) === source).map((l) => l.value as Decimal));
      if (compare(bySource, part.value) !== 0) out.push(finding('DOC_PARTS_SUM', 'error', total.from, 'doc.rule.DOC_PARTS_SUM.policiesSource', { source: sourceParam(part.key), ...gap(part.value, bySource, r.unit) }, 'doc.hint.DOC_PARTS_SUM', {}, related));
    }
  }
  return out;
}

const POLICY_DIMENSION: DocRule = {
  id: 'DOC_POLICY_DIMENSION',
  severity: 'warning',
  run(r) {
    return r.policies
      .filter((p) => p.line.dimension === null)
      .map((p) => finding('DOC_POLICY_DIMENSION', 'warning', p.line.from, 'doc.rule.DOC_POLICY_DIMENSION', { name: p.line.name, amount: num(sumDecimals(leavesOf(p.nodes).map((l) => l.value ?? ZERO))), unit: unitParam(r.unit) }, 'doc.hint.DOC_POLICY_DIMENSION'));
  },
};

const POLICY_SOURCE: DocRule = {
  id: 'DOC_POLICY_SOURCE',
  severity: 'warning',
  run(r) {
    const out: DocFinding[] = [];
    // a policy left out of Biểu 02 for its dimension is said once, by DOC_POLICY_DIMENSION
    for (const p of r.policies) {
      if (p.line.dimension === null) continue;
      const open = leavesOf(p.nodes).filter((l) => l.value !== null && !l.figure.none && policySourceOf(l.key) === null);
      if (open.length === 0) continue;
      out.push(finding('DOC_POLICY_SOURCE', 'warning', p.line.from, 'doc.rule.DOC_POLICY_SOURCE', { name: p.line.name, amount: num(sumDecimals(open.map((l) => l.value as Decimal))), unit: unitParam(r.unit) }, 'doc.hint.DOC_POLICY_SOURCE'));
    }
    return out;
  },
};

const ACTIVITY_UNPLACED: DocRule = {
  id: 'DOC_ACTIVITY_UNPLACED',
  severity: 'warning',
  run(r) {
    const out: DocFinding[] = [];
    for (const [item, list] of r.activities) {
      if (!hasSubprojects(item)) continue;
      const children = item.children.filter((c) => c.entry !== null).map(codeOf).join(', ');
      for (const a of list) {
        const amount = sumDecimals(leavesOf(a.nodes).map((l) => l.value ?? ZERO));
        out.push(finding('DOC_ACTIVITY_UNPLACED', 'warning', a.line.from, 'doc.rule.DOC_ACTIVITY_UNPLACED', { code: codeOf(item), name: a.line.name, amount: num(amount), unit: unitParam(r.unit), children }, 'doc.hint.DOC_ACTIVITY_UNPLACED'));
      }
    }
    return out;
  },
};

/** An item stating its money and listing activities with theirs: the two must agree, per column when both say their columns. */
function activitiesSum(r: DocumentReading): DocFinding[] {
  const out: DocFinding[] = [];
  for (const [item, list] of r.activities) {
    // a project's money covers its sub-projects: lines under it are DOC_ACTIVITY_UNPLACED's
    if (hasSubprojects(item)) continue;
    // an item whose money is its activity lines has nothing else to compare them with
    if (r.activityMoney.has(item)) continue;
    const own = (r.itemNodes.get(item) ?? []).filter((ns) => ns.length > 0 && !list.some((a) => a.nodes === ns));
    if (own.length === 0) continue;
    const m = r.money.get(item) as ItemMoney;
    const sums = activitiesMoney(list);
    if (sums.unread) continue;
    const at = own[0][0].from;
    const related = list.map((a) => a.line.from);
    const code = codeOf(item);
    const report = (source: MoneyKey, stated: Decimal, computed: Decimal): void => {
      if (compare(stated, computed) === 0) return;
      out.push(finding('DOC_PARTS_SUM', 'error', at, 'doc.rule.DOC_PARTS_SUM.activities', { code, source: sourceParam(source), count: list.length, ...gap(stated, computed, r.unit) }, 'doc.hint.DOC_PARTS_SUM.activities', {}, related));
    };
    if (sums.unsettled.length === 0 && Object.keys(m.unsettled).length === 0) {
      for (const key of COLUMN_KEYS) {
        const stated = m.columns[key]?.value;
        const computed = sums.columns.get(key);
        if (stated === undefined && computed === undefined) continue;
        report(key, stated ?? ZERO, computed ?? ZERO);
      }
    } else report('total', itemTotal(m), sums.total);
  }
  return out;
}

/** The detail's amount for a stated key, or null when some of the detail could belong to it unread. */
export function detailOf(r: DocumentReading, key: StatedKey): Decimal | null {
  const items = planItems(r);
  const cols: ColumnKey[] = key === 'total' ? [...COLUMN_KEYS] : key === 'state' ? ['centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent'] : key === 'central' ? ['centralInvestment', 'centralRecurrent'] : key === 'local' ? ['local', 'localInvestment', 'localRecurrent'] : [key];
  let total = ZERO;
  for (const item of items) {
    const m = r.money.get(item) as ItemMoney;
    for (const c of cols) total = add(total, m.columns[c]?.value ?? ZERO);
    for (const [k, v] of Object.entries(m.unsettled) as Array<[MoneyKey, { value: Decimal }]>) {
      const belongs = columnsOf(k);
      if (belongs.every((c) => cols.includes(c))) total = add(total, v.value);
      else if (belongs.some((c) => cols.includes(c))) return null;
    }
    for (const nodes of r.itemNodes.get(item) ?? []) if (everyNode(nodes).some((n) => n.figure.problem !== null)) return null;
  }
  return total;
}

const PARTS_SUM: DocRule = {
  id: 'DOC_PARTS_SUM',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const nodes of allStatements(r)) {
      for (const n of everyNode(nodes)) {
        if (n.parts.length === 0 || n.value === null || n.parts.some((p) => p.value === null)) continue;
        const sum = sumDecimals(n.parts.map((p) => p.value as Decimal));
        const c = compare(sum, n.value);
        // one "trong đó" may name only part of its total (DOC_PART_EXCEEDS covers one larger than it); two or more are the whole list
        if (c !== 0 && n.parts.length >= 2) out.push(finding('DOC_PARTS_SUM', 'error', n.from, 'doc.rule.DOC_PARTS_SUM', gap(n.value, sum, r.unit), 'doc.hint.DOC_PARTS_SUM'));
      }
    }
    pushAll(out, activitiesSum(r));
    pushAll(out, policiesSum(r));
    return out;
  },
};

const PART_EXCEEDS: DocRule = {
  id: 'DOC_PART_EXCEEDS',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const nodes of allStatements(r)) {
      for (const n of everyNode(nodes)) {
        if (!n.parent || n.value === null || n.parent.value === null) continue;
        if (compare(n.value, n.parent.value) > 0) {
          out.push(finding('DOC_PART_EXCEEDS', 'error', n.from, 'doc.rule.DOC_PART_EXCEEDS', { label: n.figure.label.replace(/[:\s]+$/u, '') || n.figure.text, part: num(n.value), whole: num(n.parent.value), unit: unitParam(r.unit) }, 'doc.hint.DOC_PART_EXCEEDS'));
        }
      }
    }
    return out;
  },
};

const SUMMARY_DETAIL: DocRule = {
  id: 'DOC_SUMMARY_DETAIL',
  severity: 'error',
  run(r) {
    // a plan stating totals only has no detail to compare with (DOC_NO_MONEY says so per item)
    if (!planItems(r).some((i) => hasMoney(r.money.get(i)))) return [];
    const out: DocFinding[] = [];
    for (const key of STATED_KEYS) {
      const stated = r.stated[key];
      if (!stated) continue;
      const detail = detailOf(r, key);
      if (detail === null || compare(detail, stated.value) === 0) continue;
      const related = planItems(r).flatMap((i) => i.statements.map((s) => s.from));
      out.push(finding('DOC_SUMMARY_DETAIL', 'error', stated.node.from, 'doc.rule.DOC_SUMMARY_DETAIL', { source: sourceParam(key), ...gap(stated.value, detail, r.unit) }, 'doc.hint.DOC_SUMMARY_DETAIL', {}, related));
    }
    return out;
  },
};

const PROJECT_TOTAL: DocRule = {
  id: 'DOC_PROJECT_TOTAL',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const project of r.items) {
      const children = project.children.filter((c) => c.entry !== null);
      if (children.length === 0) continue;
      const own = r.money.get(project);
      if (!own) continue;
      const childSum = (keys: ColumnKey[]): Decimal | null => {
        let s = ZERO;
        for (const c of children) {
          const m = r.money.get(c) as ItemMoney;
          if (Object.keys(m.unsettled).length > 0 && keys.length > 1) return null;
          for (const k of keys) s = add(s, m.columns[k]?.value ?? ZERO);
        }
        return s;
      };
      const check = (key: MoneyKey, stated: { value: Decimal; nodes: FigureNode[] }, keys: ColumnKey[]): void => {
        const computed = childSum(keys);
        if (computed === null || compare(computed, stated.value) === 0) return;
        out.push(finding('DOC_PROJECT_TOTAL', 'error', stated.nodes[0].from, 'doc.rule.DOC_PROJECT_TOTAL', { project: project.heading.body.split(':')[0].trim(), source: sourceParam(key), ...gap(stated.value, computed, r.unit) }, 'doc.hint.DOC_PROJECT_TOTAL', {}, children.flatMap((c) => c.statements.map((s) => s.from))));
      };
      for (const key of COLUMN_KEYS) {
        const v = own.columns[key];
        if (v) check(key, v, [key]);
      }
      for (const [k, v] of Object.entries(own.unsettled) as Array<[MoneyKey, { value: Decimal; nodes: FigureNode[] }]>) if (v) check(k, v, columnsOf(k));
    }
    return out;
  },
};

const OLD_YEAR = /(?:^|[^\p{L}\d/])năm\s+(20\d\d)(?!\s*[-–—]\s*20\d\d)(?![\d/])/giu;
const PAST_CONTEXT = /(?:so với|cuối|đầu|từ|trước|kết quả|đã|thực hiện|giai đoạn|đến hết|tính đến|tháng \d{1,2}|ngày \d{1,2}|trong|của)\s*$/iu;

const YEAR: DocRule = {
  id: 'DOC_YEAR',
  severity: 'warning',
  run(r) {
    const year = r.facts.period?.value.from ?? r.facts.year?.value;
    if (year === undefined) return [];
    const out: DocFinding[] = [];
    for (const p of r.structure.paragraphs) {
      if (/^(?:Căn cứ|Nơi nhận|-\s*Lưu)/u.test(p.body) || /^Căn cứ/u.test(p.block.text)) continue;
      for (const m of p.body.matchAll(OLD_YEAR)) {
        const found = Number(m[1]);
        if (found >= year) continue;
        const before = p.body.slice(Math.max(0, (m.index ?? 0) - 24), (m.index ?? 0) + (m[0].length - m[0].trimStart().length));
        // "của thành phố năm 2023" is a copy-over; "so với năm 2023", "cuối năm 2023" compare with it
        if (PAST_CONTEXT.test(before) && !/(?:của|trong)\s*$/iu.test(before)) continue;
        if (/(?:tháng \d{1,2}|ngày \d{1,2})\s*$/iu.test(before)) continue;
        out.push(finding('DOC_YEAR', 'warning', { block: p.index, section: p.section, quote: quoteAround(p.body, m.index ?? 0, m[0].length) }, 'doc.rule.DOC_YEAR', { found: `năm ${found}`, year: String(year) }, 'doc.hint.DOC_YEAR'));
        break;
      }
    }
    return out;
  },
};

function nextLabel(raw: string): string {
  const body = raw.replace(/[.)]$/, '');
  const end = raw.slice(body.length);
  if (/^\d+(?:\.\d+)*$/.test(body)) {
    const parts = body.split('.').map(Number);
    parts[parts.length - 1]++;
    return `${parts.join('.')}${end}`;
  }
  const letter = ITEM_LETTERS.indexOf(body);
  if (letter >= 0) return `${ITEM_LETTERS[letter + 1] ?? body}${end}`;
  return raw;
}

function sectionFindings(r: DocumentReading): DocFinding[] {
  const ps = r.structure.paragraphs;
  // numbers Word draws itself cannot be typed twice: only typed numbers are checked
  const tree = buildLabelTree(ps.map((p) => (p.label && !p.auto ? p.label.raw : null)));
  const out: DocFinding[] = [];
  for (const issue of tree.issues) {
    if (issue.kind === 'unknown') continue;
    const p = ps[issue.row];
    const at = { block: p.index, section: p.section, quote: quoteOf(p.block.text) };
    if (issue.kind === 'repeated') {
      const first = ps[issue.previousRow];
      const label = p.label as NonNullable<typeof p.label>;
      const expected = label.kind === 'roman' ? `${formatLabel('roman', [label.numbers[0] + 1])}.` : nextLabel(issue.label);
      out.push(finding('DOC_SECTION_REPEATED', 'warning', at, 'doc.rule.DOC_SECTION_REPEATED', { label: issue.label }, 'doc.hint.DOC_SECTION_REPEATED', { expected }, [{ block: first.index, section: first.section, quote: quoteOf(first.block.text) }]));
    } else if (issue.kind === 'skipped') {
      out.push(finding('DOC_SECTION_SKIPPED', 'warning', at, 'doc.rule.DOC_SECTION_SKIPPED', { label: issue.label, expected: issue.expected }, 'doc.hint.DOC_SECTION_SKIPPED'));
    }
  }
  return out;
}

const SECTION_REPEATED: DocRule = { id: 'DOC_SECTION_REPEATED', severity: 'warning', run: (r) => sectionFindings(r).filter((f) => f.rule === 'DOC_SECTION_REPEATED') };
const SECTION_SKIPPED: DocRule = { id: 'DOC_SECTION_SKIPPED', severity: 'warning', run: (r) => sectionFindings(r).filter((f) => f.rule === 'DOC_SECTION_SKIPPED') };

function headingAt(item: DocItem): Provenance {
  return { block: item.heading.index, section: item.heading.section, quote: quoteOf(item.heading.block.text) };
}

const UNKNOWN_ITEM: DocRule = {
  id: 'DOC_UNKNOWN_ITEM',
  severity: 'error',
  run(r) {
    return r.items
      .filter((i) => i.entry === null && i.written.kind !== 'component')
      .map((i) => {
        const written = i.heading.body.split(':')[0].trim();
        const hint: { key: DocFinding['message']['key']; params: DocParams } = i.byName ? { key: 'doc.hint.DOC_UNKNOWN_ITEM.suggest', params: { code: i.byName.code, name: i.byName.name } } : { key: 'doc.hint.DOC_UNKNOWN_ITEM', params: {} };
        return finding('DOC_UNKNOWN_ITEM', 'error', headingAt(i), 'doc.rule.DOC_UNKNOWN_ITEM', { written, code: i.writtenCode }, hint.key, hint.params);
      });
  },
};

function related(a: CatalogEntry, b: CatalogEntry): boolean {
  return a.parent === b.code || b.parent === a.code;
}

const ITEM_NAME: DocRule = {
  id: 'DOC_ITEM_NAME',
  severity: 'warning',
  run(r) {
    return r.items
      .filter((i) => i.entry && i.byName && i.byName.code !== i.entry.code && !(related(i.entry, i.byName) && i.entry.name === i.byName.name))
      .map((i) => {
        const entry = i.entry as CatalogEntry;
        const byName = i.byName as CatalogEntry;
        return finding('DOC_ITEM_NAME', 'warning', headingAt(i), 'doc.rule.DOC_ITEM_NAME', { written: i.heading.body.split(':')[0].trim(), code: entry.code, official: entry.name, nameCode: byName.code, nameOfficial: byName.name }, 'doc.hint.DOC_ITEM_NAME', { code: entry.code });
      });
  },
};

const PEOPLE_SN: DocRule = {
  id: 'DOC_PEOPLE_SN',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const nodes of allStatements(r)) {
      for (const n of leavesOf(nodes)) {
        if (n.value === null || (n.settled ?? n.key) !== 'mobilised' || n.words.kind !== 'recurrent') continue;
        out.push(finding('DOC_PEOPLE_SN', 'error', n.from, 'doc.rule.DOC_PEOPLE_SN', { amount: num(n.value), unit: unitParam(r.unit) }, 'doc.hint.DOC_PEOPLE_SN'));
      }
    }
    return out;
  },
};

function hasMoney(m: ItemMoney | undefined): boolean {
  if (!m) return false;
  return [...Object.values(m.columns), ...Object.values(m.unsettled)].some((v) => v && compare(v.value, ZERO) !== 0);
}

function poorOnlyRoot(r: DocumentReading, entry: CatalogEntry): CatalogEntry | null {
  let found: CatalogEntry | null = null;
  for (let e: CatalogEntry | null = entry; e; e = e.parent ? findByCode(r.catalog, e.parent) : null) if (e.poorAreaOnly) found = e;
  return found;
}

const ELIGIBILITY: DocRule = {
  id: 'DOC_ELIGIBILITY',
  severity: 'error',
  run(r) {
    const poor = r.options.poorDistrict ?? r.facts.poorDistrict?.value;
    if (poor === true) return [];
    const out: DocFinding[] = [];
    const seen = new Set<string>();
    for (const item of planItems(r)) {
      const root = poorOnlyRoot(r, item.entry as CatalogEntry);
      if (!root || seen.has(root.code) || !hasMoney(r.money.get(item))) continue;
      seen.add(root.code);
      out.push(poor === false
        ? finding('DOC_ELIGIBILITY', 'error', headingAt(item), 'doc.rule.DOC_ELIGIBILITY', { code: root.code }, 'doc.hint.DOC_ELIGIBILITY')
        : finding('DOC_ELIGIBILITY', 'warning', headingAt(item), 'doc.rule.DOC_ELIGIBILITY.unknown', { code: root.code }, 'doc.hint.DOC_ELIGIBILITY'));
    }
    return out;
  },
};

const MONEY_TYPE: DocRule = {
  id: 'DOC_MONEY_TYPE',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const item of planItems(r)) {
      const entry = item.entry as CatalogEntry;
      const m = r.money.get(item) as ItemMoney;
      const wrong: ColumnKey[] = [];
      if (!entry.money.investment) wrong.push('centralInvestment', 'localInvestment');
      if (!entry.money.recurrent) wrong.push('centralRecurrent', 'localRecurrent');
      for (const k of wrong) {
        const v = m.columns[k];
        if (!v || compare(v.value, ZERO) === 0) continue;
        out.push(finding('DOC_MONEY_TYPE', 'error', v.nodes[0].from, 'doc.rule.DOC_MONEY_TYPE', { code: entry.code, source: sourceParam(k), amount: num(v.value), unit: unitParam(r.unit) }, 'doc.hint.DOC_MONEY_TYPE'));
      }
    }
    return out;
  },
};

const COUNTERPART: DocRule = {
  id: 'DOC_COUNTERPART',
  severity: 'error',
  run(r) {
    const group = r.options.provinceGroup;
    if (!group || r.programme !== '2021-2025') return [];
    const central = r.stated.central?.value ?? detailOf(r, 'central');
    const local = r.stated.local?.value ?? detailOf(r, 'local') ?? ZERO;
    if (central === null || compare(central, ZERO) <= 0) return [];
    const result = checkCounterpart(num(local), num(central), COUNTERPART_MINIMUM_2021[group]);
    if (result.ok) return [];
    const at = r.stated.local?.node.from ?? r.stated.central?.node.from ?? planItems(r)[0]?.statements[0]?.from ?? { block: 0, section: '', quote: '' };
    const level = r.facts.level?.value;
    return [finding('DOC_COUNTERPART', level === 'tinh' ? 'error' : 'info', at, 'doc.rule.DOC_COUNTERPART', { ratio: Math.round((result.ratio ?? 0) * 10000) / 100, minimum: Math.round(result.minimum * 10000) / 100, group, shortfall: result.shortfall, unit: unitParam(r.unit) }, 'doc.hint.DOC_COUNTERPART')];
  },
};

const UNREAD: DocRule = {
  id: 'DOC_UNREAD',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    const seen = new Set<string>();
    for (const nodes of allStatements(r)) {
      for (const n of everyNode(nodes)) {
        const f = n.figure;
        if (!f.problem) continue;
        const id = `${n.from.block}:${f.at}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (f.problem === 'ambiguous' && f.candidates) out.push(finding('DOC_UNREAD', 'error', n.from, 'doc.rule.DOC_UNREAD.ambiguous', { text: f.text, a: f.candidates[0], b: f.candidates[1] }, 'doc.hint.DOC_UNREAD'));
        else if (f.problem === 'no-unit') out.push(finding('DOC_UNREAD', 'error', n.from, 'doc.rule.DOC_UNREAD.noUnit', { text: f.text }, 'doc.hint.DOC_UNREAD'));
        else out.push(finding('DOC_UNREAD', 'error', n.from, 'doc.rule.DOC_UNREAD.invalid', { text: f.text }, 'doc.hint.DOC_UNREAD'));
      }
    }
    return out;
  },
};

const SOURCE_UNKNOWN: DocRule = {
  id: 'DOC_SOURCE_UNKNOWN',
  severity: 'warning',
  run(r) {
    const out: DocFinding[] = [];
    for (const item of planItems(r)) {
      const m = r.money.get(item) as ItemMoney;
      for (const [k, v] of Object.entries(m.unsettled) as Array<[MoneyKey, { value: Decimal; nodes: FigureNode[] }]>) {
        out.push(finding('DOC_SOURCE_UNKNOWN', 'warning', v.nodes[0].from, 'doc.rule.DOC_SOURCE_UNKNOWN', { code: codeOf(item), amount: num(v.value), unit: unitParam(r.unit), source: sourceParam(k) }, 'doc.hint.DOC_SOURCE_UNKNOWN'));
      }
      // activity lines KH cannot put in a column stay out of the workbook (the item keeps its own money)
      const list = r.activities.get(item);
      if (!list || r.activityMoney.has(item) || list.every((a) => (r.itemNodes.get(item) ?? []).includes(a.nodes))) continue;
      for (const leaf of activitiesMoney(list).unsettled) {
        const line = list.find((a) => leavesOf(a.nodes).includes(leaf)) as ActivityReading;
        out.push(finding('DOC_SOURCE_UNKNOWN', 'warning', leaf.from, 'doc.rule.DOC_SOURCE_UNKNOWN.activity', { code: codeOf(item), name: line.line.name, amount: num(leaf.value as Decimal), unit: unitParam(r.unit) }, 'doc.hint.DOC_SOURCE_UNKNOWN.activity'));
      }
    }
    return out;
  },
};

const SOURCE_INFERRED: DocRule = {
  id: 'DOC_SOURCE_INFERRED',
  severity: 'info',
  run(r) {
    const out: DocFinding[] = [];
    const byDocument: FigureNode[] = [];
    const byTable = new Map<string, { at: Provenance; source: ColumnKey; codes: string[] }>();
    for (const nodes of allStatements(r)) {
      for (const n of everyNode(nodes)) {
        if (n.inferred === 'document' && n.parts.length === 0) byDocument.push(n);
        if (n.inferred === 'catalogue' && n.value && n.settled) {
          const item = r.items.find((i) => [...(r.itemNodes.get(i) ?? []), ...(r.activities.get(i) ?? []).map((a) => a.nodes)].some((ns) => everyNode(ns).includes(n)))
            ?? [...r.tableRows].find(([, ns]) => everyNode(ns).includes(n))?.[0].item;
          // a table's NSTW column not split: said once for the table, naming its rows' items
          if (n.from.row !== undefined) {
            const key = `${n.from.block}|${n.settled}`;
            const group = byTable.get(key) ?? { at: n.from, source: n.settled, codes: [] };
            const code = item ? codeOf(item) : '';
            if (code && !group.codes.includes(code)) group.codes.push(code);
            byTable.set(key, group);
            continue;
          }
          out.push(finding('DOC_SOURCE_INFERRED', 'info', n.from, 'doc.rule.DOC_SOURCE_INFERRED.catalogue', { code: item ? codeOf(item) : '', amount: num(n.value), unit: unitParam(r.unit), source: sourceParam(n.settled) }, 'doc.hint.DOC_SOURCE_INFERRED'));
        }
      }
    }
    for (const g of byTable.values()) {
      out.push(finding('DOC_SOURCE_INFERRED', 'info', g.at, 'doc.rule.DOC_SOURCE_INFERRED.table', { codes: g.codes.join(', '), source: sourceParam(g.source) }, 'doc.hint.DOC_SOURCE_INFERRED'));
    }
    if (byDocument.length > 0 && r.sole) {
      const sections = [...new Set(byDocument.map((n) => n.from.section || '—'))];
      const list = sections.length > 8 ? `${sections.slice(0, 8).join(', ')}…` : sections.join(', ');
      out.unshift(finding('DOC_SOURCE_INFERRED', 'info', byDocument[0].from, 'doc.rule.DOC_SOURCE_INFERRED', { sections: list, source: sourceParam(r.sole) }, 'doc.hint.DOC_SOURCE_INFERRED'));
    }
    return out;
  },
};

const NO_MONEY: DocRule = {
  id: 'DOC_NO_MONEY',
  severity: 'info',
  run(r) {
    return planItems(r)
      // a project whose sub-projects are written (even one the catalogue lacks) has its money there
      .filter((i) => i.children.length === 0 && (r.itemNodes.get(i) ?? []).every((ns) => ns.length === 0) && !(i.parent && (r.itemNodes.get(i.parent) ?? []).some((ns) => ns.length > 0)))
      .map((i) => finding('DOC_NO_MONEY', 'info', headingAt(i), 'doc.rule.DOC_NO_MONEY', { code: codeOf(i) }, 'doc.hint.DOC_NO_MONEY'));
  },
};

const NO_TOTAL: DocRule = {
  id: 'DOC_NO_TOTAL',
  severity: 'info',
  run(r) {
    if (Object.keys(r.stated).length > 0 || r.resources.length > 0) return [];
    const items = planItems(r);
    if (items.length === 0) return [];
    const computed = detailOf(r, 'total');
    if (computed === null) return [];
    const last = items[items.length - 1];
    const at = last.statements[last.statements.length - 1]?.from ?? headingAt(last);
    return [finding('DOC_NO_TOTAL', 'info', at, 'doc.rule.DOC_NO_TOTAL', { computed: num(computed), unit: unitParam(r.unit) }, 'doc.hint.DOC_NO_TOTAL')];
  },
};

const START: Provenance = { block: 0, section: '', quote: '' };

const FACT_MISSING: DocRule = {
  id: 'DOC_FACT_MISSING',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    if (!r.facts.issuer) out.push(finding('DOC_FACT_MISSING', 'error', START, 'doc.rule.DOC_FACT_MISSING.issuer', {}, 'doc.hint.DOC_FACT_MISSING'));
    if (!r.facts.province) out.push(finding('DOC_FACT_MISSING', 'error', START, 'doc.rule.DOC_FACT_MISSING.province', {}, 'doc.hint.DOC_FACT_MISSING'));
    if (!r.facts.year) out.push(finding('DOC_FACT_MISSING', 'error', START, 'doc.rule.DOC_FACT_MISSING.year', {}, 'doc.hint.DOC_FACT_MISSING'));
    return out;
  },
};

const NUMBER_BLANK: DocRule = {
  id: 'DOC_NUMBER_BLANK',
  severity: 'info',
  run: (r) => (r.facts.numberBlank ? [finding('DOC_NUMBER_BLANK', 'info', r.facts.numberBlank, 'doc.rule.DOC_NUMBER_BLANK', { text: r.facts.numberBlank.quote }, 'doc.hint.DOC_BLANK')] : []),
};

const DATE_BLANK: DocRule = {
  id: 'DOC_DATE_BLANK',
  severity: 'info',
  run: (r) => (r.facts.dateBlank ? [finding('DOC_DATE_BLANK', 'info', r.facts.dateBlank, 'doc.rule.DOC_DATE_BLANK', { text: r.facts.dateBlank.quote }, 'doc.hint.DOC_BLANK')] : []),
};

const WORDS: DocRule = {
  id: 'DOC_WORDS',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const nodes of allStatements(r)) {
      for (const n of everyNode(nodes)) {
        const f = n.figure;
        if (!f.words || !f.decimal || !f.unit) continue;
        const dong = shift(f.decimal, UNIT_EXPONENT[f.unit]);
        const wordsDong = { digits: f.words.dong, scale: 0 };
        if (compare(dong, wordsDong) === 0) continue;
        out.push(finding('DOC_WORDS', 'error', n.from, 'doc.rule.DOC_WORDS', { amount: num(f.decimal), unit: unitParam(f.unit), words: f.words.text, wordsAmount: num(wordsDong) }, 'doc.hint.DOC_WORDS'));
      }
    }
    return out;
  },
};

const ITEM_CONFLICT: DocRule = {
  id: 'DOC_ITEM_CONFLICT',
  severity: 'warning',
  run(r) {
    return r.items.flatMap((item) =>
      (r.money.get(item)?.conflicts ?? []).map((c) =>
        finding('DOC_ITEM_CONFLICT', 'warning', c.second.from, 'doc.rule.DOC_ITEM_CONFLICT', { code: codeOf(item), source: sourceParam(c.key), first: num(c.first.value as Decimal), second: num(c.second.value as Decimal), unit: unitParam(r.unit) }, 'doc.hint.DOC_ITEM_CONFLICT', {}, [c.first.from]),
      ),
    );
  },
};

const STATED_CONFLICT: DocRule = {
  id: 'DOC_STATED_CONFLICT',
  severity: 'warning',
  run(r) {
    return r.statedConflicts.map((c) => finding('DOC_STATED_CONFLICT', 'warning', c.second.node.from, 'doc.rule.DOC_STATED_CONFLICT', { source: sourceParam(c.key), first: num(c.first.value), second: num(c.second.value), unit: unitParam(r.unit) }, undefined, {}, [c.first.node.from]));
  },
};

/** Value per key (as the words name it) of a figure tree: "Tổng", "NSTW", "SN"… */
function byKey(nodes: FigureNode[]): Map<MoneyKey, Decimal> {
  const out = new Map<MoneyKey, Decimal>();
  for (const n of everyNode(nodes)) if (n.value) out.set(n.key, add(out.get(n.key) ?? ZERO, n.value));
  return out;
}

const TABLE_TEXT: DocRule = {
  id: 'DOC_TABLE_TEXT',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const [row, nodes] of r.tableRows) {
      if (!row.item || row.item.statements.length === 0) continue;
      const m = r.money.get(row.item);
      for (const leaf of leavesOf(nodes)) {
        const key = leaf.settled;
        if (!key || !leaf.value) continue;
        const text = m?.columns[key];
        if (!text || compare(text.value, leaf.value) === 0) continue;
        out.push(finding('DOC_TABLE_TEXT', 'error', row.from, 'doc.rule.DOC_TABLE_TEXT', { code: codeOf(row.item), source: sourceParam(key), table: num(leaf.value), text: num(text.value), unit: unitParam(r.unit) }, 'doc.hint.DOC_TABLE_TEXT', {}, [text.nodes[0].from]));
      }
    }
    return out;
  },
};

const TABLE_TOTAL: DocRule = {
  id: 'DOC_TABLE_TOTAL',
  severity: 'error',
  run(r) {
    const out: DocFinding[] = [];
    for (const t of r.tables) {
      if (!t.total) continue;
      // a table of all resources adds its groups (A, B, C…); a programme's table its Dự án
      const top = t.rows.filter((row) => (t.resources ? row.group !== undefined : row.level === 0)).map((row) => byKey(r.tableRows.get(row) ?? r.resourceRows.get(row) ?? []));
      if (top.length === 0) continue;
      const total = byKey(nodesOfTotal(r, t.total.figures, t.total.from));
      for (const [key, value] of total) {
        const parts = top.map((m) => m.get(key)).filter((v): v is Decimal => v !== undefined);
        if (parts.length === 0) continue;
        const computed = sumDecimals(parts);
        if (compare(computed, value) === 0) continue;
        out.push(finding('DOC_TABLE_TOTAL', 'error', t.total.from, 'doc.rule.DOC_TABLE_TOTAL', { source: sourceParam(key), ...gap(value, computed, r.unit) }, 'doc.hint.DOC_PARTS_SUM'));
      }
    }
    return out;
  },
};

function nodesOfTotal(r: DocumentReading, figures: Figure[], from: Provenance): FigureNode[] {
  return nodesOf(figures, from, r.unit);
}

export const DOC_RULES: readonly DocRule[] = [
  FACT_MISSING, UNREAD, UNKNOWN_ITEM, ITEM_NAME, PARTS_SUM, PART_EXCEEDS, SUMMARY_DETAIL, PROJECT_TOTAL, TABLE_TOTAL, TABLE_TEXT, WORDS, PEOPLE_SN,
  MONEY_TYPE, ELIGIBILITY, COUNTERPART, YEAR, SECTION_REPEATED, SECTION_SKIPPED, ITEM_CONFLICT, STATED_CONFLICT, SOURCE_UNKNOWN, SOURCE_INFERRED, NO_MONEY, NO_TOTAL,
  NUMBER_BLANK, DATE_BLANK, POLICY_DIMENSION, POLICY_SOURCE, ACTIVITY_UNPLACED,
];

export function checkDocument(r: DocumentReading): DocFinding[] {
  return DOC_RULES.flatMap((rule) => rule.run(r));
}
