/** The languages the editor speaks. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Any text `lib/` gives in both languages, `{en, zh}`: a name, a title, a doc, a lesson's text, a
 * message (built with `bi` in `./bi`), a diagnostic or a parse error (records that extend it). The one
 * shape of bilingual text; `localized` picks from it.
 */
export type BiText = Readonly<Record<Locale, string>>;

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
export function localized(text: BiText, locale: Locale): string {
  return text[locale];
}
