import { goldenSnapshot } from '../golden/golden-workbook';
import { planOverview, totalInWords } from '../../src/core/overview';
import { legacyTextChanges, unitChanges } from '../../src/core/tools/cells';
import { book, sheet } from '../checks/snapshots';
import { classifyExcelError, excelErrorMessage } from '../../src/workbook/errors';
import { ExcelFakeError, FAULTS, MESSAGES, PROTECTED_SHEET_MESSAGE } from '../../src/testing/excel-fake';
import { render } from '../../src/core/i18n';

describe('plan overview', () => {
  test('Lai Châu 2024 (never calculated): money by project and source, total 1.728 in words', async () => {
    const o = planOverview(await goldenSnapshot({ plan: 'lai-chau-2024' }));
    expect(o).not.toBeNull();
    if (!o) return;
    expect(o.unit).toBe('trieu');
    expect(o.projects.map((p) => [p.code, p.amounts.total])).toEqual([
      ['DA2', 530],
      ['DA3', 342],
      ['DA4', 766],
      ['DA6', 17],
      ['DA7', 73],
    ]);
    expect(o.projects[0].name).toMatch(/^Dự án 2|Đa dạng hóa sinh kế/);
    expect(o.total.total).toBe(1728);
    expect(o.total.centralRecurrent).toBe(1728);
    expect(o.sourcesInUse).toEqual(['centralRecurrent']);
    expect(totalInWords(o)).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
    expect(totalInWords(o, { chan: true, thousand: 'ngàn' })).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng chẵn');
  });

  test('a workbook that is not a KH plan has no overview', () => {
    expect(planOverview(book(sheet('Sheet1', [['Tổng', 530]])))).toBeNull();
  });
});

describe('tools over a block of cells', () => {
  const grid = {
    sheet: 'DA2',
    top: 6,
    left: 1,
    values: [
      ['Céng hßa x· héi chñ nghÜa ViÖt Nam', 530, 'Hỗ trợ sản xuất'],
      ['=A1', 1728, 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'],
    ],
    formulas: [
      [null, null, null],
      ['=A1', '=C7+1', null],
    ],
    fonts: [
      ['.VnTime', null, 'Times New Roman'],
      [null, null, 'VNI-Times'],
    ],
  };

  test('legacy text: TCVN3 and VNI cells become Unicode; formulas and Unicode text are left alone', () => {
    expect(legacyTextChanges(grid)).toEqual([
      { sheet: 'DA2', address: 'B7', row: 6, col: 1, before: 'Céng hßa x· héi chñ nghÜa ViÖt Nam', after: 'Cộng hòa xã hội chủ nghĩa Việt Nam', encoding: 'tcvn3' },
      { sheet: 'DA2', address: 'D8', row: 7, col: 3, before: 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', after: 'Cộng hòa xã hội chủ nghĩa Việt Nam', encoding: 'vni' },
    ]);
  });

  test('units: typed numbers converted exactly, formulas reported and kept', () => {
    const r = unitChanges(grid, 'trieu', 'ty');
    expect(r.changes.map((c) => [c.address, c.before, c.after])).toEqual([['C7', 530, 0.53]]);
    expect(r.formulas).toEqual(['B8', 'C8']);
    expect(unitChanges({ ...grid, formulas: [[null, null, null], [null, null, null]], values: [[0.1, 0.2, null], [null, null, null]] }, 'ty', 'trieu').changes.map((c) => c.after)).toEqual([100, 200]);
  });
});

describe("Excel's refusals in the officer's words", () => {
  const err = (code: string, message?: string) => new ExcelFakeError(code, message);
  test.each([
    ['a locked cell of a protected sheet', err('InvalidOperation', PROTECTED_SHEET_MESSAGE), 'protected'],
    ['cell-edit mode', err(FAULTS.cellEditMode.code, FAULTS.cellEditMode.message), 'cellEditMode'],
    ['cell-edit mode on an older host', err(FAULTS.cellEditModeLegacy.code, FAULTS.cellEditModeLegacy.message), 'cellEditMode'],
    ['a read-only workbook', err('AccessDenied', 'The workbook is read-only.'), 'readOnly'],
    ['a request over 5 MB', err('RequestPayloadSizeLimitExceeded', MESSAGES.RequestPayloadSizeLimitExceeded), 'tooLarge'],
    ['an API the host lacks', err('ApiNotFound'), 'apiMissing'],
    ['an internal error', err('GeneralException'), 'general'],
    ['a bug of our own', new TypeError('x is undefined'), 'unknown'],
  ])('%s', (_label, error, problem) => {
    expect(classifyExcelError(error)).toBe(problem);
    const text = render(excelErrorMessage(error));
    expect(text).not.toMatch(/RichApi|\bat\s+\S+\s+\(/);
    expect(text.length).toBeGreaterThan(20);
  });
  test('the message says what to do, in Vietnamese and English', () => {
    expect(render(excelErrorMessage(err(FAULTS.cellEditMode.code)))).toContain('Nhấn Enter hoặc Esc');
    expect(render(excelErrorMessage(err(FAULTS.cellEditMode.code)), 'en')).toContain('Press Enter or Esc');
  });
});
