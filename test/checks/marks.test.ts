/** Marks: which cells get one, what the next run puts back, and what is the officer's. */
import { MARK_COLOR, Mark, markKey, planMarks, readMarks, sameFill, wantedMarks } from '../../src/core/checks/marks';
import { Finding } from '../../src/core/checks/finding';

const finding = (severity: Finding['severity'], sheet: string, cell: string): Finding => ({ rule: 'SRC_SPLIT', severity, sheet, cell, message: { key: 'rule.SRC_SPLIT.message', params: {} } });

test('errors and warnings with a cell are marked once, an error colour winning; info and sheet-wide findings are not', () => {
  const wanted = wantedMarks(
    [finding('warning', 'DA4', 'E8'), finding('error', 'DA4', 'e8'), finding('info', 'Tổng hợp', 'G7'), finding('error', 'DA2', ''), finding('error', 'Khóa', 'A1')],
    (sheet) => sheet !== 'Khóa',
  );
  expect(wanted).toEqual([{ sheet: 'DA4', cell: 'e8', color: MARK_COLOR.error }]);
});

test('the next run restores the old fill, keeps a cell still wrong, and leaves a recoloured one alone', () => {
  const previous: Mark[] = [
    { sheet: 'DA4', cell: 'E8', original: null, color: MARK_COLOR.error },
    { sheet: 'DA3', cell: 'H9', original: '#FFFBEA', color: MARK_COLOR.warning },
    { sheet: 'DA2', cell: 'H7', original: null, color: MARK_COLOR.error },
  ];
  const now = new Map<string, string | null>([
    [markKey('DA4', 'E8'), MARK_COLOR.error],
    [markKey('DA3', 'H9'), MARK_COLOR.warning],
    [markKey('DA2', 'H7'), '#00B050'],
    [markKey('DA6', 'E9'), '#FFFFFF'],
  ]);
  const plan = planMarks(previous, [{ sheet: 'DA4', cell: 'E8', color: MARK_COLOR.warning }, { sheet: 'DA6', cell: 'E9', color: MARK_COLOR.error }], now);
  expect(plan.restore).toEqual([{ sheet: 'DA3', cell: 'H9', fill: '#FFFBEA' }]);
  expect(plan.apply).toEqual([
    { sheet: 'DA4', cell: 'E8', original: null, color: MARK_COLOR.warning },
    { sheet: 'DA6', cell: 'E9', original: null, color: MARK_COLOR.error },
  ]);
});

test('no fill reads as white in Excel; marks read back from their sheet', () => {
  expect(sameFill('#ffffff', null)).toBe(true);
  expect(sameFill('', undefined)).toBe(true);
  expect(sameFill('#FFC7CE', '#ffc7ce')).toBe(true);
  expect(sameFill('#FFC7CE', null)).toBe(false);
  expect(readMarks([['DA4', 'E8', '', '#FFC7CE'], ['rác'], ['DA3', 'H9', '#FFFBEA', '#FFEB9C']])).toEqual([
    { sheet: 'DA4', cell: 'E8', original: null, color: '#FFC7CE' },
    { sheet: 'DA3', cell: 'H9', original: '#FFFBEA', color: '#FFEB9C' },
  ]);
});
