/**
 * What a column header says, in the words officers use: "Tổng số", "NSTW", "Vốn ĐTPT", "Kinh phí
 * sự nghiệp", "Đối ứng NSĐP", "Nhân dân đóng góp", "Trong đó", "Chia ra"… Texts are matched folded
 * (no diacritics, lower case, punctuation as spaces), after legacy fonts were decoded, so tone
 * placement, NFC/NFD and TCVN3/VNI do not matter.
 */
import { foldForMatch } from '../text/normalize';

/** What one header text names. */
export type HeaderWord =
  | { kind: 'source'; source: 'central' | 'local' | 'integrated' | 'credit' | 'mobilised' | 'state'; split?: 'investment' | 'recurrent' }
  | { kind: 'split'; split: 'investment' | 'recurrent' }
  | { kind: 'total' }
  | { kind: 'ofWhich' }
  | { kind: 'divided' }
  | { kind: 'money' }
  | { kind: 'period'; label: string }
  | { kind: 'role'; role: 'stt' | 'content' | 'unitName' | 'location' | 'note' | 'quantity' | 'check' }
  | { kind: 'numberRow' }
  | { kind: 'unknown' };

type Pattern = [RegExp, HeaderWord];

// Order matters: the first pattern that matches wins.
const PATTERNS: Pattern[] = [
  [/^(stt|tt|so tt|so thu tu|thu tu)$/, { kind: 'role', role: 'stt' }],
  [/^ghi chu\b/, { kind: 'role', role: 'note' }],
  // a ratio beside the money ("Tỷ lệ đối ứng NSĐP/NSTW (%)") is not money
  [/\b(ty le|phan tram)\b/, { kind: 'role', role: 'quantity' }],
  [/^kiem tra\b/, { kind: 'role', role: 'check' }],
  [/\b(don vi thuc hien|co quan thuc hien|don vi chu tri|co quan chu tri|chu dau tu|don vi trien khai|co quan trien khai)\b/, { kind: 'role', role: 'unitName' }],
  [/^(dia ban|dia diem|dia ban thuc hien|dia diem thuc hien|dia ban trien khai)\b/, { kind: 'role', role: 'location' }],
  [/^(don vi tinh|dvt|so luong|khoi luong|so ho|so nguoi|so luot|quy mo|dinh muc|muc ho tro|don gia|so xa|so thon|so lop|so hoc vien|so cong trinh|doi tuong)\b/, { kind: 'role', role: 'quantity' }],
  [/^(trong do|trong so do|chia ra|bao gom|gom|cu the)$/, { kind: 'ofWhich' }],
  // the sources, in full and abbreviated
  [/\b(ngan sach nha nuoc|nsnn)\b/, { kind: 'source', source: 'state' }],
  [/\b(ngan sach trung uong|ngan sach tw|ns trung uong|ns tw|nstw|von trung uong|trung uong ho tro|tw ho tro|von tw)\b/, { kind: 'source', source: 'central' }],
  [/\b(ngan sach dia phuong|ns dia phuong|nsdp|von dia phuong|doi ung|von doi ung|ngan sach tinh|ngan sach huyen|ngan sach xa|ns tinh|ns huyen|ns xa)\b/, { kind: 'source', source: 'local' }],
  [/\b(long ghep|von long ghep|lg)\b/, { kind: 'source', source: 'integrated' }],
  [/\b(tin dung|von tin dung|tdcs|von vay|vay uu dai|ngan hang chinh sach)\b|^td$/, { kind: 'source', source: 'credit' }],
  [/\b(huy dong|nhan dan dong gop|dan dong gop|dong gop|dan gop|nhan dan gop|xa hoi hoa|xhh|von khac|nguon khac|nguon von khac|doanh nghiep|von hop phap khac|hd khac)\b/, { kind: 'source', source: 'mobilised' }],
  [/\b(dau tu phat trien|dtpt|von dau tu|chi dau tu|dau tu)\b/, { kind: 'split', split: 'investment' }],
  [/\b(su nghiep|von su nghiep|kinh phi su nghiep|chi thuong xuyen|kinh phi chi thuong xuyen|thuong xuyen|ctx|sn)\b/, { kind: 'split', split: 'recurrent' }],
  [/^(tong|tong cong|tong so|tong von|tong kinh phi|tong nhu cau|tong nhu cau von|tong muc|tong nguon von|tong so von|tong so kinh phi|cong|tong cong von|tong von ke hoach)\b/, { kind: 'total' }],
  // only alone: "Vốn ODA" is money of a source KH does not know, not a total
  [/^(nguon von|von|kinh phi|co cau nguon von|nguon kinh phi|so tien|du toan|ke hoach von|von ke hoach|nhu cau von|von thuc hien|kinh phi thuc hien)$/, { kind: 'money' }],
  [/\b(noi dung|ten du an|ten tieu du an|du an tieu du an|danh muc|ten cong trinh|hang muc|ten chinh sach|chinh sach|ten hoat dong|hoat dong|ten don vi|dia phuong|don vi hanh chinh|xa phuong|xa thi tran|ten xa|ten huyen|huyen thanh pho|chuong trinh|chi tieu|ten|linh vuc)\b/, { kind: 'role', role: 'content' }],
];

const PERIOD = /\b((?:nam|giai doan|ke hoach|thuc hien|uoc thuc hien|uoc th|du toan|kh|th)\s*(?:nam\s*)?)?((?:19|20)\d{2})(?:\s*(?:-|den)\s*((?:19|20)\d{2}))?\b/;

/** A column-number cell: "(1)", "1", "(3)=(4)+(5)", "A", "B". */
const NUMBER_CELL = /^\(?\s*(\d{1,2}|[a-z])\s*\)?(\s*=\s*[()\d\s+\-*x/:.]+)?$/;

export function isColumnNumberText(text: string): boolean {
  return NUMBER_CELL.test(text.trim().toLowerCase());
}

/** Reads one header text (already decoded to Unicode). */
/** Lines of a heading that only look like header words ("CỘNG HÒA…", "TỔNG HỢP NGUỒN LỰC…"). */
const NOT_HEADER = /^(cong hoa|tong hop|tong ket|doc lap|uy ban|ubnd|bieu|ke hoach thuc hien|kem theo|(?:don vi tinh|dvt) \S)/;

export function readHeaderWord(text: string): HeaderWord {
  const folded = foldForMatch(text);
  if (folded === '') return { kind: 'unknown' };
  // a header cell is a few words; a title line is a sentence
  if (NOT_HEADER.test(folded) || folded.split(' ').length > 14) return { kind: 'unknown' };
  if (isColumnNumberText(text)) return { kind: 'numberRow' };
  // a period is a column group of its own ("Năm 2024", "Kế hoạch 2021-2025"), unless the text names a source too
  const period = PERIOD.exec(folded);
  for (const [re, word] of PATTERNS) {
    if (re.test(folded)) {
      // "Ngân sách trung ương (vốn sự nghiệp)": a source and its half in one header
      if (word.kind === 'source' && (word.source === 'central' || word.source === 'local')) {
        const half = /\b(su nghiep|chi thuong xuyen|sn)\b/.test(folded) ? 'recurrent' : /\b(dau tu phat trien|dtpt)\b/.test(folded) ? 'investment' : null;
        if (half) return { ...word, split: half };
      }
      if (period && (word.kind === 'money' || word.kind === 'total') && !/\b(tong|cong)\b/.test(folded.replace(PERIOD, ''))) return { kind: 'period', label: text.trim() };
      return word;
    }
  }
  if (period) return { kind: 'period', label: text.trim() };
  return { kind: 'unknown' };
}

/** Whether a text reads as a table header word (for finding header rows). */
export function isHeaderText(text: string): boolean {
  const w = readHeaderWord(text);
  return w.kind !== 'unknown' && w.kind !== 'numberRow';
}

/** A header KH cannot read that still speaks of money ("Vốn ODA", "Nguồn khác của tỉnh bạn"). */
export function soundsLikeMoney(text: string): boolean {
  return /\b(von|kinh phi|nguon|ngan sach|tien|tai tro|vien tro)\b/.test(foldForMatch(text));
}

/** Whether a header word is about money (a source, a split, a total, "Nguồn vốn"). */
export function isMoneyWord(w: HeaderWord): boolean {
  return w.kind === 'source' || w.kind === 'split' || w.kind === 'total' || w.kind === 'money';
}
