/**
 * The playground page: the strict Excel fake behind office.js's globals, a grid of it on the left,
 * and the production task pane (its own bundle, loaded after this one) on the right. Anyone can
 * try KH without Excel; the browser tests drive this same page.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../core/i18n';
import { createPlaygroundHost } from './host';
import { Grid } from './Grid';
import { recalculate } from '../testing/calc';

const API_VERSIONS = ['1.7', '1.9', '1.17'];
const requested = new URLSearchParams(window.location.search).get('api') ?? '1.17';
const api = API_VERSIONS.includes(requested) ? requested : '1.17';

// the grid shows totals as Excel would: formulas computed after every change
const host = createPlaygroundHost({ api, calculate: (fake) => void recalculate(fake) });
(window as unknown as { __KH_FAKE__?: unknown }).__KH_FAKE__ = host.fake;

/** The grid speaks the pane's language: the pane sets <html lang>. */
function usePageLanguage(): Lang {
  const read = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'vi');
  const [lang, setLang] = React.useState<Lang>(read);
  React.useEffect(() => {
    const observer = new MutationObserver(() => setLang(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, []);
  return lang;
}

function Playground(): React.JSX.Element {
  const lang = usePageLanguage();
  return <Grid host={host} lang={lang} api={api} />;
}

const root = document.getElementById('grid');
if (root) createRoot(root).render(<Playground />);
