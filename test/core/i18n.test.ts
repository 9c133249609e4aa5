import { vi } from '../../src/core/i18n/vi';
import { en } from '../../src/core/i18n/en';
import { translate, messageKeys } from '../../src/core/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English has exactly the Vietnamese keys', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
});

test.each(messageKeys())('%s: both languages non-empty with the same placeholders', (key) => {
  expect(vi[key].trim()).not.toBe('');
  expect(en[key].trim()).not.toBe('');
  expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
});

test('translate fills placeholders and leaves unknown ones visible', () => {
  expect(translate('rollup.codeNotFound', { code: 'DA5' })).toBe('Không có dòng nào thuộc mã DA5');
  expect(translate('rollup.codeNotFound', { code: 'DA5' }, 'en')).toBe('No row belongs to code DA5');
  expect(translate('rollup.codeNotFound')).toBe('Không có dòng nào thuộc mã {code}');
});
