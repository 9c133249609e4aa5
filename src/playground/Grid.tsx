/**
 * The playground's workbook: sheet tabs, a formula bar, and the active sheet's cells as Excel
 * would show them (values, number formats, fills, bold, merges, hidden columns, the selection).
 * Clicking selects, typing into the formula bar and pressing Enter edits — as the officer, so
 * protection applies and the pane hears the change.
 */
import * as React from 'react';
import type { Lang } from '../core/i18n';
import { translate } from '../core/i18n';
import type { ExcelFake } from '../testing/excel-fake';
import { columnLetter, parseCell } from '../core/book/address';
import { KH_PROTECTION } from '../workbook/office';
import type { PlaygroundHost } from './host';
import { displayText } from './display';

const MAX_ROWS = 200;
const MAX_COLS = 18;
const POINTS_TO_PX = 4 / 3;

interface Props {
  host: PlaygroundHost;
  lang: Lang;
  api: string;
}

function useRedraw(host: PlaygroundHost): number {
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setTick((t) => t + 1)), [host]);
  return tick;
}

function parseRange(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = address.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function visibleSheets(fake: ExcelFake): string[] {
  return fake.sheetNames().filter((n) => fake.sheet(n).visibility === 'Visible');
}

export function Grid({ host, lang, api }: Props): React.JSX.Element {
  useRedraw(host);
  const t = (key: Parameters<typeof translate>[0], params: Record<string, string | number> = {}): string => translate(key, params, lang);
  const fake = host.fake;
  const sheetName = fake.activeSheet;
  const sheet = fake.sheet(sheetName);
  const selection = fake.selection.address;
  const sel = parseRange(selection) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const active = `${columnLetter(sel.left)}${sel.top + 1}`;
  const activeCell = sheet.cell(active);
  const [draft, setDraft] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const anchor = React.useRef<{ row: number; col: number } | null>(null);
  // sheets the officer unprotected here, so the button can offer to protect them again
  const [opened, setOpened] = React.useState<Set<string>>(() => new Set());
  const shown = draft ?? (activeCell.formula ?? (activeCell.value === null || activeCell.value === '' ? '' : String(activeCell.value)));

  const used = parseRange(sheet.usedAddress ?? 'A1') ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows = Math.min(Math.max(used.bottom + 3, 20), MAX_ROWS);
  const cols = Math.min(Math.max(used.right + 2, 8), MAX_COLS);
  const hiddenCols = new Set(sheet.hiddenColumns);
  const hiddenRows = new Set(sheet.hiddenRows);
  const widths = sheet.columnWidths;
  const merges = sheet.merges.map((m) => ({ address: m, r: parseRange(m) })).filter((m) => m.r !== null) as Array<{ address: string; r: NonNullable<ReturnType<typeof parseRange>> }>;
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of merges) {
    spans.set(`${m.r.top}:${m.r.left}`, { rows: m.r.bottom - m.r.top + 1, cols: m.r.right - m.r.left + 1 });
    for (let r = m.r.top; r <= m.r.bottom; r++) for (let c = m.r.left; c <= m.r.right; c++) if (r !== m.r.top || c !== m.r.left) covered.add(`${r}:${c}`);
  }

  const select = (row: number, col: number, extend: boolean): void => {
    setDraft(null);
    setMessage(null);
    const from = extend && anchor.current ? anchor.current : { row, col };
    if (!extend) anchor.current = { row, col };
    const a = `${columnLetter(Math.min(from.col, col))}${Math.min(from.row, row) + 1}`;
    const b = `${columnLetter(Math.max(from.col, col))}${Math.max(from.row, row) + 1}`;
    fake.userSelect(sheetName, a === b ? a : `${a}:${b}`);
    host.changed();
  };

  const commit = (): void => {
    if (draft === null) return;
    try {
      fake.userEdit(sheetName, active, draft);
      setMessage(null);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setMessage(/protected sheet/i.test(text) ? t('playground.protected', { cell: active }) : t('playground.refused', { cell: active, detail: text }));
    }
    setDraft(null);
    host.changed();
  };

  const toggleProtection = async (): Promise<void> => {
    const unprotect = sheet.protected;
    await fake.run(async (context) => {
      const p = context.workbook.worksheets.getItem(sheetName).protection;
      if (unprotect) p.unprotect();
      else p.protect(KH_PROTECTION as never);
      await context.sync();
    });
    setOpened((o) => {
      const next = new Set(o);
      if (unprotect) next.add(sheetName);
      else next.delete(sheetName);
      return next;
    });
    host.changed();
  };

  const openSheet = (name: string): void => {
    setDraft(null);
    fake.userSelect(name, fake.sheet(name).selection);
    host.changed();
  };

  return (
    <section className="grid" aria-label={t('playground.grid')}>
      <div className="toolbar">
        <label className="api">
          {t('playground.api')}{' '}
          <select
            value={api}
            onChange={(e) => {
              const url = new URL(window.location.href);
              url.searchParams.set('api', e.target.value);
              window.location.href = url.toString();
            }}
          >
            {(['1.7', '1.9', '1.17'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`playground.api.${v}`)}
              </option>
            ))}
          </select>
        </label>
        {(sheet.protected || opened.has(sheetName)) && (
          <button type="button" onClick={() => void toggleProtection()}>
            {sheet.protected ? t('playground.unprotect') : t('playground.protect')}
          </button>
        )}
      </div>
      <div className="formula-bar">
        <span className="name-box" aria-hidden="true">
          {active}
        </span>
        <input
          aria-label={t('playground.formulaBar', { cell: active })}
          value={shown}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button type="button" onClick={commit} disabled={draft === null}>
          {t('playground.enter')}
        </button>
      </div>
      {message && (
        <p className="message" role="alert">
          {message}
        </p>
      )}
      <div className="cells">
        <table>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) =>
                hiddenCols.has(columnLetter(c)) ? null : (
                  <th key={c} scope="col" style={{ width: `${Math.round((widths[columnLetter(c)] ?? sheet.defaultColumnWidth) * POINTS_TO_PX)}px` }}>
                    {columnLetter(c)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) =>
              hiddenRows.has(r + 1) ? null : (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {Array.from({ length: cols }, (_, c) => {
                    if (hiddenCols.has(columnLetter(c)) || covered.has(`${r}:${c}`)) return null;
                    const address = `${columnLetter(c)}${r + 1}`;
                    const cell = sheet.cell(address);
                    const span = spans.get(`${r}:${c}`);
                    const selected = r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
                    const numeric = typeof cell.value === 'number';
                    return (
                      <td
                        key={c}
                        data-cell={address}
                        rowSpan={span?.rows}
                        colSpan={span?.cols}
                        className={`${selected ? 'selected' : ''} ${address === active ? 'active' : ''} ${cell.locked ? '' : 'input'}`}
                        style={{
                          background: cell.fill ?? undefined,
                          fontWeight: cell.font.bold ? 'bold' : undefined,
                          fontStyle: cell.font.italic ? 'italic' : undefined,
                          textAlign: cell.horizontalAlignment === 'Center' ? 'center' : cell.horizontalAlignment === 'Right' || (numeric && cell.horizontalAlignment === 'General') ? 'right' : 'left',
                          whiteSpace: cell.wrapText ? 'normal' : 'nowrap',
                        }}
                        onMouseDown={(e) => select(r, c, e.shiftKey)}
                      >
                        {displayText(cell.value, cell.numberFormat)}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        </table>
        {used.bottom + 1 > MAX_ROWS && <p className="more">{t('playground.more', { rows: used.bottom + 1 - MAX_ROWS })}</p>}
      </div>
      <nav className="tabs" aria-label={t('playground.sheets')}>
        {visibleSheets(fake).map((name) => (
          <button key={name} type="button" className={name === sheetName ? 'current' : ''} aria-current={name === sheetName ? 'page' : undefined} onClick={() => openSheet(name)}>
            {name}
          </button>
        ))}
      </nav>
    </section>
  );
}
