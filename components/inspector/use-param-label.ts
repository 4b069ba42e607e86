'use client';

import type { ParamField } from '@/lib/compiler/form';
import { useLocalized } from '../i18n/use-localized';

/** The visible name of a param in the current language, as the layer kind's spec names it. */
export function useParamLabel(): (field: ParamField) => string {
  const text = useLocalized();
  return (field) => text(field.label);
}
