/** Messages of the stated totals below the eight of Thông tin (NSNN, NSĐP's split, all resources). */
export const statedVi = {
  'stated.source.state': 'Vốn ngân sách nhà nước (NSTW + NSĐP)',
  'rule.STATED_TOTAL.localSplitStated': 'Ngân sách địa phương: văn bản nêu vốn đầu tư phát triển {investment} và vốn sự nghiệp {recurrent}, cộng lại {stated}, khác số NSĐP văn bản nêu {computed} (chênh {difference})',
  'rule.STATED_TOTAL.localSplitTables': 'Ngân sách địa phương: văn bản nêu vốn đầu tư phát triển {investment} và vốn sự nghiệp {recurrent}, cộng lại {stated}, bảng tính ra NSĐP {computed} (chênh {difference})',
  'rule.STATED_TOTAL.resources': 'Tổng nguồn lực: văn bản nêu {stated}, các phần văn bản liệt kê cộng lại {computed} (chênh {difference})',
  'rule.STATED_TOTAL.resourcesHint': 'Sửa tổng nguồn lực hoặc các phần của nó trong văn bản kế hoạch cho khớp',
  'rule.STATED_TOTAL.hintWritten': 'Văn bản ghi {written}; KH đã đổi sang đơn vị của kế hoạch. Sửa số trong văn bản kế hoạch hoặc số liệu chi tiết cho khớp',
} as const;
