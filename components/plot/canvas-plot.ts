import { canvasFont, canvasTextScale, COLOURS } from './palette';

/** The plotting rectangle inside a canvas, in CSS pixels. */
export interface PlotFrame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Margins around a plot, in CSS pixels. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** `margins` grown with the canvas text, so larger tick labels in presentation mode still fit. */
export function scaledMargins(margins: Margins): Margins {
  const k = canvasTextScale();
  return {
    left: Math.round(margins.left * k),
    right: Math.round(margins.right * k),
    top: Math.round(margins.top * k),
    bottom: Math.round(margins.bottom * k),
  };
}

/** A linear map from data values in [lo, hi] to pixels in [from, to]. */
export type Scale = (v: number) => number;

export function linearScale(lo: number, hi: number, from: number, to: number): Scale {
  const k = hi === lo ? 0 : (to - from) / (hi - lo);
  return (v) => from + (v - lo) * k;
}

/**
 * Sizes a canvas for the device pixel ratio (backing store `cssWidth × dpr`) and returns its
 * context cleared and scaled so that drawing code works in CSS pixels.
 */
export function prepareCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
  canvas.style.height = `${cssHeight}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}

/** About `count` round tick values (steps of 1, 2 or 5 × 10^k) within [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A tick label without float noise: 0.30000000000000004 → "0.3". */
export function formatTick(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** Which sides of the frame carry ticks, with their values and scales. */
export interface AxisSpec {
  side: 'bottom' | 'left' | 'right';
  ticks: number[];
  scale: Scale;
  /** Tick label colour; defaults to the light axis grey. */
  colour?: string;
  format?: (v: number) => string;
}

/** Light axes: a thin frame, short tick marks and small grey labels outside it. */
export function drawAxes(ctx: CanvasRenderingContext2D, frame: PlotFrame, axes: AxisSpec[]): void {
  const { left, top, width, height } = frame;
  ctx.save();
  ctx.strokeStyle = '#d5d9e4';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(left) + 0.5, Math.round(top) + 0.5, Math.round(width) - 1, Math.round(height) - 1);
  ctx.font = canvasFont(11);
  for (const axis of axes) {
    const colour = axis.colour ?? COLOURS.axis;
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const t of axis.ticks) {
      const p = Math.round(axis.scale(t)) + 0.5;
      const label = (axis.format ?? formatTick)(t);
      if (axis.side === 'bottom') {
        ctx.moveTo(p, top + height);
        ctx.lineTo(p, top + height + 4);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'top';
        ctx.fillText(label, p, top + height + 6);
      } else {
        const x = axis.side === 'left' ? left : left + width;
        const dir = axis.side === 'left' ? -1 : 1;
        ctx.moveTo(x, p);
        ctx.lineTo(x + 4 * dir, p);
        ctx.textAlign = axis.side === 'left' ? 'right' : 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(label, x + 6 * dir, p);
      }
    }
    ctx.stroke();
  }
  ctx.restore();
}
