/**
 * Task pane entry. Office.onReady fires inside Excel; outside it (playground, tests) the pane
 * renders anyway and says that workbook actions are off.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';

function mount(inOffice: boolean): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<App inOffice={inOffice} />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady((info) => mount(Boolean(info.host)));
} else {
  mount(false);
}
