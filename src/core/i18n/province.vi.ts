/**
 * Messages of the province's work with its communes' files (Vietnamese): fingerprints and
 * `kh verify`, `kh diff`, the allocation check, `kh consolidate`. Merged into vi.ts; kept apart so
 * other areas grow their sentences without stepping on these.
 */
export const provinceVi = {
  'fp.line': 'Dấu vân tay số liệu: {value} ({rows} dòng chi tiết, {tables} bảng)',
  'fp.stored': 'Dấu vân tay ghi trong Thông tin: {value}',
  'fp.storedDiffers': 'Dấu vân tay ghi trong Thông tin ({stored}) khác dấu vân tay của số liệu hiện nay ({value}): số liệu đã được sửa sau khi KH lập tệp',
  'verify.same': 'Khớp: số liệu của {file} đúng là số liệu có dấu vân tay {value}',
  'verify.differs': 'KHÔNG khớp: số liệu của {file} có dấu vân tay {value}, không phải {expected}. Số liệu đã khác với bản đã gửi: hãy hỏi lại nơi gửi, hoặc so hai bản bằng kh diff bản-cũ.xlsx {file}',
  'verify.badFingerprint': '"{value}" không phải một dấu vân tay: dấu vân tay có 16 chữ và số, ví dụ 7K3M-Q9XD-2HBT-W0RA (chép từ ô B2 trang Thông tin, hoặc từ kh check)',
  'cli.help.verify': 'kh verify tep.xlsx DẤU-VÂN-TAY: cho biết số liệu của tệp có đúng là số liệu mang dấu vân tay đó không (mã thoát 0 khớp, 1 không khớp). Dấu vân tay tính trên số tiền, mã và đơn vị thực hiện của các dòng chi tiết, không phụ thuộc định dạng hay phần mềm đã ghi tệp.',
  'diff.title': 'So sánh {before} → {after} (số tiền theo {unit})',
  'diff.none': 'Hai bản có cùng số liệu, cùng tên và đơn vị thực hiện của các dòng chi tiết.',
  'diff.added': 'Dòng thêm ({count}):',
  'diff.removed': 'Dòng bỏ ({count}):',
  'diff.moved': 'Dòng chuyển sang dự án khác ({count}):',
  'diff.movedLine': '"{label}": {from} ({fromCell}) → {to} ({toCell})',
  'diff.amounts': 'Số tiền thay đổi ({count}):',
  'diff.texts': 'Chữ thay đổi ({count}):',
  'diff.field.name': 'tên',
  'diff.field.unitName': 'đơn vị thực hiện',
  'diff.totals': 'Cộng các dòng chi tiết theo nguồn:',
  'diff.appeared': 'Lỗi / cảnh báo mới xuất hiện ({count}):',
  'diff.disappeared': 'Lỗi / cảnh báo đã hết ({count}):',
  'diff.fingerprints': 'Dấu vân tay: {before} → {after}',
  'cli.help.diff': 'kh diff ban-cu.xlsx ban-moi.xlsx [--json]: các thay đổi giữa hai bản kế hoạch — dòng thêm, bỏ, chuyển dự án; số tiền theo nguồn và chênh lệch; tên và đơn vị thực hiện sửa; lỗi mới xuất hiện hoặc đã hết. Dùng được cho mẫu KH và bảng cán bộ tự lập. Mã thoát 0 khi không có gì khác, 1 khi có thay đổi.',
  'summary.fingerprint': 'Dấu vân tay số liệu',
};
