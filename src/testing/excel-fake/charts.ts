/**
 * Charts, the part KH uses: `worksheet.charts.add(type, source, seriesBy)`, names, title, legend,
 * position, and series set from ranges (`series.add`, `setValues`, `setXAxisValues`: ExcelApi 1.7).
 * A chart keeps range addresses, not values: the fake draws nothing.
 */
import { cellKey, formatAddress, type Rect } from './address';
import type { Execution, FakeRequestContext } from './context';
import { PROTECTED_SHEET_MESSAGE, excelError } from './errors';
import { ClientResult, FakeCollection, FakeObject } from './proxy';
import type { Range } from './range';
import type { SheetState } from './state';
import type { Worksheet } from './worksheet';

export interface ChartSeriesState {
  name: string;
  /** "'Tổng hợp'!$G$7:$G$13", or null before setValues. */
  values: string | null;
  xValues: string | null;
  color: string | null;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendPosition: string;
  legendVisible: boolean;
  /** Top-left and bottom-right cells it covers, e.g. "A20" / "J40". */
  anchor: { start: string; end: string } | null;
  series: ChartSeriesState[];
}

const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineStacked', 'Pie', 'Doughnut', 'Area', 'AreaStacked', 'XYScatter',
];
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'];

function quoteArg(s: unknown): string {
  return JSON.stringify(s) ?? 'undefined';
}

type RangeTarget = { sheet: SheetState; rect: Rect };
function targetOf(exec: Execution, range: Range, location: string): RangeTarget {
  const t = range._target(exec);
  if (!t) throw excelError('InvalidArgument', 'The range does not exist.', location);
  return t;
}

/** Charts are objects: a protected sheet refuses them unless its protection allows editing objects. */
function assertObjectsEditable(sheet: SheetState, location: string): void {
  if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) {
    throw excelError('InvalidOperation', PROTECTED_SHEET_MESSAGE, location);
  }
}

function absolute(t: RangeTarget): string {
  return formatAddress(t.sheet.name, t.rect, true);
}

/** Series from a source block, as Excel makes them: text in the first row/column becomes names and categories. */
function seriesFromSource(t: RangeTarget, seriesBy: string): ChartSeriesState[] {
  const { top, left, bottom, right } = t.rect;
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && bottom - top >= right - left);
  const text = (r: number, c: number): string | null => {
    const cell = t.sheet.cells.get(cellKey(r, c));
    const v = cell?.value;
    return typeof v === 'string' ? v : null;
  };
  const out: ChartSeriesState[] = [];
  const name = (s: string, r: Rect): string => formatAddress(s, r, true);
  if (byColumns) {
    const headed = right >= left && text(top, left + (right > left ? 1 : 0)) !== null;
    const categories = right > left && text(top + (headed ? 1 : 0), left) !== null;
    for (let c = left + (categories ? 1 : 0); c <= right; c++) {
      out.push({
        name: headed ? (text(top, c) ?? `Series${out.length + 1}`) : `Series${out.length + 1}`,
        values: name(t.sheet.name, { top: top + (headed ? 1 : 0), left: c, bottom, right: c }),
        xValues: categories ? name(t.sheet.name, { top: top + (headed ? 1 : 0), left, bottom, right: left }) : null,
        color: null,
      });
    }
  } else {
    for (let r = top; r <= bottom; r++) out.push({ name: `Series${out.length + 1}`, values: name(t.sheet.name, { top: r, left, bottom: r, right }), xValues: null, color: null });
  }
  return out;
}

export class ChartCollection extends FakeCollection<Chart> {
  readonly _typeName = 'ChartCollection';

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: Worksheet,
  ) {
    super(context, path);
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['count'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'count') return (this.sheet._sheet(exec)?.charts ?? []).length;
    return super._readScalar(exec, name);
  }

  get count(): number {
    return this._get('count');
  }

  /** @internal */
  override _itemsAt(exec: Execution): Chart[] {
    return (this.sheet._sheet(exec)?.charts ?? []).map((c) => this._byId(c.id));
  }

  private _byId(id: string): Chart {
    return new Chart(this._context, `${this._path}.getItem(${quoteArg(id)})`, (exec) => this.sheet._sheet(exec)?.charts.find((c) => c.id === id) ?? null);
  }

  add(type: string, sourceData: Range, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): Chart {
    let id = '';
    const chart = new Chart(this._context, `${this._path}.add(${quoteArg(type)})`, (exec) => this.sheet._sheet(exec)?.charts.find((c) => c.id === id) ?? null);
    this._enqueue('method', 'add', [type, sourceData, seriesBy], true, (exec) => {
      if (!CHART_TYPES.includes(type)) throw excelError('InvalidArgument', `Chart type ${type} is not one the fake knows (${CHART_TYPES.join(', ')}).`, 'ChartCollection.add');
      const sheet = this.sheet._sheet(exec);
      if (!sheet) return;
      assertObjectsEditable(sheet, 'ChartCollection.add');
      const t = targetOf(exec, sourceData, 'ChartCollection.add');
      id = `{chart-${exec.wb.nextId++}}`;
      const n = sheet.charts.length + 1;
      sheet.charts.push({
        id,
        name: `Chart ${n}`,
        type,
        source: absolute(t),
        seriesBy,
        title: '',
        titleVisible: false,
        legendPosition: 'Right',
        legendVisible: true,
        anchor: null,
        series: seriesFromSource(t, seriesBy),
      });
    });
    return chart;
  }

  getItem(name: string): Chart {
    return new Chart(this._context, `${this._path}.getItem(${quoteArg(name)})`, (exec) => {
      const c = this.sheet._sheet(exec)?.charts.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw excelError('ItemNotFound', undefined, 'ChartCollection.getItem');
      return c;
    });
  }

  getItemOrNullObject(name: string): Chart {
    this._require('ChartCollection.getItemOrNullObject');
    const chart = new Chart(this._context, `${this._path}.getItemOrNullObject(${quoteArg(name)})`, (exec) => this.sheet._sheet(exec)?.charts.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null, true);
    this._instantiate(chart);
    return chart;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._enqueue('method', 'getCount', [], false, (exec) => exec.stageResult(result, (this.sheet._sheet(exec)?.charts ?? []).length));
    return result;
  }
}

type ChartLocator = (exec: Execution) => ChartState | null;

export class Chart extends FakeObject {
  readonly _typeName = 'Chart';
  private _title?: ChartTitle;
  private _legend?: ChartLegend;
  private _series?: ChartSeriesCollection;

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: ChartLocator,
    private readonly nullable = false,
  ) {
    super(context, path);
  }

  /** @internal */
  _chart(exec: Execution): ChartState | null {
    const c = this.locate(exec);
    if (!c && !this.nullable) throw excelError('ItemNotFound', 'The chart does not exist.', 'Chart');
    return c;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._chart(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['id', 'name', 'chartType'];
  }

  /** @internal */
  override _childNames(): readonly string[] {
    return ['title', 'legend', 'series'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const c = this._chart(exec) as ChartState;
    if (name === 'id') return c.id;
    if (name === 'name') return c.name;
    if (name === 'chartType') return c.type;
    return super._readScalar(exec, name);
  }

  /** @internal */
  _edit(name: string, value: unknown, apply: (c: ChartState) => void): void {
    this._setProperty(name, value, (exec) => {
      const c = this._chart(exec);
      if (c) apply(c);
    });
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._edit('name', v, (c) => {
      if (typeof v !== 'string' || v.trim() === '') throw excelError('InvalidArgument', 'A chart name is a non-empty text.', 'Chart.name');
      c.name = v;
    });
  }
  get chartType(): string {
    this._require('Chart.chartType');
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._require('Chart.chartType');
    this._edit('chartType', v, (c) => {
      if (!CHART_TYPES.includes(v)) throw excelError('InvalidArgument', `Unknown chart type ${v}.`, 'Chart.chartType');
      c.type = v;
    });
  }

  get title(): ChartTitle {
    return (this._title ??= new ChartTitle(this._context, `${this._path}.title`, this));
  }
  get legend(): ChartLegend {
    return (this._legend ??= new ChartLegend(this._context, `${this._path}.legend`, this));
  }
  get series(): ChartSeriesCollection {
    return (this._series ??= new ChartSeriesCollection(this._context, `${this._path}.series`, this));
  }

  /** Covers the cells from startCell to endCell (addresses on the chart's sheet). */
  setPosition(startCell: string, endCell?: string): void {
    this._enqueue('method', 'setPosition', [startCell, endCell ?? null], true, (exec) => {
      const c = this._chart(exec);
      if (!c) return;
      if (typeof startCell !== 'string' || !/^\$?[A-Z]{1,3}\$?\d+$/i.test(startCell)) throw excelError('InvalidArgument', 'setPosition takes cell addresses such as "A20".', 'Chart.setPosition');
      c.anchor = { start: startCell.replace(/\$/g, '').toUpperCase(), end: (endCell ?? startCell).replace(/\$/g, '').toUpperCase() };
    });
  }

  delete(): void {
    this._enqueue('method', 'delete', [], true, (exec) => {
      const c = this._chart(exec);
      if (!c) return;
      for (const s of exec.wb.sheets) {
        if (!s.charts.includes(c)) continue;
        assertObjectsEditable(s, 'Chart.delete');
        s.charts = s.charts.filter((x) => x !== c);
      }
    });
  }
}

abstract class ChartPart extends FakeObject {
  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    protected readonly chart: Chart,
  ) {
    super(context, path);
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this.chart._exists(exec);
  }
}

export class ChartTitle extends ChartPart {
  readonly _typeName = 'ChartTitle';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['text', 'visible'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const c = this.chart._chart(exec) as ChartState;
    if (name === 'text') return c.title;
    if (name === 'visible') return c.titleVisible;
    return super._readScalar(exec, name);
  }

  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this.chart._edit('title.text', v, (c) => {
      c.title = String(v);
      c.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this.chart._edit('title.visible', v, (c) => (c.titleVisible = Boolean(v)));
  }
}

export class ChartLegend extends ChartPart {
  readonly _typeName = 'ChartLegend';

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['position', 'visible'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const c = this.chart._chart(exec) as ChartState;
    if (name === 'position') return c.legendPosition;
    if (name === 'visible') return c.legendVisible;
    return super._readScalar(exec, name);
  }

  get position(): string {
    return this._get('position');
  }
  set position(v: string) {
    this.chart._edit('legend.position', v, (c) => {
      if (!LEGEND_POSITIONS.includes(v)) throw excelError('InvalidArgument', `Legend position is one of ${LEGEND_POSITIONS.join(', ')}.`, 'ChartLegend.position');
      c.legendPosition = v;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this.chart._edit('legend.visible', v, (c) => (c.legendVisible = Boolean(v)));
  }
}

export class ChartSeriesCollection extends FakeCollection<ChartSeries> {
  readonly _typeName = 'ChartSeriesCollection';

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly chart: Chart,
  ) {
    super(context, path);
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['count'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'count') return (this.chart._chart(exec) as ChartState).series.length;
    return super._readScalar(exec, name);
  }

  get count(): number {
    return this._get('count');
  }

  /** @internal */
  override _itemsAt(exec: Execution): ChartSeries[] {
    return (this.chart._chart(exec)?.series ?? []).map((_, i) => this.getItemAt(i));
  }

  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this._context, `${this._path}.getItemAt(${index})`, this.chart, (c) => {
      const s = c.series[index];
      if (!s) throw excelError('ItemNotFound', `The chart has no series ${index}.`, 'ChartSeriesCollection.getItemAt');
      return s;
    });
  }

  add(name?: string, index?: number): ChartSeries {
    this._require('ChartSeriesCollection.add');
    let added: ChartSeriesState | null = null;
    const series = new ChartSeries(this._context, `${this._path}.add(${quoteArg(name ?? null)})`, this.chart, () => {
      if (!added) throw excelError('ItemNotFound', 'The series was not added.', 'ChartSeries');
      return added;
    });
    this._enqueue('method', 'add', [name ?? null, index ?? null], true, (exec) => {
      const c = this.chart._chart(exec);
      if (!c) return;
      added = { name: name ?? `Series${c.series.length + 1}`, values: null, xValues: null, color: null };
      const at = index === undefined || index === null ? c.series.length : Math.max(0, Math.min(index, c.series.length));
      c.series.splice(at, 0, added);
    });
    return series;
  }
}

export class ChartSeries extends FakeObject {
  readonly _typeName = 'ChartSeries';
  private _format?: ChartSeriesFormat;

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly chart: Chart,
    private readonly pick: (c: ChartState) => ChartSeriesState,
  ) {
    super(context, path);
  }

  /** @internal */
  _state(exec: Execution): ChartSeriesState | null {
    const c = this.chart._chart(exec);
    return c ? this.pick(c) : null;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._state(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['name'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'name') return (this._state(exec) as ChartSeriesState).name;
    return super._readScalar(exec, name);
  }

  /** @internal */
  _edit(name: string, value: unknown, apply: (s: ChartSeriesState, exec: Execution) => void, kind: 'set' | 'method' = 'set'): void {
    const run = (exec: Execution): void => {
      const s = this._state(exec);
      if (s) apply(s, exec);
    };
    if (kind === 'set') this._setProperty(name, value, run);
    else this._enqueue('method', name, [value], true, run);
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._edit('name', v, (s) => (s.name = String(v)));
  }

  get format(): ChartSeriesFormat {
    return (this._format ??= new ChartSeriesFormat(this._context, `${this._path}.format`, this));
  }

  setValues(sourceData: Range): void {
    this._require('ChartSeries.setValues');
    this._edit('setValues', sourceData, (s, exec) => (s.values = absolute(targetOf(exec, sourceData, 'ChartSeries.setValues'))), 'method');
  }

  setXAxisValues(sourceData: Range): void {
    this._require('ChartSeries.setXAxisValues');
    this._edit('setXAxisValues', sourceData, (s, exec) => (s.xValues = absolute(targetOf(exec, sourceData, 'ChartSeries.setXAxisValues'))), 'method');
  }

  delete(): void {
    this._require('ChartSeries.delete');
    this._enqueue('method', 'delete', [], true, (exec) => {
      const c = this.chart._chart(exec);
      const s = this._state(exec);
      if (c && s) c.series = c.series.filter((x) => x !== s);
    });
  }
}

export class ChartSeriesFormat extends FakeObject {
  readonly _typeName = 'ChartSeriesFormat';
  readonly fill: { setSolidColor: (color: string) => void };

  /** @internal */
  constructor(context: FakeRequestContext, path: string, series: ChartSeries) {
    super(context, path);
    this.fill = {
      setSolidColor: (color: string) => series._edit('format.fill.setSolidColor', color, (s) => {
        if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) throw excelError('InvalidArgument', 'A colour is "#RRGGBB".', 'ChartFill.setSolidColor');
        s.color = color.toUpperCase();
      }, 'method'),
    };
  }

  /** @internal */
  override _exists(): boolean {
    return true;
  }
}
