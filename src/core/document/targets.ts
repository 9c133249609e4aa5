/**
 * Targets (chỉ tiêu) of a plan's "Mục tiêu cụ thể": each clause with exactly one figure and its
 * unit ("Đào tạo nghề cho 185 lao động", "giảm tỷ lệ hộ nghèo 0,8%") becomes a target of the
 * targets annex. A clause with several figures is left alone rather than split by guesswork.
 */
import { parseAmount } from '../money';
import type { Target } from '../plan';
import { Provenance, quoteOf } from './model';
import { ReadParagraph } from './structure';

export interface ReadTarget {
  target: Target;
  from: Provenance;
}

const HEADING = /^(?:Mục tiêu cụ thể|Các chỉ tiêu|Chỉ tiêu cụ thể|Chỉ tiêu chủ yếu|Chỉ tiêu)(?![\p{L}])/iu;
const UNITS = '%|lượt người|lượt|lao động|người|hộ|học sinh|trẻ em|trẻ|xã|thôn|bản|mô hình|công trình|km|ha|lớp|cán bộ|phiếu|dự án';
const FIGURE = new RegExp(`(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)\\s*(${UNITS})(?![\\p{L}])`, 'giu');

function clauses(text: string): string[] {
  const inner: string[] = [];
  const outer = text.replace(/\(([^()]*)\)/g, (_, c: string) => {
    inner.push(c);
    return ' ';
  });
  return [outer, ...inner].flatMap((t) => t.split(/;|,(?!\d)|\.\s+(?=\p{Lu})/u)).map((c) => c.trim()).filter(Boolean);
}

function nameOf(clause: string, figure: string): string {
  const name = clause
    .replace(figure, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:[-–+•]\s*)?(?:trong đó\s*)?/iu, '')
    .replace(/[\s.:;,)(]+$/u, '')
    .replace(/\s+(?:là|đạt|còn|trên|khoảng|đến|cho)$/iu, '')
    .trim();
  return name ? name[0].toUpperCase() + name.slice(1) : name;
}

export function readTargets(paragraphs: ReadParagraph[]): ReadTarget[] {
  const out: ReadTarget[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const h = paragraphs[i];
    if (!HEADING.test(h.body)) continue;
    const rank = h.label?.rank ?? Infinity;
    for (let j = i + 1; j < paragraphs.length; j++) {
      const p = paragraphs[j];
      if (p.label && p.label.kind !== 'dash' && p.label.kind !== 'plus' && p.label.rank <= rank) break;
      for (const clause of clauses(p.body)) {
        const found = [...clause.matchAll(FIGURE)];
        if (found.length !== 1) continue;
        const [whole, number, unit] = found[0];
        const parsed = parseAmount(number);
        if (!parsed.ok) continue;
        const name = nameOf(clause, whole);
        if (name.length < 3) continue;
        out.push({ target: { name, unit: unit.toLowerCase() === '%' ? '%' : unit, planned: parsed.value }, from: { block: p.index, section: p.section, quote: quoteOf(p.body) } });
      }
    }
    break;
  }
  return out;
}
