/**
 * Task pane entry. Office.onReady fires inside Excel (and on the playground page, whose fake
 * stands behind the same globals); outside them the pane renders anyway and says that workbook
 * actions are off.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NO_HOST, hostFromGlobals } from './host';
import { registerRibbonActions, requestView, viewFromQuery } from './ribbon';

declare global {
  interface Window {
    /** Set by the playground page before this bundle runs. */
    __KH_PLAYGROUND__?: boolean;
  }
}

const fromAddress = viewFromQuery(window.location.search);
if (fromAddress) requestView(fromAddress);

function mount(inOffice: boolean): void {
  const container = document.getElementById('container');
  if (!container) return;
  const host = inOffice ? hostFromGlobals(globalThis as never, window.__KH_PLAYGROUND__ === true) : NO_HOST;
  createRoot(container).render(<App host={host} />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady((info) => {
    // the Kế hoạch buttons on the Home tab (shared runtime only; elsewhere there are none)
    registerRibbonActions(Office as never);
    mount(Boolean(info.host));
  });
} else {
  mount(false);
}
