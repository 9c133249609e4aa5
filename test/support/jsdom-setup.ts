/**
 * What jsdom lacks (component tests only; Node tests are untouched): ResizeObserver and
 * matchMedia, which Fluent UI uses, and structuredClone, which the Excel fake uses (browsers and
 * Node have it; jest's jsdom environment hides Node's).
 */
import { deserialize, serialize } from 'v8';

if (typeof window !== 'undefined') {
  const g = globalThis as unknown as Record<string, unknown>;
  g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= NoResizeObserver;
  w.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} });
}
