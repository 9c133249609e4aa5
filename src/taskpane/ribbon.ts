/**
 * The Kế hoạch group on the Home tab: three buttons (manifest.xml, ExecuteFunction) that open the
 * pane on Tạo kế hoạch, Kiểm tra or Biểu. The shared runtime runs the pane and the buttons' functions
 * on one page, so a button asks for a view here and shows the pane; the pane, mounted or not yet,
 * opens that view. `?view=check` in the pane's address does the same (bookmarks, the playground).
 */
import type { ViewId } from './context';

/** FunctionName in the manifest → the view it opens. */
export const RIBBON_ACTIONS = { openCreate: 'create', openCheck: 'check', openAnnex: 'annex' } as const satisfies Record<string, ViewId>;

const VIEWS: readonly ViewId[] = ['create', 'recognise', 'check', 'annex', 'tools', 'settings'];

let requested: ViewId | null = null;
const listeners = new Set<(view: ViewId) => void>();

/** A button (or the address) asks for a view. */
export function requestView(view: ViewId): void {
  // an open pane takes it now; otherwise it waits for the pane
  if (listeners.size === 0) requested = view;
  for (const listener of listeners) listener(view);
}

/** The view asked for before the pane listened, once. */
export function takeRequestedView(): ViewId | null {
  const view = requested;
  requested = null;
  return view;
}

export function onViewRequest(listener: (view: ViewId) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `?view=annex` → 'annex'; anything else → null. */
export function viewFromQuery(search: string): ViewId | null {
  const view = new URLSearchParams(search).get('view');
  return VIEWS.find((v) => v === view) ?? null;
}

/** What office.js offers the buttons (a fake in tests). */
export interface RibbonHost {
  actions?: { associate?: (id: string, handler: (event: { completed(): void }) => unknown) => void };
  addin?: { showAsTaskpane?: () => Promise<void> };
}

/** Ties each button of the manifest to its view; where there is no shared runtime, nothing to do. */
export function registerRibbonActions(office: RibbonHost | undefined): boolean {
  const associate = office?.actions?.associate;
  if (typeof associate !== 'function') return false;
  for (const [id, view] of Object.entries(RIBBON_ACTIONS)) {
    associate.call(office?.actions, id, async (event) => {
      requestView(view);
      try {
        await office?.addin?.showAsTaskpane?.();
      } catch {
        // the pane may already be showing; the view has been asked for either way
      } finally {
        event.completed();
      }
    });
  }
  return true;
}
