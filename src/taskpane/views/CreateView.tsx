/**
 * Tạo kế hoạch: a four-step wizard — plan facts, the catalogue items, signers and the totals the
 * document states, then a preview of what will be created and what already exists — and the
 * creation itself with a progress bar and the report of what changed.
 */
import * as React from 'react';
import {
  Body1, Button, Caption1, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Subtitle2, Switch, makeStyles, tokens,
} from '@fluentui/react-components';
import type { MessageKey } from '../../core/i18n';
import type { AdminLevel } from '../../core/plan';
import type { MoneyUnit } from '../../core/units';
import type { CatalogEntry } from '../../core/catalog';
import { getCatalog } from '../../core/catalog';
import { STATED_SOURCES, projectSheetName } from '../../core/book/layout';
import { entryLabel } from '../../core/book/template';
import type { GenerationReport } from '../../core/book/generate';
import type { ApplyReport } from '../../workbook/office';
import { SkippedFeatures } from '../components/SkippedFeatures';
import { generatePlan, previewPlan } from '../../workbook/operations';
import { selectCellInExcel } from '../../workbook/tools';
import { LAI_CHAU_2024 } from '../../core/examples/lai-chau-2024';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { TaskStatus } from '../components/TaskStatus';
import { sourceLabel } from '../components/sourceLabel';
import { Authority, DraftField, DraftProblem, PlanDraft, STEPS, draftFromSpec, draftProblems, draftToSpec, emptyDraft } from '../create/draft';
import { minOf } from '../../core/arrays';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  items: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  child: { marginLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column' },
  unitName: { marginLeft: tokens.spacingHorizontalXXL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const FIELD_LABEL: Record<string, MessageKey> = {
  issuer: 'pane.field.issuer',
  area: 'pane.field.area',
  province: 'pane.field.province',
  year: 'pane.field.year',
  documentDate: 'pane.field.documentDate',
  items: 'pane.create.stepItems',
  signerName: 'pane.field.signerName',
};

type Created = { report: GenerationReport; apply: ApplyReport | null } | { errors: import('../../core/i18n').Message[] };

export function CreateView(): React.JSX.Element {
  const { t, m } = useI18n();
  const { host, settings, goTo } = usePane();
  const styles = useStyles();
  const [draft, setDraft] = React.useState<PlanDraft>(() => emptyDraft());
  const [step, setStep] = React.useState(0);
  const [shown, setShown] = React.useState<DraftProblem[]>([]);
  // after a refused step the cursor goes to the first field to fix
  const [focusField, setFocusField] = React.useState<DraftField | null>(null);
  const rootRef = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    if (!focusField) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-field="${focusField}"]`)?.focus();
    setFocusField(null);
  }, [focusField, step]);
  const preview = useTask<Created>();
  const create = useTask<Created>();
  const catalog = React.useMemo(() => getCatalog(draft.programme), [draft.programme]);

  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const labelOf = (field: DraftField): string => (field.startsWith('stated.') ? sourceLabel(t, field.slice(7) as never, draft.programme) : t(FIELD_LABEL[field]));
  const problemText = (p: DraftProblem): string => {
    const field = labelOf(p.field);
    if (p.kind === 'required') return t('pane.create.required', { field });
    if (p.kind === 'year') return t('pane.create.badYear', { field });
    if (p.kind === 'date') return t('pane.create.badDate', { field });
    if (p.kind === 'noSuchDate') return t('experience.create.fieldProblem', { field, problem: p.reason ? m(p.reason) : '' });
    if (p.kind === 'noItems') return t('pane.create.noItems');
    return t('pane.create.badAmount', { field, text: p.text ?? '', reason: p.reason ? m(p.reason) : '' });
  };
  const problemFor = (field: DraftField): string | undefined => {
    const p = shown.find((x) => x.field === field);
    return p ? problemText(p) : undefined;
  };
  const fieldProps = (field: DraftField): { validationState: 'error' | 'none'; validationMessage?: string } => {
    const message = problemFor(field);
    return message ? { validationState: 'error', validationMessage: message } : { validationState: 'none' };
  };

  const runPreview = (d: PlanDraft): void => {
    const r = draftToSpec(d);
    if (!r.ok) return;
    void preview.start(async (onProgress) => {
      const out = await previewPlan(host.run, r.spec, host.support, { formulaStyle: settings.formulaStyle, onProgress });
      return out.ok ? { report: out.report, apply: null } : { errors: out.errors };
    });
  };

  const next = (): void => {
    const problems = draftProblems(draft).filter((p) => p.step <= step);
    setShown(problems);
    if (problems.length > 0) {
      setStep(minOf(problems.map((p) => p.step)));
      setFocusField(problems[0].field);
      return;
    }
    const target = step + 1;
    setStep(target);
    if (target === STEPS.length - 1) runPreview(draft);
  };

  const run = (): void => {
    const r = draftToSpec(draft);
    if (!r.ok) {
      setShown(r.problems);
      setStep(minOf(r.problems.map((p) => p.step)));
      setFocusField(r.problems[0].field);
      return;
    }
    void create.start(async (onProgress) => {
      const out = await generatePlan(host.run, r.spec, host.support, { formulaStyle: settings.formulaStyle, onProgress });
      if (!out.ok) return { errors: out.errors };
      // the officer lands on the first project sheet, where the amounts are typed
      const first = out.report.created.concat(out.report.refreshed).find((name) => name === projectSheetName(r.spec.items[0].code.split('.')[0]));
      if (first) await selectCellInExcel(host.run, first, 'A1');
      return { report: out.report, apply: out.apply };
    });
  };

  const fillExample = (): void => {
    setDraft(draftFromSpec(LAI_CHAU_2024));
    setShown([]);
  };

  const toggle = (codes: string[], on: boolean): void =>
    setDraft((d) => ({ ...d, items: on ? [...new Set([...d.items, ...codes])] : d.items.filter((c) => !codes.includes(c)) }));

  const tops = catalog.entries.filter((e) => e.parent === null);
  const childrenOf = (code: string): CatalogEntry[] => catalog.entries.filter((e) => e.parent === code);

  const unitNameInput = (e: CatalogEntry): React.JSX.Element | null =>
    draft.items.includes(e.code) ? (
      <Field className={styles.unitName} label={t('pane.create.unitNameOf', { name: e.code })} size="small">
        <Input size="small" value={draft.unitNames[e.code] ?? ''} onChange={(_, v) => setDraft((d) => ({ ...d, unitNames: { ...d.unitNames, [e.code]: v.value } }))} />
      </Field>
    ) : null;

  const poorNote = (e: CatalogEntry): string => (e.poorAreaOnly ? ` (${t('pane.create.poorOnly')})` : '');

  const created = create.state.result;
  const previewed = preview.state.result;
  const unitLabel = t(`pane.field.unit.${draft.unit}`);

  // Enter in a text field goes on to the next step, as "Tiếp tục" does (not while an IME composes)
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || step >= STEPS.length - 1) return;
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || el.type === 'checkbox' || el.type === 'radio') return;
    e.preventDefault();
    next();
  };

  return (
    <section className={styles.root} aria-labelledby="create-title" ref={rootRef} onKeyDown={onKeyDown}>
      <Subtitle2 as="h2" id="create-title">
        {t('pane.tab.create')}
      </Subtitle2>
      <Body1>{t('pane.create.intro')}</Body1>
      <Subtitle2 as="h3" aria-live="polite">
        {t('pane.create.step', { n: step + 1, total: STEPS.length, name: t(STEPS[step]) })}
      </Subtitle2>

      {step === 0 && (
        <div className={styles.step}>
          <div>
            <Button appearance="subtle" onClick={fillExample}>
              {t('pane.create.example')}
            </Button>
          </div>
          <Field label={t('pane.field.programme')}>
            <RadioGroup value={draft.programme} onChange={(_, d) => setDraft((x) => ({ ...x, programme: d.value === '2026-2035' ? '2026-2035' : '2021-2025', items: [] }))}>
              <Radio value="2021-2025" label={t('pane.field.programme2021')} />
              <Radio value="2026-2035" label={t('pane.field.programme2026')} />
            </RadioGroup>
          </Field>
          <Field label={t('pane.field.level')}>
            <RadioGroup layout="horizontal" value={draft.level} onChange={(_, d) => set('level', d.value as AdminLevel)}>
              {(['tinh', 'huyen', 'xa'] as const).map((l) => (
                <Radio key={l} value={l} label={t(`pane.field.level.${l}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('pane.field.issuer')} hint={t('pane.field.issuerHint')} required {...fieldProps('issuer')}>
            <Input data-field="issuer" value={draft.issuer} onChange={(_, d) => set('issuer', d.value)} />
          </Field>
          <Field label={t('pane.field.area')} hint={t('pane.field.areaHint')} required {...fieldProps('area')}>
            <Input data-field="area" value={draft.area} onChange={(_, d) => set('area', d.value)} />
          </Field>
          <Field label={t('pane.field.province')} required {...fieldProps('province')}>
            <Input data-field="province" value={draft.province} onChange={(_, d) => set('province', d.value)} />
          </Field>
          <div className={styles.row}>
            <Field label={t('pane.field.year')} required {...fieldProps('year')}>
              <Input data-field="year" value={draft.year} onChange={(_, d) => set('year', d.value)} inputMode="numeric" />
            </Field>
            <Field label={t('pane.field.unit')}>
              <Dropdown clearButton={{ 'aria-label': t('pane.clearSelection') }} value={t(`pane.field.unit.${draft.unit}`)} selectedOptions={[draft.unit]} onOptionSelect={(_, d) => set('unit', d.optionValue as MoneyUnit)}>
                {(['dong', 'nghin', 'trieu', 'ty'] as const).map((u) => (
                  <Option key={u} value={u}>
                    {t(`pane.field.unit.${u}`)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <Field label={t('pane.field.provinceGroup')}>
            <Dropdown
              clearButton={{ 'aria-label': t('pane.clearSelection') }}
              value={t(draft.provinceGroup ? `pane.field.group.${draft.provinceGroup}` : 'pane.field.group.none')}
              selectedOptions={[draft.provinceGroup || 'none']}
              onOptionSelect={(_, d) => set('provinceGroup', d.optionValue === 'none' ? '' : (d.optionValue as '1'))}
            >
              {(['none', '1', '2', '3'] as const).map((g) => (
                <Option key={g} value={g}>
                  {t(`pane.field.group.${g}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Switch checked={draft.poorDistrict} onChange={(_, d) => set('poorDistrict', d.checked)} label={t('pane.field.poorDistrict')} />
          <Field label={t('pane.field.documentNumber')} hint={t('pane.field.documentNumberHint')}>
            <Input value={draft.documentNumber} onChange={(_, d) => set('documentNumber', d.value)} />
          </Field>
          <Field label={t('pane.field.documentDate')} hint={t('pane.field.documentDateHint')} {...fieldProps('documentDate')}>
            <Input data-field="documentDate" value={draft.documentDate} onChange={(_, d) => set('documentDate', d.value)} />
          </Field>
        </div>
      )}

      {step === 1 && (
        <div className={styles.step}>
          <Body1>{t('pane.create.itemsHint')}</Body1>
          <Caption1 aria-live="polite">{t('pane.create.itemsSelected', { count: draft.items.length })}</Caption1>
          {problemFor('items') && (
            <MessageBar intent="error">
              <MessageBarBody>{problemFor('items')}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.items} aria-label={t('pane.create.stepItems')}>
            {tops.map((top, index) => {
              // a refused step "no item chosen" puts the cursor on the first box
              const first = index === 0 ? { 'data-field': 'items' } : {};
              const kids = childrenOf(top.code);
              if (kids.length === 0) {
                return (
                  <li key={top.code}>
                    <Checkbox {...first} checked={draft.items.includes(top.code)} onChange={(_, d) => toggle([top.code], d.checked === true)} label={`${entryLabel(top)}${poorNote(top)}`} />
                    {unitNameInput(top)}
                  </li>
                );
              }
              const picked = kids.filter((k) => draft.items.includes(k.code)).length;
              return (
                <li key={top.code}>
                  <Checkbox
                    {...first}
                    checked={picked === 0 ? false : picked === kids.length ? true : 'mixed'}
                    onChange={(_, d) => toggle(kids.map((k) => k.code), d.checked === true)}
                    label={`${entryLabel(top)}${poorNote(top)}`}
                    aria-label={t('pane.create.allOf', { name: entryLabel(top) })}
                  />
                  <div className={styles.child}>
                    {kids.map((k) => (
                      <div key={k.code}>
                        <Checkbox checked={draft.items.includes(k.code)} onChange={(_, d) => toggle([k.code], d.checked === true)} label={`${entryLabel(k)}${poorNote(k)}`} />
                        {unitNameInput(k)}
                      </div>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {step === 2 && (
        <div className={styles.step}>
          <Field label={t('pane.field.preparer')}>
            <Input value={draft.preparer} onChange={(_, d) => set('preparer', d.value)} />
          </Field>
          <Field label={t('pane.field.signerAuthority')}>
            <RadioGroup value={draft.signerAuthority} onChange={(_, d) => set('signerAuthority', d.value as Authority)}>
              <Radio value="KT. CHỦ TỊCH" label={t('pane.field.authority.kt')} />
              <Radio value="Q. CHỦ TỊCH" label={t('pane.field.authority.q')} />
              <Radio value="" label={t('pane.field.authority.none')} />
            </RadioGroup>
          </Field>
          <Field label={t('pane.field.signerTitle')}>
            <Input value={draft.signerTitle} onChange={(_, d) => set('signerTitle', d.value)} />
          </Field>
          <Field label={t('pane.field.signerName')}>
            <Input value={draft.signerName} onChange={(_, d) => set('signerName', d.value)} />
          </Field>
          <Subtitle2 as="h4">{t('pane.create.statedTitle')}</Subtitle2>
          <Caption1>{t('pane.create.statedHint')}</Caption1>
          <Caption1>{t('experience.create.statedUnit', { unit: unitLabel })}</Caption1>
          {STATED_SOURCES.map((source) => (
            <Field key={source} label={sourceLabel(t, source, draft.programme)} {...fieldProps(`stated.${source}`)}>
              <Input
                data-field={`stated.${source}`}
                value={draft.stated[source] ?? ''}
                contentAfter={<Caption1 aria-hidden="true">{unitLabel}</Caption1>}
                onChange={(_, d) => setDraft((x) => ({ ...x, stated: { ...x.stated, [source]: d.value } }))}
              />
            </Field>
          ))}
        </div>
      )}

      {step === 3 && (
        <div className={styles.step} aria-live="polite">
          {preview.state.status === 'running' && <Caption1>{t('pane.create.previewLoading')}</Caption1>}
          <TaskStatus state={preview.state} />
          {previewed && 'report' in previewed && !created && <PlanReport report={previewed.report} preview />}
          {previewed && 'errors' in previewed && <ErrorList messages={previewed.errors.map(m)} />}
          <TaskStatus state={create.state} />
          {created && 'report' in created && <PlanReport report={created.report} />}
          {created && 'report' in created && <SkippedFeatures skipped={created.apply?.skipped ?? []} />}
          {created && 'errors' in created && <ErrorList messages={created.errors.map(m)} />}
          {created && 'report' in created && (
            <div className={styles.nav}>
              <Button appearance="primary" onClick={() => goTo('check')}>
                {t('pane.tab.check')}
              </Button>
            </div>
          )}
        </div>
      )}

      {shown.length > 0 && step !== 1 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <div>{t('pane.create.fix')}</div>
            {shown.map((p) => (
              <div key={p.field}>{problemText(p)}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.nav}>
        {step > 0 && (
          <Button onClick={() => (setStep(step - 1), setShown([]))} disabled={create.state.status === 'running'}>
            {t('pane.back')}
          </Button>
        )}
        {step < STEPS.length - 1 && (
          <Button appearance="primary" onClick={next}>
            {t('pane.next')}
          </Button>
        )}
        {step === STEPS.length - 1 && !created && (
          <Button appearance="primary" onClick={run} disabled={!host.inExcel || create.state.status === 'running' || preview.state.status === 'running'}>
            {t('pane.create.run')}
          </Button>
        )}
      </div>
    </section>
  );
}

function ErrorList({ messages }: { messages: string[] }): React.JSX.Element {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {messages.map((text, i) => (
          <div key={i}>{text}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

function PlanReport({ report, preview = false }: { report: GenerationReport; preview?: boolean }): React.JSX.Element {
  const { t, m } = useI18n();
  const lines: string[] = [];
  if (report.unchanged) lines.push(t(preview ? 'pane.create.previewUnchanged' : 'pane.create.doneUnchanged'));
  else if (preview) {
    if (report.created.length > 0) lines.push(t('pane.create.previewCreate', { count: report.created.length, sheets: report.created.join(', ') }));
    if (report.refreshed.length > 0) lines.push(t('pane.create.previewRefresh', { count: report.refreshed.length, sheets: report.refreshed.join(', ') }));
    if (report.rowsAdded.length > 0) lines.push(t('pane.create.previewRows', { count: report.rowsAdded.length }));
  } else {
    lines.push(t('pane.create.done', { created: report.created.length, refreshed: report.refreshed.length }));
    if (report.userValuesKept > 0) lines.push(t('pane.create.doneKept', { count: report.userValuesKept }));
    lines.push(t('pane.create.doneNext'));
  }
  for (const r of report.renamed) lines.push(t('pane.create.previewRenamed', r));
  return (
    <MessageBar intent={preview ? 'info' : 'success'}>
      <MessageBarBody>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        {report.conflicts.length > 0 && <div>{t('pane.create.previewConflicts')}</div>}
        {report.conflicts.map((c, i) => (
          <div key={`c${i}`}>{m(c)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
