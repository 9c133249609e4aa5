import {
  FunctionError,
  rollupImpl,
  checkSourcesImpl,
  bangChuImpl,
  soTienImpl,
  doiDonViImpl,
  tenDaImpl,
  maDaImpl,
  chuyenMaImpl,
  doiUngImpl,
  setFunctionLanguage,
} from '../../src/functions/impl';

function message(x: unknown): string {
  expect(x).toBeInstanceOf(FunctionError);
  return (x as FunctionError).message;
}

afterEach(() => setFunctionLanguage('vi'));

describe('KH.ROLLUP', () => {
  // Lai Châu 2024, triệu đồng: columns Tổng and NSTW SN
  const codes = [['DA2'], ['DA3'], ['DA3.2'], ['DA4'], ['DA4.1'], ['DA4.3'], ['DA6'], ['DA6.2'], ['DA7'], ['DA7.1'], ['DA7.2']];
  const values = () => [[530, 530], ['', ''], [342, 342], [null, null], [685, 685], [81, 81], ['', ''], [17, 17], ['', ''], [51, 51], [22, 22]];

  test('spills a rolled-up block', () => {
    expect(rollupImpl(codes, values())).toEqual([
      [530, 530], [342, 342], [342, 342], [766, 766], [685, 685], [81, 81], [17, 17], [17, 17], [73, 73], [51, 51], [22, 22],
    ]);
  });

  test('the value of one code', () => {
    expect(rollupImpl(codes, values(), 'DA7')).toEqual([[73, 73]]);
    expect(rollupImpl(codes, values(), 'DA4.TDA1')).toEqual([[685, 685]]);
  });

  test('bad input gets #VALUE! / #N/A with a Vietnamese message', () => {
    expect(message(rollupImpl(codes.slice(1), values()))).toBe('Hai vùng phải có cùng số dòng: codes có 10 dòng, values có 11 dòng');
    const withText = values();
    withText[4][1] = '685 triệu';
    expect(message(rollupImpl(codes, withText))).toBe('Dòng 5, cột 2 của vùng giá trị không phải là số: "685 triệu"');
    const badCodes = codes.map((r) => [...r]);
    badCodes[2] = ['Tiểu dự án 2'];
    expect(message(rollupImpl(badCodes, values()))).toContain('"Tiểu dự án 2" không đúng dạng');
    const missing = rollupImpl(codes, values(), 'DA5');
    expect(missing).toBeInstanceOf(FunctionError);
    expect((missing as FunctionError).kind).toBe('na');
    expect(message(missing)).toBe('Không có dòng nào thuộc mã DA5');
  });
});

describe('KH.CHECK_SOURCES', () => {
  test('✓ or a message naming the difference, row by row', () => {
    const total = [[1728], [530], [''], [100.6]];
    const sources = [[1728, 0, ''], [500, 20, 0], ['', '', ''], [100, '', '']];
    expect(checkSourcesImpl(total, sources)).toEqual([['✓'], ['Tổng 530 ≠ các nguồn 520 (chênh 10)'], [''], ['Tổng 100,6 ≠ các nguồn 100 (chênh 0,6)']]);
    expect((checkSourcesImpl(total, sources, 1) as unknown[][])[3]).toEqual(['✓']);
  });
  test('0,1 + 0,2 = 0,3 is ✓ (no binary drift)', () => {
    expect(checkSourcesImpl([[0.3]], [[0.1, 0.2]])).toEqual([['✓']]);
  });
  test('English messages when the pane switches language', () => {
    setFunctionLanguage('en');
    expect(checkSourcesImpl([[530]], [[520]])).toEqual([['Total 530 ≠ sources 520 (difference 10)']]);
  });
  test('the language is shared by every copy of the module (task pane and functions bundles)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require('../../src/functions/impl') as typeof import('../../src/functions/impl');
      other.setFunctionLanguage('en');
    });
    expect(checkSourcesImpl([[530]], [[520]])).toEqual([['Total 530 ≠ sources 520 (difference 10)']]);
  });
  test('errors', () => {
    expect(message(checkSourcesImpl([[1], [2]], [[1]]))).toContain('cùng số dòng');
    expect(message(checkSourcesImpl([[1]], [[1]], 'nhiều'))).toContain('Sai số cho phép không hợp lệ');
    const out = checkSourcesImpl([['abc']], [[1]]) as unknown[][];
    expect(message(out[0][0])).toBe('Dòng 1: ô Tổng không phải là số: "abc"');
  });
});

describe('KH.BANGCHU', () => {
  test('1.728 triệu → Một tỷ bảy trăm hai mươi tám triệu đồng (Lai Châu 2024 total)', () => {
    expect(bangChuImpl(1728, 'triệu')).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
    expect(bangChuImpl('1.728 triệu đồng')).toBe('Một tỷ bảy trăm hai mươi tám triệu đồng');
  });
  test('1.915 triệu (Bình Lư 2025) and the style options', () => {
    expect(bangChuImpl(1915, 'trieu')).toBe('Một tỷ chín trăm mười lăm triệu đồng');
    expect(bangChuImpl(105, null, 'lẻ, không đồng')).toBe('Một trăm lẻ năm');
    expect(bangChuImpl(1005, null, 'ngàn')).toBe('Một ngàn không trăm linh năm đồng');
    expect(bangChuImpl(1000000, null, 'chẵn')).toBe('Một triệu đồng chẵn');
  });
  test('errors', () => {
    expect(message(bangChuImpl('1,728'))).toContain('không rõ nghĩa');
    expect(message(bangChuImpl(5, 'USD'))).toContain('Không biết đơn vị "USD"');
    expect(message(bangChuImpl(5, null, 'đẹp'))).toContain('Không hiểu tùy chọn');
    expect(message(bangChuImpl(1e30))).toContain('quá lớn');
    expect(message(bangChuImpl(''))).toContain('Ô trống');
  });
});

describe('KH.SOTIEN', () => {
  test.each([
    ['1.728 triệu đồng', null, 1728],
    ['76,47 tỷ đồng', 'triệu', 76470],
    ['0,05 tỷ', 'triệu', 50],
    ['1,5 triệu', 'đồng', 1500000],
    ['Nguồn vốn thực hiện: Dự kiến 685 triệu đồng.', null, 685],
    ['11.266,56', 'triệu', 11266.56],
  ])('%s (%s) → %d', (text, unit, expected) => {
    expect(soTienImpl(text, unit)).toBe(expected);
  });
  test('ambiguous and unreadable texts are errors, not guesses', () => {
    const said = message(soTienImpl('1,728'));
    expect(said).toBe(
      '"1,728" không rõ nghĩa: có thể là một nghìn bảy trăm hai mươi tám hay một phẩy bảy hai tám, nên KH không đoán. Nếu là một nghìn bảy trăm hai mươi tám, hãy viết 1.728 (dấu chấm phân nhóm nghìn); nếu là một phẩy bảy hai tám, hãy viết 1,7280 hoặc dùng đơn vị nhỏ hơn (1,728 tỷ = 1.728 triệu)',
    );
    // not circular: each way of writing it that KH suggests has one reading only, and it is not what was typed
    expect(soTienImpl('1.728')).toBe(1728);
    expect(soTienImpl('1,7280')).toBe(1.728);
    expect(soTienImpl('1.728 triệu', 'tỷ')).toBe(1.728);
    expect(message(soTienImpl('không có số'))).toContain('Không tìm thấy đúng một số tiền');
  });
});

describe('KH.DOIDONVI', () => {
  test('exact conversion over a range', () => {
    expect(doiDonViImpl([[1728], [76.47], ['']], 'triệu', 'tỷ')).toEqual([[1.728], [0.07647], ['']]);
    expect(doiDonViImpl([[0.3]], 'tỷ', 'đồng')).toEqual([[300000000]]);
  });
  test('unknown units', () => {
    expect(message(doiDonViImpl([[1]], 'triệu', 'USD'))).toContain('"USD"');
    expect(message(doiDonViImpl([[1]], '', 'đồng'))).toContain('Không biết đơn vị');
  });
});

describe('KH.TENDA and KH.MADA', () => {
  test('official names from codes', () => {
    expect(tenDaImpl('DA3.TDA2')).toBe('Cải thiện dinh dưỡng');
    expect(tenDaImpl('DA4.1')).toBe('Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn');
    expect(message(tenDaImpl('DA9'))).toContain('Không có mã "DA9"');
    expect(message(tenDaImpl('DA2', '1999'))).toContain('Không biết chương trình');
  });
  test('codes from names as real plans write them', () => {
    expect(maDaImpl('Đa dạng hoá sinh kế, phát triển mô hình giảm nghèo')).toBe('DA2');
    expect(maDaImpl('Phát triển giáo dục nghề nghiệp vùng khó khăn')).toBe('DA4.TDA1');
    expect(maDaImpl('Giám sát, đánh giá')).toBe('DA7.TDA2');
    expect(maDaImpl('cai thien dinh duong')).toBe('DA3.TDA2');
    expect(message(maDaImpl('Mua sắm ô tô công'))).toContain('Không tìm thấy');
  });
});

describe('KH.CHUYENMA', () => {
  test('TCVN3 and VNI to Unicode, detected or forced', () => {
    expect(chuyenMaImpl([['Céng hßa x· héi chñ nghÜa ViÖt Nam']])).toEqual([['Cộng hòa xã hội chủ nghĩa Việt Nam']]);
    expect(chuyenMaImpl([['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam']], 'VNI')).toEqual([['Cộng hòa xã hội chủ nghĩa Việt Nam']]);
    expect(chuyenMaImpl([['Kế hoạch năm 2024'], [''], [42]])).toEqual([['Kế hoạch năm 2024'], [''], [42]]);
    expect(message(chuyenMaImpl([['x']], 'UTF-7'))).toContain('Không biết bảng mã');
  });
});

describe('KH.DOIUNG', () => {
  test('ratio without a group; verdict with one', () => {
    expect(doiUngImpl(100, 1000)).toBe(0.1);
    expect(doiUngImpl(100, 1000, 2)).toBe('✓ Đối ứng 10% ≥ mức tối thiểu 10%');
    expect(doiUngImpl(82, 1000, 2)).toBe('Đối ứng NSĐP 8,2% < mức tối thiểu 10%: cần thêm 18');
    expect(doiUngImpl(30, 1000, '3%')).toBe('✓ Đối ứng 3% ≥ mức tối thiểu 3%');
  });
  test('errors', () => {
    expect(message(doiUngImpl(5, 0))).toContain('Không có vốn NSTW');
    expect(message(doiUngImpl(5, 10, 'nhóm 7'))).toContain('Nhóm tỉnh');
  });
});
