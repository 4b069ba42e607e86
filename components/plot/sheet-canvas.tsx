'use client';

import { useEffect, useRef } from 'react';
import type { SampleFrame } from '@/lib/train/types';
import { renderSheet } from './sample-sheet';
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
    if (!frame || width === 0) {
      canvas.height = 0;
      canvas.style.height = '0px';
      return;
    }
    sheet.current ??= document.createElement('canvas');
    const native = renderSheet(frame, frame.columns ?? frame.count, sheet.current);
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round((canvas.width * native.height) / native.width);
    canvas.style.height = `${canvas.height / dpr}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(native, 0, 0, canvas.width, canvas.height);
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
