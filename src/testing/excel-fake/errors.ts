/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", `code`, `debugInfo`),
 * with the messages Excel uses where we know them.
 */

export type ExcelErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InsertDeleteConflict'
  | 'InvalidArgument'
  | 'InvalidObjectPath'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'InvalidRequestContext'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'NonBlankCellOffSheet'
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  | 'ValueNotLoaded';

export const MESSAGES: Record<ExcelErrorCode, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets".',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: 'The requested operation is invalid.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict: 'Cannot complete the operation. A merged cell cannot be partially changed.',
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

/** Excel's message when a locked cell of a protected sheet is changed. */
export const PROTECTED_SHEET_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Excel's message when a written 2-D array does not have the range's dimensions. */
export const DIMENSION_MISMATCH_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** What tests pass to the fault-injection hooks. */
export interface Fault {
  code: string;
  message?: string;
}

export class ExcelFakeError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly httpStatusCode: number;

  constructor(code: string, message?: string, errorLocation?: string, statement?: string) {
    const text = message ?? (MESSAGES as Record<string, string>)[code] ?? code;
    super(text);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = code === 'GeneralException' ? 500 : 400;
    this.debugInfo = { code, message: text, errorLocation, statement };
  }
}

export function excelError(code: ExcelErrorCode, message?: string, errorLocation?: string): ExcelFakeError {
  return new ExcelFakeError(code, message, errorLocation);
}

export function propertyNotLoaded(typeName: string, property: string): ExcelFakeError {
  return new ExcelFakeError('PropertyNotLoaded', MESSAGES.PropertyNotLoaded.replace('{0}', property), `${typeName}.${property}`);
}

/** Presets for `fake.failNextSync` / `fake.failSyncWhen`. */
export const FAULTS = {
  /** The user is typing in a cell (Excel on the web and desktop). */
  cellEditMode: { code: 'InvalidOperationInCellEditMode', message: MESSAGES.InvalidOperationInCellEditMode },
  /** Older hosts report cell-edit mode as a generic invalid operation. */
  cellEditModeLegacy: { code: 'InvalidOperation', message: MESSAGES.InvalidOperationInCellEditMode },
  /** Something went wrong on Excel's side (co-authoring conflict, server hiccup, ...). */
  generalException: { code: 'GeneralException', message: MESSAGES.GeneralException },
} satisfies Record<string, Fault>;
