import type { LocalizedName } from '../../models/site';
import { en } from './en';
import { lobbyEn } from './lobbyEn';
import { type LobbyKey, lobbyZh } from './lobbyZh';
import { type MessageKey as BaseKey, zh } from './zh';

/** Every message key: the dashboard's and the lobby's. */
export type MessageKey = BaseKey | LobbyKey;

/** Interface languages; zh-CN is the default. */
export type Lang = 'zh' | 'en';

export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  zh: { ...zh, ...lobbyZh },
  en: { ...en, ...lobbyEn },
};

/** BCP 47 tag of each language, for `Intl` and the `lang` attribute. */
export const LOCALE: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(
  lang: Lang,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A site name (building, floor, room, meter) in the interface language. */
export function localName(name: LocalizedName, lang: Lang): string {
  return lang === 'zh' ? name.zh : name.en;
}
