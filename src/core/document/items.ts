/**
 * The Dự án / Tiểu dự án (2026+: Hợp phần / Nội dung thành phần) of a plan document: each heading
 * with the code its numbers point at, the catalogue entry of that code (or none: "Tiểu dự án 1
 * thuộc Dự án 2" does not exist), the entry its written name matches, its implementing units and
 * the funding statements in its section. A section runs to the next item heading or to a number
 * of the heading's level or higher.
 */
import { Catalog, CatalogEntry, bestMatch, findByCode } from '../catalog';
import { MoneyUnit } from '../units';
import { parseFunding, Figure, FundingStatement, allFigures, hasWrittenMoney } from './funding';
import { Provenance, quoteOf, trimName } from './model';
import { policySections } from './policies';
import { readSourceWords, namesSource } from './source-words';
import { ReadParagraph, Structure } from './structure';
import type { Read } from './facts';

export type WrittenKind = 'project' | 'subproject' | 'component' | 'content';

export interface WrittenItem {
  kind: WrittenKind;
  number: number;
  /** "Tiểu dự án 1 thuộc Dự án 2": the project the heading names itself. */
  ofNumber: number | null;
  /** The name as written, without the numbers ("Cải thiện dinh dưỡng"). */
  name: string;
}

export interface DocStatement {
  statement: FundingStatement;
  from: Provenance;
  /** Provenance of each paragraph joined into the statement (a heading line and its bullets). */
  parts: Provenance[];
}

/**
 * An activity line under an item with money of its own ("- Hỗ trợ phát triển sản xuất cho 20 hộ:
 * 300 triệu đồng", or a detail row of a document table): a row of the item's activities.
 */
export interface DocActivityLine {
  /** The activity as written, without its money ("Hỗ trợ phát triển sản xuất cho 20 hộ"). */
  name: string;
  figures: Figure[];
  from: Provenance;
}

export interface DocItem {
  heading: ReadParagraph;
  written: WrittenItem;
  /** The code the numbers point at: "DA3.TDA2", "HP1.ND4". */
  writtenCode: string;
  /** The catalogue entry of that code; null when the catalogue has none. */
  entry: CatalogEntry | null;
  /** The entry the written name matches best (tolerantly), if any. */
  byName: CatalogEntry | null;
  parent: DocItem | null;
  children: DocItem[];
  units?: Read<string[]>;
  statements: DocStatement[];
  /** Activity lines in its section, each with its own money. */
  activities: DocActivityLine[];
  /** Other places the same item is named (a money section listing it again). */
  mentions: ReadParagraph[];
}

/** A project whose Tiểu dự án are written: it is not a row of the plan, its sub-projects are. */
export function hasSubprojects(item: DocItem): boolean {
  return item.children.some((c) => c.entry !== null);
}

export interface ItemsReading {
  items: DocItem[];
  /** Funding statements outside any item: the summary. */
  summary: DocStatement[];
}

const SEP = '\\s*(?:[:.\\-–—]\\s*(.*))?$';
const PROJECT_RE = new RegExp(`^Dự án\\s+(?:số\\s+)?(\\d{1,2})${SEP}`, 'iu');
const SUB_RE = new RegExp(`^Tiểu dự án\\s+(?:số\\s+)?(\\d{1,2})(?:\\s+(?:thuộc|của)\\s+Dự án\\s+(\\d{1,2})|\\s*\\((?:thuộc\\s+)?Dự án\\s+(\\d{1,2})\\))?${SEP}`, 'iu');
// "Dự án 4 - Tiểu dự án 3: …", "Dự án 6, Tiểu dự án 2: …": the project named first
const PROJECT_SUB_RE = new RegExp(`^Dự án\\s+(?:số\\s+)?(\\d{1,2})\\s*[,:.\\-–—]?\\s*Tiểu dự án\\s+(?:số\\s+)?(\\d{1,2})${SEP}`, 'iu');
const COMPONENT_RE = new RegExp(`^Hợp phần\\s+(?:thứ\\s+)?(nhất|hai|ba|\\d|I{1,3})${SEP}`, 'iu');
const CONTENT_RE = new RegExp(`^Nội dung thành phần\\s+(?:số\\s+)?(\\d{1,2})${SEP}`, 'iu');
const ORDINAL: Record<string, number> = { nhất: 1, hai: 2, ba: 3, i: 1, ii: 2, iii: 3 };

export function writtenItem(body: string): WrittenItem | null {
  const text = body.replace(/\s+/g, ' ').trim();
  let m: RegExpExecArray | null;
  if ((m = SUB_RE.exec(text))) return { kind: 'subproject', number: Number(m[1]), ofNumber: m[2] || m[3] ? Number(m[2] || m[3]) : null, name: (m[4] ?? '').trim() };
  if ((m = PROJECT_SUB_RE.exec(text))) return { kind: 'subproject', number: Number(m[2]), ofNumber: Number(m[1]), name: (m[3] ?? '').trim() };
  if ((m = PROJECT_RE.exec(text))) return { kind: 'project', number: Number(m[1]), ofNumber: null, name: (m[2] ?? '').trim() };
  if ((m = CONTENT_RE.exec(text))) return { kind: 'content', number: Number(m[1]), ofNumber: null, name: (m[2] ?? '').trim() };
  if ((m = COMPONENT_RE.exec(text))) return { kind: 'component', number: ORDINAL[m[1].toLowerCase()] ?? Number(m[1]), ofNumber: null, name: (m[2] ?? '').trim() };
  return null;
}

const FUNDING_START = /^(?:Nguồn vốn|Vốn|Kinh phí|Tổng\s*:|Tổng (?:kinh phí|vốn|nguồn vốn|nhu cầu|mức vốn|dự toán|cộng|số)|Dự toán|Nhu cầu (?:vốn|kinh phí)|Mức vốn|Ngân sách|Cơ cấu nguồn vốn|Nguồn kinh phí|Tổng nguồn lực)/iu;
const UNITS_START = /^(?:Đơn vị thực hiện|Đơn vị chủ trì|Cơ quan chủ trì|Cơ quan thực hiện|Phân công thực hiện|Đơn vị được giao)\s*:\s*(.+)$/iu;
const LEGAL_BASIS = /^(?:Căn cứ|Thực hiện (?:Quyết định|Nghị quyết|Công văn|Kế hoạch|Thông tư))/u;

const GIVEN_TO = /(?:^|[.;]\s+)Giao\s+(?:cho\s+)?(\p{Lu}[^.;,]*?)\s+(?:là đơn vị\s+)?(?:chủ trì|tổ chức thực hiện|thực hiện|triển khai)(?![\p{L}])/u;
const UNIT_PHRASE = /(?:^|[.;,]\s*)đơn vị (?:thực hiện|chủ trì)\s*:\s*(\p{Lu}[^.;]*)/iu;

/** The implementing unit named inside a sentence about something else (its money), if any. */
export function inlineUnit(text: string): string | null {
  const m = GIVEN_TO.exec(text) ?? UNIT_PHRASE.exec(text);
  return m ? m[1].replace(/\s+/g, ' ').trim() : null;
}

/** "Phòng Kinh tế chủ trì, phối hợp với …" → ["Phòng Kinh tế"]; "A; B." → ["A", "B"]. */
export function readUnits(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').replace(/[.;,\s]+$/u, '').trim();
  const lead = /^(.+?)\s+(?:là đơn vị\s+)?chủ trì(?![\p{L}])/iu.exec(clean);
  if (lead) return [lead[1].trim()];
  return clean
    .split(/\s*;\s*/)
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

function provenance(p: ReadParagraph, text = p.body): Provenance {
  return { block: p.index, section: p.section, quote: quoteOf(text) };
}

/** The text before the first colon names a source ("- Ngân sách trung ương: …"). */
function sourceLine(body: string): boolean {
  const head = body.split(':')[0];
  return head.length < 80 && namesSource(readSourceWords(head));
}

function isBullet(p: ReadParagraph): boolean {
  return p.label !== null && (p.label.kind === 'dash' || p.label.kind === 'plus');
}

/**
 * A funding statement starting at paragraph i: the paragraph, and — when it ends with a colon or
 * "trong đó" — the bullets under it that carry figures or name sources.
 */
function statementAt(paragraphs: ReadParagraph[], i: number, unit: MoneyUnit | null, inItem: boolean): { statement: DocStatement; next: number } {
  const first = paragraphs[i];
  const texts = [first.body];
  const parts = [provenance(first)];
  let j = i + 1;
  const opens = /(?::|trong đó|gồm|bao gồm|như sau)\s*:?\s*$/iu.test(first.body);
  while (j < paragraphs.length) {
    const p = paragraphs[j];
    // bullets, or — after "trong đó:" — the numbers one level down ("a)", "b)" under an unnumbered line)
    const deeper = p.label !== null && (first.label === null ? p.label.kind === 'letter' || p.label.kind === 'part' : p.label.rank > first.label.rank);
    const under = isBullet(p) || (opens && deeper);
    if (!under) break;
    const s = parseFunding(p.body, unit);
    if (!(opens || sourceLine(p.body)) || (s.figures.length === 0 && !sourceLine(p.body))) break;
    // under an item, "cụ thể:" may open its activities, each with money of its own: they are rows, not sources
    if (inItem && activityName(p.body, s) !== null) break;
    // nor is a line whose words make its money something else ("- Năm 2023 đã thực hiện 450 triệu đồng")
    if (!partOfStatement(p.body, s)) break;
    texts.push(p.body);
    parts.push(provenance(p));
    j++;
  }
  const text = texts.join('\n');
  return { statement: { statement: parseFunding(text, unit), from: { ...parts[0], quote: quoteOf(texts.join(' ')) }, parts }, next: j };
}

/**
 * Can a line under "trong đó:" / "cụ thể:" be a part of the money above it? Only when the words
 * before its amount name a source, a whole, a year of the period ("Năm 2024: …"), or nothing at
 * all ("- 300 triệu đồng (NSTW)"); a line about money done or given before is not.
 */
function partOfStatement(body: string, statement: FundingStatement): boolean {
  const first = statement.figures[0];
  if (!first) return true;
  const head = trimName(body.slice(0, first.at));
  if ((head.match(/\p{L}/gu) ?? []).length < 3) return true;
  const words = readSourceWords(head);
  if (namesSource(words) || words.whole || words.people) return true;
  if (/^năm\s+20\d\d$/iu.test(head)) return true;
  return !NOT_ACTIVITY.test(head);
}

/**
 * The name of an activity line: the words before its first amount, when they name no source and
 * no total ("Hỗ trợ phát triển sản xuất cho 20 hộ"); null when the line is not an activity.
 */
export function activityName(body: string, statement: FundingStatement): string | null {
  const first = statement.figures[0];
  if (!first || !hasWrittenMoney(statement)) return null;
  const head = body.slice(0, first.at);
  const name = trimName(head);
  if ((name.match(/\p{L}/gu) ?? []).length < 3) return null;
  const words = readSourceWords(head);
  if (namesSource(words) || words.whole || words.resources) return null;
  // "Năm 2022: 500 triệu đồng" splits a period's money by year, not by activity
  if (/^năm\s+20\d\d$/iu.test(name)) return null;
  // an item's other headings and sentences about its money are not activities ("Kết quả đầu ra: …", "Phấn đấu giải ngân …")
  if (NOT_ACTIVITY.test(name)) return null;
  if (FUNDING_START.test(name) || UNITS_START.test(body) || LEGAL_BASIS.test(body)) return null;
  return name;
}

/** A sentence whose words before its first amount speak of the money itself, not of money done or given before. */
function moneySentence(body: string, unit: MoneyUnit | null): boolean {
  const parsed = parseFunding(body, unit);
  if (!hasWrittenMoney(parsed) || activityName(body, parsed) !== null) return false;
  const head = body.slice(0, parsed.figures[0].at);
  return /(?:kinh phí|vốn|ngân sách|dự toán)/iu.test(head) && !NOT_ACTIVITY.test(head);
}

const NOT_ACTIVITY = /^(?:kết quả|mục tiêu|đối tượng|nội dung|địa bàn|thời gian|phạm vi|cơ chế|giải pháp|phân công)(?![\p{L}])|giải ngân|phấn đấu|kế hoạch vốn|lũy kế|luỹ kế|năm trước|đã (?:thực hiện|hỗ trợ|giao|phân bổ)/iu;
const WRITTEN_AMOUNT = /\d\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|trđ|tr\.|đồng|đ(?![\p{L}])|vnđ|vnd)/iu;

/**
 * A numbered or bulleted line of an item's section with money of its own, or "Tên hoạt động: số
 * tiền"; with the source lines one level down that split it ("+ Ngân sách trung ương: 120 triệu
 * đồng" under "- Hỗ trợ bữa ăn: 160 triệu đồng, trong đó:").
 */
function activityAt(paragraphs: ReadParagraph[], i: number, unit: MoneyUnit | null): { line: DocActivityLine; next: number } | null {
  const p = paragraphs[i];
  // most of an item's section is prose: only a written amount with its unit can make a line money
  if (!WRITTEN_AMOUNT.test(p.body)) return null;
  const statement = parseFunding(p.body, unit);
  const name = activityName(p.body, statement);
  if (name === null) return null;
  // an unnumbered sentence counts only in the shape "Tên hoạt động: số tiền"
  if (p.label === null && !/:\s*$/u.test(p.body.slice(0, statement.figures[0].at))) return null;
  const texts = [p.body];
  let j = i + 1;
  if (/(?::|trong đó|gồm|bao gồm)\s*:?\s*$/iu.test(p.body)) {
    const rank = p.label?.rank ?? -1;
    for (; j < paragraphs.length; j++) {
      const q = paragraphs[j];
      if (!q.label || q.label.rank <= rank || !isBullet(q) || !sourceLine(q.body)) break;
      texts.push(q.body);
    }
  }
  const text = texts.join('\n');
  const figures = texts.length > 1 ? parseFunding(text, unit).figures : statement.figures;
  return { line: { name, figures, from: { ...provenance(p), quote: quoteOf(texts.join(' ')) } }, next: j };
}

function codeOf(w: WrittenItem, project: DocItem | null, component: DocItem | null): string {
  switch (w.kind) {
    case 'project': return `DA${w.number}`;
    case 'subproject': return `DA${w.ofNumber ?? project?.written.number ?? 0}.TDA${w.number}`;
    case 'component': return `HP${w.number}`;
    case 'content': return component ? `HP${component.written.number}.ND${w.number}` : `HP1.ND${w.number}`;
  }
}

/** The name of a heading that also carries its money ("Dự án 2: 530 triệu đồng") is the text before the figure. */
function nameOf(w: WrittenItem): string {
  const figure = /\d[\d.,]*\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng)/iu.exec(w.name);
  return (figure ? w.name.slice(0, figure.index) : w.name).replace(/[\s:;,.–-]+$/u, '').trim();
}

/** Items and funding statements of the document. `unit` is the document's declared unit, if any. */
export function readItems(s: Structure, catalog: Catalog, unit: MoneyUnit | null): ItemsReading {
  const items: DocItem[] = [];
  const byCode = new Map<string, DocItem>();
  const summary: DocStatement[] = [];
  let project: DocItem | null = null;
  let sub: DocItem | null = null;
  let component: DocItem | null = null;
  // rank of the label that opened the current project (or component); a label of this rank or higher ends it
  let projectRank = Infinity;
  let subRank = Infinity;
  const ps = s.paragraphs;
  const policyEnds = new Map(policySections(ps).map((sec) => [sec.start, sec.end]));
  for (let i = 0; i < ps.length; ) {
    const p = ps[i];
    const written = writtenItem(p.body);
    const rank = p.label && p.label.kind !== 'dash' && p.label.kind !== 'plus' ? p.label.rank : Infinity;
    // an unnumbered line never ends a section (a Tiểu dự án written before any Dự án has no project rank to end at)
    if (!written && rank !== Infinity) {
      if (rank <= projectRank) {
        project = null;
        sub = null;
        projectRank = Infinity;
        subRank = Infinity;
        if (component && rank <= (component.heading.label?.rank ?? 1)) component = null;
      } else if (rank <= subRank) {
        sub = null;
        subRank = Infinity;
      }
    }
    // a policies section ("III. CÁC CHÍNH SÁCH GIẢM NGHÈO") is Biểu 02's, neither an item's nor the summary's
    const policyEnd = policyEnds.get(i);
    if (policyEnd !== undefined) {
      i = policyEnd;
      continue;
    }
    if (written) {
      const code = codeOf(written, written.kind === 'subproject' ? project : null, component);
      const name = nameOf(written);
      let item = byCode.get(code.toUpperCase()) ?? null;
      if (item) item.mentions.push(p);
      else {
        item = {
          heading: p,
          written: { ...written, name },
          writtenCode: code,
          entry: findByCode(catalog, code),
          byName: name ? bestMatch(catalog, name)?.entry ?? null : null,
          parent: null,
          children: [],
          statements: [],
          activities: [],
          mentions: [],
        };
        byCode.set(code.toUpperCase(), item);
        items.push(item);
      }
      if (written.kind === 'project' || written.kind === 'content') {
        project = item;
        sub = null;
        projectRank = rank === Infinity ? (p.label ? p.label.rank : 2) : rank;
        subRank = Infinity;
      } else if (written.kind === 'component') {
        component = item;
        project = null;
        sub = null;
        projectRank = rank === Infinity ? 1 : rank;
      } else {
        // "Tiểu dự án 3 thuộc Dự án 4" under "Dự án 2" belongs to Dự án 4 (if written) and ends Dự án 2 at its rank
        if (written.ofNumber !== null && project && project.written.number !== written.ofNumber) {
          if (rank <= projectRank) {
            project = null;
            projectRank = Infinity;
          }
        }
        const owner = written.ofNumber !== null && !project ? byCode.get(`DA${written.ofNumber}`) ?? null : project;
        if (owner && !item.parent && item !== owner) {
          item.parent = owner;
          if (!owner.children.includes(item)) owner.children.push(item);
        }
        sub = item;
        // "Tiểu dự án 2: …" without a number of its own ends where its project ends
        subRank = rank === Infinity ? projectRank : rank;
      }
      const headingUnit = item.units ? null : inlineUnit(p.body);
      if (headingUnit) item.units = { value: [headingUnit], from: provenance(p) };
      // a heading that carries its own money: "Dự án 2: 530 triệu đồng"
      const inHeading = parseFunding(written.name, unit);
      if (hasWrittenMoney(inHeading)) item.statements.push({ statement: parseFunding(p.body, unit), from: provenance(p), parts: [provenance(p)] });
      i++;
      continue;
    }
    const owner = sub ?? project;
    // "… . Giao Phòng Văn hóa và Thông tin huyện thực hiện." or "…; đơn vị thực hiện: Phòng …" inside another line
    const inline = owner && !owner.units && !UNITS_START.test(p.body) ? inlineUnit(p.body) : null;
    if (owner && inline) owner.units = { value: [inline], from: provenance(p) };
    const units = UNITS_START.exec(p.body);
    if (owner && units) {
      if (!owner.units) owner.units = { value: readUnits(units[1]), from: provenance(p) };
      i++;
      continue;
    }
    if (LEGAL_BASIS.test(p.body)) {
      i++;
      continue;
    }
    // "Tổng: 200 triệu đồng." after a Dự án's sub-projects, in the last one's section that already has its money: the Dự án's total
    if (sub?.parent && sub.statements.length > 0 && p.label === null && BARE_TOTAL.test(p.body)) {
      const parsed = parseFunding(p.body, unit);
      if (hasWrittenMoney(parsed)) {
        sub.parent.statements.push({ statement: parsed, from: provenance(p), parts: [provenance(p)] });
        i++;
        continue;
      }
    }
    const candidate = FUNDING_START.test(p.body) || sourceLine(p.body);
    if (candidate) {
      const { statement, next } = statementAt(ps, i, unit, owner !== null);
      const money = hasWrittenMoney(statement.statement) || allFigures(statement.statement.figures).some((f) => f.problem !== null || f.none);
      if (money) {
        if (owner) owner.statements.push(statement);
        else summary.push(statement);
        i = next;
        continue;
      }
    } else if (owner) {
      const found = activityAt(ps, i, unit);
      if (found) {
        owner.activities.push(found.line);
        i = found.next;
        continue;
      }
      // a sentence stating the item's money in other words ("Dự kiến kinh phí khoảng 85 triệu đồng từ nguồn …. Giao …")
      if (WRITTEN_AMOUNT.test(p.body) && moneySentence(p.body, unit)) {
        const { statement, next } = statementAt(ps, i, unit, true);
        owner.statements.push(statement);
        i = next;
        continue;
      }
    } else {
      // outside items, a sentence stating a total anywhere ("Tổng kinh phí thực hiện Kế hoạch là …")
      const parsed = parseFunding(p.body, unit);
      if (hasWrittenMoney(parsed) && /(?:tổng|kinh phí|vốn|ngân sách|nguồn lực|chương trình|chính sách)/iu.test(p.body.slice(0, Math.max(0, parsed.figures[0]?.at ?? 0)))) {
        summary.push({ statement: parsed, from: provenance(p), parts: [provenance(p)] });
      }
    }
    i++;
  }
  splitSubprojects(items, byCode, catalog, ps);
  return { items, summary };
}

const BARE_TOTAL = /^(?:Tổng|Tổng cộng|Cộng)\s*:\s*\d/iu;

const SUB_IN_LABEL = /Tiểu dự án\s+(?:số\s+)?(\d{1,2})(?![\d])/iu;

/**
 * A Dự án's statement that gives its Tiểu dự án their money in the sentence ("…, trong đó Tiểu dự
 * án 1 (…) là 900 triệu đồng, Tiểu dự án 2 (…) là 300 triệu đồng"): each such figure is a statement
 * of that sub-project, with the source words of the whole it is part of, so it is placed (or, when
 * the sub-project's own section says otherwise, DOC_ITEM_CONFLICT), and the Dự án's figure becomes
 * its total, checked against them.
 */
function splitSubprojects(items: DocItem[], byCode: Map<string, DocItem>, catalog: Catalog, ps: readonly ReadParagraph[]): void {
  for (const project of [...items]) {
    if (project.written.kind !== 'project') continue;
    for (const st of project.statements) {
      const found: Array<{ number: number; figure: Figure }> = [];
      const visit = (figures: Figure[], whole: Figure | null): void => {
        for (const f of figures) {
          const m = SUB_IN_LABEL.exec(f.label);
          if (m && whole) found.push({ number: Number(m[1]), figure: inheritWords(f, whole) });
          else visit(f.parts, f);
        }
      };
      visit(st.statement.figures, null);
      for (const { number, figure } of found) {
        const code = `DA${project.written.number}.TDA${number}`;
        let sub = byCode.get(code.toUpperCase()) ?? null;
        if (!sub) {
          const heading = ps.find((p) => p.index === st.from.block) ?? project.heading;
          sub = { heading, written: { kind: 'subproject', number, ofNumber: project.written.number, name: '' }, writtenCode: code, entry: findByCode(catalog, code), byName: null, parent: project, children: [], statements: [], activities: [], mentions: [] };
          byCode.set(code.toUpperCase(), sub);
          items.splice(items.indexOf(project) + 1 + project.children.length, 0, sub);
          project.children.push(sub);
        }
        sub.statements.push({ statement: { text: st.statement.text, figures: [figure], rates: [] }, from: st.from, parts: st.parts });
      }
    }
  }
}

/** A part taken out of its whole keeps the source words it inherited ("vốn sự nghiệp ngân sách trung ương"). */
function inheritWords(part: Figure, whole: Figure): Figure {
  const w = part.named;
  const p = whole.named;
  return { ...part, named: { ...w, budget: w.budget ?? (w.other === null ? p.budget : null), kind: w.kind ?? p.kind, other: w.other ?? (w.budget === null ? p.other : null) } };
}
