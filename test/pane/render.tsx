/** Rendering the pane in jsdom on the strict Excel fake, as the playground does in a browser. */
import { render, type RenderResult } from '@testing-library/react';
import { App, type AppProps } from '../../src/taskpane/App';
import { hostFromGlobals } from '../../src/taskpane/host';
import { ExcelFake } from '../../src/testing/excel-fake';
import type { ViewId } from '../../src/taskpane/context';

export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

export function renderPane(fake: ExcelFake, view: ViewId = 'create', props: Partial<AppProps> = {}): RenderResult & { storage: MemoryStorage } {
  const storage = new MemoryStorage();
  const host = hostFromGlobals(fake.hostGlobals() as never);
  const result = render(<App host={host} storage={storage as unknown as Storage} initialView={view} {...props} />);
  return { ...result, storage };
}
