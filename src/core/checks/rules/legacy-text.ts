/**
 * LEGACY_TEXT: text typed in TCVN3 (ABC) or VNI-Windows (domain.md §8), found by font name first
 * and character statistics second. One finding per sheet and encoding, with a sample and what it
 * becomes; the fix converts every such cell. Formulas are never looked at.
 */
import { cellAddress } from '../../book/address';
import { LegacyEncoding, convertLegacy, detectEncoding } from '../../text';
import { Finding } from '../finding';
import { Rule } from '../rule';
import { REPORT_SHEET } from '../report';
import { eachCell } from './cells';

const LABEL: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3', vni: 'VNI' };
const SAMPLE_LENGTH = 60;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > SAMPLE_LENGTH ? `${chars.slice(0, SAMPLE_LENGTH - 1).join('')}…` : text;
}

export const LEGACY_TEXT: Rule = {
  id: 'LEGACY_TEXT',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.model.snapshot.sheets) {
      // KH's own report quotes the legacy samples it found
      if (sheet.name === REPORT_SHEET) continue;
      const found = new Map<LegacyEncoding, { cells: string[]; sample: string; converted: string }>();
      eachCell(sheet, (row, col, value, formula) => {
        if (formula !== null || typeof value !== 'string' || value.startsWith('=')) return;
        const guess = detectEncoding(value, sheet.fonts?.[row]?.[col] ?? null);
        if (guess.encoding === 'unicode') return;
        const converted = convertLegacy(value, guess.encoding, { capitals: guess.capitals });
        // plain ASCII in a legacy font reads the same in Unicode
        if (converted === value.normalize('NFC')) return;
        const group = found.get(guess.encoding) ?? { cells: [], sample: clip(value), converted: clip(converted) };
        found.set(guess.encoding, group);
        group.cells.push(cellAddress(row, col));
      });
      for (const [encoding, g] of found) {
        out.push({
          rule: 'LEGACY_TEXT',
          severity: 'warning',
          sheet: sheet.name,
          cell: g.cells[0],
          message: { key: 'rule.LEGACY_TEXT.message', params: { count: g.cells.length, encoding: LABEL[encoding], cell: g.cells[0], sample: g.sample, converted: g.converted } },
          hint: { key: 'rule.LEGACY_TEXT.hint', params: {} },
          fix: { kind: 'convertText', sheet: sheet.name, cells: g.cells, encoding },
        });
      }
    }
    return out;
  },
};
