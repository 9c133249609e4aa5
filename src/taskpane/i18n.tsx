/** The pane's language: one context, every string through `t` from the one catalogue. */
import * as React from 'react';
import { Lang, MessageKey, MessageParams, Message, translate } from '../core/i18n';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18n {
  lang: Lang;
  t: Translate;
  /** A message the core or the workbook layer produced. */
  m: (message: Message) => string;
}

const I18nContext = React.createContext<I18n>({ lang: 'vi', t: (k, p) => translate(k, p, 'vi'), m: (x) => translate(x.key, x.params, 'vi') });

/** `translator` replaces the catalogue (the pseudo-localisation test uses it). */
export function I18nProvider({ lang, translator, children }: { lang: Lang; translator?: (key: MessageKey, params: MessageParams, lang: Lang) => string; children: React.ReactNode }): React.JSX.Element {
  const value = React.useMemo<I18n>(() => {
    const tr = translator ?? translate;
    return { lang, t: (k, p = {}) => tr(k, p, lang), m: (x) => tr(x.key, x.params ?? {}, lang) };
  }, [lang, translator]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return React.useContext(I18nContext);
}
