/**
 * RangeAreas (ExcelApi 1.9) as `Range.getMergedAreasOrNullObject()` (1.13) returns it: the merged
 * areas whose top-left cell lies in the range (Excel leaves out an area that only overlaps it,
 * OfficeDev/office-js#3611), a null object when there are none, and a failed sync when there are
 * more than 512 (the limit @types/office-js documents; the error code Excel gives is not documented:
 * the fake says GeneralException).
 */
import { cellCount, containsCell, formatAddress, type Rect } from './address';
import type { Execution, FakeRequestContext } from './context';
import { excelError } from './errors';
import { FakeCollection, FakeObject } from './proxy';
import { Range, type RangeTarget } from './range';
import type { SheetState } from './state';
import type { Worksheet } from './worksheet';

/** The most merged areas `getMergedAreasOrNullObject` returns; more fail the request. */
export const MERGED_AREAS_LIMIT = 512;

export type AreasLocator = (exec: Execution) => { sheet: SheetState; rects: Rect[] } | null;

/** The merged areas of a range, resolved at sync (null: none). */
export function mergedAreasOf(t: RangeTarget | null): { sheet: SheetState; rects: Rect[] } | null {
  if (!t) return null;
  const rects = t.sheet.merges.filter((m) => containsCell(t.rect, m.top, m.left)).map((m) => ({ ...m }));
  if (rects.length > MERGED_AREAS_LIMIT) {
    throw excelError('GeneralException', `The range has ${rects.length} merged areas; getMergedAreasOrNullObject returns at most ${MERGED_AREAS_LIMIT}.`, 'Range.getMergedAreasOrNullObject');
  }
  return rects.length === 0 ? null : { sheet: t.sheet, rects };
}

export class RangeAreas extends FakeObject {
  readonly _typeName = 'RangeAreas';
  private _cache: { sheet: SheetState; rects: Rect[] } | null | undefined;
  private _areas?: RangeCollection;

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: AreasLocator,
    /** @internal */ readonly _sheetProxy: () => Worksheet,
  ) {
    super(context, path);
  }

  /** @internal Resolved at the first sync that uses it, then fixed (as a Range is). */
  _resolve(exec: Execution): { sheet: SheetState; rects: Rect[] } | null {
    if (this._cache === undefined) this._cache = this.locate(exec);
    return this._cache;
  }

  /** @internal */
  override _exists(exec: Execution): boolean {
    return this._resolve(exec) !== null;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }

  /** @internal */
  override _childNames(): readonly string[] {
    return ['areas'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    const t = this._resolve(exec);
    if (!t) return undefined;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return t.rects.map((r) => formatAddress(t.sheet.name, r)).join(',');
      case 'areaCount':
        return t.rects.length;
      case 'cellCount':
        return t.rects.reduce((n, r) => n + cellCount(r), 0);
      default:
        return super._readScalar(exec, name);
    }
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  /** The rectangles, each a Range. */
  get areas(): RangeCollection {
    return (this._areas ??= new RangeCollection(this._context, `${this._path}.areas`, this));
  }
}

export class RangeCollection extends FakeCollection<Range> {
  readonly _typeName = 'RangeCollection';

  /** @internal */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly owner: RangeAreas,
  ) {
    super(context, path);
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['count'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'count') return this.owner._resolve(exec)?.rects.length ?? 0;
    return super._readScalar(exec, name);
  }

  get count(): number {
    return this._get('count');
  }

  /** @internal */
  override _itemsAt(exec: Execution): Range[] {
    return (this.owner._resolve(exec)?.rects ?? []).map((_, i) => this.getItemAt(i));
  }

  getItemAt(index: number): Range {
    return new Range(
      this._context,
      `${this._path}.getItemAt(${index})`,
      (exec) => {
        const t = this.owner._resolve(exec);
        const r = t?.rects[index];
        if (!t || !r) throw excelError('ItemNotFound', `There is no area ${index}.`, 'RangeCollection.getItemAt');
        return { sheet: t.sheet, rect: r };
      },
      this.owner._sheetProxy,
    );
  }
}
