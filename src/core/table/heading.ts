/**
 * What the heading above an officer's table says: the issuing body ("ỦY BAN NHÂN DÂN" / "HUYỆN
 * MƯỜNG TÈ"), the level and the locality it names, the year in the title ("… NĂM 2025"), and the
 * plan it belongs to ("Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024"). Only what is written is
 * read: a fact the heading does not give stays unknown.
 */
import { SheetSnapshot } from '../book/snapshot';
import { foldForMatch } from '../text/normalize';
import { convertCellText } from '../text/detect';
import { AdminLevel } from '../plan';

export interface Heading {
  /** "UBND huyện Mường Tè" */
  issuer: string | null;
  level: AdminLevel | null;
  /** "huyện Mường Tè" */
  area: string | null;
  /** "Lai Châu", when the issuer is the province or the title names it. */
  province: string | null;
  year: number | null;
  documentNumber: string | null;
  documentDate: string | null;
  title: string | null;
}

const BODY = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/;
const PLACE = /^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\s+(.+)$/;
const LEVEL_OF: Record<string, AdminLevel> = { tinh: 'tinh', huyen: 'huyen', quan: 'huyen', 'thi xa': 'huyen', xa: 'xa', phuong: 'xa', 'thi tran': 'xa' };

/** "HUYỆN MƯỜNG TÈ" → "huyện Mường Tè": the kind in lower case, the name in title case. */
export function placeName(text: string): string {
  const words = text.normalize('NFC').trim().toLocaleLowerCase('vi').split(/\s+/);
  const kind = foldForMatch(words.slice(0, 2).join(' '));
  const kindWords = /^(thanh pho|thi xa|thi tran)$/.test(kind) ? 2 : 1;
  return words.map((w, i) => (i < kindWords ? w : w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))).join(' ');
}

function decoded(sheet: SheetSnapshot, r: number, c: number): string {
  const v = sheet.values[r]?.[c];
  if (typeof v !== 'string') return '';
  const conv = convertCellText({ value: v, font: sheet.fonts?.[r]?.[c] ?? null });
  return String(conv.value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Reads the heading in the rows above `before` (the table's header). */
export function readHeading(sheet: SheetSnapshot, before: number): Heading {
  const out: Heading = { issuer: null, level: null, area: null, province: null, year: null, documentNumber: null, documentDate: null, title: null };
  const firstTexts: string[] = [];
  for (let r = 0; r < Math.min(before, 12); r++) {
    const line = sheet.values[r] ?? [];
    const first = line.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (first >= 0) firstTexts.push(decoded(sheet, r, first));
    for (let c = 0; c < line.length; c++) {
      const text = decoded(sheet, r, c);
      if (text === '') continue;
      const f = foldForMatch(text);
      // the title: the line naming the plan, the one with its year if several ("Biểu chi tiết số 01" / "KẾ HOẠCH … NĂM 2024")
      if (/\b(ke hoach|bieu|phan bo|du toan|tong hop)\b/.test(f) && !/^(kem theo|ban hanh kem)/.test(f) && text.length > 12) {
        if (out.title === null || (!/\b20\d{2}\b/.test(out.title) && /\b20\d{2}\b/.test(text))) out.title = text;
      }
      const plan = /Kế hoạch số\s*([\w./-]+)(?:.*?ngày\s*(\d{1,2}\/\d{1,2}\/\d{4}))?/iu.exec(text.normalize('NFC'));
      if (plan && /kem theo/.test(f)) {
        if (!/^[.…_ ]+$/.test(plan[1])) out.documentNumber = plan[1];
        if (plan[2]) out.documentDate = plan[2];
      }
    }
  }
  // the issuing body: "ỦY BAN NHÂN DÂN" then the place on the next line, or "UBND HUYỆN X" on one
  for (let i = 0; i < firstTexts.length; i++) {
    const f = foldForMatch(firstTexts[i]);
    let placeText: string | null = null;
    if (BODY.test(f) && i + 1 < firstTexts.length) placeText = firstTexts[i + 1];
    else {
      const m = /^(?:uy ban nhan dan|ubnd)\s+(.+)$/.exec(f);
      if (m) placeText = firstTexts[i].replace(/^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+/iu, '');
    }
    if (!placeText) continue;
    const pm = PLACE.exec(foldForMatch(placeText));
    if (!pm) continue;
    const area = placeName(placeText);
    out.area = area;
    out.issuer = `UBND ${area}`;
    out.level = pm[1] === 'thanh pho' ? null : LEVEL_OF[pm[1]] ?? null;
    if (pm[1] === 'tinh') {
      out.level = 'tinh';
      out.province = area.replace(/^tỉnh\s+/u, '');
    }
    break;
  }
  const year = out.title ? /\b(20\d{2})\b(?!\s*[-–]\s*20\d{2})/.exec(out.title) : null;
  if (year) out.year = Number(year[1]);
  return out;
}
