/** What every view needs: the host (Excel or the playground's fake), the settings, the capabilities. */
import * as React from 'react';
import type { Host } from './host';
import { NO_HOST } from './host';
import type { PaneSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import type { Capabilities } from './capabilities';
import { capabilities } from './capabilities';

export interface PaneContext {
  host: Host;
  settings: PaneSettings;
  updateSettings: (next: PaneSettings) => void;
  caps: Capabilities;
  /** Moves to another view (after creating a plan: to Kiểm tra). */
  goTo: (view: ViewId) => void;
  /** The view on screen (a view that shows the workbook reads it again when it comes back). */
  view?: ViewId;
}

export type ViewId = 'create' | 'import' | 'recognise' | 'check' | 'annex' | 'tools' | 'settings';

export const Pane = React.createContext<PaneContext>({
  host: NO_HOST,
  settings: DEFAULT_SETTINGS,
  updateSettings: () => undefined,
  caps: capabilities(NO_HOST.support),
  goTo: () => undefined,
});

export function usePane(): PaneContext {
  return React.useContext(Pane);
}
