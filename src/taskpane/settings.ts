/**
 * The officer's preferences, kept on this machine (localStorage of the pane's page): language,
 * formula style, check tolerance, how amounts are read in words. Never sent anywhere.
 */
import type { Lang } from '../core/i18n';
import type { FormulaStyle } from '../core/book/template';
import type { WordsOptions } from '../core/words';

export interface PaneSettings {
  lang: Lang;
  formulaStyle: FormulaStyle;
  /** null: one đồng in the sheet's unit (the default of the checks). */
  tolerance: number | null;
  words: { zeroTens: 'linh' | 'lẻ'; thousand: 'nghìn' | 'ngàn'; chan: boolean };
}

export const DEFAULT_SETTINGS: PaneSettings = { lang: 'vi', formulaStyle: 'native', tolerance: null, words: { zeroTens: 'linh', thousand: 'nghìn', chan: false } };

const KEY = 'kh.settings.v1';

/** What was saved, each field checked; anything odd falls back to its default. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | null): PaneSettings {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const r = (raw ?? {}) as Partial<PaneSettings> & { words?: Partial<PaneSettings['words']> };
  const d = DEFAULT_SETTINGS;
  return {
    lang: r.lang === 'en' || r.lang === 'vi' ? r.lang : d.lang,
    formulaStyle: r.formulaStyle === 'kh' ? 'kh' : 'native',
    tolerance: typeof r.tolerance === 'number' && Number.isFinite(r.tolerance) && r.tolerance >= 0 ? r.tolerance : null,
    words: {
      zeroTens: r.words?.zeroTens === 'lẻ' ? 'lẻ' : d.words.zeroTens,
      thousand: r.words?.thousand === 'ngàn' ? 'ngàn' : d.words.thousand,
      chan: r.words?.chan === true,
    },
  };
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | null, settings: PaneSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // storage full or disabled (some Office webviews): the settings live for this session only
  }
}

export function wordsOptions(settings: PaneSettings): Omit<WordsOptions, 'unit'> {
  return { zeroTens: settings.words.zeroTens, thousand: settings.words.thousand, chan: settings.words.chan };
}

/** localStorage where the page has it (not in every sandbox). */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
