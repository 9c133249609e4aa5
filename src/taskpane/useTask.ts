/**
 * Running one workbook operation from a view: its progress, its result, and Excel's refusal as a
 * sentence. One at a time per view; a click while running is ignored (the button is disabled).
 */
import * as React from 'react';
import type { Message } from '../core/i18n';
import type { Progress, ProgressListener } from '../workbook/operations';
import { excelErrorMessage } from '../workbook/errors';
import { WriteRefused } from '../workbook/recover';

const RECOVERY_NOTE = { untouched: 'pane.nothingWritten', restored: 'pane.rolledBack', partial: 'pane.partial' } as const;

export interface TaskState<T> {
  status: 'idle' | 'running' | 'done' | 'failed';
  progress: Progress | null;
  result: T | null;
  error: Message | null;
  /** After a refused write: whether anything was left written (all or nothing). */
  note: Message | null;
}

export function useTask<T>(): { state: TaskState<T>; start: (work: (onProgress: ProgressListener) => Promise<T>) => Promise<T | null>; reset: () => void } {
  const [state, setState] = React.useState<TaskState<T>>({ status: 'idle', progress: null, result: null, error: null, note: null });
  const running = React.useRef(false);
  const start = React.useCallback(async (work: (onProgress: ProgressListener) => Promise<T>): Promise<T | null> => {
    if (running.current) return null;
    running.current = true;
    setState({ status: 'running', progress: { stage: 'read', fraction: 0 }, result: null, error: null, note: null });
    try {
      const result = await work((progress) => setState((s) => ({ ...s, progress })));
      setState({ status: 'done', progress: { stage: 'done', fraction: 1 }, result, error: null, note: null });
      return result;
    } catch (error) {
      const note = error instanceof WriteRefused ? { key: RECOVERY_NOTE[error.recovery] } : null;
      setState({ status: 'failed', progress: null, result: null, error: excelErrorMessage(error), note });
      return null;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = React.useCallback(() => setState({ status: 'idle', progress: null, result: null, error: null, note: null }), []);
  return { state, start, reset };
}
