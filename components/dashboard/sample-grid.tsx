'use client';

import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { SampleFrame } from '@/lib/train/types';
import { defaultColumns, paintSheet, renderSheet } from '../plot/sample-sheet';
import styles from './training.module.css';
import { useElementWidth } from '../plot/use-element-width';
import { downloadBlob } from '../download';
import { AveragedNote } from './averaged-note';

/** Props of {@link SampleGrid}. */
export interface SampleGridProps {
  /** Sample frames, oldest first; the newest is shown unless the user scrubs back. */
  frames: SampleFrame[];
  /** Images per row; default the squarest grid, ceil(sqrt(count)). */
  columns?: number;
  /** Makes the samples pickable (the latent explorer's A and B): called with the clicked sample's index. */
  onPick?: (index: number) => void;
  /** Samples to outline, each with a letter. */
  marks?: readonly { index: number; label: string }[];
}

/**
 * The generator's samples as an image grid scaled crisply to the panel's width, with a timeline
 * to scrub back through earlier frames and an export of the shown grid as a PNG at native size.
 */
export function SampleGrid({ frames, columns, onPick, marks }: SampleGridProps) {
  const t = useTranslations('samples');
  const tc = useTranslations('charts');
  // The iteration the user scrubbed to; null follows the newest frame.
  const [pinned, setPinned] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<HTMLCanvasElement>(null);
  const sheet = useRef<HTMLCanvasElement | null>(null);
  const width = useElementWidth(box);
  const last = frames.length - 1;
  const index = frameIndex(frames, pinned);
  const frame = frames[index];
  const cols = columns ?? frame?.columns ?? (frame ? defaultColumns(frame.count) : 1);

  useEffect(() => {
    const canvas = view.current;
    if (!canvas) return;
    const native = frame ? renderSheet(frame, cols, (sheet.current ??= document.createElement('canvas'))) : null;
    const ctx = paintSheet(canvas, native, width);
    if (ctx && native && frame && marks?.length)
      drawMarks(ctx, marks, frame, cols, canvas.width / native.width, window.devicePixelRatio || 1);
  }, [frame, cols, width, marks]);

  /** The sample under a click: native tile pixels are the image plus one pixel of gap. */
  const pick = (event: MouseEvent<HTMLCanvasElement>) => {
    const canvas = view.current;
    if (!onPick || !frame || !canvas || canvas.clientWidth === 0) return;
    const [h, w] = frame.shape;
    const scale = (canvas.width / canvas.clientWidth) * (sheet.current ? sheet.current.width / canvas.width : 1);
    const col = Math.floor((event.nativeEvent.offsetX * scale) / (w + 1));
    const row = Math.floor((event.nativeEvent.offsetY * scale) / (h + 1));
    const index = row * cols + col;
    if (col < cols && index >= 0 && index < frame.count) onPick(index);
  };

  const exportPng = () => {
    if (!frame) return;
    const iteration = frame.iteration;
    renderSheet(frame, cols, document.createElement('canvas')).toBlob((blob) => {
      if (blob) downloadBlob(blob, `samples-iteration-${iteration}.png`);
    }, 'image/png');
  };

  const following = pinned === null || index === last;
  const [h, w, c] = frame?.shape ?? [0, 0, 0];
  return (
    <section className={styles.panel} data-testid="sample-grid" aria-label={t('label')}>
      <header className={styles.head}>
        <h3 className={styles.title}>{t('title')}</h3>
        {frame && <span className={styles.hint}>{`${frame.count} × ${h}×${w}${c === 1 ? '' : `×${c}`}`}</span>}
        <AveragedNote decay={frame?.averaged} />
      </header>
      <div ref={box}>
        <canvas
          ref={view}
          className={styles.canvas}
          data-testid="sample-canvas"
          onClick={onPick ? pick : undefined}
          style={onPick ? { cursor: 'pointer' } : undefined}
          title={onPick ? t('pickTitle') : undefined}
          role="img"
          aria-label={frame ? t('at', { iteration: frame.iteration }) : t('none')}
        />
        {!frame && <div className={styles.empty}>{t('none')}</div>}
      </div>
      <div className={styles.timeline}>
        <span className={styles.iteration} data-testid="sample-iteration">
          {frame ? tc('iterationAt', { iteration: frame.iteration }) : `${tc('iteration')} –`}
        </span>
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={Math.max(0, index)}
          disabled={frames.length < 2}
          onChange={(e) => {
            const i = Number(e.target.value);
            setPinned(i >= last ? null : (frames[i]?.iteration ?? null));
          }}
          aria-label={t('timeline')}
          aria-valuetext={frame ? tc('iterationAt', { iteration: frame.iteration }) : undefined}
          data-testid="sample-timeline"
        />
        {!frame ? null : following ? (
          <span className={styles.live}>{t('live')}</span>
        ) : (
          <button type="button" className="btn small" onClick={() => setPinned(null)}>
            {t('latest')}
          </button>
        )}
        <button type="button" className="btn small" onClick={exportPng} disabled={!frame} data-testid="export-png">
          {t('exportPng')}
        </button>
      </div>
    </section>
  );
}

/** Outlines each marked sample with its letter in the corner. */
function drawMarks(
  ctx: CanvasRenderingContext2D,
  marks: readonly { index: number; label: string }[],
  frame: SampleFrame,
  cols: number,
  scale: number,
  dpr: number,
): void {
  const [h, w] = frame.shape;
  ctx.save();
  ctx.lineWidth = 2 * dpr;
  ctx.font = `bold ${Math.round(11 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (const { index, label } of marks) {
    if (index >= frame.count) continue;
    const x = (index % cols) * (w + 1) * scale;
    const y = Math.floor(index / cols) * (h + 1) * scale;
    ctx.strokeStyle = '#f0b400';
    ctx.strokeRect(x + dpr, y + dpr, w * scale - 2 * dpr, h * scale - 2 * dpr);
    ctx.fillStyle = '#f0b400';
    ctx.fillRect(x + dpr, y + dpr, 12 * dpr, 13 * dpr);
    ctx.fillStyle = '#1b1d2a';
    ctx.fillText(label, x + 3 * dpr, y + 2 * dpr);
  }
  ctx.restore();
}

/** The shown frame: the pinned iteration, or the next one kept if it was dropped, else the newest. */
function frameIndex(frames: SampleFrame[], pinned: number | null): number {
  const last = frames.length - 1;
  if (pinned === null) return last;
  const at = frames.findIndex((f) => f.iteration >= pinned);
  return at < 0 ? last : at;
}
