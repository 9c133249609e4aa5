/**
 * Đối chiếu với bản trước (on Kiểm tra): the officer picks the earlier version's .xlsx; the
 * browser reads it here — nothing leaves the machine — and the pane lists what changed in the
 * open workbook since: rows added, removed, moved; amounts by source with the difference; names
 * and units retyped; errors that appeared (a link to their cell) or disappeared (their cell in the
 * earlier file). The comparison is the core's (the one `kh diff` prints).
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Message, MessageKey } from '../../core/i18n';
import { formatAmount } from '../../core/money';
import type { WorkbookSnapshot } from '../../core/book/snapshot';
import type { Amounts, FindingRef, PlanDiff, RowChange, RowRef } from '../../core/province/diff';
import type { AmountKey } from '../../core/table/model';
import { PickedWorkbookError, readPickedWorkbook } from '../../document/xlsx';
import { compareInExcel, type Comparison } from '../../workbook/compare';
import { selectCellInExcel } from '../../workbook/tools';
import { classifyExcelError, excelErrorMessage } from '../../workbook/errors';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { TaskStatus } from '../components/TaskStatus';
import { sourceLabel } from '../components/sourceLabel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2 },
});

type Of<K extends RowChange['kind']> = Extract<RowChange, { kind: K }>;

export function CompareSection(): React.JSX.Element {
  const { t, m, lang } = useI18n();
  const { host } = usePane();
  const styles = useStyles();
  const [earlier, setEarlier] = React.useState<{ file: string; snapshot: WorkbookSnapshot } | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [reading, setReading] = React.useState<string | null>(null);
  /** A cell that could not be selected, said under its link. */
  const [goError, setGoError] = React.useState<{ target: string; message: Message } | null>(null);
  const task = useTask<Comparison>();

  const compare = React.useCallback((snapshot: WorkbookSnapshot) => void task.start(() => compareInExcel(host.run, host.support, snapshot)), [task, host]);

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    task.reset();
    setGoError(null);
    setEarlier(null);
    setRefusal(null);
    setReading(file.name);
    try {
      const snapshot = readPickedWorkbook(new Uint8Array(await file.arrayBuffer()));
      setEarlier({ file: file.name, snapshot });
      compare(snapshot);
    } catch (error) {
      const problem = error instanceof PickedWorkbookError ? error.problem : { key: 'pdiff.input.damaged' as MessageKey, params: {} };
      setRefusal(t(problem.key, { ...(problem.params ?? {}), file: file.name }));
    } finally {
      setReading(null);
    }
  };

  const out = task.state.result;
  const diff = out?.diff ?? null;
  const programme = out?.after.model.programme ?? '2021-2025';
  const amount = (n: number | null): string => (n === null ? '—' : formatAmount(n, { locale: lang }));
  const signed = (n: number): string => `${n > 0 ? '+' : ''}${amount(n)}`;
  const source = (k: AmountKey): string => sourceLabel(t, k, programme);
  const amounts = (a: Amounts): string => (Object.keys(a) as AmountKey[]).map((k) => `${source(k)} ${amount(a[k] ?? null)}`).join('; ') || '—';
  // as on Kiểm tra, a cell that cannot be selected is said, under its link: a sheet gone since the comparison asks for another
  const goTo = (r: Pick<RowRef, 'sheet' | 'cell'>, cell = r.cell): React.JSX.Element => {
    const target = `${r.sheet}!${cell}`;
    const select = (): void => {
      setGoError(null);
      selectCellInExcel(host.run, r.sheet, cell).catch((e: unknown) => {
        const message = classifyExcelError(e) === 'sheetMissing' ? { key: 'pdiff.sheetGone' as MessageKey, params: { sheet: r.sheet } } : excelErrorMessage(e);
        setGoError({ target, message });
      });
    };
    return (
      <>
        <Link as="button" onClick={select}>
          {t('pdiff.goTo', { cell, sheet: r.sheet })}
        </Link>
        {goError?.target === target && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{m(goError.message)}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  };
  const title = (r: RowRef): string => `${r.label} (${r.project})`;
  const of = <K extends RowChange['kind']>(d: PlanDiff, kind: K): Array<Of<K>> => d.changes.filter((c): c is Of<K> => c.kind === kind);
  const group = (heading: string, items: React.JSX.Element[]): React.JSX.Element | null =>
    items.length === 0 ? null : (
      <div>
        <Subtitle2 as="h4">{heading}</Subtitle2>
        <ul className={styles.list}>{items}</ul>
      </div>
    );
  // a finding new in the open workbook can be gone to; one that disappeared names its cell in the earlier file
  const finding =
    (where: 'open' | 'earlier') =>
    (f: FindingRef, i: number): React.JSX.Element => (
      <li key={`${f.rule}-${i}`} className={styles.entry}>
        <Body1>{lang === 'en' ? f.message.en : f.message.vi}</Body1>
        {f.cell && (where === 'open' ? goTo(f) : <Caption1>{t('pdiff.inOld', { cell: f.cell, sheet: f.sheet })}</Caption1>)}
      </li>
    );

  return (
    <section className={styles.root} aria-labelledby="compare-title">
      <Subtitle2 as="h3" id="compare-title">
        {t('pdiff.title')}
      </Subtitle2>
      <Body1>{t('pdiff.intro')}</Body1>
      <Field label={t('pdiff.choose')}>
        <input type="file" accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t('pdiff.choose')} disabled={!host.inExcel} onChange={(e) => void onFile(e.target.files?.[0])} />
      </Field>
      {reading && <Caption1 aria-live="polite">{t('pdiff.reading', { file: reading })}</Caption1>}
      {refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      )}
      <TaskStatus state={task.state} />
      {earlier && diff && out && (
        <div aria-live="polite" className={styles.root}>
          <Body1>{t('pdiff.result', { file: earlier.file, unit: t(`pane.field.unit.${diff.unit}`) })}</Body1>
          <Caption1>{t('diff.fingerprints', { before: out.fingerprints.before.value, after: out.fingerprints.after.value })}</Caption1>
          {diff.changes.length === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{t('diff.none')}</MessageBarBody>
            </MessageBar>
          )}
          {group(
            t('diff.added', { count: of(diff, 'added').length }),
            of(diff, 'added').map((c, i) => (
              <li key={`a${i}`} className={styles.entry}>
                <Body1>{title(c.row)}</Body1>
                <Caption1>{t('pdiff.amounts', { amounts: amounts(c.amounts) })}</Caption1>
                {goTo(c.row)}
              </li>
            )),
          )}
          {group(
            t('diff.removed', { count: of(diff, 'removed').length }),
            of(diff, 'removed').map((c, i) => (
              <li key={`r${i}`} className={styles.entry}>
                <Body1>{title(c.row)}</Body1>
                <Caption1>{t('pdiff.amounts', { amounts: amounts(c.amounts) })}</Caption1>
                <Caption1>{t('pdiff.inOld', { cell: c.row.cell, sheet: c.row.sheet })}</Caption1>
              </li>
            )),
          )}
          {group(
            t('diff.moved', { count: of(diff, 'moved').length }),
            of(diff, 'moved').map((c, i) => (
              <li key={`m${i}`} className={styles.entry}>
                <Body1>{t('diff.movedLine', { label: c.to.label, from: c.from.project, fromCell: `${c.from.sheet}!${c.from.cell}`, to: c.to.project, toCell: `${c.to.sheet}!${c.to.cell}` })}</Body1>
                {goTo(c.to)}
              </li>
            )),
          )}
          {group(
            t('diff.amounts', { count: of(diff, 'amount').length }),
            of(diff, 'amount').map((c, i) => (
              <li key={`n${i}`} className={styles.entry}>
                <Body1>{title(c.row)}</Body1>
                <Caption1>{t('pdiff.amountLine', { source: source(c.source), before: amount(c.before), after: amount(c.after), difference: signed(c.difference) })}</Caption1>
                {goTo(c.row, c.cell)}
              </li>
            )),
          )}
          {group(
            t('diff.texts', { count: of(diff, 'text').length }),
            of(diff, 'text').map((c, i) => (
              <li key={`t${i}`} className={styles.entry}>
                <Body1>{title(c.row)}</Body1>
                <Caption1>{t('pdiff.textLine', { field: t(c.field === 'name' ? 'diff.field.name' : 'diff.field.unitName'), before: c.before, after: c.after })}</Caption1>
                {goTo(c.row)}
              </li>
            )),
          )}
          {group(t('diff.appeared', { count: diff.findingsAppeared.length }), diff.findingsAppeared.map(finding('open')))}
          {group(t('diff.disappeared', { count: diff.findingsDisappeared.length }), diff.findingsDisappeared.map(finding('earlier')))}
          <div>
            <Button onClick={() => compare(earlier.snapshot)} disabled={task.state.status === 'running'}>
              {t('pdiff.again')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
