/**
 * The plan spec a document reading gives: facts, the items the catalogue knows with their money
 * per column (exact, in the plan's unit), money whose column the document leaves open, the
 * stated totals at both levels, targets, and where every one of them came from.
 */
import { Decimal, add, toNumber } from '../decimal';
import { convertUnitDecimal } from '../money';
import type { Activity, Policy, PolicySource, Amounts, FigureSource, PlanItem, PlanSpec, ResourcePartKind, StatedKey, StatedResources, UndividedKey } from '../plan';
import { leavesOf } from './allocation';
import { MoneyUnit } from '../units';
import { ColumnKey } from './allocation';
import { Provenance } from './model';
import { DocumentReading, ItemMoney, STATED_KEYS } from './read';
import { activitiesMoney, planItems } from './rules';
import { policySourceOf } from './policies';

function source(p: Provenance): FigureSource {
  return { section: p.section, quote: p.row !== undefined ? `${p.quote} (bảng ${p.block + 1}, dòng ${p.row})` : p.quote };
}

/** Stated figures keep the unit they are written in when they all share one other than the plan's. */
function statedUnitOf(r: DocumentReading): MoneyUnit | null {
  const units = new Set<MoneyUnit>();
  for (const f of Object.values(r.stated)) if (f?.node.figure.unit) units.add(f.node.figure.unit);
  for (const f of r.resources) if (f.node.figure.unit) units.add(f.node.figure.unit);
  if (units.size !== 1) return null;
  const [u] = [...units];
  return u === r.unit ? null : u;
}

export function specFromReading(r: DocumentReading): PlanSpec {
  const f = r.facts;
  const provenance: Record<string, FigureSource> = {};
  const note = (path: string, p: Provenance | undefined): void => {
    if (p) provenance[path] = source(p);
  };
  const items: PlanItem[] = [];
  const activities: Activity[] = [];
  for (const item of planItems(r)) {
    const code = item.entry?.code as string;
    const m = r.money.get(item) as ItemMoney;
    const out: PlanItem = { code };
    if (item.units && item.units.value.length > 0) {
      out.unitName = item.units.value.join('; ');
      if (item.units.value.length > 1) out.unitNames = [...item.units.value];
      note(`items.${code}.unitName`, item.units.from);
    }
    const amounts: Amounts = {};
    for (const [k, v] of Object.entries(m.columns) as Array<[ColumnKey, { value: Decimal; nodes: Array<{ from: Provenance }> }]>) {
      amounts[k] = toNumber(v.value);
      note(`items.${code}.${k}`, v.nodes[0].from);
    }
    if (Object.keys(amounts).length > 0) out.amounts = amounts;
    const undivided: Partial<Record<UndividedKey, number>> = {};
    for (const [k, v] of Object.entries(m.unsettled) as Array<[UndividedKey, { value: Decimal; nodes: Array<{ from: Provenance }> }]>) {
      undivided[k] = toNumber(v.value);
      note(`items.${code}.undivided.${k}`, v.nodes[0].from);
    }
    if (Object.keys(undivided).length > 0) out.undivided = undivided;
    items.push(out);
    // activity lines become the item's rows when every figure of them is read and has its column
    const list = r.activities.get(item);
    if (list && list.length > 0) {
      const sums = activitiesMoney(list);
      if (sums.unread || sums.unsettled.length > 0) continue;
      for (const a of list) {
        const own: Partial<Record<ColumnKey, Decimal>> = {};
        for (const leaf of leavesOf(a.nodes)) if (leaf.settled && leaf.value) own[leaf.settled] = own[leaf.settled] ? add(own[leaf.settled] as Decimal, leaf.value) : leaf.value;
        const lineAmounts: Amounts = {};
        for (const [k, v] of Object.entries(own) as Array<[ColumnKey, Decimal]>) lineAmounts[k] = toNumber(v);
        note(`activities.${activities.length}`, a.line.from);
        const activity: Activity = { parent: code, name: a.line.name, amounts: lineAmounts };
        // the item's implementing unit carries out its activities (the sheet asks for one on every row with money);
        // where it came from is the item's own unitName provenance
        if (out.unitName) activity.unitName = out.unitName;
        activities.push(activity);
      }
    }
  }

  const statedUnit = statedUnitOf(r);
  const value = (d: Decimal, written: { decimal: Decimal | null; unit: MoneyUnit | null }): number =>
    statedUnit && written.decimal && written.unit ? toNumber(convertUnitDecimal(written.decimal, written.unit, statedUnit)) : toNumber(d);
  const statedTotals: Partial<Record<StatedKey, number>> = {};
  for (const key of STATED_KEYS) {
    const s = r.stated[key];
    if (!s) continue;
    statedTotals[key] = value(s.value, s.node.figure);
    note(`statedTotals.${key}`, s.node.from);
  }
  const resources: StatedResources = {};
  const parts: NonNullable<StatedResources['parts']> = [];
  for (const res of r.resources) {
    if (res.kind === 'total') {
      if (resources.total === undefined) {
        resources.total = value(res.value, res.node.figure);
        note('statedResources.total', res.node.from);
      }
    } else {
      note(`statedResources.parts.${parts.length}`, res.node.from);
      parts.push({ kind: res.kind as ResourcePartKind, label: res.label || res.kind, amount: value(res.value, res.node.figure) });
    }
  }
  if (parts.length > 0) resources.parts = parts;

  const spec: PlanSpec = {
    programme: r.programme,
    level: f.level?.value ?? 'xa',
    issuer: f.issuer?.value ?? '',
    area: f.area?.value ?? '',
    province: f.province?.value ?? '',
    year: f.year?.value ?? 0,
    unit: r.unit,
    poorDistrict: r.options.poorDistrict ?? f.poorDistrict?.value ?? false,
    items,
    activities,
  };
  note('issuer', f.issuer?.from);
  note('province', f.province?.from);
  note('year', f.year?.from);
  if (f.period) {
    spec.period = f.period.value;
    note('period', f.period.from);
  }
  if (f.documentNumber) {
    spec.documentNumber = f.documentNumber.value;
    note('documentNumber', f.documentNumber.from);
  }
  if (f.documentDate) {
    spec.documentDate = f.documentDate.value;
    note('documentDate', f.documentDate.from);
  }
  if (r.options.provinceGroup) spec.provinceGroup = r.options.provinceGroup;
  if (f.signer) {
    spec.signer = f.signer.value;
    note('signer', f.signer.from);
  }
  if (Object.keys(statedTotals).length > 0) spec.statedTotals = statedTotals;
  if (statedUnit && (spec.statedTotals || resources.total !== undefined || parts.length > 0)) spec.statedUnit = statedUnit;
  if (resources.total !== undefined || parts.length > 0) spec.statedResources = resources;
  // each policy line of the policies section: one Biểu 02 row per source it names (a figure of no source keeps none)
  const policies: Policy[] = [];
  for (const { line, nodes } of r.policies) {
    if (line.dimension === null) continue;
    const bySource = new Map<PolicySource | null, Decimal>();
    for (const leaf of leavesOf(nodes)) {
      // "-" or "Không" in a source's cell: no row of that source
      if (!leaf.value || leaf.figure.none || leaf.value.digits === 0n) continue;
      const src = policySourceOf(leaf.key);
      bySource.set(src, bySource.has(src) ? add(bySource.get(src) as Decimal, leaf.value) : leaf.value);
    }
    let first = true;
    for (const [src, amount] of bySource) {
      const row: Policy = { dimension: line.dimension, name: line.name };
      if (line.basis) row.basis = line.basis;
      // the beneficiaries are counted once, on the line's first row
      if (first && line.unit) row.unit = line.unit;
      if (first && line.beneficiaries !== undefined) row.beneficiaries = line.beneficiaries;
      row.amount = toNumber(amount);
      if (src) row.source = src;
      note(`policies.${policies.length}`, line.from);
      policies.push(row);
      first = false;
    }
  }
  if (policies.length > 0) spec.policies = policies;
  if (r.targets.length > 0) {
    spec.targets = r.targets.map((t) => t.target);
    r.targets.forEach((t, i) => note(`targets.${i}`, t.from));
  }
  if (Object.keys(provenance).length > 0) spec.provenance = provenance;
  return spec;
}
