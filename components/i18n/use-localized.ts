'use client';

import { useCallback } from 'react';
import { useLocale } from 'use-intl';
import { localized, type BiText } from '@/lib/i18n/locale';

/**
 * Picks the current language from a text `lib/` gives in both (`BiText`, `{en, zh}`): layer, dataset
 * and preset titles, docs, and messages such as diagnostics, parse errors and reasons.
 * The picker changes only with the language, so it can be a dependency of callbacks.
 */
export function useLocalized(): (text: BiText) => string {
  const locale = useLocale();
  return useCallback((text) => localized(text, locale), [locale]);
}
