/**
 * Nhận dạng bảng: the officer's own budget table, read once from the open (or chosen) sheet, shown
 * as KH understood it — the table's range, each money column with its header and source, the unit
 * and why, each row with its STT, item and kind, and what must be settled, each with its cell. The
 * officer's corrections re-run the recogniser on the same read (pure, no new read); then "Tạo kế
 * hoạch KH từ bảng này" writes KH's plan sheets and Biểu 01–03 beside the officer's sheet, which is
 * never written to, and says whether the new plan's totals are the table's.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey, MessageParams } from '../../core/i18n';
import type { SheetSnapshot } from '../../core/book/snapshot';
import { columnLetter } from '../../core/book/address';
import { findByCode, getCatalog } from '../../core/catalog';
import type { AdminLevel } from '../../core/plan';
import type { SourceKey } from '../../core/sources';
import { MONEY_UNITS, type MoneyUnit } from '../../core/units';
import { amountsEqual, formatAmount } from '../../core/money';
import { recogniseSheet, type RecognitionNote, type RecognitionOverrides } from '../../core/table/recognise';
import type { BudgetTable, TableRow } from '../../core/table/model';
import { readHeading } from '../../core/table/heading';
import { adoptTable, type AdoptChoices, type AdoptProblem } from '../../core/table/adopt';
import { adoptableTable } from '../../core/table/pick';
import { AMOUNT_KEYS } from '../../core/table/model';
import { fileFigures, tableRef, type FileFigures } from '../../core/table/figures';
import { readOfficerSheet, adoptInExcel, type AdoptOutcome, type OfficerSheetRead } from '../../workbook/recognise';
import { selectCellInExcel } from '../../workbook/tools';
import { excelErrorMessage } from '../../workbook/errors';
import type { Message } from '../../core/i18n';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { useTask } from '../useTask';
import { TaskStatus } from '../components/TaskStatus';
import { sourceLabel } from '../components/sourceLabel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2 },
  problem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`, backgroundColor: tokens.colorNeutralBackground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  grid: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', verticalAlign: 'top' },
  select: { minWidth: '120px', maxWidth: '180px' },
});

/** The sources a column can be said to hold, in the order of a Biểu 01. */
const COLUMN_SOURCES: readonly SourceKey[] = ['total', 'central', 'centralInvestment', 'centralRecurrent', 'local', 'localInvestment', 'localRecurrent', 'integrated', 'credit', 'mobilised'];
const NOT_MONEY = 'none';
/** How far above a header the "Đơn vị tính" line can be. */
const UNIT_LINE_ABOVE = 10;

interface Facts {
  year: string;
  issuer: string;
  level: AdminLevel | '';
  area: string;
  province: string;
  poor: '' | 'yes' | 'no';
  group: '' | '1' | '2' | '3';
  nstw: '' | 'centralInvestment' | 'centralRecurrent';
}

const NO_FACTS: Facts = { year: '', issuer: '', level: '', area: '', province: '', poor: '', group: '', nstw: '' };

function choicesOf(f: Facts): AdoptChoices {
  const c: AdoptChoices = {};
  if (/^\s*20\d{2}\s*$/.test(f.year)) c.year = Number(f.year);
  if (f.issuer.trim()) c.issuer = f.issuer.trim();
  if (f.level) c.level = f.level;
  if (f.area.trim()) c.area = f.area.trim();
  if (f.province.trim()) c.province = f.province.trim();
  if (f.poor) c.poorDistrict = f.poor === 'yes';
  if (f.group) c.provinceGroup = Number(f.group) as 1 | 2 | 3;
  if (f.nstw) c.nstw = f.nstw;
  return c;
}

/** A thing to settle, as a sentence and the officer's cell it is about. */
interface Problem {
  message: Message;
  cell: string | null;
}

const rowNumber = (cell: string): number => Number(/\d+$/.exec(cell)?.[0] ?? 0);

function noteProblem(n: RecognitionNote, unitText: (u: MoneyUnit) => string, amount: (v: number) => string): Problem {
  switch (n.kind) {
    case 'unmappedColumn':
      return { message: { key: 'recog.problem.unmappedColumn', params: { cell: n.cell, header: n.header } }, cell: n.cell };
    case 'duplicateColumn':
      return { message: { key: 'recog.problem.duplicateColumn', params: { cell: n.cell, header: n.header, first: n.first } }, cell: n.cell };
    case 'unitUnknown':
      return { message: { key: 'recog.problem.unitUnknown', params: {} }, cell: n.cell };
    case 'unitInferred':
      return { message: { key: 'recog.problem.unitInferred', params: { unit: unitText(n.unit) } }, cell: n.cell };
    case 'unitMismatch':
      return { message: { key: 'recog.problem.unitMismatch', params: { cell: n.cell, unit: unitText(n.unit), typical: amount(n.typical) } }, cell: n.cell };
    case 'notCalculated':
      return { message: { key: 'recog.problem.notCalculated', params: { cell: n.cell, count: n.count } }, cell: n.cell };
  }
}

function adoptProblem(p: AdoptProblem): Problem | null {
  switch (p.kind) {
    case 'missingFact':
      return { message: { key: `recog.problem.missing.${p.fact}`, params: {} }, cell: null };
    case 'outsideItem':
      return { message: { key: 'recog.problem.outsideItem', params: { row: rowNumber(p.cell), label: p.label } }, cell: p.cell };
    case 'nstwUnsplit':
      return { message: { key: 'recog.problem.nstwUnsplit', params: { row: rowNumber(p.cell), label: p.label, code: p.code } }, cell: p.cell };
    case 'noSources':
      return { message: { key: 'recog.problem.noSources', params: { row: rowNumber(p.cell) } }, cell: p.cell };
    case 'localities':
      return { message: { key: 'recog.problem.localities', params: {} }, cell: p.cell };
    // the recogniser's own note already says it, with the choice to make
    case 'unitUnknown':
      return null;
  }
}

/** The sources whose totals differ between the officer's table and the new plan (triệu đồng). */
export function differences(before: FileFigures, after: FileFigures): Array<{ source: SourceKey; before: number; after: number }> {
  if (!before.total || !after.total) return [{ source: 'total', before: before.total?.total ?? 0, after: after.total?.total ?? 0 }];
  return AMOUNT_KEYS.filter((k) => !amountsEqual(before.total?.[k] ?? 0, after.total?.[k] ?? 0, 1e-6)).map((k) => ({ source: k, before: before.total?.[k] ?? 0, after: after.total?.[k] ?? 0 }));
}

export function RecogniseView(): React.JSX.Element {
  const { t, lang } = useI18n();
  const { host, settings, goTo: openView } = usePane();
  const styles = useStyles();
  const reading = useTask<OfficerSheetRead>();
  const create = useTask<AdoptOutcome>();
  const [overrides, setOverrides] = React.useState<RecognitionOverrides>({});
  const [facts, setFacts] = React.useState<Facts>(NO_FACTS);
  const [before, setBefore] = React.useState<FileFigures | null>(null);
  const [actionError, setActionError] = React.useState<Message | null>(null);

  const read = reading.state.result;
  const sheet: SheetSnapshot | null = read?.sheet ?? null;
  const amount = (v: number): string => formatAmount(v, { maxDecimals: 6, locale: lang });
  const unitText = (u: MoneyUnit): string => t(`pane.field.unit.${u}`);

  // every correction re-runs the recogniser on the same read: nothing is read again
  const recognition = React.useMemo(() => (sheet ? recogniseSheet(sheet, { overrides }) : null), [sheet, overrides]);
  const table = recognition ? adoptableTable(recognition.tables) : null;
  const headerTop = table?.header.top ?? null;
  const heading = React.useMemo(() => (sheet && headerTop !== null ? readHeading(sheet, headerTop) : null), [sheet, headerTop]);

  // the facts the heading gives, once per read; the officer's edits are kept while correcting
  React.useEffect(() => {
    if (!heading) return;
    setFacts({
      ...NO_FACTS,
      year: heading.year ? String(heading.year) : '',
      issuer: heading.issuer ?? '',
      level: heading.level ?? '',
      area: heading.area ?? '',
      province: heading.province ?? '',
    });
  }, [heading]);

  const adopted = React.useMemo(() => (table && heading ? adoptTable(table, heading, choicesOf(facts)) : null), [table, heading, facts]);
  const problems: Problem[] = React.useMemo(() => {
    if (!recognition || !table) return [];
    // the sheet's notes about this table: its header and data, and the unit line a few rows above
    const inTable = (cell: string): boolean => {
      const r = rowNumber(cell) - 1;
      return r >= table.header.top - UNIT_LINE_ABOVE && r <= table.data.bottom;
    };
    const fromNotes = recognition.notes.filter((n) => inTable(n.cell)).map((n) => noteProblem(n, unitText, amount));
    const fromAdopt = adopted && !adopted.ok ? adopted.problems.map(adoptProblem).filter((p): p is Problem => p !== null) : [];
    return [...fromNotes, ...fromAdopt];
  }, [recognition, table, adopted, lang]);

  const load = (name?: string): void => {
    create.reset();
    setBefore(null);
    setOverrides({});
    void reading.start(() => readOfficerSheet(host.run, host.support, name));
  };

  const goToCell = async (cell: string): Promise<void> => {
    if (!sheet) return;
    setActionError(null);
    try {
      await selectCellInExcel(host.run, sheet.name, cell);
    } catch (e) {
      setActionError(excelErrorMessage(e));
    }
  };

  const onCreate = (): void => {
    if (!table || !adopted?.ok) return;
    // the officer's figures as read, before anything is written
    setBefore(fileFigures([table]));
    void create.start((onProgress) => adoptInExcel(host.run, adopted.spec, host.support, { formulaStyle: settings.formulaStyle, onProgress }));
  };

  const setColumn = (col: number, value: string): void => setOverrides((o) => ({ ...o, columns: { ...o.columns, [col]: value === NOT_MONEY ? null : (value as SourceKey) } }));
  const setUnit = (unit: MoneyUnit): void => setOverrides((o) => ({ ...o, unit }));
  const setRow = (row: number, code: string): void => setOverrides((o) => ({ ...o, rows: { ...o.rows, [row]: code === '' ? null : code } }));
  const setFact = <K extends keyof Facts>(key: K, value: Facts[K]): void => setFacts((f) => ({ ...f, [key]: value }));

  const created = create.state.result;
  const unsettled = problems.filter((p) => p.message.key !== 'recog.problem.unitInferred').length;

  return (
    <section className={styles.root} aria-labelledby="recognise-title">
      <Subtitle2 as="h2" id="recognise-title">
        {t('recog.tab')}
      </Subtitle2>
      <Body1>{t('recog.intro')}</Body1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!host.inExcel || reading.state.status === 'running'} onClick={() => load()}>
          {t('recog.readActive')}
        </Button>
        {read && read.sheets.length > 1 && (
          <Field label={t('recog.sheet')}>
            <Dropdown value={sheet?.name ?? ''} selectedOptions={sheet ? [sheet.name] : []} onOptionSelect={(_, d) => d.optionValue && d.optionValue !== sheet?.name && load(d.optionValue)}>
              {read.sheets.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
      {reading.state.status === 'running' && <Caption1 aria-live="polite">{t('recog.reading')}</Caption1>}
      <TaskStatus state={reading.state} />
      {actionError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(actionError.key, actionError.params)}</MessageBarBody>
        </MessageBar>
      )}
      {sheet && recognition && !table && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            {recognition.unrecognised ? t('recog.noTable', { sheet: sheet.name }) : t('recog.empty', { sheet: sheet.name })}
            {recognition.unrecognised && <div>{t(`recog.noTable.${recognition.unrecognised}`)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {sheet && table && recognition && (
        <>
          <MessageBar intent="info" aria-live="polite">
            <MessageBarBody>
              {t('recog.table', { range: tableRef(table).range, sheet: sheet.name, rows: table.rows.length, percent: Math.round(table.confidence * 100) })}
              {recognition.tables.filter((x) => x.primary).length > 1 && <div>{t('recog.otherTables', { count: recognition.tables.filter((x) => x.primary).length - 1 })}</div>}
            </MessageBarBody>
          </MessageBar>
          <Columns table={table} overrides={overrides} onChange={setColumn} />
          <Unit table={table} chosen={overrides.unit !== undefined} onChange={setUnit} />
          <Rows table={table} onChange={setRow} />
          <Subtitle2 as="h3">{t('recog.problems', { count: unsettled })}</Subtitle2>
          {problems.length === 0 && <Body1>{t('recog.noProblems')}</Body1>}
          <ul className={styles.list} aria-label={t('recog.problems', { count: unsettled })}>
            {problems.map((p, i) => (
              <li key={i} className={styles.problem}>
                <Body1>{t(p.message.key, p.message.params)}</Body1>
                {p.cell && (
                  <div>
                    <Button size="small" onClick={() => void goToCell(p.cell as string)}>
                      {t('pane.check.goTo', { cell: p.cell, sheet: sheet.name })}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <FactsForm facts={facts} onChange={setFact} />
          <Caption1>{t('recog.createHint', { sheet: sheet.name })}</Caption1>
          {adopted && !adopted.ok && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('recog.cannotCreate', { count: unsettled })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={!host.inExcel || !adopted?.ok || create.state.status === 'running'} onClick={onCreate}>
              {t('recog.create')}
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
          {created && created.ok && adopted?.ok && before && (
            <Outcome created={created} before={before} items={adopted.items} activities={adopted.activities} programme={table.programme} amount={amount} onCheck={() => openView('check')} />
          )}
        </>
      )}
    </section>
  );
}

function Columns({ table, overrides, onChange }: { table: BudgetTable; overrides: RecognitionOverrides; onChange: (col: number, value: string) => void }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  // a column the officer said is not money stays listed, so the choice can be undone
  const shown = table.columns.filter((c) => c.role === 'amount' || (overrides.columns && c.col in overrides.columns));
  const label = (value: string): string => (value === NOT_MONEY ? t('recog.column.none') : value === '' ? t('recog.column.unknown') : sourceLabel(t, value as SourceKey, table.programme));
  return (
    <>
      <Subtitle2 as="h3">{t('recog.columns')}</Subtitle2>
      <ul className={styles.list}>
        {shown.map((c) => {
          const value = c.role !== 'amount' ? NOT_MONEY : (c.source ?? '');
          const name = t('recog.column', { col: columnLetter(c.col), header: c.header.filter(Boolean).join(' / ') });
          return (
            <li key={c.col} className={styles.entry}>
              <Field label={name}>
                <Dropdown aria-label={name} value={label(value)} selectedOptions={[value]} onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(c.col, d.optionValue)}>
                  {[...COLUMN_SOURCES, NOT_MONEY].map((s) => (
                    <Option key={s} value={s}>
                      {label(s)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Unit({ table, chosen, onChange }: { table: BudgetTable; chosen: boolean; onChange: (unit: MoneyUnit) => void }): React.JSX.Element {
  const { t } = useI18n();
  const why = chosen ? 'chosen' : (table.unitEvidence ?? 'none');
  return (
    <Field label={t('recog.unit')} hint={t(`recog.unit.why.${why}`)}>
      <Dropdown aria-label={t('recog.unit')} value={table.unit ? t(`pane.field.unit.${table.unit}`) : t('recog.unit.unknown')} selectedOptions={table.unit ? [table.unit] : []} onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue as MoneyUnit)}>
        {MONEY_UNITS.map((u) => (
          <Option key={u} value={u}>
            {t(`pane.field.unit.${u}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function Rows({ table, onChange }: { table: BudgetTable; onChange: (row: number, code: string) => void }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const catalog = getCatalog(table.programme);
  const entries = catalog.entries;
  /** The catalogue item a row is (not one it belongs to). */
  const own = (r: TableRow): string => {
    const e = r.item ? findByCode(catalog, r.item) : null;
    return e && r.code === e.outline ? e.code : '';
  };
  return (
    <>
      <Subtitle2 as="h3">{t('recog.rows', { count: table.rows.length })}</Subtitle2>
      <table className={styles.grid}>
        <thead>
          <tr>
            <th className={styles.cell}>{t('recog.row.stt')}</th>
            <th className={styles.cell}>{t('recog.row.label')}</th>
            <th className={styles.cell}>{t('recog.row.item')}</th>
            <th className={styles.cell}>{t('recog.row.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => {
            const code = own(r);
            return (
              <tr key={r.row} data-row={r.row + 1}>
                <td className={styles.cell}>{r.stt === null ? '' : String(r.stt)}</td>
                <td className={styles.cell}>{r.label}</td>
                <td className={styles.cell}>
                  {r.kind === 'total' ? (
                    ''
                  ) : (
                    <>
                      <Select className={styles.select} size="small" aria-label={t('recog.row.itemOf', { row: r.row + 1 })} value={code} onChange={(_, d) => onChange(r.row, d.value)}>
                        <option value="">{t('recog.row.detail')}</option>
                        {entries.map((e) => (
                          <option key={e.code} value={e.code}>
                            {`${e.code} ${e.name}`}
                          </option>
                        ))}
                      </Select>
                      {code === '' && r.item && <Caption1>{t('recog.row.under', { item: r.item })}</Caption1>}
                    </>
                  )}
                </td>
                <td className={styles.cell}>{r.kind ? t(`recog.kind.${r.kind}`) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function FactsForm({ facts, onChange }: { facts: Facts; onChange: <K extends keyof Facts>(key: K, value: Facts[K]) => void }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const level = (v: string): string => (v ? t(`pane.field.level.${v}` as MessageKey) : t('recog.fact.level.none'));
  const poor = (v: string): string => t(`recog.fact.poor.${v || 'none'}` as MessageKey);
  const nstw = (v: string): string => (v ? t(`pane.source.${v}` as MessageKey) : t('recog.fact.nstw.none'));
  const group = (v: string): string => t(`pane.field.group.${v || 'none'}` as MessageKey);
  return (
    <>
      <Subtitle2 as="h3">{t('recog.facts')}</Subtitle2>
      <div className={styles.list}>
        <Field label={t('pane.field.year')}>
          <Input value={facts.year} inputMode="numeric" onChange={(_, d) => onChange('year', d.value)} />
        </Field>
        <Field label={t('pane.field.issuer')}>
          <Input value={facts.issuer} onChange={(_, d) => onChange('issuer', d.value)} />
        </Field>
        <Field label={t('pane.field.level')}>
          <Dropdown aria-label={t('pane.field.level')} value={level(facts.level)} selectedOptions={[facts.level || 'none']} onOptionSelect={(_, d) => onChange('level', (d.optionValue === 'none' ? '' : d.optionValue) as Facts['level'])}>
            {['none', 'tinh', 'huyen', 'xa'].map((v) => (
              <Option key={v} value={v}>
                {level(v === 'none' ? '' : v)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('pane.field.area')}>
          <Input value={facts.area} onChange={(_, d) => onChange('area', d.value)} />
        </Field>
        <Field label={t('pane.field.province')}>
          <Input value={facts.province} onChange={(_, d) => onChange('province', d.value)} />
        </Field>
        <Field label={t('pane.field.poorDistrict')}>
          <Dropdown aria-label={t('pane.field.poorDistrict')} value={poor(facts.poor)} selectedOptions={[facts.poor || 'none']} onOptionSelect={(_, d) => onChange('poor', (d.optionValue === 'none' ? '' : d.optionValue) as Facts['poor'])}>
            {['none', 'yes', 'no'].map((v) => (
              <Option key={v} value={v}>
                {poor(v === 'none' ? '' : v)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('pane.field.provinceGroup')}>
          <Dropdown aria-label={t('pane.field.provinceGroup')} value={group(facts.group)} selectedOptions={[facts.group || 'none']} onOptionSelect={(_, d) => onChange('group', (d.optionValue === 'none' ? '' : d.optionValue) as Facts['group'])}>
            {['none', '1', '2', '3'].map((v) => (
              <Option key={v} value={v}>
                {group(v === 'none' ? '' : v)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('recog.fact.nstw')}>
          <Dropdown aria-label={t('recog.fact.nstw')} value={nstw(facts.nstw)} selectedOptions={[facts.nstw || 'none']} onOptionSelect={(_, d) => onChange('nstw', (d.optionValue === 'none' ? '' : d.optionValue) as Facts['nstw'])}>
            {['none', 'centralInvestment', 'centralRecurrent'].map((v) => (
              <Option key={v} value={v}>
                {nstw(v === 'none' ? '' : v)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </>
  );
}

function Outcome(props: {
  created: Extract<AdoptOutcome, { ok: true }>;
  before: FileFigures;
  items: number;
  activities: number;
  programme: BudgetTable['programme'];
  amount: (v: number) => string;
  onCheck: () => void;
}): React.JSX.Element {
  const { t } = useI18n();
  const { created, before, amount } = props;
  const diff = differences(before, created.after);
  const params: MessageParams = { items: props.items, activities: props.activities, sheets: created.plan.created.length, annexes: created.annexes.created.length };
  return (
    <MessageBar intent={diff.length === 0 ? 'success' : 'warning'} role="status">
      <MessageBarBody>
        <div>{t('recog.created', params)}</div>
        {diff.length === 0 ? (
          <div>{t('recog.same', { total: amount(created.after.total?.total ?? 0) })}</div>
        ) : (
          <>
            <div>{t('recog.differ')}</div>
            {diff.map((d) => (
              <div key={d.source}>{t('recog.differLine', { source: sourceLabel(t, d.source, props.programme), before: amount(d.before), after: amount(d.after) })}</div>
            ))}
          </>
        )}
        <div>
          <Button appearance="primary" onClick={props.onCheck}>
            {t('pane.tab.check')}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

