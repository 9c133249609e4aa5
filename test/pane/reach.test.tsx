/**
 * @jest-environment jsdom
 *
 * The Cài đặt view says which Excel does what, by the names officers know: Excel 2019 has the pane
 * (no functions, no buttons, no print set-up); Microsoft 365 has everything. No requirement-set
 * number reaches the officer.
 */
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Host } from '../../src/taskpane/host';
import { capabilities, excelFor } from '../../src/taskpane/capabilities';
import { ExcelFake } from '../../src/testing/excel-fake';
import { MemoryStorage } from './render';

function hostOf(sets: Record<string, string>): Host {
  const fake = new ExcelFake({ supportedApi: sets.ExcelApi });
  const minor = (v: string): number => Number(v.split('.')[1]);
  return {
    run: (batch) => fake.run(batch as never),
    support: { isSetSupported: (name, version = '1.1') => name in sets && minor(version) <= minor(sets[name]) },
    inExcel: true,
    apiVersion: sets.ExcelApi,
    playground: false,
  };
}

function settingsText(host: Host): string {
  render(<App host={host} storage={new MemoryStorage() as unknown as Storage} initialView="settings" />);
  return screen.getByRole('tabpanel').textContent ?? '';
}

test('Excel 2019 (volume-licensed): the pane, no functions, no buttons, no print set-up — each with the Excel it needs', () => {
  const text = settingsText(hostOf({ ExcelApi: '1.8' }));
  expect(text).toContain('Tạo, kiểm tra, làm biểu: có');
  expect(text).toContain('Hàm KH.* trong ô (=KH.BANGCHU…): không có — cần Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web');
  expect(text).toContain('Nhóm nút Kế hoạch trên thẻ Trang đầu: không có — cần Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web');
  expect(text).toContain('Thiết lập trang in của các biểu: không có — cần Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web');
  expect(text).toContain('Danh sách chọn trong ô: có');
  expect(text).not.toMatch(/ExcelApi|SharedRuntime|\b1\.\d+\b/);
});

test('Microsoft 365: everything', () => {
  const text = settingsText(hostOf({ ExcelApi: '1.17', SharedRuntime: '1.2', CustomFunctionsRuntime: '1.4' }));
  expect(text).toContain('Hàm KH.* trong ô (=KH.BANGCHU…): có');
  expect(text).toContain('Nhóm nút Kế hoạch trên thẻ Trang đầu: có');
  expect(text).not.toContain('không có');
});

test('a requirement set is said as the oldest Excel that has it', () => {
  expect([['ExcelApi', '1.7'], ['ExcelApi', '1.8'], ['ExcelApi', '1.9'], ['ExcelApi', '1.14'], ['ExcelApi', '1.17'], ['ExcelApi', '1.18'], ['SharedRuntime', '1.1']].map(([n, v]) => excelFor(n, v))).toEqual([
    'experience.excel.2019', 'experience.excel.2019', 'experience.excel.2021', 'experience.excel.2021', 'experience.excel.2024', 'experience.excel.365', 'experience.excel.2021',
  ]);
  // the functions need both the shared runtime and the functions runtime
  expect(capabilities({ isSetSupported: (name) => name === 'SharedRuntime' || name === 'ExcelApi' }).functions.ok).toBe(false);
});
