/**
 * What the recogniser read and could not read, as findings: TABLE (information: each table
 * recognised, its columns, unit and how sure KH is; a sheet of figures with no table KH could
 * read, and why), UNMAPPED_COLUMN (money under a header that names no known source), UNIT_UNKNOWN
 * (no unit said and none the magnitudes tell; a unit said that the figures contradict).
 */
import { cellAddress } from '../../book/address';
import { UNIT_LABEL_VI } from '../../units';
import { Finding } from '../finding';
import { amountKeysOf } from '../model';
import { Rule } from '../rule';
import { columnLabel } from './helpers';

export const TABLE: Rule = {
  id: 'TABLE',
  severity: 'info',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.model.tables) {
      if (table.origin !== 'recognised') continue;
      const range = `${cellAddress(table.header.top, table.left)}:${cellAddress(table.data.bottom, table.right)}`;
      const params = {
        range,
        rows: table.rows.length,
        columns: amountKeysOf(table).map((k) => `${columnLabel(table.programme, k)} (${cellAddress(table.header.bottom, table.amountCols[k] as number).replace(/\d+$/, '')})`).join(', '),
        unit: table.unit ? UNIT_LABEL_VI[table.unit] : '?',
        confidence: table.confidence,
        period: table.period ? ` — ${table.period}` : '',
      };
      out.push({
        rule: 'TABLE',
        severity: 'info',
        sheet: table.name,
        cell: cellAddress(table.header.top, table.left),
        message: { key: table.rowAxis === 'localities' ? 'rule.TABLE.localities' : 'rule.TABLE.message', params },
      });
    }
    for (const rec of ctx.model.recognition) {
      for (const note of rec.notes) {
        if (note.kind === 'notCalculated') {
          out.push({ rule: 'TABLE', severity: 'info', sheet: note.sheet, cell: note.cell, message: { key: 'rule.TABLE.notCalculated', params: { count: note.count, cell: note.cell } }, hint: { key: 'rule.TABLE.notCalculatedHint', params: {} } });
        }
      }
      if (rec.unrecognised) {
        out.push({
          rule: 'TABLE',
          severity: 'info',
          sheet: rec.sheet,
          cell: '',
          message: { key: rec.unrecognised === 'noHeader' ? 'rule.TABLE.noHeader' : 'rule.TABLE.noMoneyColumn', params: {} },
          hint: { key: 'rule.TABLE.noneHint', params: {} },
        });
      }
    }
    return out;
  },
};

export const UNMAPPED_COLUMN: Rule = {
  id: 'UNMAPPED_COLUMN',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const rec of ctx.model.recognition) {
      for (const note of rec.notes) {
        if (note.kind === 'unmappedColumn') {
          out.push({ rule: 'UNMAPPED_COLUMN', severity: 'warning', sheet: note.sheet, cell: note.cell, message: { key: 'rule.UNMAPPED_COLUMN.message', params: { cell: note.cell, header: note.header } }, hint: { key: 'rule.UNMAPPED_COLUMN.hint', params: {} } });
        } else if (note.kind === 'duplicateColumn') {
          out.push({ rule: 'UNMAPPED_COLUMN', severity: 'warning', sheet: note.sheet, cell: note.cell, message: { key: 'rule.UNMAPPED_COLUMN.duplicate', params: { cell: note.cell, header: note.header, first: note.first } }, hint: { key: 'rule.UNMAPPED_COLUMN.duplicateHint', params: {} } });
        }
      }
    }
    return out;
  },
};

export const UNIT_UNKNOWN: Rule = {
  id: 'UNIT_UNKNOWN',
  severity: 'warning',
  needsLayout: false,
  run(ctx) {
    const out: Finding[] = [];
    for (const rec of ctx.model.recognition) {
      for (const note of rec.notes) {
        if (note.kind === 'unitUnknown') {
          out.push({ rule: 'UNIT_UNKNOWN', severity: 'warning', sheet: note.sheet, cell: note.cell, message: { key: 'rule.UNIT_UNKNOWN.message', params: {} }, hint: { key: 'rule.UNIT_UNKNOWN.hint', params: {} } });
        } else if (note.kind === 'unitInferred') {
          out.push({ rule: 'UNIT_UNKNOWN', severity: 'info', sheet: note.sheet, cell: note.cell, message: { key: 'rule.UNIT_UNKNOWN.inferred', params: { unit: UNIT_LABEL_VI[note.unit] } }, hint: { key: 'rule.UNIT_UNKNOWN.inferredHint', params: { unit: UNIT_LABEL_VI[note.unit] } } });
        } else if (note.kind === 'unitMismatch') {
          out.push({ rule: 'UNIT_UNKNOWN', severity: 'warning', sheet: note.sheet, cell: note.cell, message: { key: 'rule.UNIT_UNKNOWN.mismatch', params: { cell: note.cell, unit: UNIT_LABEL_VI[note.unit], typical: note.typical } }, hint: { key: 'rule.UNIT_UNKNOWN.mismatchHint', params: {} } });
        }
      }
    }
    return out;
  },
};
