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
  'experience.create.fieldProblem': '{field}: {problem}',
  'experience.create.statedUnit': 'Số gõ không kèm đơn vị được hiểu theo đơn vị của kế hoạch ({unit}); có thể ghi kèm đơn vị, ví dụ "0,05 tỷ" hay "50 triệu".',
} as const;
