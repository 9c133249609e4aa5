/**
 * The facts of a plan document: who issues it (the header "ỦY BAN NHÂN DÂN / THÀNH PHỐ LAI CHÂU",
 * or "… của UBND xã Bình Lư" in its closing line), the level and area that follow from it, the
 * province, the year or period of the title, the number and date ("Số: 45/KH-UBND", "Lai Châu,
 * ngày 15 tháng 01 năm 2024") and who signs. Each fact keeps the paragraph it was read from.
 */
import type { AdminLevel, Signer } from '../plan';
import { Provenance, quoteOf } from './model';
import { ReadParagraph, Structure } from './structure';

export interface Read<T> {
  value: T;
  from: Provenance;
}

export interface DocumentFacts {
  issuer?: Read<string>;
  level?: Read<AdminLevel>;
  area?: Read<string>;
  province?: Read<string>;
  year?: Read<number>;
  period?: Read<{ from: number; to: number }>;
  documentNumber?: Read<string>;
  /** "Số: /KH-UBND": the number is left blank. */
  numberBlank?: Provenance;
  documentDate?: Read<string>;
  /** "ngày    tháng    năm 2025": day or month left blank. */
  dateBlank?: Provenance;
  signer?: Read<Signer>;
  /** The document says the locality is a poor district (huyện nghèo) / xã ĐBKK bãi ngang. */
  poorDistrict?: Read<boolean>;
  /** The plan uses the 2026–2035 programme (Hợp phần, Nội dung thành phần). */
  programme2026?: Read<boolean>;
}

/** A line of the document: a paragraph's line or a table cell's line, with where it is. */
interface Line {
  text: string;
  from: Provenance;
}

function linesOf(s: Structure): Line[] {
  const out: Line[] = [];
  const sectionOf = new Map<number, string>();
  for (const p of s.paragraphs) sectionOf.set(p.index, p.section);
  for (const t of s.tables) sectionOf.set(t.index, t.section);
  s.blocks.forEach((b, index) => {
    const section = sectionOf.get(index) ?? '';
    const texts = b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.map((c) => c.text));
    for (const t of texts) {
      for (const line of t.split('\n')) {
        const text = line.replace(/\s+/g, ' ').trim();
        if (text) out.push({ text, from: { block: index, section, quote: quoteOf(text) } });
      }
    }
  });
  return out;
}

const KINDS: Array<[RegExp, string, AdminLevel]> = [
  [/^tỉnh$/iu, 'tỉnh', 'tinh'],
  [/^thành phố$/iu, 'thành phố', 'huyen'],
  [/^thị xã$/iu, 'thị xã', 'huyen'],
  [/^huyện$/iu, 'huyện', 'huyen'],
  [/^quận$/iu, 'quận', 'huyen'],
  [/^xã$/iu, 'xã', 'xa'],
  [/^phường$/iu, 'phường', 'xa'],
  [/^thị trấn$/iu, 'thị trấn', 'xa'],
  [/^đặc khu$/iu, 'đặc khu', 'xa'],
];

/** Cities run by the centre are provinces: "UBND thành phố Hà Nội" is a province-level issuer. */
const CENTRAL_CITIES = ['hà nội', 'hồ chí minh', 'hải phòng', 'đà nẵng', 'cần thơ', 'huế'];

const KIND_WORDS = '(tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|đặc khu)';
const NAME = "((?:[\\p{Lu}\\d][\\p{L}\\d'’]*)(?:[ -](?:[\\p{Lu}\\d][\\p{L}\\d'’]*))*)";

/** "LAI CHÂU" → "Lai Châu"; names already in mixed case are kept. */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function issuerFrom(kindText: string, rawName: string, from: Provenance): Pick<DocumentFacts, 'issuer' | 'level' | 'area'> {
  const kind = KINDS.find(([re]) => re.test(kindText.trim()));
  if (!kind) return {};
  const name = titleCase(rawName.trim());
  let level = kind[2];
  if (kind[1] === 'thành phố' && CENTRAL_CITIES.some((c) => name.toLowerCase().endsWith(c))) level = 'tinh';
  const area = `${kind[1]} ${name}`;
  return { issuer: { value: `UBND ${area}`, from }, level: { value: level, from }, area: { value: area, from } };
}

const HEADER_BODY = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)$/u;
const HEADER_ONE_LINE = new RegExp(`^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s+${KIND_WORDS}\\s+${NAME}$`, 'iu');
const HEADER_PLACE = new RegExp(`^${KIND_WORDS}\\s+${NAME}$`, 'iu');
const CLOSING = new RegExp(`(?:của|do)\\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)\\s+${KIND_WORDS}\\s+${NAME}`, 'u');
const OPENING = new RegExp(`(?:^|\\s)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+${KIND_WORDS}\\s+${NAME}\\s+(?:xây dựng|ban hành)`, 'u');

function findIssuer(lines: Line[], paragraphs: ReadParagraph[]): Pick<DocumentFacts, 'issuer' | 'level' | 'area'> {
  // the header: "ỦY BAN NHÂN DÂN" over "THÀNH PHỐ LAI CHÂU", in the first lines
  const head = lines.slice(0, 40);
  for (let i = 0; i < head.length; i++) {
    const one = HEADER_ONE_LINE.exec(head[i].text);
    if (one) return issuerFrom(one[1], one[2], head[i].from);
    if (HEADER_BODY.test(head[i].text) && head[i + 1]) {
      const place = HEADER_PLACE.exec(head[i + 1].text);
      if (place && place[1] === place[1].toUpperCase()) return issuerFrom(place[1], place[2], { ...head[i + 1].from, quote: `${head[i].text} ${head[i + 1].text}` });
    }
  }
  // the closing line: "Trên đây là Kế hoạch … của UBND thành phố Lai Châu./."
  for (const p of [...paragraphs].reverse()) {
    if (!/^Trên đây/u.test(p.body)) continue;
    const m = CLOSING.exec(p.body);
    if (m) return issuerFrom(m[1], m[2], { block: p.index, section: p.section, quote: quoteOf(p.body) });
  }
  // the opening: "Ủy ban nhân dân xã Bình Lư xây dựng Kế hoạch …"
  for (const p of paragraphs.slice(0, 30)) {
    const m = OPENING.exec(p.body);
    if (m) return issuerFrom(m[1], m[2], { block: p.index, section: p.section, quote: quoteOf(p.body) });
  }
  return {};
}

const PROVINCE = new RegExp(`(?:^|[^\\p{L}])tỉnh\\s+${NAME}`, 'u');

function findProvince(lines: Line[], facts: DocumentFacts): Read<string> | undefined {
  if (facts.level?.value === 'tinh' && facts.area) return { value: facts.area.value.replace(/^(?:tỉnh|thành phố)\s+/u, ''), from: facts.area.from };
  for (const line of lines) {
    const m = PROVINCE.exec(line.text);
    if (m) return { value: titleCase(m[1]), from: line.from };
  }
  return undefined;
}

const RANGE = /giai\s+đoạn\s+(20\d\d)\s*[-–—]\s*(20\d\d)/iu;
const YEAR = /(?:^|[^\p{L}])năm\s+(20\d\d)(?!\s*[-–—]\s*20\d\d)/iu;

/** The title is the text between "KẾ HOẠCH" and the first "Căn cứ" or numbered section. */
function titleParagraphs(paragraphs: ReadParagraph[]): ReadParagraph[] {
  const start = paragraphs.findIndex((p) => /^KẾ HOẠCH\b/u.test(p.body));
  const from = start >= 0 ? start : 0;
  const out: ReadParagraph[] = [];
  for (const p of paragraphs.slice(from, from + 8)) {
    if (out.length > 0 && (p.label !== null || /^(?:Căn cứ|Thực hiện (?:Quyết định|Kế hoạch|Công văn|Nghị quyết))/u.test(p.body))) break;
    out.push(p);
  }
  return out;
}

function findPeriod(paragraphs: ReadParagraph[]): Pick<DocumentFacts, 'year' | 'period'> {
  const title = titleParagraphs(paragraphs);
  const from = (p: ReadParagraph): Provenance => ({ block: p.index, section: p.section, quote: quoteOf(p.body) });
  for (const p of title) {
    const y = YEAR.exec(p.body);
    if (y) return { year: { value: Number(y[1]), from: from(p) } };
  }
  for (const p of title) {
    const r = RANGE.exec(p.body);
    if (r) return { period: { value: { from: Number(r[1]), to: Number(r[2]) }, from: from(p) }, year: { value: Number(r[1]), from: from(p) } };
  }
  // "Thời gian thực hiện: Năm 2024."
  for (const p of paragraphs) {
    if (!/^Thời gian thực hiện/iu.test(p.body)) continue;
    const r = RANGE.exec(p.body) ?? /(20\d\d)\s*[-–—]\s*(20\d\d)/u.exec(p.body);
    if (r) return { period: { value: { from: Number(r[1]), to: Number(r[2]) }, from: from(p) }, year: { value: Number(r[1]), from: from(p) } };
    const y = /(?:năm|Năm)\s+(20\d\d)/u.exec(p.body);
    if (y) return { year: { value: Number(y[1]), from: from(p) } };
  }
  return {};
}

const NUMBER_LINE = /^Số\s*:?\s*(\S*?)\s*\/\s*((?:KH|QĐ|KH-UBND)[\p{L}\d\-./]*)/u;
const DATE_LINE = /^[\p{L} .-]{2,40},\s*ngày\s+(\S*)\s+tháng\s+(\S*)\s+năm\s+(\d{4})/u;
const DATE_BLANK_LINE = /^[\p{L} .-]{2,40},\s*ngày\s*(?:[.…\s]*)\s*tháng\s*(?:[.…\s]*)\s*năm\s+(\d{4})/u;

function findNumberAndDate(lines: Line[]): Pick<DocumentFacts, 'documentNumber' | 'numberBlank' | 'documentDate' | 'dateBlank'> {
  const out: Pick<DocumentFacts, 'documentNumber' | 'numberBlank' | 'documentDate' | 'dateBlank'> = {};
  for (const line of lines.slice(0, 40)) {
    const n = NUMBER_LINE.exec(line.text);
    if (n && !out.documentNumber && !out.numberBlank) {
      if (/^\d+[\p{L}]?$/u.test(n[1])) out.documentNumber = { value: `${n[1]}/${n[2]}`, from: line.from };
      else out.numberBlank = line.from;
    }
    const d = DATE_LINE.exec(line.text);
    if (d && !out.documentDate && !out.dateBlank) {
      if (/^\d{1,2}$/.test(d[1]) && /^\d{1,2}$/.test(d[2])) out.documentDate = { value: `${d[1].padStart(2, '0')}/${d[2].padStart(2, '0')}/${d[3]}`, from: line.from };
      else out.dateBlank = line.from;
    } else if (!d && DATE_BLANK_LINE.test(line.text) && !out.documentDate && !out.dateBlank) out.dateBlank = line.from;
  }
  return out;
}

const AUTHORITY = /^(KT\.|Q\.|TM\.|T\/M)\s*(.*)$/u;
const TITLE = /^(?:PHÓ CHỦ TỊCH|CHỦ TỊCH|CHỦ TỊCH UBND|PHÓ CHỦ TỊCH UBND)$/u;
const PERSON = /^(?:\p{Lu}\p{Ll}*)(?: \p{Lu}\p{Ll}*){1,5}$/u;

function findSigner(lines: Line[]): Read<Signer> | undefined {
  const tail = lines.slice(-60);
  for (let i = 0; i < tail.length; i++) {
    if (!TITLE.test(tail[i].text)) continue;
    let authority = '';
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const a = AUTHORITY.exec(tail[j].text);
      if (a && a[1] !== 'TM.' && a[1] !== 'T/M') {
        authority = `${a[1]} ${a[2]}`.trim();
        break;
      }
    }
    const name = tail.slice(i + 1).find((l) => PERSON.test(l.text) && l.text !== l.text.toUpperCase());
    if (!name) continue;
    return { value: { name: name.text, title: tail[i].text, authority }, from: { ...name.from, quote: [authority, tail[i].text, name.text].filter(Boolean).join(' / ') } };
  }
  return undefined;
}

const POOR = /(?:là|thuộc)\s+(?:huyện nghèo|xã đặc biệt khó khăn vùng bãi ngang)|huyện nghèo theo Quyết định/iu;

export function readFacts(s: Structure): DocumentFacts {
  const lines = linesOf(s);
  const facts: DocumentFacts = { ...findIssuer(lines, s.paragraphs), ...findPeriod(s.paragraphs), ...findNumberAndDate(lines) };
  facts.province = findProvince(lines, facts);
  facts.signer = findSigner(lines);
  const poor = s.paragraphs.find((p) => POOR.test(p.body));
  if (poor) facts.poorDistrict = { value: true, from: { block: poor.index, section: poor.section, quote: quoteOf(poor.body) } };
  const newProgramme = s.paragraphs.find((p) => /(?:Hợp phần thứ|Nội dung thành phần\s+\d|giai đoạn 2026\s*[-–]\s*2035)/u.test(p.body));
  if (newProgramme) facts.programme2026 = { value: true, from: { block: newProgramme.index, section: newProgramme.section, quote: quoteOf(newProgramme.body) } };
  for (const k of Object.keys(facts) as Array<keyof DocumentFacts>) if (facts[k] === undefined) delete facts[k];
  return facts;
}
