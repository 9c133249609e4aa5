/**
 * Messages of "Trust, round two" (Vietnamese): the command line, writing outputs, dangerous
 * content, what a rewrite would lose, pre-flight bounds, function limits. Merged into vi.ts; kept
 * apart so other areas grow their sentences without stepping on these.
 */
export const trustVi = {
  'args.unknownFlag': 'Không có tùy chọn {flag} (gõ nhầm?): xem {help}. Một giá trị bắt đầu bằng dấu "-" thì đặt sau "--", ví dụ kh words -- -1728',
  'args.missingValue': 'Tùy chọn {flag} cần một giá trị, ví dụ {flag} {example}: xem {help}',
  'args.dashValue': 'Tùy chọn {flag} cần một giá trị nhưng sau nó là "{value}": nếu "{value}" đúng là giá trị, hãy viết {flag}={value}',
  'args.noValue': 'Tùy chọn {flag} không nhận giá trị: hãy bỏ "={value}"',
  'args.invalid': 'Không hiểu dòng lệnh: xem {help}',
  'args.badLang': 'Không có ngôn ngữ "{value}": --lang nhận vi hoặc en',
  'args.badTolerance': '--tolerance "{value}" không phải một số không âm (ví dụ --tolerance 0,001 hoặc 0.001)',
  'args.badFrom': '--from "{value}" không có: dùng --from tcvn3 hoặc --from vni',
  'args.extra': 'Lệnh kh {command} nhận {count} tên tệp, thừa "{value}": xem kh {command} --help',
  'args.unknownCommand': 'Không có lệnh "{command}": các lệnh được liệt kê dưới đây',

  'output.noSpace': 'Không ghi được {file}: ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc ghi ra ổ khác (-o), rồi chạy lại',
  'output.readOnly': 'Không ghi được {file}: ổ đĩa hoặc thư mục này chỉ cho đọc. Hãy ghi ra thư mục khác bằng -o',
  'output.denied': 'Không ghi được {file}: không có quyền ghi vào đó. Hãy ghi ra thư mục của bạn bằng -o, hoặc xin quyền ghi',
  'output.isDirectory': 'Không ghi được {file}: đó là một thư mục. Hãy cho tên một tệp trong thư mục đó, ví dụ -o {file}/ke-hoach.xlsx',
  'output.notDirectory': 'Không ghi được {file}: một phần của đường dẫn là tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn',
  'output.nameTooLong': 'Không ghi được {file}: tên tệp hoặc đường dẫn quá dài. Hãy chọn tên ngắn hơn',
  'output.notRegular': 'Không ghi ra {file}: đó không phải tệp thường (thiết bị, ống dẫn, ổ cắm…); KH chỉ ghi vào tệp thường hoặc tệp mới, kể cả khi có --force. Hãy chọn tên tệp khác bằng -o',
  'output.failed': 'Không ghi được {file} ({code}). Hãy kiểm tra ổ đĩa rồi chạy lại, hoặc ghi ra chỗ khác bằng -o',
} as const;
