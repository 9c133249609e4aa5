/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as untyped 2-D arrays */
/**
 * The KH.* custom functions. Each is a thin wrapper: Excel's arguments go to impl.ts, its
 * FunctionError values become CustomFunctions.Error (#VALUE! / #N/A with a Vietnamese message).
 * The JSDoc below is the metadata: custom-functions-metadata-plugin turns it into functions.json,
 * so every description here is what officers read in Excel's formula help.
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
 * @param codes Cột mã (ví dụ DA3, DA3.1, DA3.1.2); ô trống là dòng không thuộc cây.
 * @param values Vùng số tiền cùng số dòng với cột mã, một hoặc nhiều cột nguồn vốn.
 * @param [code] Mã cần lấy giá trị cộng dồn (ví dụ "DA3"); bỏ trống để trả về cả vùng.
 * @returns Giá trị cộng dồn của từng dòng, hoặc của mã đã chọn.
 */
export function rollup(codes: any[][], values: any[][], code?: string): any[][] {
  return toExcelMatrix(rollupImpl(codes, values, code ?? null));
}

/**
 * Kiểm tra tổng nguồn vốn từng dòng: Tổng = tổng các cột nguồn. Trả về "✓" hoặc lời nhắn nêu mức chênh lệch.
 * @customfunction CHECK_SOURCES
 * @param total Cột Tổng (một cột).
 * @param sources Các cột nguồn vốn cùng số dòng (NSTW, NSĐP, lồng ghép, tín dụng, huy động…).
 * @param [tolerance] Sai số cho phép, cùng đơn vị với số liệu; mặc định 0.
 * @returns "✓" hoặc lời nhắn cho từng dòng.
 */
export function checkSources(total: any[][], sources: any[][], tolerance?: number): any[][] {
  return toExcelMatrix(checkSourcesImpl(total, sources, tolerance ?? null));
}

/**
 * Đọc số tiền thành chữ (bằng chữ), ví dụ 1.728 triệu → "Một tỷ bảy trăm hai mươi tám triệu đồng".
 * @customfunction BANGCHU
 * @param amount Số tiền (số hoặc chữ số như "1.728").
 * @param [unit] Đơn vị của số tiền: đồng (mặc định), nghìn, triệu, tỷ.
 * @param [style] Tùy chọn, cách nhau bởi dấu phẩy: "lẻ" hoặc "linh", "ngàn" hoặc "nghìn", "chẵn", "không đồng".
 * @returns Số tiền bằng chữ.
 */
export function bangChu(amount: any, unit?: string, style?: string): any {
  return toExcel(bangChuImpl(amount, unit ?? null, style ?? null));
}

/**
 * Lấy số từ chuỗi số tiền, ví dụ "1.728 triệu đồng" → 1728; "76,47 tỷ đồng" với đơn vị "triệu" → 76470.
 * @customfunction SOTIEN
 * @param text Chuỗi số tiền theo cách viết Việt Nam (dấu chấm phân nhóm, dấu phẩy thập phân).
 * @param [unit] Đơn vị muốn nhận: đồng, nghìn, triệu, tỷ; bỏ trống để giữ đơn vị trong chuỗi.
 * @returns Số tiền.
 */
export function soTien(text: any, unit?: string): any {
  return toExcel(soTienImpl(text, unit ?? null));
}

/**
 * Đổi đơn vị số tiền giữa đồng, nghìn, triệu, tỷ (chính xác, không sai số làm tròn).
 * @customfunction DOIDONVI
 * @param value Số tiền hoặc vùng số tiền.
 * @param from Đơn vị hiện tại: đồng, nghìn, triệu, tỷ.
 * @param to Đơn vị cần đổi sang: đồng, nghìn, triệu, tỷ.
 * @returns Số tiền theo đơn vị mới (cùng kích thước vùng).
 */
export function doiDonVi(value: any[][], from: string, to: string): any[][] {
  return toExcelMatrix(doiDonViImpl(value, from, to));
}

/**
 * Tên chính thức của dự án, tiểu dự án hoặc nội dung thành phần theo mã.
 * @customfunction TENDA
 * @param code Mã trong danh mục, ví dụ "DA3.TDA2" hoặc "DA3.2".
 * @param [programme] Chương trình: "2021-2025" (mặc định) hoặc "2026-2035".
 * @returns Tên chính thức.
 */
export function tenDa(code: string, programme?: string): any {
  return toExcel(tenDaImpl(code, programme ?? null));
}

/**
 * Mã danh mục của một tên dự án (chấp nhận tên viết tắt, khác dấu hoặc không dấu).
 * @customfunction MADA
 * @param name Tên dự án, tiểu dự án hoặc nội dung thành phần.
 * @param [programme] Chương trình: "2021-2025" (mặc định) hoặc "2026-2035".
 * @returns Mã danh mục, ví dụ "DA4.TDA1".
 */
export function maDa(name: string, programme?: string): any {
  return toExcel(maDaImpl(name, programme ?? null));
}

/**
 * Chuyển chữ bảng mã cũ (TCVN3/ABC, VNI-Windows) sang Unicode.
 * @customfunction CHUYENMA
 * @param text Ô hoặc vùng chứa chữ bảng mã cũ.
 * @param [encoding] "TCVN3" hoặc "VNI"; bỏ trống để tự nhận biết.
 * @returns Chữ Unicode (cùng kích thước vùng).
 */
export function chuyenMa(text: any[][], encoding?: string): any[][] {
  return toExcelMatrix(chuyenMaImpl(text, encoding ?? null));
}

/**
 * Tỷ lệ vốn đối ứng NSĐP so với NSTW; khi có nhóm tỉnh, so với mức tối thiểu 3% / 10% / 15% (QĐ 02/2022/QĐ-TTg).
 * @customfunction DOIUNG
 * @param nsdp Vốn ngân sách địa phương (NSĐP).
 * @param nstw Vốn ngân sách trung ương (NSTW).
 * @param [group] Nhóm tỉnh 1 (≥ 70% ngân sách từ NSTW, tối thiểu 3%), 2 (50–70%, 10%), 3 (< 50%, 15%) hoặc tỷ lệ như "10%".
 * @returns Tỷ lệ đối ứng, hoặc kết luận so với mức tối thiểu.
 */
export function doiUng(nsdp: number, nstw: number, group?: any): any {
  return toExcel(doiUngImpl(nsdp, nstw, group ?? null));
}
