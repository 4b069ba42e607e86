/** The languages the editor speaks. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A short text in both languages: a title, a label, a name (what `localized` picks from). */
export type Words = Readonly<Record<Locale, string>>;

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

/** Picks the text for a locale from a `{en, zh}` pair, as layer specs, datasets and presets carry. */
export function localized(text: Words, locale: Locale): string {
  return text[locale];
}
