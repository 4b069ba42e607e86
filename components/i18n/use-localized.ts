'use client';

import { useCallback } from 'react';
import { useLocale } from 'use-intl';
import { localized, type Localizable } from '@/lib/i18n/locale';

/**
 * Picks the current language from a text `lib/` gives in both: a name (`{en, zh}`: layer, dataset and
 * preset titles, docs) or a message (`BiText`, `{message, zh}`: diagnostics, parse errors, reasons).
 * The picker changes only with the language, so it can be a dependency of callbacks.
 */
export function useLocalized(): (text: Localizable) => string {
  const locale = useLocale();
  return useCallback((text) => localized(text, locale), [locale]);
}
