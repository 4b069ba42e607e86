'use client';

import { LOCALE_STORAGE_KEY, pickLocale, type Locale } from '@/lib/i18n/locale';
import { storedPreference } from '../stored-preference';

// The language is a browser preference, like the layout: it lives in localStorage, and this
// module only lets React subscribe to it (useSyncExternalStore).
const preference = storedPreference(LOCALE_STORAGE_KEY);

/** The language to show now: the remembered choice, else the browser's preference. */
export function currentLocale(): Locale {
  return pickLocale(preference.read(), navigator.language);
}

/** Switches the language everywhere at once and remembers it. */
export function chooseLocale(locale: Locale): void {
  preference.write(locale);
}

/** Calls `onChange` when the language changes, here or in another tab. */
export const subscribeLocale = preference.subscribe;
