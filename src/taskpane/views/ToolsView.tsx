/**
 * Công cụ: TCVN3 / VNI to Unicode (preview, then convert), units of the selection, an amount in
 * words, and send-safe. Every tool previews from the workbook and writes once.
 */
import * as React from 'react';
import {
  Body1, Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Subtitle2, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import type { LegacyEncoding } from '../../core/text';
import type { MoneyUnit } from '../../core/units';
import type { TextChange, UnitConversion } from '../../core/tools/cells';
import { amountToWords } from '../../core/words';
import type { SendSafeChange } from '../../core/book/sendsafe';
import { convertLegacyInExcel, convertUnitsInExcel, previewLegacyInExcel, previewUnitsInExcel, readActiveCell, writeTextInExcel } from '../../workbook/tools';
import type { Scope } from '../../workbook/cells';
import { sendSafeInExcel } from '../../workbook/operations';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { wordsOptions } from '../settings';
import { TaskStatus } from '../components/TaskStatus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tool: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  cellText: { wordBreak: 'break-word' },
});

const UNITS: readonly MoneyUnit[] = ['dong', 'nghin', 'trieu', 'ty'];
const PREVIEW_ROWS = 12;

function UnitPicker({ label, value, onChange }: { label: string; value: MoneyUnit; onChange: (u: MoneyUnit) => void }): React.JSX.Element {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <Dropdown clearButton={{ 'aria-label': t('pane.clearSelection') }} value={t(`pane.field.unit.${value}`)} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(d.optionValue as MoneyUnit)}>
        {UNITS.map((u) => (
          <Option key={u} value={u}>
            {t(`pane.field.unit.${u}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function LegacyTool(): React.JSX.Element {
  const { t } = useI18n();
  const { host, caps } = usePane();
  const styles = useStyles();
  const [scope, setScope] = React.useState<Scope>('selection');
  const [encoding, setEncoding] = React.useState<'auto' | LegacyEncoding>('auto');
  const preview = useTask<TextChange[]>();
  const convert = useTask<number>();
  const forced = encoding === 'auto' ? undefined : encoding;
  const changes = preview.state.result;
  const label = { auto: t('pane.tools.encodingAuto'), tcvn3: t('pane.tools.encodingTcvn3'), vni: t('pane.tools.encodingVni') };

  const runPreview = (): void => {
    convert.reset();
    void preview.start(async () => (await previewLegacyInExcel(host.run, host.support, scope, forced)).changes);
  };
  const runConvert = async (): Promise<void> => {
    const n = await convert.start(async (onProgress) => {
      onProgress({ stage: 'write', fraction: 0.5 });
      return (await convertLegacyInExcel(host.run, host.support, scope, forced)).changes.length;
    });
    if (n !== null) preview.reset();
  };

  return (
    <div className={styles.tool}>
      <Subtitle2 as="h3">{t('pane.tools.legacyTitle')}</Subtitle2>
      <Field label={t('pane.tools.scope')}>
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value === 'sheet' ? 'sheet' : 'selection')}>
          <Radio value="selection" label={t('pane.tools.scopeSelection')} />
          <Radio value="sheet" label={t('pane.tools.scopeSheet')} />
        </RadioGroup>
      </Field>
      <Field label={t('pane.tools.encoding')}>
        <Dropdown clearButton={{ 'aria-label': t('pane.clearSelection') }} value={label[encoding]} selectedOptions={[encoding]} onOptionSelect={(_, d) => setEncoding(d.optionValue as 'auto' | LegacyEncoding)}>
          {(['auto', 'tcvn3', 'vni'] as const).map((e) => (
            <Option key={e} value={e}>
              {label[e]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {!caps.fonts.ok && host.inExcel && <Caption1>{t('pane.tools.fontsNote')}</Caption1>}
      <div className={styles.row}>
        <Button onClick={runPreview} disabled={!host.inExcel || preview.state.status === 'running'}>
          {t('pane.tools.preview')}
        </Button>
        {changes && changes.length > 0 && (
          <Button appearance="primary" onClick={() => void runConvert()} disabled={convert.state.status === 'running'}>
            {t('pane.tools.convert', { count: changes.length })}
          </Button>
        )}
      </div>
      <TaskStatus state={preview.state} />
      <TaskStatus state={convert.state} />
      {changes && changes.length === 0 && <Body1>{t('pane.tools.previewNone')}</Body1>}
      {changes && changes.length > 0 && (
        <Table size="extra-small" aria-label={t('pane.tools.legacyTitle')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('pane.tools.cell')}</TableHeaderCell>
              <TableHeaderCell>{t('pane.tools.before')}</TableHeaderCell>
              <TableHeaderCell>{t('pane.tools.after')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.slice(0, PREVIEW_ROWS).map((c) => (
              <TableRow key={c.address}>
                <TableCell>{c.address}</TableCell>
                <TableCell className={styles.cellText}>{c.before}</TableCell>
                <TableCell className={styles.cellText}>{c.after}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {changes && changes.length > PREVIEW_ROWS && <Caption1>{t('pane.tools.previewMore', { count: changes.length - PREVIEW_ROWS })}</Caption1>}
      {convert.state.status === 'done' && convert.state.result !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{t('pane.tools.converted', { count: convert.state.result })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function UnitsTool(): React.JSX.Element {
  const { t } = useI18n();
  const { host } = usePane();
  const styles = useStyles();
  const [from, setFrom] = React.useState<MoneyUnit>('trieu');
  const [to, setTo] = React.useState<MoneyUnit>('ty');
  const preview = useTask<UnitConversion>();
  const convert = useTask<number>();
  const p = preview.state.result;
  return (
    <div className={styles.tool}>
      <Subtitle2 as="h3">{t('pane.tools.unitsTitle')}</Subtitle2>
      <div className={styles.row}>
        <UnitPicker label={t('pane.tools.from')} value={from} onChange={(u) => (setFrom(u), preview.reset())} />
        <UnitPicker label={t('pane.tools.to')} value={to} onChange={(u) => (setTo(u), preview.reset())} />
      </div>
      <div className={styles.row}>
        <Button onClick={() => (convert.reset(), void preview.start(() => previewUnitsInExcel(host.run, host.support, from, to)))} disabled={!host.inExcel}>
          {t('pane.tools.unitsPreview')}
        </Button>
        {p && p.changes.length > 0 && (
          <Button
            appearance="primary"
            onClick={() => void convert.start(async () => (await convertUnitsInExcel(host.run, host.support, from, to)).changes.length).then((n) => n !== null && preview.reset())}
          >
            {t('pane.tools.unitsRun', { count: p.changes.length })}
          </Button>
        )}
      </div>
      <TaskStatus state={preview.state} />
      <TaskStatus state={convert.state} />
      {p && p.changes.length === 0 && <Body1>{t('pane.tools.unitsNone')}</Body1>}
      {p && p.formulas.length > 0 && <Caption1>{t('pane.tools.unitsFormulas', { count: p.formulas.length })}</Caption1>}
      {convert.state.status === 'done' && convert.state.result !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{t('pane.tools.unitsDone', { count: convert.state.result, from: t(`pane.field.unit.${from}`), to: t(`pane.field.unit.${to}`) })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function WordsTool(): React.JSX.Element {
  const { t } = useI18n();
  const { host, settings } = usePane();
  const styles = useStyles();
  const [unit, setUnit] = React.useState<MoneyUnit>('trieu');
  const read = useTask<{ sheet: string; cell: string; right: string; words: string | null }>();
  const write = useTask<string>();
  const r = read.state.result;
  const doRead = (): void => {
    write.reset();
    void read.start(async () => {
      const c = await readActiveCell(host.run);
      const w = typeof c.value === 'number' ? amountToWords(c.value, { ...wordsOptions(settings), unit }) : null;
      return { sheet: c.sheet, cell: c.cell, right: c.right, words: w && w.ok ? w.text : null };
    });
  };
  return (
    <div className={styles.tool}>
      <Subtitle2 as="h3">{t('pane.tools.wordsTitle')}</Subtitle2>
      <div className={styles.row}>
        <UnitPicker label={t('pane.tools.wordsUnit')} value={unit} onChange={setUnit} />
        <Button onClick={doRead} disabled={!host.inExcel}>
          {t('pane.tools.wordsRead')}
        </Button>
      </div>
      <TaskStatus state={read.state} />
      {r && (
        <Body1 aria-live="polite">{r.words ? t('pane.tools.wordsResult', { cell: r.cell, words: r.words }) : t('pane.tools.wordsNotNumber', { cell: r.cell })}</Body1>
      )}
      {r?.words && (
        <div>
          <Button onClick={() => void write.start(async () => (await writeTextInExcel(host.run, host.support, r.sheet, r.right, r.words as string), r.right))}>
            {t('pane.tools.wordsWrite', { cell: r.right })}
          </Button>
        </div>
      )}
      <TaskStatus state={write.state} />
      {write.state.status === 'done' && write.state.result && <Caption1>{t('pane.tools.wordsWritten', { cell: write.state.result })}</Caption1>}
    </div>
  );
}

function SendSafeTool(): React.JSX.Element {
  const { t } = useI18n();
  const { host } = usePane();
  const styles = useStyles();
  const task = useTask<SendSafeChange[]>();
  const changes = task.state.result;
  return (
    <div className={styles.tool}>
      <Subtitle2 as="h3">{t('pane.tools.sendSafeTitle')}</Subtitle2>
      <Body1>{t('pane.tools.sendSafeIntro')}</Body1>
      <div>
        <Button onClick={() => void task.start(async () => (await sendSafeInExcel(host.run, host.support)).changes)} disabled={!host.inExcel || task.state.status === 'running'}>
          {t('pane.tools.sendSafeRun')}
        </Button>
      </div>
      <TaskStatus state={task.state} />
      {changes && (
        <MessageBar intent="success">
          <MessageBarBody>{changes.length === 0 ? t('pane.tools.sendSafeNone') : t('pane.tools.sendSafeDone', { count: changes.length })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function ToolsView(): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="tools-title">
      <Subtitle2 as="h2" id="tools-title">
        {t('pane.tab.tools')}
      </Subtitle2>
      <LegacyTool />
      <UnitsTool />
      <WordsTool />
      <SendSafeTool />
    </section>
  );
}
