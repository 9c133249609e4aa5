/** The Excel-facing wrappers turn FunctionError into CustomFunctions.Error (#VALUE! / #N/A with the message). */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

test('values pass through; errors become CustomFunctions.Error with the Vietnamese message', async () => {
  const fns = await import('../../src/functions/functions');
  expect(fns.bangChu(1728, 'triệu')).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
  expect(fns.soTien('1,728')).toEqual(new FakeError('#VALUE!', expect.stringContaining('không rõ nghĩa')));
  expect(fns.tenDa('DA9')).toEqual(new FakeError('#N/A', 'Không có mã "DA9" trong danh mục 2021-2025'));
  expect(fns.rollup([['DA1'], ['DA1.1']], [[''], [5]])).toEqual([[5], [5]]);
  expect(fns.rollup([['DA1']], [[1], [2]])).toEqual([[new FakeError('#VALUE!', expect.stringContaining('cùng số dòng'))]]);
  expect(fns.checkSources([[3], ['x']], [[3], [1]])).toEqual([['✓'], [new FakeError('#VALUE!', expect.stringContaining('ô Tổng'))]]);
  expect(fns.doiDonVi([[1728]], 'triệu', 'tỷ')).toEqual([[1.728]]);
  expect(fns.chuyenMa([['ViÖt Nam']])).toEqual([['Việt Nam']]);
  expect(fns.maDa('Cải thiện dinh dưỡng')).toBe('DA3.TDA2');
  expect(fns.doiUng(30, 1000)).toBe(0.03);
});
