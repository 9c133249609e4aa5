/**
 * What Excel's refusals mean for the officer. Office.js errors carry a code (and Excel's English
 * message); the pane turns them into one sentence from the message catalogue that says what
 * happened and what to do. Nothing is reported as a bare code or a stack trace.
 */
import { Message } from '../core/i18n';

export type ExcelProblem = 'protected' | 'cellEditMode' | 'readOnly' | 'tooLarge' | 'apiMissing' | 'sheetMissing' | 'busy' | 'general' | 'unknown';

interface OfficeLikeError {
  name?: string;
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

function parts(error: unknown): { code: string; text: string; location: string } {
  const e = (error ?? {}) as OfficeLikeError;
  return {
    code: String(e.code ?? e.debugInfo?.code ?? ''),
    text: `${e.message ?? ''} ${e.debugInfo?.message ?? ''}`.toLowerCase(),
    location: String(e.debugInfo?.errorLocation ?? ''),
  };
}

export function classifyExcelError(error: unknown): ExcelProblem {
  const { code, text } = parts(error);
  // older hosts report cell-edit mode as a plain InvalidOperation: the message tells
  if (code === 'InvalidOperationInCellEditMode' || text.includes('cell-editing mode') || text.includes('edit mode')) return 'cellEditMode';
  // a sheet the officer protected with a password: KH's unprotect is refused
  if (text.includes('protected sheet') || text.includes('is protected') || text.includes('password')) return 'protected';
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge') return 'tooLarge';
  if (code === 'ApiNotFound') return 'apiMissing';
  if (code === 'ItemNotFound') return 'sheetMissing';
  if (code === 'AccessDenied') return text.includes('read-only') || text.includes('read only') ? 'readOnly' : 'protected';
  if (code === 'ActivityLimitReached' || code === 'Conflict' || code === 'RequestAborted' || code === 'ServiceNotAvailable') return 'busy';
  if (code === 'GeneralException' || code === 'InvalidOperation') return 'general';
  return 'unknown';
}

/** The catalogue message for an error that reached the pane (from Excel or from KH itself). */
export function excelErrorMessage(error: unknown): Message {
  const problem = classifyExcelError(error);
  if (problem === 'unknown') {
    const detail = error instanceof Error ? error.message : String(error);
    return { key: 'excel.unknown', params: { detail: detail.slice(0, 300) } };
  }
  return { key: `excel.${problem}` as Message['key'], params: { detail: parts(error).location } };
}
