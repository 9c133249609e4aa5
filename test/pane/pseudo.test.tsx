/**
 * @jest-environment jsdom
 *
 * Pseudo-localisation: the pane rendered with a catalogue that wraps every message in ⟦…⟧. Any
 * text left outside the brackets was written inline instead of coming from the catalogue — unless
 * it is data (catalogue names, sheet names, amounts, what the workbook says), listed below.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang, MessageKey, MessageParams } from '../../src/core/i18n';
import { translate } from '../../src/core/i18n';
import { getCatalog } from '../../src/core/catalog';
import { entryLabel } from '../../src/core/book/template';
import { renderPane } from './render';
import { laiChauInFake, rowOf } from './plans';
import type { ViewId } from '../../src/taskpane/context';

jest.setTimeout(60000);

const pseudo = (key: MessageKey, params: MessageParams, lang: Lang): string => `⟦${translate(key, params, lang)}⟧`;

/** Data the pane shows as it is: the catalogue's official names, what the workbook holds. */
const DATA = new Set<string>([
  ...['2021-2025', '2026-2035'].flatMap((p) => getCatalog(p as '2021-2025').entries.map((e) => entryLabel(e))),
  'Biểu 01', 'Biểu 02', 'Biểu 03', 'Chỉ tiêu', 'Thông tin', 'Tổng hợp', 'Danh mục', '_kh',
]);

function strayText(root: HTMLElement): string[] {
  const stray: string[] = [];
  const check = (text: string | null): void => {
    if (!text) return;
    // messages nest (a hint inside "Cách sửa: {hint}"): strip the innermost first, until none is left
    let outside = text;
    for (let prev = ''; prev !== outside; ) {
      prev = outside;
      outside = outside.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    outside = outside.trim();
    if (outside === '') return;
    for (const piece of outside.split(/\s{2,}/)) {
      const p = piece.trim();
      // numbers, codes (DA4, 'DA2'!E7), punctuation and the data the workbook gave are fine
      // a fingerprint of the figures (7K3M-Q9XD-2HBT-W0RA) is data too
      if (p === '' || /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(p) || /^[\d.,%()\-–+:;/* ]+$/.test(p) || /^[A-Z]{2,3}\d+(\.\d+)*(:\s?[\d.,]+)?$/.test(p) || DATA.has(p)) continue;
      if ([...DATA].some((d) => p.includes(d)) || /^Bằng chữ: /.test(p) || /^UBND|^Trần|^Lai Châu|^thành phố/.test(p)) continue;
      stray.push(p);
    }
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode() as Node) {
    if (node.nodeType === Node.TEXT_NODE) {
      // a text node inside an element whose whole text is bracketed is fine even when split by children
      const parent = node.parentElement;
      if (parent && parent.closest('svg text')) continue;
      check(parent?.textContent && /^⟦[\s\S]*⟧$/.test(parent.textContent.trim()) ? null : node.textContent);
    } else if (node instanceof HTMLElement) {
      for (const attr of ['aria-label', 'title', 'placeholder']) check(node.getAttribute(attr));
    }
  }
  return [...new Set(stray)];
}

describe('pseudo-localisation: every string of the pane comes from the catalogue', () => {
  test.each<ViewId>(['create', 'import', 'check', 'annex', 'tools', 'settings'])('%s, as first opened', async (view) => {
    const fake = await laiChauInFake();
    const { container } = renderPane(fake, view, { translator: pseudo });
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(strayText(container)).toEqual([]);
  });

  test('the wizard through its steps, checking with findings, the annexes built, the tools used', async () => {
    const user = userEvent.setup();
    const fake = await laiChauInFake();
    const { container } = renderPane(fake, 'create', { translator: pseudo });
    const seen: string[] = [];
    const next = () => user.click(screen.getByRole('button', { name: `⟦${translate('pane.next')}⟧` }));
    await user.click(screen.getByRole('button', { name: `⟦${translate('pane.create.example')}⟧` }));
    for (let i = 0; i < 3; i++) {
      seen.push(...strayText(container));
      await next();
    }
    await screen.findByText(/Sổ tính đã đúng như kế hoạch|Sẽ tạo|Sẽ làm mới/);
    seen.push(...strayText(container));

    const row = rowOf(fake, 'DA2', 'DA2');
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('DA2');
      ws.protection.unprotect();
      ws.getRange(`E${row}`).values = [[540]];
      await context.sync();
    });
    await user.click(screen.getByRole('tab', { name: `⟦${translate('pane.tab.check')}⟧` }));
    await user.click(screen.getByRole('button', { name: `⟦${translate('pane.check.run')}⟧` }));
    await screen.findAllByText(/540/);
    seen.push(...strayText(container));

    await user.click(screen.getByRole('tab', { name: `⟦${translate('pane.tab.annex')}⟧` }));
    await user.click(screen.getByRole('button', { name: `⟦${translate('pane.annex.run')}⟧` }));
    await screen.findByText(/Tạo mới: Biểu 01/);
    seen.push(...strayText(container));

    fake.userSelect('DA2', `A${row}:M${row}`);
    await user.click(screen.getByRole('tab', { name: `⟦${translate('pane.tab.tools')}⟧` }));
    const tools = container.querySelector('#view-tools') as HTMLElement;
    for (const b of within(tools).getAllByRole('button', { name: `⟦${translate('pane.tools.preview')}⟧` })) await user.click(b);
    await user.click(within(tools).getByRole('button', { name: `⟦${translate('pane.tools.wordsRead')}⟧` }));
    await act(() => new Promise((r) => setTimeout(r, 200)));
    seen.push(...strayText(container));
    expect([...new Set(seen)]).toEqual([]);
  });

  test('the check finds what it should: an inline string is caught', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>⟦Kiểm tra⟧</p><button aria-label="Đóng">x</button><span>Chưa dịch</span>';
    expect(strayText(div)).toEqual(['Đóng', 'x', 'Chưa dịch']);
  });
});
