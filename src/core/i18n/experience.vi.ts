/**
 * The officer's experience (issue 17): sentences of the wizard, the empty states, the help and the
 * ribbon, merged into vi.ts like pane.vi.ts. Kept apart so other areas grow without conflicts.
 */
export const experienceVi = {
  'experience.amount.negative': '"{text}" là số âm: tổng nêu trong văn bản không thể âm',
  'experience.date.noSuchDay': 'không có ngày {text}: tháng {month}/{year} chỉ có {days} ngày',
  'experience.annex.unfunded': 'Trong đó chưa chọn nguồn vốn (Biểu 03 không cộng)',
  'experience.cap.functions': 'Hàm KH.* trong ô (=KH.BANGCHU…)',
  'experience.cap.ribbon': 'Nhóm nút Kế hoạch trên thẻ Trang đầu',
  'experience.excel.2019': 'Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web',
  'experience.excel.2021': 'Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web',
  'experience.excel.2024': 'Excel 2024, Microsoft 365 hoặc Excel trên web',
  'experience.excel.365': 'Microsoft 365 hoặc Excel trên web',
  'experience.drift.wordsMissing': '{annex}: tổng là {total} nhưng chưa có dòng "Bằng chữ"',
  'experience.where': '{cell} (trang {sheet})',
  'experience.error.textCause': 'Ô {cell} (trang {sheet}) chứa chữ "{text}" thay cho số: hãy gõ {number} vào ô {cell}',
  'experience.error.textCauseNoNumber': 'Ô {cell} (trang {sheet}) chứa chữ "{text}" ở chỗ phải là số: hãy gõ số vào ô {cell}',
  'experience.annex.noPlan': 'Sổ tính này chưa có kế hoạch của KH nên chưa làm được biểu. Hãy tạo kế hoạch ở thẻ Tạo kế hoạch, nhập số tiền vào các trang dự án, rồi quay lại đây.',
  'experience.goCreate': 'Sang thẻ Tạo kế hoạch',
  'experience.readAgain': 'Đọc lại sổ tính',
  'experience.check.empty': 'Sổ tính trống: chưa có gì để kiểm tra. Hãy tạo kế hoạch ở thẻ Tạo kế hoạch, hoặc mở tệp kế hoạch rồi bấm Kiểm tra ngay.',
  'experience.check.notPlan': 'Sổ tính này chưa theo mẫu của KH, nên KH chỉ kiểm tra được những gì không cần mẫu (ô báo lỗi, số lưu dạng chữ, chữ TCVN3 / VNI, liên kết tới tệp khác); {count} kiểm tra khác (tổng nguồn vốn, cộng dồn, mã dự án, đối ứng, các biểu) chưa chạy. Muốn kiểm tra đầy đủ, hãy tạo kế hoạch ở thẻ Tạo kế hoạch.',
  'experience.check.notPlanClean': 'Trong những gì đã kiểm tra, không thấy lỗi nào.',
  'experience.create.fieldProblem': '{field}: {problem}',
  'experience.create.statedUnit': 'Số gõ không kèm đơn vị được hiểu theo đơn vị của kế hoạch ({unit}); có thể ghi kèm đơn vị, ví dụ "0,05 tỷ" hay "50 triệu".',
} as const;
