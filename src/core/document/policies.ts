/**
 * The policies section of a plan document ("III. CÁC CHÍNH SÁCH GIẢM NGHÈO", "3. Thực hiện các
 * chính sách hỗ trợ tiếp cận dịch vụ xã hội cơ bản"): each line with money is a policy of Biểu 02
 * — its name, the dimension of poverty it addresses, its beneficiaries, its legal basis and its
 * money per source. The section is not the programme's summary: its figures never become the
 * programme's stated totals. A dimension is taken only from the words of the line or of the
 * heading it sits under; a policy whose words name none (or several) is reported, not placed.
 */
import { DIMENSIONS, Dimension, PolicySource } from '../plan';
import { parseAmount } from '../money';
import { MoneyUnit } from '../units';
import { foldForMatch } from '../text/normalize';
import { Figure, FundingStatement, parseFunding, hasWrittenMoney } from './funding';
import { Provenance, quoteOf, trimName } from './model';
import { namesSource, readSourceWords, SourceWords } from './source-words';
import { ReadParagraph } from './structure';

/** A section of policies: the paragraphs from its heading to the next number of its level or higher. */
export interface PolicySection {
  heading: ReadParagraph;
  /** Indexes (in the paragraph list) of the heading and the paragraphs under it. */
  start: number;
  end: number;
}

export interface PolicyLine {
  name: string;
  /** The dimension the words name; null when they name none or several. */
  dimension: Dimension | null;
  basis?: string;
  unit?: string;
  beneficiaries?: number;
  figures: Figure[];
  /** Source words of the heading the line sits under ("2. Từ nguồn ngân sách địa phương:"), which its figures inherit. */
  inherited?: SourceWords;
  from: Provenance;
}

export interface PolicyReading {
  sections: PolicySection[];
  lines: PolicyLine[];
  /** "Tổng kinh phí thực hiện các chính sách: …": each section's, when it states one (section: its index in `sections`). */
  totals: Array<{ section: number; figures: Figure[]; from: Provenance }>;
}

// "các chính sách", "thực hiện các chính sách", "chính sách hỗ trợ…", but not "tín dụng chính sách"
const HEADING = /^(?:(?:thuc hien|trien khai|to chuc thuc hien|ket qua thuc hien|nhom)\s+)?(?:cac\s+|nhom\s+)?chinh sach(?!\s+tin dung)/;

// one level down ("c) Các chính sách hỗ trợ khác", inside an item's section) only the plural names a group of policies:
// "b) Chính sách hỗ trợ làm nhà ở cho 10 hộ: 400 triệu đồng" there is the item's own activity
const MINOR_HEADING = /^(?:(?:thuc hien|trien khai)\s+)?(?:cac|nhom)\s+chinh sach(?!\s+tin dung)|^chinh sach giam ngheo/;
// the next Dự án / Tiểu dự án heading ends a policies section however it is numbered
const ITEM_HEADING = /^(?:Dự án|Tiểu dự án|Hợp phần|Nội dung thành phần)\s+(?:số\s+|thứ\s+)?(?:\d|nhất|hai|ba|I)/iu;

function isHeading(p: ReadParagraph): boolean {
  if (!p.label) return false;
  const f = foldForMatch(p.body);
  if (/chuong trinh (?:muc tieu quoc gia|mtqg)/.test(f)) return false;
  if (p.label.kind === 'roman' || p.label.kind === 'part' || p.label.kind === 'arabic') return HEADING.test(f);
  return p.label.kind === 'letter' && MINOR_HEADING.test(f);
}

/** Whether a block (a paragraph or a table) sits in a policies section: from its heading to the paragraph that ends it. */
export function inSection(paragraphs: readonly ReadParagraph[], sec: PolicySection, block: number): boolean {
  return block >= sec.heading.index && block < (paragraphs[sec.end]?.index ?? Infinity);
}

export function policySections(paragraphs: readonly ReadParagraph[]): PolicySection[] {
  const out: PolicySection[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const h = paragraphs[i];
    if (!isHeading(h)) continue;
    const rank = h.label?.rank ?? 0;
    let j = i + 1;
    while (j < paragraphs.length) {
      const p = paragraphs[j];
      if (p.label && p.label.kind !== 'dash' && p.label.kind !== 'plus' && p.label.rank <= rank) break;
      if (/^Trên đây/u.test(p.body) || ITEM_HEADING.test(p.body)) break;
      j++;
    }
    out.push({ heading: h, start: i, end: j });
    i = j - 1;
  }
  return out;
}

const DIMENSION_WORDS: Record<Dimension, RegExp> = {
  education: /(?:^| )(?:giao duc|hoc phi|hoc sinh|sinh vien|chi phi hoc tap|truong hoc|mam non|ban tru|hoc tap)(?: |$)/,
  health: /(?:^| )(?:y te|bao hiem y te|bhyt|kham chua benh|suc khoe)(?: |$)/,
  housing: /(?:^| )(?:nha o|lam nha|sua nha|nha dai doan ket)(?: |$)/,
  water: /(?:^| )(?:nuoc sinh hoat|nuoc sach|nuoc hop ve sinh|ve sinh moi truong|nha tieu)(?: |$)/,
  information: /(?:^| )(?:thong tin|vien thong|internet|truyen thanh|phat thanh|truyen hinh|ti vi|tivi)(?: |$)/,
  employment: /(?:^| )(?:viec lam|xuat khau lao dong|lao dong|dao tao nghe|hoc nghe)(?: |$)/,
};

/** The one dimension the words name, or null when they name none or several. */
export function dimensionOf(text: string): Dimension | null {
  const f = foldForMatch(text);
  const found = DIMENSIONS.filter((d) => DIMENSION_WORDS[d].test(f));
  return found.length === 1 ? found[0] : null;
}

const BASIS = /(?:Nghị định|NĐ|Quyết định|QĐ|Thông tư|TT|Nghị quyết|NQ)\s*(?:số\s*)?\d+\/\d{4}\/[\p{L}\d-]+/u;
const BENEFICIARIES = /(\d{1,3}(?:\.\d{3})+|\d+)\s*(lượt học sinh|lượt người|lượt hộ|học sinh|sinh viên|người|hộ|trẻ em|thẻ|lao động|lượt)(?![\p{L}])/giu;

/** The line's name: the words before its money, cut at the first colon when one leads ("Chính sách hỗ trợ giáo dục: …"). */
function nameOf(head: string): string {
  const colon = head.indexOf(':');
  const lead = colon > 0 ? trimName(head.slice(0, colon)) : '';
  return (lead.match(/\p{L}/gu) ?? []).length >= 3 ? lead : trimName(head);
}

function lineAt(p: ReadParagraph, statement: FundingStatement, context: string[]): PolicyLine {
  const first = statement.figures[0];
  const head = p.body.slice(0, first.at);
  const name = nameOf(head) || context[context.length - 1] || quoteOf(p.body, 80);
  // the line's own words first, then the headings it sits under, innermost first
  let dimension = dimensionOf(name) ?? dimensionOf(head);
  for (let k = context.length - 1; k >= 0 && dimension === null; k--) dimension = dimensionOf(context[k]);
  const line: PolicyLine = { name, dimension, figures: statement.figures, from: { block: p.index, section: p.section, quote: quoteOf(p.body) } };
  // a source named by the headings above, innermost first, is the source of a figure that names none
  for (let k = context.length - 1; k >= 0; k--) {
    const words = readSourceWords(context[k]);
    if (namesSource(words)) {
      line.inherited = words;
      break;
    }
  }
  const basis = BASIS.exec(p.body);
  if (basis) line.basis = basis[0];
  const counts = [...head.matchAll(BENEFICIARIES)];
  if (counts.length === 1) {
    const n = parseAmount(counts[0][1]);
    if (n.ok) {
      line.beneficiaries = n.value;
      line.unit = counts[0][2];
    }
  }
  return line;
}


/** Policies of the sections, each line with money a policy; unit is the document's declared unit. */
export function readPolicies(paragraphs: readonly ReadParagraph[], unit: MoneyUnit | null): PolicyReading {
  const sections = policySections(paragraphs);
  const reading: PolicyReading = { sections, lines: [], totals: [] };
  sections.forEach((section, n) => {
    let total: PolicyReading['totals'][number] | null = null;
    const before = reading.lines.length;
    let headingMoney: FundingStatement | null = null;
    // the headings above a line, as written ("Chính sách hỗ trợ giáo dục"), by their rank
    const context: Array<{ rank: number; text: string }> = [{ rank: section.heading.label?.rank ?? 0, text: section.heading.body }];
    for (let i = section.start; i < section.end; i++) {
      const p = paragraphs[i];
      const statement = parseFunding(p.body, unit);
      const money = hasWrittenMoney(statement);
      if (i > section.start && p.label && p.label.kind !== 'dash' && p.label.kind !== 'plus') {
        while (context.length > 1 && context[context.length - 1].rank >= p.label.rank) context.pop();
        if (!money) context.push({ rank: p.label.rank, text: p.body });
      }
      if (!money) continue;
      const head = p.body.slice(0, statement.figures[0].at);
      // "Tổng kinh phí thực hiện các chính sách: …" (or money on the heading itself) is the section's total
      if (i === section.start && !readSourceWords(head).whole) {
        headingMoney = statement;
        continue;
      }
      if (i === section.start || readSourceWords(head).whole) {
        if (!total) total = { section: n, figures: statement.figures, from: { block: p.index, section: p.section, quote: quoteOf(p.body) } };
        continue;
      }
      reading.lines.push(lineAt(p, statement, context.map((c) => c.text)));
    }
    // money on the heading is the section's total when lines follow it, and the one policy when none does
    // ("c) Các chính sách hỗ trợ tiền điện: 1.100 triệu đồng")
    if (headingMoney) {
      const h = section.heading;
      if (reading.lines.length > before) {
        if (!total) total = { section: n, figures: headingMoney.figures, from: { block: h.index, section: h.section, quote: quoteOf(h.body) } };
      } else reading.lines.push(lineAt(h, headingMoney, []));
    }
    if (total) reading.totals.push(total);
  });
  return reading;
}

/** The column of a figure's words as Biểu 02 names its source; null when the words do not say. */
export function policySourceOf(key: string): PolicySource | null {
  if (key === 'central' || key === 'centralInvestment' || key === 'centralRecurrent') return 'central';
  if (key === 'local' || key === 'localInvestment' || key === 'localRecurrent') return 'local';
  if (key === 'integrated' || key === 'credit' || key === 'mobilised') return key;
  return null;
}
