/**
 * An officer's workbook (a corpus .xlsx) put into the strict Excel fake through office.js calls, as
 * if the officer had opened it in Excel: values, formulas (with the values Excel had cached), number
 * formats, fonts, bold, indents, merged areas, hidden rows. The same script runs in jsdom on the
 * fake and in Chromium on the playground's Excel.run (`loadScript` refers to nothing outside itself,
 * so its source can be sent to the page).
 */
import type { WorkbookSnapshot } from '../../src/core/book/snapshot';
import { cellAddress } from '../../src/core/book/address';
import { xlsxToSnapshot } from '../../src/workbook/exceljs';
import { ExcelFake } from '../../src/testing/excel-fake';

export interface ScriptCell {
  r: number;
  c: number;
  /** What is typed: a number, text (written with the apostrophe so Excel keeps it as text), or a formula. */
  input: string | number | boolean;
  /** A formula's cached value. */
  computed?: string | number | boolean | null;
  fmt?: string;
  font?: string;
  bold?: boolean;
  indent?: number;
}

export interface ScriptSheet {
  name: string;
  cells: ScriptCell[];
  merges: string[];
  hiddenRows: number[];
}

export interface WorkbookScript {
  sheets: ScriptSheet[];
}

export function scriptFromSnapshot(snapshot: WorkbookSnapshot): WorkbookScript {
  return {
    sheets: snapshot.sheets.map((s) => {
      const emphasis = new Map((s.styles ?? []).map((e) => [`${e.row}:${e.col}`, e]));
      const cells: ScriptCell[] = [];
      const rows = Math.max(s.values.length, s.formulas.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(s.values[r]?.length ?? 0, s.formulas[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const formula = s.formulas[r]?.[c] ?? null;
          const value = s.values[r]?.[c] ?? null;
          if (formula === null && (value === null || value === '')) continue;
          const e = emphasis.get(`${r}:${c}`);
          const cell: ScriptCell = { r, c, input: formula ?? (typeof value === 'string' ? `'${value}` : (value as number | boolean)) };
          if (formula !== null) cell.computed = value as ScriptCell['computed'];
          const fmt = s.numberFormats?.[r]?.[c];
          if (fmt && fmt !== 'General') cell.fmt = fmt;
          const font = s.fonts?.[r]?.[c];
          if (font) cell.font = font;
          if (e?.bold) cell.bold = true;
          if (e?.indent) cell.indent = e.indent;
          cells.push(cell);
        }
      }
      return { name: s.name, cells, merges: s.merges ?? [], hiddenRows: s.hiddenRows ?? [] };
    }),
  };
}

type AnyRun = (batch: (context: any) => Promise<unknown>) => Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Writes the script through office.js calls (one sync). Self-contained on purpose: the browser test
 * sends its source to the page. A first sheet the workbook started with ("Sheet1") is removed.
 */
export async function loadScript(run: AnyRun, script: WorkbookScript): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const before: string[] = sheets.items.map((s: { name: string }) => s.name);
    for (const sheet of script.sheets) {
      const ws = sheets.add(sheet.name);
      for (const cell of sheet.cells) {
        const range = ws.getRangeByIndexes(cell.r, cell.c, 1, 1);
        if (cell.fmt) range.numberFormat = [[cell.fmt]];
        range.formulas = [[cell.input]];
        if (cell.font) range.format.font.name = cell.font;
        if (cell.bold) range.format.font.bold = true;
        if (cell.indent) range.format.indentLevel = cell.indent;
      }
      for (const m of sheet.merges) ws.getRange(m).merge(false);
      for (const r of sheet.hiddenRows) ws.getRangeByIndexes(r, 0, 1, 1).getEntireRow().rowHidden = true;
    }
    for (const name of before) if (!script.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) sheets.getItem(name).delete();
    await context.sync();
  });
}

/** A corpus workbook's bytes in a fresh fake, formulas holding the values the file had cached. */
export async function officerWorkbookInFake(bytes: Buffer, options: { api?: string } = {}): Promise<{ fake: ExcelFake; script: WorkbookScript }> {
  const script = scriptFromSnapshot(await xlsxToSnapshot(bytes));
  const fake = new ExcelFake();
  await loadScript((batch) => fake.run(batch as never), script);
  // the officer's Excel may be older than the one that wrote the file
  fake.supportedApi = options.api ?? '1.17';
  for (const sheet of script.sheets) {
    for (const cell of sheet.cells) if (cell.computed !== undefined && cell.computed !== null) fake.setComputedValue(sheet.name, cellAddress(cell.r, cell.c), cell.computed);
  }
  fake.resetCounters();
  return { fake, script };
}
