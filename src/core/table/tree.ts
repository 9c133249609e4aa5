/**
 * The row tree of an officer's table: who adds into whom. Read from STT (A, B / I, II / 1, 2 /
 * 1.1 / a), b), đ) / - / +), from a label written at the start of the name when there is no STT
 * ("1. …", "- …"), from catalogue names ("Dự án 3", "Tiểu dự án 2: …"), and, in a table with no
 * numbering at all, from indentation and bold. Total rows ("TỔNG CỘNG", "Tổng số", "Cộng") sum the
 * top of the tree.
 */
import { parseLabel, splitHeading } from '../outline';
import { foldForMatch } from '../text/normalize';

export interface RowShape {
  /** The STT cell as read (text decoded). */
  stt: string | number | null;
  label: string;
  bold: boolean;
  indent: number;
  /** The STT cell lies in a merged area started on an earlier row. */
  sttContinued: boolean;
  /** The name cell too: the row continues the item above (a second implementing unit). */
  labelContinued?: boolean;
  /** What the row's name says it is: a Dự án / Hợp phần, or a Tiểu dự án / Nội dung thành phần below one. */
  catalogKind: 'project' | 'sub' | null;
}

export interface RowTree {
  parent: Array<number | null>;
  children: number[][];
  total: boolean[];
  /** The rank each row was placed at (smaller is higher). */
  rank: number[];
}

const TOTAL = /^(tong cong|tong so|tong|cong|toan tinh|toan huyen|toan xa|toan thanh pho|toan thi xa|tong cong von|tong von)\b/;
/** Words that, after "Tổng", make a row a part rather than the table's total ("Tổng hợp…" is a title). */
const NOT_TOTAL = /^(tong hop|tong ket|cong trinh|cong tac|cong nghe|cong dong|cong khai|cong an|cong nhan|cong ty|cong vien|cong viec)\b/;

export function isTotalLabel(label: string): boolean {
  const f = foldForMatch(label);
  return TOTAL.test(f) && !NOT_TOTAL.test(f);
}

const NO_LABEL = 10;

/** The rank a row's own numbering gives it; null when it has none. */
export function labelRank(stt: string | number | null, label: string): number | null {
  const fromStt = stt === null || stt === '' ? null : parseLabel(stt);
  if (fromStt) return fromStt.rank;
  // a bare "a", "b", "đ" in the STT column is an item letter, as "a)" is
  if (typeof stt === 'string') {
    const bare = parseLabel(`${stt.trim()})`);
    if (bare?.kind === 'letter' && /^[a-zđ]$/.test(stt.trim())) return bare.rank;
  }
  if (stt === null || stt === '') {
    const heading = splitHeading(label);
    if (heading) return heading.label.rank;
  }
  return null;
}

export function buildTree(rows: readonly RowShape[]): RowTree {
  const n = rows.length;
  const parent: Array<number | null> = new Array(n).fill(null);
  const children: number[][] = Array.from({ length: n }, () => []);
  const total: boolean[] = rows.map((r) => (r.stt === null || r.stt === '' || typeof r.stt === 'string') && isTotalLabel(r.label) && labelRank(r.stt, r.label) === null);
  const numbered = rows.some((r, i) => !total[i] && labelRank(r.stt, r.label) !== null);
  const indented = rows.some((r) => r.indent > 0);
  const rank: number[] = new Array(n).fill(NO_LABEL);
  let lastProject = -1;
  for (let i = 0; i < n; i++) {
    if (total[i]) continue;
    const r = rows[i];
    const own = labelRank(r.stt, r.label);
    if (own !== null) rank[i] = own;
    else if (r.sttContinued && r.labelContinued && i > 0) rank[i] = rank[i - 1];
    // a Tiểu dự án hangs below the Dự án above it, whatever numbering that one has
    else if (r.catalogKind === 'sub' && lastProject >= 0) rank[i] = rank[lastProject] + 0.5;
    else if (r.catalogKind === 'project') rank[i] = lastProject >= 0 ? rank[lastProject] : 1;
    else if (r.catalogKind === 'sub') rank[i] = 2;
    else if (r.sttContinued && i > 0) rank[i] = rank[i - 1];
    // no numbering anywhere: indentation; bold above plain only where nothing is indented
    else if (!numbered) rank[i] = 3 + (indented ? r.indent : r.bold ? 0 : 0.5);
    if (r.catalogKind === 'project') lastProject = i;
  }
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (total[i]) continue;
    while (stack.length > 0 && rank[stack[stack.length - 1]] >= rank[i]) stack.pop();
    const p = stack.length > 0 ? stack[stack.length - 1] : null;
    parent[i] = p;
    if (p !== null) children[p].push(i);
    // a row without any numbering in a numbered table is a detail line: nothing hangs below it
    if (rank[i] < NO_LABEL) stack.push(i);
  }
  // a total sums the top of the tree
  for (let i = 0; i < n; i++) {
    if (!total[i]) continue;
    for (let k = 0; k < n; k++) if (k !== i && !total[k] && parent[k] === null) children[i].push(k);
  }
  return { parent, children, total, rank };
}
