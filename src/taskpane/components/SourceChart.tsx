/**
 * The pane's small picture: one stacked bar per project, a segment per source, drawn in SVG (no
 * chart library: the pane stays small), with the numbers in a table below for screen readers
 * and for anyone who wants them exact.
 */
import * as React from 'react';
import { makeStyles, tokens, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { PlanOverview } from '../../core/overview';
import { SOURCE_COLOURS } from '../../core/book/chart';
import { formatAmount } from '../../core/money';
import { useI18n } from '../i18n';
import { sourceLabel } from './sourceLabel';
import { maxOf } from '../../core/arrays';


const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, borderRadius: '2px' },
  details: { marginTop: tokens.spacingVerticalS },
  number: { textAlign: 'right' },
});

const BAR = 18;
const GAP = 10;
const LABEL = 64;
const WIDTH = 300;

export function SourceChart({ overview }: { overview: PlanOverview }): React.JSX.Element {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const sources = overview.sourcesInUse;
  const max = maxOf(overview.projects.map((p) => sources.reduce((n, s) => n + Math.max(0, p.amounts[s]), 0)), 1);
  const fmt = (v: number): string => formatAmount(v, { locale: lang === 'en' ? 'en' : 'vi', maxDecimals: 3 });
  const height = overview.projects.length * (BAR + GAP);
  const summary = overview.projects.map((p) => `${p.code}: ${fmt(p.amounts.total)}`).join('; ');
  return (
    <div>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${t('pane.overview.title', { unit: t(`pane.field.unit.${overview.unit}`) })}. ${summary}`}>
        {overview.projects.map((p, i) => {
          let x = LABEL;
          const y = i * (BAR + GAP);
          return (
            <g key={p.code}>
              <text x={0} y={y + BAR - 5} fontSize="11" fill={tokens.colorNeutralForeground1}>
                {p.code}
              </text>
              {sources.map((s) => {
                const w = (Math.max(0, p.amounts[s]) / max) * (WIDTH - LABEL - 50);
                const rect = <rect key={s} x={x} y={y} width={w} height={BAR} fill={SOURCE_COLOURS[s]} />;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + BAR - 5} fontSize="11" fill={tokens.colorNeutralForeground2}>
                {fmt(p.amounts.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {sources.map((s) => (
          <li key={s}>
            <Caption1>
              <span className={styles.swatch} style={{ background: SOURCE_COLOURS[s] }} aria-hidden="true" />
              {sourceLabel(t, s, overview.programme)}
            </Caption1>
          </li>
        ))}
      </ul>
      <details className={styles.details}>
        <summary>{t('pane.overview.table')}</summary>
        <Table size="extra-small" aria-label={t('pane.overview.table')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('pane.overview.project')}</TableHeaderCell>
              {sources.map((s) => (
                <TableHeaderCell key={s}>{sourceLabel(t, s, overview.programme)}</TableHeaderCell>
              ))}
              <TableHeaderCell>{t('pane.source.total')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.projects.map((p) => (
              <TableRow key={p.code}>
                <TableCell>{p.name}</TableCell>
                {sources.map((s) => (
                  <TableCell key={s} className={styles.number}>
                    {fmt(p.amounts[s])}
                  </TableCell>
                ))}
                <TableCell className={styles.number}>{fmt(p.amounts.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </div>
  );
}
