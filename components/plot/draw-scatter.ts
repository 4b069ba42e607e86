import type { Scatter2DData } from '@/lib/train/types';
import { drawAxes, linearScale, niceTicks, scaledMargins, type PlotFrame, type Scale } from './canvas-plot';
import { dColour } from './d-colour-scale';
import { canvasLine, COLOURS } from './palette';

const MARGIN = { left: 34, right: 10, top: 8, bottom: 24 };
const DOT_RADIUS = 2.2;

/** Canvas height and plot frame for a given width, keeping the extent's aspect ratio (clamped). */
export function scatterLayout(width: number, extent: Scatter2DData['extent']): { height: number; frame: PlotFrame } {
  const [x0, x1, y0, y1] = extent;
  const margin = scaledMargins(MARGIN);
  const plotWidth = Math.max(40, width - margin.left - margin.right);
  const aspect = x1 > x0 && y1 > y0 ? (y1 - y0) / (x1 - x0) : 1;
  const plotHeight = Math.round(plotWidth * Math.min(1.25, Math.max(0.5, aspect)));
  return {
    height: plotHeight + margin.top + margin.bottom,
    frame: { left: margin.left, top: margin.top, width: plotWidth, height: plotHeight },
  };
}

/** Draws D's heatmap, the real points, the generated points and G's arrows, in that order. */
export function drawScatter(ctx: CanvasRenderingContext2D, data: Scatter2DData, frame: PlotFrame): void {
  const [x0, x1, y0, y1] = data.extent;
  const sx = linearScale(x0, x1, frame.left, frame.left + frame.width);
  const sy = linearScale(y0, y1, frame.top + frame.height, frame.top);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  if (data.heatmap) drawHeatmap(ctx, data.heatmap, frame);
  if (data.manifold) drawManifold(ctx, data.manifold, sx, sy);
  drawDots(ctx, data.real, sx, sy, COLOURS.realDot);
  drawDots(ctx, data.fake, sx, sy, COLOURS.fakeDot);
  if (data.arrows) drawArrows(ctx, data.arrows, sx, sy, Math.min(frame.width, frame.height));
  ctx.restore();
  const ticks = Math.max(3, Math.round(frame.width / 70));
  drawAxes(ctx, frame, [
    { side: 'bottom', ticks: niceTicks(x0, x1, ticks), scale: sx },
    { side: 'left', ticks: niceTicks(y0, y1, Math.max(3, Math.round(frame.height / 70))), scale: sy },
  ]);
}

/**
 * The gx × gy grid (row 0 at ymin) as a gx × gy image, each value a cell over the extent, scaled
 * up with smoothing: a cheap, soft picture of D's decision surface.
 */
function drawHeatmap(ctx: CanvasRenderingContext2D, map: NonNullable<Scatter2DData['heatmap']>, frame: PlotFrame): void {
  const { gx, gy, values } = map;
  if (gx < 1 || gy < 1) return;
  const small = document.createElement('canvas');
  small.width = gx;
  small.height = gy;
  const sctx = small.getContext('2d');
  if (!sctx) return;
  const image = sctx.createImageData(gx, gy);
  for (let j = 0; j < gy; j++) {
    for (let i = 0; i < gx; i++) {
      const [r, g, b] = dColour(values[j * gx + i] ?? NaN);
      const d = ((gy - 1 - j) * gx + i) * 4; // canvas rows run top-down, the grid's bottom-up
      image.data[d] = r;
      image.data[d + 1] = g;
      image.data[d + 2] = b;
      image.data[d + 3] = 255;
    }
  }
  sctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(small, frame.left, frame.top, frame.width, frame.height);
}

/** G's manifold: each line of the z-grid, mapped through G, as a polyline over the data. */
function drawManifold(ctx: CanvasRenderingContext2D, m: NonNullable<Scatter2DData['manifold']>, sx: Scale, sy: Scale): void {
  ctx.strokeStyle = COLOURS.manifold;
  ctx.lineWidth = canvasLine(1);
  ctx.beginPath();
  for (let l = 0; l < m.lines; l++) {
    for (let p = 0; p < m.points; p++) {
      const k = (l * m.points + p) * 2;
      const x = sx(m.xy[k]!);
      const y = sy(m.xy[k + 1]!);
      if (p === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
  }
  ctx.stroke();
}

function drawDots(ctx: CanvasRenderingContext2D, points: Float32Array, sx: Scale, sy: Scale, colour: string): void {
  const radius = canvasLine(DOT_RADIUS);
  ctx.fillStyle = colour;
  ctx.globalAlpha = 0.85;
  ctx.beginPath();
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = sx(points[i]!);
    const y = sy(points[i + 1]!);
    ctx.moveTo(x + radius, y);
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.globalAlpha = 1;
}

/**
 * G's gradient arrows, scaled together so the longest is 8% of the plot: relative lengths stay
 * true, none sprawls across the picture, and arrows under 1.5 px are left out.
 */
function drawArrows(ctx: CanvasRenderingContext2D, arrows: NonNullable<Scatter2DData['arrows']>, sx: Scale, sy: Scale, size: number): void {
  const { at, direction } = arrows;
  const n = Math.floor(Math.min(at.length, direction.length) / 2);
  const px = sx(1) - sx(0);
  const py = sy(1) - sy(0);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, Math.hypot(direction[2 * i]! * px, direction[2 * i + 1]! * py));
  if (!(longest > 0) || !Number.isFinite(longest)) return;
  const k = (0.08 * size) / longest;
  const shafts = new Path2D();
  const heads = new Path2D();
  for (let i = 0; i < n; i++) {
    const x = sx(at[2 * i]!);
    const y = sy(at[2 * i + 1]!);
    const dx = direction[2 * i]! * px * k;
    const dy = direction[2 * i + 1]! * py * k;
    const len = Math.hypot(dx, dy);
    if (len < 1.5) continue;
    const ux = dx / len;
    const uy = dy / len;
    const head = Math.min(5, 0.45 * len);
    const tx = x + dx;
    const ty = y + dy;
    shafts.moveTo(x, y);
    shafts.lineTo(tx - ux * head * 0.8, ty - uy * head * 0.8);
    heads.moveTo(tx, ty);
    heads.lineTo(tx - ux * head - uy * head * 0.5, ty - uy * head + ux * head * 0.5);
    heads.lineTo(tx - ux * head + uy * head * 0.5, ty - uy * head - ux * head * 0.5);
    heads.closePath();
  }
  ctx.strokeStyle = COLOURS.arrow;
  ctx.fillStyle = COLOURS.arrow;
  ctx.globalAlpha = 0.75;
  ctx.lineWidth = canvasLine(1.1);
  ctx.lineCap = 'round';
  ctx.stroke(shafts);
  ctx.fill(heads);
  ctx.globalAlpha = 1;
}
