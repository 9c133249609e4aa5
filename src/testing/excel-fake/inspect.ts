/** Plain views of the fake's workbook for assertions, without going through the API. */
import { cellKey, containsCell, formatRef, parseAddress, rect, columnName, type Rect } from './address';
import { formatText, readFormula, readValue, valueType, type CellValue, type RangeValueType } from './cells';
import type { ChartState } from './charts';
import { BORDER_SIDES, getFormat, type BorderSide } from './formats';
import {
  findSheetById, usedRect, type PageLayoutState, type ProtectionOptions, type SheetState, type ValidationRule, type WorkbookState,
} from './state';

export interface BorderView {
  style: string;
  weight: string;
  color: string;
}

export interface CellView {
  address: string;
  /** '' when empty; null for a formula whose value the fake does not know. */
  value: CellValue | null;
  formula: string | null;
  text: string;
  type: RangeValueType;
  numberFormat: string;
  /** Entered with a leading apostrophe. */
  quotePrefix: boolean;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string; underline: string; strikethrough: boolean };
  /** null: no fill. */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
  formulaHidden: boolean;
  borders: Record<BorderSide, BorderView>;
  /** The merged area the cell belongs to ("A1:C1"), else null. */
  mergedArea: string | null;
}

export interface ValidationView {
  address: string;
  rule: ValidationRule;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
}

export interface NameView {
  name: string;
  formula: string;
  /** 'Workbook' or the name of the sheet it belongs to. */
  scope: string;
  comment: string;
  visible: boolean;
}

export function nameViews(wb: WorkbookState, sheetId?: string): NameView[] {
  return wb.names
    .filter((n) => sheetId === undefined || n.sheetId === sheetId)
    .map((n) => ({
      name: n.name,
      formula: n.formula,
      scope: n.sheetId === null ? 'Workbook' : (findSheetById(wb, n.sheetId)?.name ?? '?'),
      comment: n.comment,
      visible: n.visible,
    }));
}

function fmt<T>(s: SheetState, row: number, col: number, prop: string): T {
  return getFormat(s.formats, row, col, prop) as T;
}

export function cellView(s: SheetState, row: number, col: number): CellView {
  const c = s.cells.get(cellKey(row, col));
  const numberFormat = fmt<string>(s, row, col, 'numberFormat');
  const value = readValue(c);
  const merge = s.merges.find((m) => containsCell(m, row, col));
  const borders = Object.fromEntries(
    BORDER_SIDES.map((side) => [
      side,
      { style: fmt<string>(s, row, col, `border.${side}.style`), weight: fmt<string>(s, row, col, `border.${side}.weight`), color: fmt<string>(s, row, col, `border.${side}.color`) },
    ]),
  ) as Record<BorderSide, BorderView>;
  return {
    address: formatRef(rect(row, col)),
    value,
    formula: c?.formula ?? null,
    text: formatText(value, numberFormat),
    type: valueType(c),
    numberFormat,
    quotePrefix: c?.quotePrefix === true,
    font: {
      name: fmt(s, row, col, 'font.name'),
      size: fmt(s, row, col, 'font.size'),
      bold: fmt(s, row, col, 'font.bold'),
      italic: fmt(s, row, col, 'font.italic'),
      color: fmt(s, row, col, 'font.color'),
      underline: fmt(s, row, col, 'font.underline'),
      strikethrough: fmt(s, row, col, 'font.strikethrough'),
    },
    fill: fmt(s, row, col, 'fill.color'),
    horizontalAlignment: fmt(s, row, col, 'horizontalAlignment'),
    verticalAlignment: fmt(s, row, col, 'verticalAlignment'),
    wrapText: fmt(s, row, col, 'wrapText'),
    indentLevel: fmt(s, row, col, 'indentLevel'),
    locked: fmt(s, row, col, 'locked'),
    formulaHidden: fmt(s, row, col, 'formulaHidden'),
    borders,
    mergedArea: merge ? formatRef(merge) : null,
  };
}

/** A live view of one sheet: every read looks at the workbook as it is now. */
export class SheetView {
  constructor(
    private readonly workbook: () => WorkbookState,
    private readonly sheetId: string,
  ) {}

  private get s(): SheetState {
    const s = findSheetById(this.workbook(), this.sheetId);
    if (!s) throw new Error('excel-fake: the sheet of this view was deleted');
    return s;
  }

  private rectOf(address?: string): Rect {
    if (address === undefined) return usedRect(this.s, true) ?? rect(0, 0);
    return parseAddress(address).rect;
  }

  get name(): string {
    return this.s.name;
  }
  get id(): string {
    return this.sheetId;
  }
  get position(): number {
    return this.workbook().sheets.indexOf(this.s);
  }
  get visibility(): string {
    return this.s.visibility;
  }
  get active(): boolean {
    return this.workbook().activeSheetId === this.sheetId;
  }
  /** The charts on the sheet (names, types, series as range addresses). */
  get charts(): ChartState[] {
    return structuredClone(this.s.charts);
  }
  get tabColor(): string {
    return this.s.tabColor;
  }
  get showGridlines(): boolean {
    return this.s.showGridlines;
  }
  get protected(): boolean {
    return this.s.protection.protected;
  }
  get protection(): { protected: boolean; options: ProtectionOptions; hasPassword: boolean } {
    const p = this.s.protection;
    return { protected: p.protected, options: { ...p.options }, hasPassword: p.password !== null };
  }

  /** One cell: value, formula, formats. */
  cell(address: string): CellView {
    const r = parseAddress(address).rect;
    return cellView(this.s, r.top, r.left);
  }

  /** Values of a block (default: the used range); '' for empty cells, null for unknown formula values. */
  values(address?: string): (CellValue | null)[][] {
    const r = this.rectOf(address);
    return this.grid(r, (row, col) => readValue(this.s.cells.get(cellKey(row, col))));
  }

  /** Formulas (or constants) of a block (default: the used range). */
  formulas(address?: string): CellValue[][] {
    const r = this.rectOf(address);
    return this.grid(r, (row, col) => readFormula(this.s.cells.get(cellKey(row, col))));
  }

  private grid<T>(r: Rect, fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(fn(row, col));
      out.push(line);
    }
    return out;
  }

  /** "A1:C5" of cells with content or cell formats, null when none (getUsedRange(false)). */
  get usedAddress(): string | null {
    const r = usedRect(this.s, false);
    return r ? formatRef(r) : null;
  }
  /** "A1:C5" of cells with content, null when none (getUsedRange(true)). */
  get usedValuesAddress(): string | null {
    const r = usedRect(this.s, true);
    return r ? formatRef(r) : null;
  }
  get merges(): string[] {
    return this.s.merges.map((m) => formatRef(m));
  }
  get frozen(): { rows: number; columns: number } {
    return { ...this.s.frozen };
  }
  get validations(): ValidationView[] {
    return this.s.validations.map((v) => ({
      address: formatRef(v.rect),
      rule: structuredClone(v.rule),
      ignoreBlanks: v.ignoreBlanks,
      errorAlert: v.errorAlert && { ...v.errorAlert },
      prompt: v.prompt && { ...v.prompt },
    }));
  }
  /** Explicitly set widths in points, by column letter. */
  get columnWidths(): Record<string, number> {
    return Object.fromEntries([...this.s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnName(c), w]));
  }
  get defaultColumnWidth(): number {
    return this.s.defaultColumnWidth;
  }
  /** Explicitly set heights in points, by 1-based row number. */
  /** Hidden rows, 1-based, ascending. */
  get hiddenRows(): number[] {
    return [...this.s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1);
  }
  /** Hidden columns by letter. */
  get hiddenColumns(): string[] {
    return [...this.s.hiddenColumns].sort((a, b) => a - b).map(columnName);
  }
  get rowHeights(): Record<number, number> {
    return Object.fromEntries([...this.s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]));
  }
  get defaultRowHeight(): number {
    return this.s.defaultRowHeight;
  }
  get pageLayout(): PageLayoutState {
    return structuredClone(this.s.pageLayout);
  }
  get printTitleRows(): string | null {
    return this.s.pageLayout.printTitleRows;
  }
  /** Sheet-scoped names. */
  get names(): NameView[] {
    return nameViews(this.workbook(), this.sheetId);
  }
  /** The sheet's selection ("A1" until something is selected). */
  get selection(): string {
    return formatRef(this.s.selection);
  }
}
