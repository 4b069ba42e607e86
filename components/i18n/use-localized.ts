'use client';

import { useLocale } from 'use-intl';
import { localized, type Locale } from '@/lib/i18n/locale';

/** Picks the current language from `{en, zh}` texts (layer, dataset and preset titles and docs). */
export function useLocalized(): (text: Readonly<Record<Locale, string>>) => string {
  const locale = useLocale();
  return (text) => localized(text, locale);
}
