/**
 * The officer's experience (issue 17): sentences of the wizard, the empty states, the help and the
 * ribbon, merged into vi.ts like pane.vi.ts. Kept apart so other areas grow without conflicts.
 */
export const experienceVi = {
  'experience.amount.negative': '"{text}" là số âm: tổng nêu trong văn bản không thể âm',
  'experience.date.noSuchDay': 'không có ngày {text}: tháng {month}/{year} chỉ có {days} ngày',
  'experience.annex.unfunded': 'Trong đó chưa chọn nguồn vốn (Biểu 03 không cộng)',
  'experience.create.fieldProblem': '{field}: {problem}',
  'experience.create.statedUnit': 'Số gõ không kèm đơn vị được hiểu theo đơn vị của kế hoạch ({unit}); có thể ghi kèm đơn vị, ví dụ "0,05 tỷ" hay "50 triệu".',
} as const;
