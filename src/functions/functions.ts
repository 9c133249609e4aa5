/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as untyped 2-D arrays */
/**
 * The KH.* custom functions. Each is a thin wrapper: Excel's arguments go to impl.ts, its
 * FunctionError values become CustomFunctions.Error (#VALUE! / #N/A with a Vietnamese message).
 * The JSDoc below is the metadata: custom-functions-metadata-plugin turns it into functions.json,
 * so every description here is what officers read in Excel's formula help — and the parameters'
 * names too: they are Vietnamese identifiers ("số_tiền", "đơn_vị"; underscores as in Excel's own
 * "num_chars"), the names the user guide shows; en-US.json gives the English ones.
 */
import {
  FunctionError,
  Out,
  bangChuImpl,
  checkSourcesImpl,
  chuyenMaImpl,
  doiDonViImpl,
  doiUngImpl,
  maDaImpl,
  rollupImpl,
  soTienImpl,
  tenDaImpl,
} from './impl';

type Result = number | string | boolean | CustomFunctions.Error;

function toExcel(value: Out): Result {
  if (value instanceof FunctionError) {
    const code = value.kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : value.kind === 'num' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, value.message);
  }
  return value;
}

function toExcelMatrix(value: Out[][] | FunctionError): Result[][] {
  if (value instanceof FunctionError) return [[toExcel(value)]];
  return value.map((row) => row.map(toExcel));
}

/**
 * Cộng dồn kế hoạch theo cây mã (DA3 ⊃ DA3.1 ⊃ DA3.1.2): dòng lá giữ số của mình, dòng cha bằng tổng các dòng con, không tính trùng. Không có mã: trả về cả cột (tràn ô); có mã: giá trị của mã đó.
 * @customfunction ROLLUP
 * @param mã Cột mã (ví dụ DA3, DA3.1, DA3.1.2); ô trống là dòng không thuộc cây.
 * @param số_tiền Vùng số tiền cùng số dòng với cột mã, một hoặc nhiều cột nguồn vốn.
 * @param [mã_cần_lấy] Mã cần lấy giá trị cộng dồn (ví dụ "DA3"); bỏ trống để trả về cả vùng.
 * @returns Giá trị cộng dồn của từng dòng, hoặc của mã đã chọn.
 */
export function rollup(mã: any[][], số_tiền: any[][], mã_cần_lấy?: string): any[][] {
  return toExcelMatrix(rollupImpl(mã, số_tiền, mã_cần_lấy ?? null));
}

/**
 * Kiểm tra tổng nguồn vốn từng dòng: Tổng = tổng các cột nguồn. Trả về "✓" hoặc lời nhắn nêu mức chênh lệch.
 * @customfunction CHECK_SOURCES
 * @param tổng Cột Tổng (một cột).
 * @param các_nguồn Các cột nguồn vốn cùng số dòng (NSTW, NSĐP, lồng ghép, tín dụng, huy động…).
 * @param [sai_số] Sai số cho phép, cùng đơn vị với số liệu; mặc định 0.
 * @returns "✓" hoặc lời nhắn cho từng dòng.
 */
export function checkSources(tổng: any[][], các_nguồn: any[][], sai_số?: number): any[][] {
  return toExcelMatrix(checkSourcesImpl(tổng, các_nguồn, sai_số ?? null));
}

/**
 * Đọc số tiền thành chữ (bằng chữ), ví dụ 1.728 triệu → "Một tỷ bảy trăm hai mươi tám triệu đồng".
 * @customfunction BANGCHU
 * @param số_tiền Số tiền (số hoặc chữ số như "1.728").
 * @param [đơn_vị] Đơn vị của số tiền: đồng (mặc định), nghìn, triệu, tỷ.
 * @param [tùy_chọn] Tùy chọn, cách nhau bởi dấu phẩy: "lẻ" hoặc "linh", "ngàn" hoặc "nghìn", "chẵn", "không đồng".
 * @returns Số tiền bằng chữ.
 */
export function bangChu(số_tiền: any, đơn_vị?: string, tùy_chọn?: string): any {
  return toExcel(bangChuImpl(số_tiền, đơn_vị ?? null, tùy_chọn ?? null));
}

/**
 * Lấy số từ chuỗi số tiền, ví dụ "1.728 triệu đồng" → 1728; "76,47 tỷ đồng" với đơn vị "triệu" → 76470.
 * @customfunction SOTIEN
 * @param chuỗi Chuỗi số tiền theo cách viết Việt Nam (dấu chấm phân nhóm, dấu phẩy thập phân).
 * @param [đơn_vị] Đơn vị muốn nhận: đồng, nghìn, triệu, tỷ; bỏ trống để giữ đơn vị trong chuỗi.
 * @returns Số tiền.
 */
export function soTien(chuỗi: any, đơn_vị?: string): any {
  return toExcel(soTienImpl(chuỗi, đơn_vị ?? null));
}

/**
 * Đổi đơn vị số tiền giữa đồng, nghìn, triệu, tỷ (chính xác, không sai số làm tròn).
 * @customfunction DOIDONVI
 * @param số Số tiền hoặc vùng số tiền.
 * @param từ Đơn vị hiện tại: đồng, nghìn, triệu, tỷ.
 * @param sang Đơn vị cần đổi sang: đồng, nghìn, triệu, tỷ.
 * @returns Số tiền theo đơn vị mới (cùng kích thước vùng).
 */
export function doiDonVi(số: any[][], từ: string, sang: string): any[][] {
  return toExcelMatrix(doiDonViImpl(số, từ, sang));
}

/**
 * Tên chính thức của dự án, tiểu dự án hoặc nội dung thành phần theo mã.
 * @customfunction TENDA
 * @param mã Mã trong danh mục, ví dụ "DA3.TDA2" hoặc "DA3.2".
 * @param [chương_trình] Chương trình: "2021-2025" (mặc định) hoặc "2026-2035".
 * @returns Tên chính thức.
 */
export function tenDa(mã: string, chương_trình?: string): any {
  return toExcel(tenDaImpl(mã, chương_trình ?? null));
}

/**
 * Mã danh mục của một tên dự án (chấp nhận tên viết tắt, khác dấu hoặc không dấu).
 * @customfunction MADA
 * @param tên Tên dự án, tiểu dự án hoặc nội dung thành phần.
 * @param [chương_trình] Chương trình: "2021-2025" (mặc định) hoặc "2026-2035".
 * @returns Mã danh mục, ví dụ "DA4.TDA1".
 */
export function maDa(tên: string, chương_trình?: string): any {
  return toExcel(maDaImpl(tên, chương_trình ?? null));
}

/**
 * Chuyển chữ bảng mã cũ (TCVN3/ABC, VNI-Windows) sang Unicode.
 * @customfunction CHUYENMA
 * @param chữ Ô hoặc vùng chứa chữ bảng mã cũ.
 * @param [bảng_mã] "TCVN3" hoặc "VNI"; bỏ trống để tự nhận biết.
 * @returns Chữ Unicode (cùng kích thước vùng).
 */
export function chuyenMa(chữ: any[][], bảng_mã?: string): any[][] {
  return toExcelMatrix(chuyenMaImpl(chữ, bảng_mã ?? null));
}

/**
 * Tỷ lệ vốn đối ứng NSĐP so với NSTW; khi có nhóm tỉnh, so với mức tối thiểu 3% / 10% / 15% (QĐ 02/2022/QĐ-TTg).
 * @customfunction DOIUNG
 * @param NSĐP Vốn ngân sách địa phương (NSĐP).
 * @param NSTW Vốn ngân sách trung ương (NSTW).
 * @param [nhóm_tỉnh] Nhóm tỉnh 1 (≥ 70% ngân sách từ NSTW, tối thiểu 3%), 2 (50–70%, 10%), 3 (< 50%, 15%) hoặc tỷ lệ như "10%".
 * @returns Tỷ lệ đối ứng, hoặc kết luận so với mức tối thiểu.
 */
export function doiUng(NSĐP: number, NSTW: number, nhóm_tỉnh?: any): any {
  return toExcel(doiUngImpl(NSĐP, NSTW, nhóm_tỉnh ?? null));
}
