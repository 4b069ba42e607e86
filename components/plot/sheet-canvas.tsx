'use client';

import { useEffect, useRef } from 'react';
import type { SampleFrame } from '@/lib/train/types';
import { paintSheet, renderSheet } from './sample-sheet';
import { useElementWidth } from './use-element-width';

/** Props of {@link SheetCanvas}. */
export interface SheetCanvasProps {
  /** The images to draw, tiled `frame.columns` across; nothing until they arrive. */
  frame: SampleFrame | undefined;
  testId: string;
  /** What the picture shows, for screen readers. */
  label: string;
  /** Extra `data-*` attributes (what the picture was made from). */
  data?: Record<string, string | number>;
}

/** A sheet of images scaled crisply (nearest neighbour) to its container's width. */
export function SheetCanvas({ frame, testId, label, data }: SheetCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<HTMLCanvasElement>(null);
  const sheet = useRef<HTMLCanvasElement | null>(null);
  const width = useElementWidth(box);
  useEffect(() => {
    const canvas = view.current;
    if (!canvas) return;
    const native = frame ? renderSheet(frame, frame.columns ?? frame.count, (sheet.current ??= document.createElement('canvas'))) : null;
    paintSheet(canvas, native, width);
  }, [frame, width]);
  const attributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div ref={box}>
      <canvas
        ref={view}
        style={{ display: 'block', width: '100%' }}
        data-testid={testId}
        data-iteration={frame?.iteration}
        role="img"
        aria-label={label}
        {...attributes}
      />
    </div>
  );
}
