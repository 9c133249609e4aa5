/** A running operation as a bar with a line of text; a refusal from Excel as one clear sentence. */
import * as React from 'react';
import { Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { MessageKey } from '../../core/i18n';
import { useI18n } from '../i18n';
import type { TaskState } from '../useTask';

const STAGE: Record<string, MessageKey> = { read: 'pane.progress.read', compute: 'pane.progress.compute', write: 'pane.progress.write', done: 'pane.progress.done' };

export function TaskStatus<T>({ state }: { state: TaskState<T> }): React.JSX.Element | null {
  const { t, m } = useI18n();
  if (state.status === 'running' && state.progress) {
    return (
      <Field label={t('pane.progress')} validationMessage={t(STAGE[state.progress.stage])} validationState="none">
        <ProgressBar value={state.progress.fraction} max={1} thickness="large" aria-label={t(STAGE[state.progress.stage])} />
      </Field>
    );
  }
  if (state.status === 'failed' && state.error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <div>{m(state.error)}</div>
          {state.note && <div>{m(state.note)}</div>}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
