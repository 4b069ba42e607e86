import type { BiText } from './bi';

/** The languages the editor speaks. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A short text in both languages: a title, a label, a name, a doc (what `localized` picks from). */
export type Words = Readonly<Record<Locale, string>>;

/**
 * Any text `lib/` gives in both languages: a name (`Words`, `{en, zh}`) or a message (`BiText`,
 * `{message, zh}`, whose English field is named like an Error's because records extend it).
 */
export type Localizable = Words | BiText;

/** Where the chosen language is remembered. */
export const LOCALE_STORAGE_KEY = 'ganvas:locale';

/** What each language calls itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to show: the remembered choice, else Chinese for a browser that prefers any
 * Chinese ("zh", "zh-CN", "zh-TW"), else English.
 */
export function pickLocale(stored: string | null | undefined, browserLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag for `<html lang>`: Simplified Chinese as written in mainland China. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/** The text of a name or a message for a locale: the one place that picks a language from a `lib/` text. */
export function localized(text: Localizable, locale: Locale): string {
  if (locale === 'zh') return text.zh;
  return 'en' in text ? text.en : text.message;
}
