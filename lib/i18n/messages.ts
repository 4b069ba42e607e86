import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import type { Locale } from './locale';

/** The shape every locale's messages share; en.json is the reference. */
export type Messages = typeof en;

/** Every locale's messages. zh.json must have exactly en.json's keys (tests/i18n checks it). */
export const MESSAGES: Record<Locale, Messages> = { en, zh };
