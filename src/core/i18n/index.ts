/** Looking up and filling messages from the one catalogue (vi default, en as a switch). */
import { vi, MessageKey } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** A message not yet rendered: lets the core say what happened without choosing a language. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function translate(key: MessageKey, params: MessageParams = {}, lang: Lang = 'vi'): string {
  const template = CATALOGUES[lang][key] ?? vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function render(message: Message, lang: Lang = 'vi'): string {
  return translate(message.key, message.params, lang);
}

export function messageKeys(): MessageKey[] {
  return Object.keys(vi) as MessageKey[];
}

export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[lang];
}
