'use client';

import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import { htmlLang, type Locale } from '@/lib/i18n/locale';
import { MESSAGES } from '@/lib/i18n/messages';
import { currentLocale, subscribeLocale } from './locale-store';

// The server knows no preference: it renders English, and the client switches right after
// hydration (React re-renders with the client snapshot), so the markup never mismatches.
const serverLocale = (): Locale => 'en';

/** Provides the chosen language's messages to everything below and keeps `<html lang>` in step. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(subscribeLocale, currentLocale, serverLocale);
  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
  }, [locale]);
  return (
    <IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
