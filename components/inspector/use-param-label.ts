'use client';

import { useMessages, useTranslations } from 'use-intl';
import type { ParamField } from '@/lib/compiler/form';

/**
 * The visible name of a param in the current language. Labels are keyed by the param's name
 * (`kernelSize`), which stays the key in the document; a param without a translation keeps the
 * label the form derived from its name (tests/i18n asserts every param has one).
 */
export function useParamLabel(): (field: ParamField) => string {
  const t = useTranslations('inspector.params');
  const labels = useMessages().inspector.params;
  return (field) => (Object.hasOwn(labels, field.name) ? t(field.name as keyof typeof labels) : field.label);
}
