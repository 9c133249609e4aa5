/** `context.workbook` and `context.application`. */
import type { Execution, FakeRequestContext } from './context';
import { excelError } from './errors';
import { NamedItemCollection } from './names';
import { FakeObject } from './proxy';
import { Range } from './range';
import { activeSheet } from './state';
import { WorksheetCollection, worksheetOfRange } from './worksheet';

const CALCULATION_MODES = ['Automatic', 'AutomaticExceptTables', 'Manual'];

export class Application extends FakeObject {
  readonly _typeName = 'Application';

  /** @internal */
  override _exists(): boolean {
    return true;
  }

  /** @internal */
  override _scalarNames(): readonly string[] {
    return ['calculationMode'];
  }

  /** @internal */
  override _readScalar(exec: Execution, name: string): unknown {
    if (name === 'calculationMode') return exec.wb.calculationMode;
    return super._readScalar(exec, name);
  }

  get calculationMode(): string {
    return this._get('calculationMode');
  }
  set calculationMode(v: string) {
    this._require('Application.calculationMode(set)');
    this._setProperty('calculationMode', v, (exec) => {
      if (!CALCULATION_MODES.includes(v)) throw excelError('InvalidArgument', `calculationMode is one of ${CALCULATION_MODES.join(', ')}.`, 'Application.calculationMode');
      exec.wb.calculationMode = v as 'Automatic';
    });
  }

  /** Recorded in `fake.calculations` (the fake computes nothing). */
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild' = 'Recalculate'): void {
    this._enqueue('method', 'calculate', [calculationType], false, (exec) => {
      exec.calculations++;
    });
  }

  /** Marks the sync in `fake.syncLog` (calculationSuspended: true). */
  suspendApiCalculationUntilNextSync(): void {
    this._require('Application.suspendApiCalculationUntilNextSync');
    this._enqueue('method', 'suspendApiCalculationUntilNextSync', [], false, (exec) => {
      exec.calculationSuspended = true;
    });
  }

  /** Marks the sync in `fake.syncLog` (screenUpdatingSuspended: true). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._require('Application.suspendScreenUpdatingUntilNextSync');
    this._enqueue('method', 'suspendScreenUpdatingUntilNextSync', [], false, (exec) => {
      exec.screenUpdatingSuspended = true;
    });
  }
}

export class Workbook extends FakeObject {
  readonly _typeName = 'Workbook';
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly application: Application;

  /** @internal */
  constructor(context: FakeRequestContext) {
    super(context, 'workbook');
    this.worksheets = new WorksheetCollection(context, 'workbook.worksheets');
    this.names = new NamedItemCollection(context, 'workbook.names', null, worksheetOfRange);
    this.application = new Application(context, 'workbook.application');
  }

  /** @internal */
  override _exists(): boolean {
    return true;
  }

  /** @internal */
  override _childNames(): readonly string[] {
    return ['worksheets', 'names', 'application'];
  }

  private _selection(name: string, single: boolean): Range {
    const range: Range = new Range(
      this._context,
      `workbook.${name}()`,
      (exec) => {
        const sheet = activeSheet(exec.wb);
        const r = sheet.selection;
        return { sheet, rect: single ? { top: r.top, left: r.left, bottom: r.top, right: r.left } : { ...r } };
      },
      () => worksheetOfRange(range),
    );
    return range;
  }

  /** The selection of the active sheet (A1 until something is selected). */
  getSelectedRange(): Range {
    return this._selection('getSelectedRange', false);
  }

  getActiveCell(): Range {
    this._require('Workbook.getActiveCell');
    return this._selection('getActiveCell', true);
  }
}
