/**
 * DANGEROUS_CONTENT: what acts instead of computing — DDE (`=cmd|'/c calc'!A1`), functions that
 * call code or the network (WEBSERVICE, FILTERXML, CALL, REGISTER, EXEC…), links to other
 * workbooks (formulas and the file's external-link parts), hyperlinks to `javascript:`, `file:`
 * or `\\host\share`. An error with the cell; `kh send-safe` replaces each by its value. Works on
 * any workbook, from the snapshot alone.
 */
import { cellAddress } from '../../book/address';
import { formulaDanger, linkDanger } from '../../book/danger';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { eachCell } from './cells';

const HINT = { key: 'rule.DANGEROUS_CONTENT.hint', params: {} } as const;

function shown(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

export const DANGEROUS_CONTENT: Rule = {
  id: 'DANGEROUS_CONTENT',
  severity: 'error',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    const { snapshot } = ctx.model;
    for (const sheet of snapshot.sheets) {
      // links to one other workbook are one finding, its other cells related (a linked column has hundreds)
      const links = new Map<string, Finding>();
      eachCell(sheet, (row, col, _value, formula) => {
        const danger = formulaDanger(formula);
        if (!danger) return;
        const cell = cellAddress(row, col);
        // `[1]Sheet!A1`: the file is named by the workbook's first external-link part, when read
        if (danger.kind === 'external' && /^\d+$/.test(danger.what)) danger.what = snapshot.externalLinks?.[Number(danger.what) - 1] ?? `[${danger.what}]`;
        if (danger.kind === 'external') {
          const seen = links.get(danger.what.toLowerCase());
          if (seen) {
            seen.related = [...(seen.related ?? []), cell];
            return;
          }
        }
        const finding: Finding = {
          rule: 'DANGEROUS_CONTENT',
          severity: 'error',
          sheet: sheet.name,
          cell,
          message: { key: `rule.DANGEROUS_CONTENT.${danger.kind}`, params: { cell, what: shown(danger.what), formula: shown(formula ?? '') } },
          hint: HINT,
        };
        if (danger.kind === 'external') links.set(danger.what.toLowerCase(), finding);
        out.push(finding);
      });
      for (const link of sheet.hyperlinks ?? []) {
        const danger = linkDanger(link.target);
        if (!danger) continue;
        out.push({
          rule: 'DANGEROUS_CONTENT',
          severity: 'error',
          sheet: sheet.name,
          cell: link.cell,
          message: { key: 'rule.DANGEROUS_CONTENT.hyperlink', params: { cell: link.cell, what: shown(danger.what) } },
          hint: HINT,
        });
      }
    }
    for (const target of snapshot.externalLinks ?? []) {
      out.push({ rule: 'DANGEROUS_CONTENT', severity: 'error', sheet: '', cell: '', message: { key: 'rule.DANGEROUS_CONTENT.externalPart', params: { what: shown(target) } }, hint: HINT });
    }
    return out;
  },
};
