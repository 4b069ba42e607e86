'use client';

import { useEffect } from 'react';
import { applyPresentation, usePresentation } from './presentation-store';

/** Keeps `<html data-presentation>` in step with the remembered choice on every page. Renders nothing. */
export function PresentationSync() {
  const on = usePresentation();
  useEffect(() => applyPresentation(on), [on]);
  return null;
}
