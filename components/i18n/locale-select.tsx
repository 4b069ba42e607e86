'use client';

import { useLocale, useTranslations } from 'use-intl';
import { htmlLang, isLocale, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locale';
import { chooseLocale } from './locale-store';

/** The language switch: each language named in itself, so anyone can find their own. */
export function LocaleSelect() {
  const t = useTranslations('app');
  const locale = useLocale();
  return (
    <select
      className="btn locale-select"
      aria-label={t('language')}
      data-testid="locale"
      value={locale}
      onChange={(e) => {
        if (isLocale(e.target.value)) chooseLocale(e.target.value);
      }}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={htmlLang(l)}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
