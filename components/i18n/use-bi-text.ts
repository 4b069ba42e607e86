'use client';

import { useLocale } from 'use-intl';
import { biText, type BiText } from '@/lib/i18n/bi';

/** Picks the current language from a `lib/` message that carries both (`{message, zh}`: diagnostics, parse errors). */
export function useBiText(): (text: BiText) => string {
  const locale = useLocale();
  return (text) => biText(text, locale);
}
