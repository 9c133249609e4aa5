/**
 * Kiểm tra: every rule over the workbook, findings grouped by severity and rule, each naming its
 * cell (a click selects it in Excel), safe quick fixes, and checking again when figures change.
 */
import * as React from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Checkbox, Link, MessageBar, MessageBarBody, Subtitle2, Switch,
  makeStyles, tokens,
} from '@fluentui/react-components';
import type { Finding, RenderedFinding, RuleId, Severity } from '../../core/checks/finding';
import { localized, render } from '../../core/checks/finding';
import type { CheckResult } from '../../core/checks/engine';
import { checkInExcel } from '../../workbook/operations';
import { applyFixesInExcel, selectCellInExcel } from '../../workbook/tools';
import { ChangeWatcher } from '../../workbook/watch';
import { excelErrorMessage } from '../../workbook/errors';
import type { Message } from '../../core/i18n';
import { isBlank } from '../../core/book/snapshot';
import { adoptableTable } from '../../core/table/pick';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { TaskStatus } from '../components/TaskStatus';
import { type Fingerprint, fingerprintOf } from '../../core/province/fingerprint';
import { CompareSection } from './CompareSection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ruleTitle: { marginTop: tokens.spacingVerticalS },
  fingerprint: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalS },
  // selectable in one click, in a face where 0 and O differ
  fingerprintValue: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, userSelect: 'all' },
});

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const AUTO_DELAY_MS = 1200;

interface CheckRun {
  result: CheckResult;
  rendered: RenderedFinding[];
  at: Date;
  /** The figures' fingerprint: the value `kh check` and `kh verify` give for the same file. */
  fingerprint: Fingerprint;
}

function byRule(findings: Array<{ f: Finding; r: RenderedFinding }>): Array<[RuleId, Array<{ f: Finding; r: RenderedFinding }>]> {
  const groups = new Map<RuleId, Array<{ f: Finding; r: RenderedFinding }>>();
  for (const x of findings) groups.set(x.f.rule, [...(groups.get(x.f.rule) ?? []), x]);
  return [...groups];
}

export function CheckView(): React.JSX.Element {
  const { t, m, lang } = useI18n();
  const { host, settings, caps, goTo: goToView } = usePane();
  const styles = useStyles();
  const [report, setReport] = React.useState(false);
  const [marks, setMarks] = React.useState(false);
  const [auto, setAuto] = React.useState(false);
  const [stale, setStale] = React.useState(false);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [copied, setCopied] = React.useState(false);
  const [actionError, setActionError] = React.useState<Message | null>(null);
  const task = useTask<CheckRun>();
  const watcher = React.useMemo(() => new ChangeWatcher(host.run, host.support), [host]);

  const check = React.useCallback(
    () =>
      task.start(async (onProgress) => {
        setCopied(false);
        const out = await checkInExcel(host.run, host.support, { report, marks, lang, tolerance: settings.tolerance ?? undefined, onProgress });
        setStale(false);
        return { result: out.result, rendered: out.result.findings.map(render), at: new Date(), fingerprint: fingerprintOf(out.result.model.tables) };
      }),
    [task, host, report, marks, lang, settings.tolerance],
  );

  // checking again on change: the watcher hears edits; a burst of typing gives one check
  const checkRef = React.useRef(check);
  checkRef.current = check;
  React.useEffect(() => {
    if (!auto) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    watcher.listener = () => {
      setStale(true);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void checkRef.current(), AUTO_DELAY_MS);
    };
    watcher.watch().catch((e: unknown) => setActionError(excelErrorMessage(e)));
    return () => {
      watcher.listener = null;
      if (timer) clearTimeout(timer);
    };
  }, [auto, watcher]);

  const goTo = async (sheet: string, cell: string): Promise<void> => {
    setActionError(null);
    try {
      await selectCellInExcel(host.run, sheet, cell);
    } catch (e) {
      setActionError(excelErrorMessage(e));
    }
  };

  const fix = async (findings: Finding[]): Promise<void> => {
    setActionError(null);
    try {
      const out = await applyFixesInExcel(host.run, host.support, findings.flatMap((f) => (f.fix ? [f.fix] : [])));
      setNotice(t('pane.check.fixed', { count: out.cells }));
      await check();
    } catch (e) {
      setActionError(excelErrorMessage(e));
    }
  };

  const run = task.state.result;
  const pairs = run ? run.result.findings.map((f, i) => ({ f, r: run.rendered[i] })) : [];
  const fixable = pairs.filter((p) => p.f.fix && p.f.severity === 'error').map((p) => p.f);
  const busy = task.state.status === 'running';
  // nothing in any sheet: nothing was checked, and the pane says so rather than "no error"
  // an officer's own table of items found by the check: it can become a KH plan (Nhận dạng bảng)
  const recognised = run ? (adoptableTable(run.result.model.tables.filter((x) => x.origin === 'recognised' && x.rowAxis === 'items'))?.name ?? null) : null;
  const emptyBook = run ? run.result.model.snapshot.sheets.every((s) => s.values.every((line) => line.every(isBlank)) && s.formulas.every((line) => line.every((f) => f === null))) : false;
  // the layout note is said above, in the officer's words; its finding would repeat it
  const shownPairs = pairs.filter((p) => p.f.rule !== 'LAYOUT');

  return (
    <section className={styles.root} aria-labelledby="check-title">
      <Subtitle2 as="h2" id="check-title">
        {t('pane.tab.check')}
      </Subtitle2>
      <Body1>{t('pane.check.intro')}</Body1>
      <Checkbox checked={report} onChange={(_, d) => setReport(d.checked === true)} label={t('pane.check.report')} />
      <Checkbox checked={marks} onChange={(_, d) => setMarks(d.checked === true)} label={t('pane.check.marks')} />
      <Switch
        checked={auto}
        disabled={!caps.autoCheck.ok || !host.inExcel}
        onChange={(_, d) => setAuto(d.checked)}
        label={t('pane.check.auto')}
      />
      {!caps.autoCheck.ok && host.inExcel && <Caption1>{t('pane.check.autoOff', { reason: t('pane.cap.needs', { excel: t(caps.autoCheck.needs) }) })}</Caption1>}
      <div>
        <Button appearance="primary" onClick={() => void check()} disabled={busy || !host.inExcel}>
          {t('pane.check.run')}
        </Button>
      </div>
      <TaskStatus state={task.state} />
      {actionError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{m(actionError)}</MessageBarBody>
        </MessageBar>
      )}
      {notice && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {stale && <Caption1 aria-live="polite">{t('pane.check.stale')}</Caption1>}
      {run && (
        <div aria-live="polite">
          <div className={styles.counts}>
            {SEVERITIES.map((s) => (
              <Badge key={s} appearance="filled" color={BADGE[s]}>
                {t('pane.check.group', { severity: t(`severity.${s}`), count: run.result.counts[s] })}
              </Badge>
            ))}
            <Caption1>{t('pane.check.checkedAt', { time: run.at.toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}</Caption1>
          </div>
          {emptyBook && (
            <MessageBar intent="info">
              <MessageBarBody>
                <div>{t('experience.check.empty')}</div>
                <Link as="button" onClick={() => goToView('create')}>
                  {t('experience.goCreate')}
                </Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {!emptyBook && run.result.skippedRules.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <div>{t('experience.check.notPlan', { count: run.result.skippedRules.length })}</div>
                {run.result.counts.error === 0 && <div>{t('experience.check.notPlanClean')}</div>}
                <Link as="button" onClick={() => goToView('create')}>
                  {t('experience.goCreate')}
                </Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {!run.result.model.khLayout && recognised && (
            <MessageBar intent="info">
              <MessageBarBody>
                <div>{t('recog.offer', { sheet: recognised })}</div>
                <Link as="button" onClick={() => goToView('recognise')}>
                  {t('recog.offerButton')}
                </Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {!emptyBook && run.fingerprint.rows > 0 && (
            <div className={styles.fingerprint} aria-label={t('fp.pane.title')} role="group">
              <Subtitle2 as="h3">{t('fp.pane.title')}</Subtitle2>
              <output className={styles.fingerprintValue}>{run.fingerprint.value}</output>
              <Caption1>{t('fp.pane.rows', { rows: run.fingerprint.rows, tables: run.fingerprint.tables })}</Caption1>
              <div>
                <Button
                  size="small"
                  onClick={() => {
                    void navigator.clipboard?.writeText(run.fingerprint.value).then(() => setCopied(true), () => undefined);
                  }}
                >
                  {copied ? t('fp.pane.copied') : t('fp.pane.copy')}
                </Button>
              </div>
              <Caption1>{t('fp.pane.hint', { value: run.fingerprint.value })}</Caption1>
            </div>
          )}
          {!emptyBook && run.result.skippedRules.length === 0 && run.result.counts.error === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{t('pane.check.clean')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {run && fixable.length > 1 && (
        <div>
          <Button onClick={() => void fix(fixable)} disabled={busy}>
            {t('pane.check.fixAll', { count: fixable.length })}
          </Button>
        </div>
      )}
      {run && shownPairs.length > 0 && (
        <Accordion multiple collapsible defaultOpenItems={SEVERITIES.filter((s) => s !== 'info')}>
          {SEVERITIES.map((severity) => {
            const group = shownPairs.filter((p) => p.f.severity === severity);
            if (group.length === 0) return null;
            return (
              <AccordionItem key={severity} value={severity}>
                <AccordionHeader as="h3">{t('pane.check.group', { severity: t(`severity.${severity}`), count: group.length })}</AccordionHeader>
                <AccordionPanel>
                  {byRule(group).map(([rule, items]) => (
                    <div key={rule}>
                      <Subtitle2 as="h4" className={styles.ruleTitle}>
                        {t(`pane.rule.${rule}`)}
                      </Subtitle2>
                      <ul className={styles.list}>
                        {items.map(({ f, r }, i) => (
                          <li key={`${r.ref}-${i}`} className={`${styles.finding} ${styles[severity]}`}>
                            <Body1>{m({ key: f.message.key, params: localized(f.message.params, lang) })}</Body1>
                            {f.hint && <Caption1>{t('pane.check.hint', { hint: m({ key: f.hint.key, params: localized(f.hint.params, lang) }) })}</Caption1>}
                            {f.fix?.kind === 'convertText' && <Caption1>{t('pane.check.convertHint')}</Caption1>}
                            <div className={styles.actions}>
                              {f.cell && (
                                <Link as="button" onClick={() => void goTo(f.sheet, f.cell)}>
                                  {t('pane.check.goTo', { cell: f.cell, sheet: f.sheet })}
                                </Link>
                              )}
                              {f.fix && (
                                <Button size="small" onClick={() => void fix([f])} disabled={busy}>
                                  {t('pane.check.fix')}
                                </Button>
                              )}
                            </div>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
      <CompareSection />
    </section>
  );
}
