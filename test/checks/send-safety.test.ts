import { runChecks } from '../../src/core/checks/engine';
import { SEND_SAFETY, externalTarget } from '../../src/core/checks/rules/send-safety';
import { goldenSnapshot } from '../golden/golden-workbook';

test.each([
  ['=[Other.xlsx]Sheet1!A1', 'Other.xlsx'],
  ["='[Dự toán.xlsx]Tổng hợp'!C7", 'Dự toán.xlsx'],
  ["='C:\\KH\\[Cũ.xlsx]DA4'!H8+1", 'Cũ.xlsx'],
  ['=[1]Sheet1!$A$1', '1'],
  ["='\\\\server\\share\\a.xlsx'!A1", '\\\\server\\share\\a.xlsx'],
  ['=SUM(Table1[Amount])', null],
  ['=Table1[[#This Row],[Amount]]', null],
  ['="[x]y!"&A1', null],
  ['=DA4!H8', null],
  [null, null],
])('externalTarget(%j) = %j', (formula, target) => {
  expect(externalTarget(formula)).toBe(target);
});

test('a hidden group row, or a hidden leaf row of zeros, is not reported', async () => {
  const snap = await goldenSnapshot({
    plan: 'lai-chau-2024',
    edits: [
      { sheet: 'DA4', cell: 'A7', hideRow: true },
      { sheet: 'DA7', cell: 'H9', value: 0, hideRow: true },
    ],
  });
  expect(snap.sheets.find((s) => s.name === 'DA4')?.hiddenRows).toEqual([6]);
  expect(runChecks(snap, {}, [SEND_SAFETY]).findings).toEqual([]);
});
