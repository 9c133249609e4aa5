import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { SkipReason } from '../../workbook/office';
import { useI18n } from '../i18n';

/** What this Excel could not do, one line each (Office 2019 has no print set-up API, for example). */
export function SkippedFeatures({ skipped }: { skipped: readonly SkipReason[] }): React.JSX.Element | null {
  const { t } = useI18n();
  if (skipped.length === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {skipped.map((s) => (
          <div key={s}>{t(`pane.skipped.${s}`)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
