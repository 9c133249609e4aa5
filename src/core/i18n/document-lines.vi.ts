/**
 * Reading a plan document's activity lines (money under a Dự án / Tiểu dự án) and its policies
 * section (Biểu 02): the findings about them. Merged into vi.ts.
 */
export const documentLinesVi = {
  'doc.rule.DOC_PARTS_SUM.activities': '{code}: {count} dòng hoạt động cộng lại được {computed} {unit} ({source}), khác số {stated} {unit} ghi cho mục này (chênh {difference})',
  'doc.hint.DOC_PARTS_SUM.activities': 'Bảng tính lấy các dòng hoạt động và cộng lên dòng của mục; hãy sửa số của mục hoặc của các dòng hoạt động trong văn bản cho khớp nhau.',
  'doc.rule.DOC_SOURCE_UNKNOWN.activity': '{code}: dòng hoạt động "{name}" ({amount} {unit}) không ghi rõ nguồn vốn, mà mục này có nhiều nguồn',
  'doc.hint.DOC_SOURCE_UNKNOWN.activity': 'KH không đưa các dòng hoạt động của mục này vào bảng tính (mục giữ số tiền của nó): hãy gõ từng dòng vào trang của dự án, đúng cột nguồn vốn.',
  'doc.rule.DOC_POLICY_DIMENSION': 'Chính sách "{name}" ({amount} {unit}) không rõ thuộc chiều thiếu hụt nào (giáo dục, y tế, nhà ở, nước sinh hoạt, thông tin, việc làm)',
  'doc.hint.DOC_POLICY_DIMENSION': 'KH không đưa chính sách này vào Biểu 02; nếu nó thuộc một chiều thiếu hụt, hãy gõ nó vào Biểu 02 ở nhóm đó.',
  'doc.rule.DOC_PARTS_SUM.policies': 'Các chính sách liệt kê trong mục cộng lại được {computed} {unit}, khác tổng kinh phí chính sách ghi {stated} {unit} (chênh {difference})',
  'doc.rule.DOC_ACTIVITY_UNPLACED': '{code}: dòng hoạt động "{name}" ({amount} {unit}) ghi dưới dự án, ngoài các tiểu dự án của nó ({children})',
  'doc.hint.DOC_ACTIVITY_UNPLACED': 'KH không đưa dòng này vào bảng tính vì văn bản không nói nó thuộc tiểu dự án nào: hãy chuyển nó vào mục của tiểu dự án trong văn bản, hoặc gõ nó vào trang của dự án dưới tiểu dự án đúng.',
  'doc.rule.DOC_POLICY_SOURCE': 'Chính sách "{name}" ({amount} {unit}) không ghi nguồn vốn',
  'doc.hint.DOC_POLICY_SOURCE': 'Biểu 02 để trống cột "Nguồn vốn" của dòng này: hãy ghi nguồn (ngân sách trung ương, ngân sách địa phương, lồng ghép, tín dụng chính sách, huy động) trong văn bản hoặc chọn ở Biểu 02.',
  'doc.rule.DOC_PARTS_SUM.policiesSource': 'Các chính sách liệt kê cộng lại được {computed} {unit} {source}, khác tổng kinh phí chính sách ghi cho nguồn này {stated} {unit} (chênh {difference})',
  'doc.pane.activities': 'Các dòng hoạt động của {code} ({count} dòng)',
  'doc.pane.policies': 'Các chính sách (Biểu 02), {unit}',
  'doc.pane.noSource': 'chưa rõ nguồn vốn',
  'doc.pane.beneficiaries': 'Số đối tượng: {count} {unit}',
  'doc.rule.DOC_SOURCE_INFERRED.table': 'Bảng không tách ngân sách trung ương thành vốn đầu tư và vốn sự nghiệp; theo danh mục, {codes} chỉ có {source} nên KH xếp số ngân sách trung ương của các dòng ấy vào cột đó',
  'doc.cli.policiesTitle': 'Các chính sách (Biểu 02), {unit}:',
  'doc.cli.dimension.education': 'Giáo dục',
  'doc.cli.dimension.health': 'Y tế',
  'doc.cli.dimension.housing': 'Nhà ở',
  'doc.cli.dimension.water': 'Nước',
  'doc.cli.dimension.information': 'Thông tin',
  'doc.cli.dimension.employment': 'Việc làm',
} as const;
