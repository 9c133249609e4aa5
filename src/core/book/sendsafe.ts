/**
 * Send-safe: before a plan leaves the office, every KH.* formula becomes something any Excel,
 * LibreOffice or WPS computes — the native check formula where KH knows the cell's role (the check
 * column of its own sheets), its current value everywhere else (an array result is frozen whole).
 * Returns the patch and a report of every cell changed.
 */
import { CellSpec, CellValue, SheetSpec, WorkbookDescription } from './model';
import { WorkbookSnapshot, findSheet, isBlank } from './snapshot';
import { generatedSheets } from './generate';
import { ROWS, planColumns } from './layout';
import { cellAddress, parseCell } from './address';
import { formulaDanger, linkDanger } from './danger';
import { nativeCheckFormula } from './template';
import { Programme, parseProgramme, DEFAULT_PROGRAMME } from '../programme';

export interface SendSafeChange {
  sheet: string;
  cell: string;
  before: string;
  /**
   * 'native': replaced by the equivalent native formula; 'value': frozen to its current value;
   * 'unlink': a dangerous hyperlink taken off, the cell's text kept.
   */
  action: 'native' | 'value' | 'unlink';
  after: string | number | boolean | null;
}

export interface SendSafeResult {
  patch: WorkbookDescription;
  changes: SendSafeChange[];
}

const KH_CALL = /(^|[^A-Za-z0-9_.])KH\.[A-Za-z_]+\s*\(/i;
/** Functions whose result spills over several cells. */
const ARRAY_FUNCTIONS = /KH\.(ROLLUP|CHECK_SOURCES|DOIDONVI|CHUYENMA)\s*\(/i;

export function usesKhFunction(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && KH_CALL.test(formula);
}

function programmeOf(snapshot: WorkbookSnapshot): Programme {
  const meta = findSheet(snapshot, '_kh');
  const row = meta?.values.find((r) => r[0] === 'programme');
  return parseProgramme(typeof row?.[1] === 'string' ? row[1] : null) ?? DEFAULT_PROGRAMME;
}

export function sendSafe(snapshot: WorkbookSnapshot): SendSafeResult {
  const ours = generatedSheets(snapshot);
  const programme = programmeOf(snapshot);
  const changes: SendSafeChange[] = [];
  const sheets: SheetSpec[] = [];

  for (const sheet of snapshot.sheets) {
    const role = [...ours.values()].find((o) => o.name.toLowerCase() === sheet.name.toLowerCase())?.role;
    const layout = role === 'project' || role === 'summary' ? planColumns(programme)[role] : null;
    const writes = new Map<string, { row: number; col: number; spec: CellSpec }>();
    const set = (row: number, col: number, spec: CellSpec): void => {
      writes.set(`${row}:${col}`, { row, col, spec });
    };
    sheet.formulas.forEach((line, r) => {
      line.forEach((formula, c) => {
        // DDE, WEBSERVICE, links to other files…: the figure stays, what acts goes
        if (formulaDanger(formula)) {
          const value: CellValue = sheet.values[r]?.[c] ?? null;
          set(r, c, { value });
          changes.push({ sheet: sheet.name, cell: cellAddress(r, c), before: formula as string, action: 'value', after: value });
          return;
        }
        if (!usesKhFunction(formula)) return;
        const address = cellAddress(r, c);
        if (layout && c === layout.index.check && r >= ROWS.firstData) {
          const native = nativeCheckFormula(layout.letter, r + 1);
          set(r, c, { formula: native });
          changes.push({ sheet: sheet.name, cell: address, before: formula as string, action: 'native', after: native });
          return;
        }
        const value: CellValue = sheet.values[r]?.[c] ?? null;
        set(r, c, { value });
        changes.push({ sheet: sheet.name, cell: address, before: formula as string, action: 'value', after: value });
        if (!ARRAY_FUNCTIONS.test(formula as string)) return;
        // freeze the spilled cells too: they hold values without formulas and would vanish
        const width = (() => {
          let w = 1;
          while (!isBlank(sheet.values[r]?.[c + w] ?? null) && !sheet.formulas[r]?.[c + w]) w++;
          return w;
        })();
        for (let rr = r; rr < sheet.values.length; rr++) {
          if (rr > r && (isBlank(sheet.values[rr]?.[c] ?? null) || sheet.formulas[rr]?.[c])) break;
          for (let cc = c; cc < c + width; cc++) {
            if (rr === r && cc === c) continue;
            if (sheet.formulas[rr]?.[cc]) continue;
            set(rr, cc, { value: sheet.values[rr]?.[cc] ?? null });
          }
        }
      });
    });
    for (const link of sheet.hyperlinks ?? []) {
      if (!linkDanger(link.target)) continue;
      const at = parseCell(link.cell);
      if (!at) continue;
      // writing the cell's text again replaces the link (exceljs keeps it in the value)
      const value: CellValue = sheet.values[at.row]?.[at.col] ?? null;
      if (!writes.has(`${at.row}:${at.col}`)) set(at.row, at.col, { value });
      changes.push({ sheet: sheet.name, cell: link.cell, before: link.target, action: 'unlink', after: value });
    }
    if (writes.size === 0) continue;
    sheets.push({ name: sheet.name, role: role === 'project' || role === 'summary' ? role : 'check', blocks: [...writes.values()].map((w) => ({ row: w.row, col: w.col, cells: [[w.spec]] })) });
  }
  return { patch: { sheets, names: [], styles: {} }, changes };
}
