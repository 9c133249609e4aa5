/**
 * Nhập từ văn bản: the officer picks the plan document (.docx or .txt); the browser reads it here —
 * nothing leaves the machine — and the pane shows what was read (facts, items with their money
 * per source, the stated totals), each figure with its section and quote, and the document's own
 * errors. "Tạo kế hoạch từ văn bản" then creates the plan through the same path as the wizard.
 */
import * as React from 'react';
import { Badge, Body1, Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '../../core/i18n';
import type { Severity } from '../../core/checks/finding';
import { formatAmount, sumExact } from '../../core/money';
import type { PlanSpec } from '../../core/plan';
import type { DocBlock } from '../../core/document/model';
import { countFindings, importBlocks, type DocFinding, type DocumentImport } from '../../core/document';
import type { DocMessage } from '../../core/document/findings';
import { getCatalog } from '../../core/catalog';
import { readPlanDocument, DocumentReadError } from '../../document/docx';
import { generatePlan, type GenerateOutcome } from '../../workbook/operations';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { TaskStatus } from '../components/TaskStatus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2 },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  quote: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

interface Loaded {
  file: string;
  blocks: DocBlock[];
}

type Read = { file: string; result: DocumentImport } | { file: string; refusal: { key: MessageKey; params: Record<string, string | number> } };

export function ImportView(): React.JSX.Element {
  const { t, lang } = useI18n();
  const { host, settings, goTo } = usePane();
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [read, setRead] = React.useState<Read | null>(null);
  const [reading, setReading] = React.useState<string | null>(null);
  const [group, setGroup] = React.useState<'' | '1' | '2' | '3'>('');
  const [poor, setPoor] = React.useState(false);
  const create = useTask<GenerateOutcome>();

  const amount = (v: number): string => formatAmount(v, { maxDecimals: 6, locale: lang });
  /** A document message through the pane's catalogue (so the language switch and pseudo-localisation reach it). */
  const text = (m: DocMessage): string => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.params)) params[k] = typeof v === 'number' ? amount(v) : typeof v === 'string' ? v : t(v.key);
    return t(m.key, params);
  };
  const place = (section: string, row?: number, block = 0): string =>
    row !== undefined ? t('doc.place.tableRow', { table: block + 1, row, section: section || '—' }) : section ? t('doc.place.section', { section }) : t('doc.place.start');

  const options = React.useMemo(() => ({ ...(group ? { provinceGroup: Number(group) as 1 | 2 | 3 } : {}), ...(poor ? { poorDistrict: true } : {}) }), [group, poor]);
  React.useEffect(() => {
    if (loaded) setRead({ file: loaded.file, result: importBlocks(loaded.blocks, options) });
  }, [loaded, options]);

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    create.reset();
    setRead(null);
    setLoaded(null);
    setReading(file.name);
    try {
      const { blocks } = await readPlanDocument(new Uint8Array(await file.arrayBuffer()));
      setLoaded({ file: file.name, blocks });
    } catch (error) {
      const problem = error instanceof DocumentReadError ? error.problem : { key: 'doc.input.damaged' as MessageKey, params: {} };
      setRead({ file: file.name, refusal: { key: problem.key, params: { ...(problem.params ?? {}), file: file.name } } });
    } finally {
      setReading(null);
    }
  };

  const result = read && 'result' in read ? read.result : null;
  const spec = result?.spec ?? null;
  const missing = spec ? [!spec.issuer && t('pane.field.issuer'), !spec.province && t('pane.field.province'), !spec.year && t('doc.pane.period')].filter((x): x is string => Boolean(x)) : [];
  const created = create.state.result;

  const run = (s: PlanSpec): void => {
    void create.start((onProgress) => generatePlan(host.run, s, host.support, { formulaStyle: settings.formulaStyle, onProgress }));
  };

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title">
        {t('doc.pane.tab')}
      </Subtitle2>
      <Body1>{t('doc.pane.intro')}</Body1>
      <Field label={t('doc.pane.choose')}>
        <input type="file" accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" aria-label={t('doc.pane.choose')} onChange={(e) => void onFile(e.target.files?.[0])} />
      </Field>
      {reading && <Caption1 aria-live="polite">{t('doc.pane.reading', { file: reading })}</Caption1>}
      {read && 'refusal' in read && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(read.refusal.key, read.refusal.params)}</MessageBarBody>
        </MessageBar>
      )}
      {result && spec && read && (
        <>
          <MessageBar intent="info" aria-live="polite">
            <MessageBarBody>
              {t('doc.pane.read', { file: read.file, items: spec.items.length, total: amount(sumExact(spec.items.flatMap((i) => Object.values(i.amounts ?? {}) as number[]))), unit: t(`doc.unit.${spec.unit}`) })}
            </MessageBarBody>
          </MessageBar>
          <Facts spec={spec} place={place} />
          <Items spec={spec} amount={amount} place={place} />
          <Stated spec={spec} amount={amount} place={place} />
          <Policies spec={spec} amount={amount} place={place} />
          <Findings findings={result.findings} text={text} place={place} />
          <Subtitle2 as="h3">{t('doc.pane.options')}</Subtitle2>
          <div className={styles.row}>
            <Field label={t('pane.field.provinceGroup')}>
              <Dropdown value={t(group ? `pane.field.group.${group}` : 'pane.field.group.none')} selectedOptions={[group || 'none']} onOptionSelect={(_, d) => setGroup(d.optionValue === 'none' ? '' : (d.optionValue as '1'))}>
                {(['none', '1', '2', '3'] as const).map((g) => (
                  <Option key={g} value={g}>
                    {t(`pane.field.group.${g}`)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Switch checked={poor} onChange={(_, d) => setPoor(d.checked)} label={t('pane.field.poorDistrict')} />
          </div>
          <Caption1>{t('doc.pane.createHint')}</Caption1>
          {missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('doc.pane.cannotCreate', { missing: missing.join(', ') })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={!host.inExcel || missing.length > 0 || create.state.status === 'running'} onClick={() => run(spec)}>
              {t('doc.pane.create')}
            </Button>
          </div>
          <TaskStatus state={create.state} />
          {created && !created.ok && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                {created.errors.map((e, i) => (
                  <div key={i}>{t(e.key, e.params)}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {created && created.ok && (
            <MessageBar intent="success">
              <MessageBarBody>
                {t('doc.pane.created', { created: created.report.created.length, refreshed: created.report.refreshed.length})}
                <div>
                  <Button appearance="primary" onClick={() => goTo('check')}>
                    {t('pane.tab.check')}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

type Place = (section: string, row?: number, block?: number) => string;

function Facts({ spec, place }: { spec: PlanSpec; place: Place }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const p = spec.provenance ?? {};
  const rows: Array<[string, string, string | undefined]> = [
    [t('pane.field.issuer'), spec.issuer, p.issuer?.section],
    [t('doc.pane.level'), t(`pane.field.level.${spec.level}`), p.issuer?.section],
    [t('pane.field.area'), spec.area, p.issuer?.section],
    [t('pane.field.province'), spec.province, p.province?.section],
    [t('doc.pane.period'), spec.period ? `${spec.period.from} - ${spec.period.to}` : spec.year ? String(spec.year) : '', (p.period ?? p.year)?.section],
    [t('pane.field.documentNumber'), spec.documentNumber ?? '', p.documentNumber?.section],
    [t('pane.field.documentDate'), spec.documentDate ?? '', p.documentDate?.section],
    [t('pane.field.signerName'), spec.signer ? [spec.signer.authority, spec.signer.title, spec.signer.name].filter(Boolean).join(' / ') : '', p.signer?.section],
  ];
  return (
    <>
      <Subtitle2 as="h3">{t('doc.pane.facts')}</Subtitle2>
      <dl className={styles.list}>
        {rows
          .filter(([, v]) => v !== '')
          .map(([label, value, section]) => (
            <div key={label} className={styles.row}>
              <dt>{label}</dt>
              <dd>
                {value} {section !== undefined && <Caption1 className={styles.quote}>{place(section)}</Caption1>}
              </dd>
            </div>
          ))}
      </dl>
    </>
  );
}

function Items({ spec, amount, place }: { spec: PlanSpec; amount: (v: number) => string; place: Place }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const catalog = getCatalog(spec.programme);
  const p = spec.provenance ?? {};
  return (
    <>
      <Subtitle2 as="h3">{t('doc.pane.items', { unit: t(`doc.unit.${spec.unit}`) })}</Subtitle2>
      {spec.items.length === 0 && <Body1>{t('doc.pane.noItems')}</Body1>}
      <ul className={styles.list}>
        {spec.items.map((item) => {
          const entry = catalog.entries.find((e) => e.code === item.code);
          const money = Object.entries(item.amounts ?? {}).map(([k, v]) => ({ path: `items.${item.code}.${k}`, label: t(`doc.source.${k}` as MessageKey), value: amount(v as number) }));
          const open = Object.entries(item.undivided ?? {}).map(([k, v]) => ({ path: `items.${item.code}.undivided.${k}`, label: t(`doc.source.${k}` as MessageKey), value: t('doc.pane.unsettled', { amount: amount(v as number) }) }));
          return (
            <li key={item.code} className={styles.entry} aria-label={item.code}>
              <Body1>
                <strong>{item.code}</strong> {entry?.name}
              </Body1>
              {item.unitName && <Caption1>{t('doc.pane.unitLabel', { unit: item.unitName })}</Caption1>}
              {[...money, ...open].map((m) => (
                <div key={m.path}>
                  <Body1>
                    {m.label}: {m.value}
                  </Body1>
                  {p[m.path] && <Caption1 className={styles.quote}>{t('doc.pane.where', { place: place(p[m.path].section), quote: p[m.path].quote })}</Caption1>}
                </div>
              ))}
              <Activities spec={spec} code={item.code} amount={amount} place={place} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The activity rows an item's lines became, each with the line it came from. */
function Activities({ spec, code, amount, place }: { spec: PlanSpec; code: string; amount: (v: number) => string; place: Place }): React.JSX.Element | null {
  const { t } = useI18n();
  const styles = useStyles();
  const p = spec.provenance ?? {};
  const rows = spec.activities.map((a, i) => ({ a, path: `activities.${i}` })).filter(({ a }) => a.parent === code);
  if (rows.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t('doc.pane.activities', { code, count: rows.length })}>
      {rows.map(({ a, path }) => (
        <li key={path}>
          <Body1>
            {a.name}: {Object.entries(a.amounts).map(([k, v]) => `${t(`doc.source.${k}` as MessageKey)} ${amount(v as number)}`).join('; ')}
          </Body1>
          {p[path] && <Caption1 className={styles.quote}>{t('doc.pane.where', { place: place(p[path].section), quote: p[path].quote })}</Caption1>}
        </li>
      ))}
    </ul>
  );
}

/** Biểu 02's rows read from the policies section or table, grouped as Biểu 02 groups them. */
function Policies({ spec, amount, place }: { spec: PlanSpec; amount: (v: number) => string; place: Place }): React.JSX.Element | null {
  const { t } = useI18n();
  const styles = useStyles();
  const p = spec.provenance ?? {};
  const policies = (spec.policies ?? []).map((policy, i) => ({ policy, path: `policies.${i}` }));
  if (policies.length === 0) return null;
  const title = t('doc.pane.policies', { unit: t(`doc.unit.${spec.unit}`) });
  return (
    <>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <ul className={styles.list} aria-label={title}>
        {policies.map(({ policy, path }) => (
          <li key={path} className={styles.entry}>
            <Body1>
              <strong>{t(`doc.cli.dimension.${policy.dimension}`)}</strong> — {policy.name}: {amount(policy.amount ?? 0)}
              {' '}({policy.source ? t(`doc.source.${policy.source}`) : t('doc.pane.noSource')})
            </Body1>
            {policy.beneficiaries !== undefined && <Caption1>{t('doc.pane.beneficiaries', { count: amount(policy.beneficiaries), unit: policy.unit ?? '' })}</Caption1>}
            {p[path] && <Caption1 className={styles.quote}>{t('doc.pane.where', { place: place(p[path].section), quote: p[path].quote })}</Caption1>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Stated({ spec, amount, place }: { spec: PlanSpec; amount: (v: number) => string; place: Place }): React.JSX.Element | null {
  const { t } = useI18n();
  const styles = useStyles();
  const p = spec.provenance ?? {};
  const stated = Object.entries(spec.statedTotals ?? {});
  const unit = t(`doc.unit.${spec.statedUnit ?? spec.unit}`);
  if (stated.length === 0 && !spec.statedResources) return null;
  return (
    <>
      {stated.length > 0 && <Subtitle2 as="h3">{t('doc.pane.stated', { unit })}</Subtitle2>}
      <ul className={styles.list}>
        {stated.map(([k, v]) => (
          <li key={k} className={styles.entry}>
            <Body1>
              {t(`doc.source.${k}` as MessageKey)}: {amount(v as number)}
            </Body1>
            {p[`statedTotals.${k}`] && <Caption1 className={styles.quote}>{t('doc.pane.where', { place: place(p[`statedTotals.${k}`].section), quote: p[`statedTotals.${k}`].quote })}</Caption1>}
          </li>
        ))}
      </ul>
      {spec.statedResources && (
        <>
          <Subtitle2 as="h3">{t('doc.pane.resources', { unit })}</Subtitle2>
          <ul className={styles.list}>
            {spec.statedResources.total !== undefined && (
              <li className={styles.entry}>
                <Body1>
                  {t('doc.source.total')}: {amount(spec.statedResources.total)}
                </Body1>
              </li>
            )}
            {(spec.statedResources.parts ?? []).map((part, i) => (
              <li key={i} className={styles.entry}>
                <Body1>
                  {part.label}: {amount(part.amount)}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Findings({ findings, text, place }: { findings: DocFinding[]; text: (m: DocMessage) => string; place: Place }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const c = countFindings(findings);
  return (
    <>
      <Subtitle2 as="h3">{t('doc.pane.findings', c)}</Subtitle2>
      {findings.length === 0 && <Body1>{t('doc.pane.noFindings')}</Body1>}
      <ul className={styles.list} aria-label={t('doc.pane.findings', c)}>
        {findings.map((f, i) => (
          <li key={i} className={`${styles.finding} ${styles[f.severity]}`}>
            <div className={styles.row}>
              <Badge appearance="filled" color={BADGE[f.severity]}>
                {t(`severity.${f.severity}`)}
              </Badge>
              <Caption1>{f.rule}</Caption1>
            </div>
            <Body1>{text(f.message)}</Body1>
            {f.at.quote && <Caption1 className={styles.quote}>{t('doc.pane.where', { place: place(f.at.section, f.at.row, f.at.block), quote: f.at.quote })}</Caption1>}
            {f.hint && <Caption1>{text(f.hint)}</Caption1>}
          </li>
        ))}
      </ul>
    </>
  );
}
