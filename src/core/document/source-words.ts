/**
 * The words that name a funding source in a plan's prose ("ngân sách trung ương", "NSĐP", "vốn sự
 * nghiệp", "huy động hợp pháp khác", "nhân dân đóng góp") and the words that say a figure is a
 * total, the programme's money, or a resource beyond it (other programmes, policies).
 * Matching is on folded text (no diacritics, lower case), as the catalogue matcher does.
 */
import { foldForMatch } from '../text/normalize';

export type Budget = 'central' | 'local' | 'state';
export type SpendKind = 'investment' | 'recurrent';
export type OtherSource = 'integrated' | 'credit' | 'mobilised';

export interface SourceWords {
  budget: Budget | null;
  kind: SpendKind | null;
  other: OtherSource | null;
  /** People's contributions (nhân dân đóng góp): mobilised money that is never vốn sự nghiệp. */
  people: boolean;
  /** "Tổng", "tổng cộng", "tổng nhu cầu": the figure is a whole. */
  whole: boolean;
  /** Names the poverty-reduction programme itself. */
  programme: boolean;
  /** "Tổng nguồn lực", "tổng các nguồn": all resources (Biểu 03 level). */
  resources: boolean;
  /** Another national target programme (integrated at the resources level). */
  otherProgramme: boolean;
  /** Policy money (chính sách tiếp cận các chiều thiếu hụt; not "tín dụng chính sách"). */
  policies: boolean;
  /** A word that names money at all (vốn, kinh phí, ngân sách, nguồn). */
  money: boolean;
}

export const NO_WORDS: SourceWords = {
  budget: null, kind: null, other: null, people: false, whole: false, programme: false, resources: false, otherProgramme: false, policies: false, money: false,
};

const has = (f: string, re: RegExp): boolean => re.test(f);

// the boundaries are spaces: folded text has no punctuation left
const CENTRAL = /(?:^| )(?:ngan sach trung uong|ngan sach tw|nstw|ns tw|nguon trung uong|von trung uong|trung uong ho tro|tu trung uong)(?: |$)/;
const LOCAL = /(?:^| )(?:ngan sach dia phuong|nsdp|ns dp|ngan sach tinh|ngan sach huyen|ngan sach thanh pho|ngan sach thi xa|ngan sach xa|ngan sach cap (?:tinh|huyen|xa)|von doi ung|doi ung tu ngan sach|dia phuong doi ung|ngan sach dia phuong doi ung)(?: |$)/;
const STATE = /(?:^| )(?:ngan sach nha nuoc|nsnn)(?: |$)/;
const INVESTMENT = /(?:^| )(?:dau tu phat trien|dtpt|von dau tu|chi dau tu)(?: |$)/;
const RECURRENT = /(?:^| )(?:su nghiep|sn|chi thuong xuyen|kinh phi thuong xuyen|von thuong xuyen)(?: |$)/;
const INTEGRATED = /(?:^| )(?:long ghep)(?: |$)/;
const CREDIT = /(?:^| )(?:tin dung|von vay|vay von|ngan hang chinh sach|nhcsxh)(?: |$)/;
const MOBILISED = /(?:^| )(?:huy dong|hop phap khac|xa hoi hoa|doanh nghiep|to chuc ca nhan|von khac|nguon khac|dong gop)(?: |$)/;
const PEOPLE = /(?:^| )(?:nhan dan dong gop|nguoi dan dong gop|dan dong gop|dong gop cua (?:nhan dan|nguoi dan|ho gia dinh|cong dong|ho)|nguoi dan doi ung|ho gia dinh doi ung|doi ung cua (?:nguoi dan|ho gia dinh|ho|cong dong)|cong dong dong gop|nhan dan)(?: |$)/;
const WHOLE = /(?:^| )(?:tong|tong cong|tong so|tong von|tong kinh phi|tong nhu cau|tong nguon)(?: |$)/;
const PROGRAMME = /(?:^| )chuong trinh (?:muc tieu quoc gia|mtqg) giam ngheo|(?:^| )chuong trinh giam ngheo|(?:^| )ctmtqg giam ngheo/;
const RESOURCES = /(?:^| )(?:tong nguon luc|tong cac nguon|toan bo nguon luc|cac nguon luc|tong nguon von huy dong)(?: |$)/;
const OTHER_PROGRAMME = /(?:^| )(?:chuong trinh (?:muc tieu quoc gia|mtqg) (?:khac|xay dung nong thon moi|phat trien kinh te xa hoi vung dong bao)|nong thon moi|vung dong bao dan toc thieu so|cac chuong trinh (?:muc tieu quoc gia|mtqg))(?: |$)/;
const POLICIES = /(?:^| )chinh sach(?: |$)/;
const CREDIT_POLICY = /(?:^| )(?:tin dung chinh sach|ngan hang chinh sach)(?: |$)/;
const MONEY = /(?:^| )(?:von|kinh phi|ngan sach|nguon|dau tu|du toan|chi phi|tong)(?: |$)/;

/** The source words in a phrase. */
export function readSourceWords(text: string): SourceWords {
  const f = foldForMatch(text);
  if (f === '') return NO_WORDS;
  const people = has(f, PEOPLE);
  const state = has(f, STATE);
  const central = has(f, CENTRAL);
  const local = has(f, LOCAL) && !/(?:^| )doi ung cua (?:nguoi dan|ho)/.test(f);
  // a phrase naming both budgets is the state budget as a whole ("ngân sách trung ương và địa phương")
  const budget: Budget | null = state || (central && local) ? 'state' : central ? 'central' : local ? 'local' : null;
  const investment = has(f, INVESTMENT);
  const recurrent = has(f, RECURRENT);
  const kind: SpendKind | null = investment && !recurrent ? 'investment' : recurrent && !investment ? 'recurrent' : null;
  const creditPolicy = has(f, CREDIT_POLICY);
  let other: OtherSource | null = null;
  if (people || has(f, MOBILISED)) other = 'mobilised';
  if (has(f, CREDIT)) other = 'credit';
  if (has(f, INTEGRATED)) other = 'integrated';
  return {
    budget,
    kind,
    other,
    people,
    whole: has(f, WHOLE),
    programme: has(f, PROGRAMME),
    resources: has(f, RESOURCES),
    otherProgramme: has(f, OTHER_PROGRAMME),
    policies: has(f, POLICIES) && !creditPolicy && !has(f, PROGRAMME),
    money: has(f, MONEY) || budget !== null || kind !== null || other !== null,
  };
}

/** Words of a phrase that name a source at all (budget, kind or another source). */
export function namesSource(w: SourceWords): boolean {
  return w.budget !== null || w.kind !== null || w.other !== null;
}
