/**
 * Biểu: builds or refreshes Biểu 01–03 and Phụ lục chỉ tiêu, shows their totals and the amount in
 * words, and the picture of the plan — in the pane, and as a native chart in Tổng hợp.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { AnnexReport } from '../../core/book/annex/generate';
import type { PlanOverview } from '../../core/overview';
import { totalInWords } from '../../core/overview';
import { formatAmount } from '../../core/money';
import { buildAnnexesInExcel } from '../../workbook/operations';
import { drawSummaryChartInExcel, readOverviewInExcel } from '../../workbook/overview';
import { selectCellInExcel } from '../../workbook/tools';
import { excelErrorMessage } from '../../workbook/errors';
import type { Message } from '../../core/i18n';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { wordsOptions } from '../settings';
import { TaskStatus } from '../components/TaskStatus';
import { SourceChart } from '../components/SourceChart';
import { SkippedFeatures } from '../components/SkippedFeatures';
import type { SkipReason } from '../../workbook/office';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  links: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  words: { fontStyle: 'italic' },
});

type AnnexRun = { report: AnnexReport; overview: PlanOverview | null; skipped: SkipReason[] } | { errors: Message[] };

export function AnnexView(): React.JSX.Element {
  const { t, m, lang } = useI18n();
  const { host, settings, caps, goTo, view } = usePane();
  const styles = useStyles();
  const task = useTask<AnnexRun>();
  const chartTask = useTask<string | null>();
  const [overview, setOverview] = React.useState<PlanOverview | null>(null);
  const [overviewError, setOverviewError] = React.useState<Message | null>(null);
  // whether the workbook has been read at least once (before that, "no plan" is not known yet)
  const [overviewRead, setOverviewRead] = React.useState(false);
  const fmt = (v: number): string => formatAmount(v, { locale: lang === 'en' ? 'en' : 'vi', maxDecimals: 3 });

  const refreshOverview = React.useCallback(async () => {
    if (!host.inExcel) return;
    try {
      setOverview((await readOverviewInExcel(host.run, host.support)).overview);
      setOverviewError(null);
    } catch (e) {
      setOverviewError(excelErrorMessage(e));
    } finally {
      setOverviewRead(true);
    }
  }, [host]);
  // read when the view is opened, and again each time it comes back (a plan may have been made since)
  React.useEffect(() => {
    if (view === undefined || view === 'annex') void refreshOverview();
  }, [refreshOverview, view]);

  const build = (): Promise<AnnexRun | null> =>
    task.start(async (onProgress) => {
      const out = await buildAnnexesInExcel(host.run, host.support, { formulaStyle: settings.formulaStyle, words: wordsOptions(settings), onProgress });
      if (!out.ok) return { errors: out.errors };
      const next = (await readOverviewInExcel(host.run, host.support)).overview;
      setOverview(next);
      return { report: out.report, overview: next, skipped: out.apply?.skipped ?? [] };
    });

  const draw = (): Promise<string | null> =>
    chartTask.start(async () => {
      const out = await drawSummaryChartInExcel(host.run, host.support);
      setOverview(out.overview);
      return out.drawn ? out.chart.sheet : null;
    });

  const open = async (sheet: string): Promise<void> => {
    try {
      await selectCellInExcel(host.run, sheet, 'A1');
    } catch (e) {
      setOverviewError(excelErrorMessage(e));
    }
  };

  const result = task.state.result;
  const report = result && 'report' in result ? result.report : null;
  const words = overview ? totalInWords(overview, wordsOptions(settings)) : null;
  const unit = overview ? t(`pane.field.unit.${overview.unit}`) : '';
  const list = (names: string[]): string => (names.length > 0 ? names.join(', ') : t('pane.annex.none'));
  const noPlan = host.inExcel && overviewRead && !overview && !overviewError && !report;

  return (
    <section className={styles.root} aria-labelledby="annex-title">
      <Subtitle2 as="h2" id="annex-title">
        {t('pane.tab.annex')}
      </Subtitle2>
      <Body1>{t('pane.annex.intro')}</Body1>
      <div>
        <Button appearance="primary" onClick={() => void build()} disabled={task.state.status === 'running' || !host.inExcel || noPlan}>
          {t('pane.annex.run')}
        </Button>
      </div>
      {noPlan && (
        <MessageBar intent="info">
          <MessageBarBody>
            <div>{t('experience.annex.noPlan')}</div>
            <div className={styles.links}>
              <Link as="button" onClick={() => goTo('create')}>
                {t('experience.goCreate')}
              </Link>
              <Link as="button" onClick={() => void refreshOverview()}>
                {t('experience.readAgain')}
              </Link>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <TaskStatus state={task.state} />
      {result && 'errors' in result && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {result.errors.map((e, i) => (
              <div key={i}>{m(e)}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div aria-live="polite">
          <MessageBar intent="success">
            <MessageBarBody>
              <div>{t('pane.annex.done', { created: list(report.created), refreshed: list(report.refreshed), unchanged: list(report.unchanged) })}</div>
              {(report.notesKept > 0 || report.inputRowsKept > 0) && <div>{t('pane.annex.kept', { notes: report.notesKept, rows: report.inputRowsKept })}</div>}
            </MessageBarBody>
          </MessageBar>
          {result && 'skipped' in result && <SkippedFeatures skipped={result.skipped} />}
          {report.moved.map((mv, i) => (
            <Caption1 key={i}>{t('pane.annex.moved', mv)}</Caption1>
          ))}
          {report.conflicts.map((c, i) => (
            <Caption1 key={`c${i}`}>{m(c)}</Caption1>
          ))}
          <Subtitle2 as="h3">{t('pane.annex.totals', { unit })}</Subtitle2>
          <Table size="small" aria-label={t('pane.annex.totals', { unit })}>
            <TableBody>
              {(
                [
                  ['pane.annex.programme', report.totals.programme],
                  ['pane.annex.policies', report.totals.policies],
                  ...(report.totals.unfunded > 0 ? ([['experience.annex.unfunded', report.totals.unfunded]] as const) : []),
                  ['pane.annex.others', report.totals.others],
                  ['pane.annex.grand', report.totals.grand],
                ] as const
              ).map(([key, value]) => (
                <TableRow key={key}>
                  <TableCell>{t(key)}</TableCell>
                  <TableCell className={styles.number}>{fmt(value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Body1 className={styles.words}>{report.words.annex01}</Body1>
          <div className={styles.links}>
            {[...report.created, ...report.refreshed, ...report.unchanged].map((sheet) => (
              <Link key={sheet} as="button" onClick={() => void open(sheet)}>
                {t('pane.annex.open', { sheet })}
              </Link>
            ))}
          </div>
        </div>
      )}
      {overview && <Subtitle2 as="h3">{t('pane.overview.title', { unit })}</Subtitle2>}
      {overviewError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{m(overviewError)}</MessageBarBody>
        </MessageBar>
      )}
      {overview && overview.sourcesInUse.length === 0 && <Body1>{t('pane.overview.empty')}</Body1>}
      {overview && overview.sourcesInUse.length > 0 && (
        <>
          <SourceChart overview={overview} />
          <Body1>{t('pane.overview.total', { amount: fmt(overview.total.total), unit })}</Body1>
          {words && <Body1 className={styles.words}>{t('pane.annex.words', { words })}</Body1>}
        </>
      )}
      {overview && (
        <div className={styles.links}>
          <Button onClick={() => void refreshOverview()} disabled={!host.inExcel}>
            {t('pane.overview.refresh')}
          </Button>
          <Button onClick={() => void draw()} disabled={!host.inExcel || !caps.charts.ok || chartTask.state.status === 'running' || overview.sourcesInUse.length === 0}>
            {t('pane.chart.draw')}
          </Button>
        </div>
      )}
      {overview && !caps.charts.ok && host.inExcel && <Caption1>{t('pane.chart.unavailable', { reason: t('pane.cap.needs', { excel: t(caps.charts.needs) }) })}</Caption1>}
      <TaskStatus state={chartTask.state} />
      {chartTask.state.status === 'done' && chartTask.state.result && (
        <MessageBar intent="success">
          <MessageBarBody>{t('pane.chart.drawn', { sheet: chartTask.state.result })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
