import type { Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages';

// Typed keys: `t('header.save')` is checked against messages/en.json at compile time.
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
