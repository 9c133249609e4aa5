/**
 * @jest-environment jsdom
 *
 * The Kế hoạch buttons on the Home tab: each FunctionName of the manifest is tied to a view; a
 * press shows the pane and opens that view, whether the pane was open or not yet there.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { act, screen, waitFor } from '@testing-library/react';
import { ExcelFake } from '../../src/testing/excel-fake';
import { RIBBON_ACTIONS, registerRibbonActions, viewFromQuery } from '../../src/taskpane/ribbon';
import { renderPane } from './render';

function officeFake() {
  const handlers = new Map<string, (event: { completed(): void }) => unknown>();
  const showAsTaskpane = jest.fn(async () => undefined);
  return { office: { actions: { associate: (id: string, h: (event: { completed(): void }) => unknown) => void handlers.set(id, h) }, addin: { showAsTaskpane } }, handlers, showAsTaskpane };
}

async function press(handlers: Map<string, (event: { completed(): void }) => unknown>, id: string): Promise<jest.Mock> {
  const completed = jest.fn();
  await act(async () => {
    await handlers.get(id)?.({ completed });
  });
  return completed;
}

test('every button of the manifest has its function, and every function a button', () => {
  const manifest = readFileSync(join(__dirname, '../../manifest.xml'), 'utf8');
  const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]).sort();
  expect(names).toEqual(Object.keys(RIBBON_ACTIONS).sort());
});

test('a press while the pane is open: the pane is shown on Kiểm tra, then on Biểu, and Office is told the work is done', async () => {
  const { office, handlers, showAsTaskpane } = officeFake();
  expect(registerRibbonActions(office)).toBe(true);
  renderPane(new ExcelFake());
  expect(screen.getByRole('tab', { name: 'Tạo kế hoạch' }).getAttribute('aria-selected')).toBe('true');
  const completed = await press(handlers, 'openCheck');
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true'));
  expect(screen.getByRole('button', { name: 'Kiểm tra ngay' })).toBeTruthy();
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
  await press(handlers, 'openAnnex');
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Biểu' }).getAttribute('aria-selected')).toBe('true'));
  await press(handlers, 'openCreate');
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Tạo kế hoạch' }).getAttribute('aria-selected')).toBe('true'));
});

test('a press before the pane is there: the pane opens on the view asked for', async () => {
  const { office, handlers } = officeFake();
  registerRibbonActions(office);
  await press(handlers, 'openAnnex');
  renderPane(new ExcelFake());
  expect(screen.getByRole('tab', { name: 'Biểu' }).getAttribute('aria-selected')).toBe('true');
});

test('showAsTaskpane refused (the pane already showing): the view still opens and Office still hears completed', async () => {
  const { office, handlers, showAsTaskpane } = officeFake();
  showAsTaskpane.mockRejectedValueOnce(new Error('already shown'));
  registerRibbonActions(office);
  renderPane(new ExcelFake());
  const completed = await press(handlers, 'openCheck');
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true'));
  expect(completed).toHaveBeenCalled();
});

test('no shared runtime (Excel 2019): nothing to register; the address may still ask for a view', () => {
  expect(registerRibbonActions(undefined)).toBe(false);
  expect(registerRibbonActions({})).toBe(false);
  expect(viewFromQuery('?view=check')).toBe('check');
  expect(viewFromQuery('?view=nothing')).toBeNull();
  expect(viewFromQuery('')).toBeNull();
});
