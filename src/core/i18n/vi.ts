/**
 * The message catalogue, Vietnamese (the default language). Every user-facing sentence of KH lives
 * here or in en.ts — never inline. Placeholders are {name}; numbers are formatted by the caller.
 */
export const vi = {
  'app.name': 'KH – Kế hoạch giảm nghèo',
  'app.tagline': 'Lập, kiểm tra và in biểu kế hoạch vốn Chương trình MTQG giảm nghèo bền vững',

  'amount.empty': 'Ô trống: chưa có số tiền',
  'amount.invalid': 'Không đọc được số tiền "{text}"',
  'amount.unknownUnit': 'Không biết đơn vị "{unit}" (dùng: đồng, nghìn, triệu, tỷ)',
  'amount.ambiguous': '"{text}" không rõ nghĩa: có thể là {a} hoặc {b}. Hãy viết rõ, ví dụ "1.728" (một nghìn bảy trăm hai mươi tám) hoặc "1,728" kèm đơn vị',
  'amount.notFound': 'Không tìm thấy đúng một số tiền trong "{text}"',
  'unit.unknown': 'Không biết đơn vị "{unit}" (dùng: đồng, nghìn, triệu, tỷ)',

  'words.notANumber': 'Số tiền không hợp lệ: {text}',
  'words.tooLarge': 'Số tiền quá lớn để đọc thành chữ (tối đa dưới 10^27 đồng)',
  'words.unknownStyle': 'Không hiểu tùy chọn "{style}" (dùng: linh, lẻ, nghìn, ngàn, chẵn, không đồng)',

  'range.sizeMismatch': 'Hai vùng phải có cùng số dòng: {what} có {a} dòng, {other} có {b} dòng',
  'range.notNumber': 'Dòng {row}, cột {column} của vùng giá trị không phải là số: "{text}"',
  'range.empty': 'Vùng dữ liệu trống',

  'rollup.malformedCode': 'Mã "{code}" không đúng dạng (ví dụ đúng: DA3, DA3.1, DA3.1.2)',
  'rollup.codeNotFound': 'Không có dòng nào thuộc mã {code}',

  'sources.ok': '✓',
  'sources.totalGap': 'Tổng {stated} ≠ các nguồn {computed} (chênh {difference})',
  'sources.centralGap': 'NSTW {stated} ≠ ĐTPT + SN {computed} (chênh {difference})',
  'sources.localGap': 'NSĐP {stated} ≠ ĐTPT + SN {computed} (chênh {difference})',
  'sources.tolerance': 'Sai số cho phép không hợp lệ: "{text}"',
  'sources.totalNotNumber': 'Dòng {row}: ô Tổng không phải là số: "{text}"',

  'catalog.codeUnknown': 'Không có mã "{code}" trong danh mục {programme}',
  'catalog.nameUnknown': 'Không tìm thấy dự án nào khớp với "{name}" trong danh mục {programme}',
  'catalog.nameAmbiguous': '"{name}" khớp với nhiều mục ({candidates}); hãy ghi rõ hơn',
  'programme.unknown': 'Không biết chương trình "{text}" (dùng 2021-2025 hoặc 2026-2035)',

  'text.unknownEncoding': 'Không biết bảng mã "{text}" (dùng TCVN3 hoặc VNI)',

  'counterpart.ok': '✓ Đối ứng {ratio} ≥ mức tối thiểu {minimum}',
  'counterpart.low': 'Đối ứng NSĐP {ratio} < mức tối thiểu {minimum}: cần thêm {shortfall}',
  'counterpart.noCentral': 'Không có vốn NSTW nên không tính tỷ lệ đối ứng',
  'counterpart.badGroup': 'Nhóm tỉnh "{text}" không hợp lệ (dùng 1, 2, 3 hoặc tỷ lệ như "10%")',

  'plan.unknownCode': 'Mã "{code}" không có trong danh mục {programme}',
  'plan.activityParentMissing': 'Hoạt động "{name}" thuộc mã {code}, nhưng mã này chưa được chọn',
  'plan.activityParentHasChildren': 'Hoạt động "{name}" phải thuộc một tiểu dự án của {code}, không gắn thẳng vào dự án',
  'plan.duplicateItem': 'Mã {code} được chọn hai lần',
  'plan.empty': 'Chưa chọn dự án nào',
  'plan.badAmount': 'Số tiền không hợp lệ ở {where}: {value}',
  'sheet.sourcesMismatch': 'Lệch nguồn',
  'sheet.statedMismatch': 'Lệch',
  'sheet.rollupMismatch': 'Lệch cộng dồn',

  'refresh.typedOverFormula': 'Ô {cell} đang có số gõ tay ({value}) thay cho công thức của KH: KH giữ nguyên, hãy kiểm tra',
  'refresh.kindChanged': 'Dòng {code} (trang {sheet}, dòng {row}) đã có số liệu gõ tay nhưng nay có mục con (hoặc ngược lại): KH không sửa dòng này, hãy xem lại',

  'taskpane.welcome': 'Chào mừng đến với KH',
  'taskpane.intro': 'Các hàm KH.* đã sẵn sàng trong Excel. Gõ =KH. vào một ô để xem danh sách.',
  'taskpane.functionsTitle': 'Các hàm',
  'taskpane.language': 'Ngôn ngữ',
  'fn.ROLLUP': 'KH.ROLLUP(mã; số tiền; [mã cần lấy]) — cộng dồn theo cây dự án',
  'fn.CHECK_SOURCES': 'KH.CHECK_SOURCES(tổng; các nguồn; [sai số]) — kiểm tra tổng nguồn vốn từng dòng',
  'fn.BANGCHU': 'KH.BANGCHU(số tiền; [đơn vị]; [tùy chọn]) — số tiền bằng chữ',
  'fn.SOTIEN': 'KH.SOTIEN(chuỗi; [đơn vị]) — lấy số từ "1.728 triệu đồng"',
  'fn.DOIDONVI': 'KH.DOIDONVI(số; từ; sang) — đổi đồng / nghìn / triệu / tỷ',
  'fn.TENDA': 'KH.TENDA(mã; [chương trình]) — tên chính thức theo mã',
  'fn.MADA': 'KH.MADA(tên; [chương trình]) — mã theo tên dự án',
  'fn.CHUYENMA': 'KH.CHUYENMA(chữ; [bảng mã]) — TCVN3 / VNI sang Unicode',
  'fn.DOIUNG': 'KH.DOIUNG(NSĐP; NSTW; [nhóm tỉnh]) — tỷ lệ vốn đối ứng',
  'taskpane.officeMissing': 'Trang này đang chạy ngoài Excel: các thao tác trên bảng tính bị tắt.',
} as const;

export type MessageKey = keyof typeof vi;
