import type { Density1DData } from '@/lib/train/types';
import { drawAxes, linearScale, niceTicks, scaledMargins, type PlotFrame, type Scale } from './canvas-plot';
import type { DensityCurves } from './density-curves';
import { canvasFont, canvasLine, COLOURS } from './palette';

const MARGIN = { left: 40, right: 36, top: 20, bottom: 24 };

/** Canvas height and plot frame for a given width: a wide strip, like the paper's panels. */
export function densityLayout(width: number): { height: number; frame: PlotFrame } {
  const height = Math.round(Math.min(320, Math.max(200, width * 0.5)));
  const margin = scaledMargins(MARGIN);
  return {
    height,
    frame: {
      left: margin.left,
      top: margin.top,
      width: Math.max(40, width - margin.left - margin.right),
      height: height - margin.top - margin.bottom,
    },
  };
}

/**
 * Goodfellow et al. (2014) Figure 1 for the current iteration: the data (histogram, or the true
 * density dotted black), the generator's density (vermillion), D (blue dashed) and D* (thin grey),
 * densities on the left axis and D on the right axis, [0, 1].
 */
export function drawDensity(
  ctx: CanvasRenderingContext2D,
  data: Density1DData,
  curves: DensityCurves,
  frame: PlotFrame,
  densityLabel = 'density',
): void {
  const [x0, x1] = data.extent;
  const sx = linearScale(x0, x1, frame.left, frame.left + frame.width);
  const bottom = frame.top + frame.height;
  const sp = linearScale(0, curves.densityMax, bottom, frame.top);
  // D = 1 sits a little below the frame, so a D or D* pinned at 1 is not hidden by the border.
  const sd = linearScale(0, 1, bottom, frame.top + 6);
  const { xs } = curves;

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.strokeStyle = COLOURS.grid;
  ctx.beginPath();
  const half = Math.round(sd(0.5)) + 0.5;
  ctx.moveTo(frame.left, half);
  ctx.lineTo(frame.left + frame.width, half);
  ctx.stroke();
  if (curves.histogram) drawBars(ctx, curves.histogram, x0, x1, sx, sp);
  else curve(ctx, xs, curves.pData, sx, sp, { colour: COLOURS.dataDensity, width: 2.2, dash: [0.1, 4], cap: 'round' });
  curve(ctx, xs, curves.dStar, sx, sd, { colour: COLOURS.optimal, width: 1.1 });
  curve(ctx, xs, curves.pG, sx, sp, { colour: COLOURS.generatorDensity, width: 2 });
  curve(ctx, xs, data.discriminator.values, sx, sd, { colour: COLOURS.discriminator, width: 2, dash: [6, 4] });
  if (data.mapped) drawMapped(ctx, data.mapped, sx, bottom);
  ctx.restore();

  drawAxes(ctx, frame, [
    { side: 'bottom', ticks: niceTicks(x0, x1, Math.max(3, Math.round(frame.width / 70))), scale: sx },
    { side: 'left', ticks: niceTicks(0, curves.densityMax, 5), scale: sp },
    { side: 'right', ticks: [0, 0.5, 1], scale: sd, colour: COLOURS.discriminator },
  ]);
  ctx.save();
  ctx.font = canvasFont(11);
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = COLOURS.axis;
  ctx.textAlign = 'left';
  const margin = scaledMargins(MARGIN);
  ctx.fillText(densityLabel, frame.left - margin.left + 4, frame.top - 5);
  ctx.fillStyle = COLOURS.discriminator;
  ctx.textAlign = 'right';
  ctx.fillText('D(x)', frame.left + frame.width + margin.right - 4, frame.top - 5);
  ctx.restore();
}

interface Stroke {
  colour: string;
  width: number;
  dash?: number[];
  cap?: CanvasLineCap;
}

function curve(ctx: CanvasRenderingContext2D, xs: Float32Array, ys: Float32Array, sx: Scale, sy: Scale, stroke: Stroke): void {
  const n = Math.min(xs.length, ys.length);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < n; i++) {
    const y = ys[i]!;
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(sx(xs[i]!), sy(y));
    else ctx.moveTo(sx(xs[i]!), sy(y));
    pen = true;
  }
  ctx.strokeStyle = stroke.colour;
  ctx.lineWidth = canvasLine(stroke.width);
  ctx.lineCap = stroke.cap ?? 'butt';
  ctx.lineJoin = 'round';
  ctx.setLineDash(stroke.dash ?? []);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawBars(ctx: CanvasRenderingContext2D, bars: Float32Array, x0: number, x1: number, sx: Scale, sy: Scale): void {
  const w = (x1 - x0) / bars.length;
  const base = sy(0);
  ctx.fillStyle = '#dcdfe8';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1;
  for (let b = 0; b < bars.length; b++) {
    if (!(bars[b]! > 0)) continue;
    const left = sx(x0 + b * w);
    const right = sx(x0 + (b + 1) * w);
    const top = sy(bars[b]!);
    ctx.fillRect(left, top, right - left, base - top);
    ctx.strokeRect(left, top, right - left, base - top);
  }
}

/**
 * Where evenly spaced z land (GAN Lab's view of G as a map): a tick on the x axis for each, so
 * crowded ticks show where G squeezes noise into dense data and sparse ones where it stretches it.
 */
function drawMapped(ctx: CanvasRenderingContext2D, mapped: Float32Array, sx: Scale, bottom: number): void {
  const tall = canvasLine(9);
  ctx.strokeStyle = COLOURS.manifold;
  ctx.lineWidth = canvasLine(1.4);
  ctx.beginPath();
  for (const x of mapped) {
    const at = Math.round(sx(x)) + 0.5;
    ctx.moveTo(at, bottom);
    ctx.lineTo(at, bottom - tall);
  }
  ctx.stroke();
}
