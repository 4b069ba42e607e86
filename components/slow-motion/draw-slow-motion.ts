import { drawAxes, linearScale, niceTicks, type PlotFrame } from '../plot/canvas-plot';
import { canvasFont, COLOURS } from '../plot/palette';

/** A set of points to draw: each entry is one sample's values (1 or 2 used). */
export interface PointSet {
  points: number[][];
  colour: string;
  /** Drawn faintly, behind the others (a reference). */
  faint?: boolean;
}

/** A row of scores to draw on a common axis. */
export interface ScoreRow {
  label: string;
  scores: number[];
  mean: number;
  colour: string;
}

const LEFT = 8;
const RIGHT = 8;
const AXIS = 18;

/** The height a picture needs at this width. */
export function pictureHeight(kind: 'line' | 'plane' | 'scores', rows = 1, width = 0): number {
  if (kind === 'line') return 16 + 18 * rows + AXIS;
  if (kind === 'plane') return Math.min(200, Math.max(120, Math.round(width * 0.45)));
  return 8 + 36 * rows + AXIS;
}

/** The smallest interval holding `base` and every finite value, padded by 6%. */
export function extentOf(values: number[], base: [number, number]): [number, number] {
  let lo = base[0];
  let hi = base[1];
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = (hi - lo) * 0.06 || 1;
  return [lo - pad, hi + pad];
}

/** 1-D samples as dots along an axis, one band per set, jittered so that piles show. */
export function drawLine(ctx: CanvasRenderingContext2D, width: number, height: number, sets: PointSet[], extent: [number, number]): void {
  const frame: PlotFrame = { left: LEFT, top: 6, width: width - LEFT - RIGHT, height: height - 6 - AXIS };
  const x = linearScale(extent[0], extent[1], frame.left, frame.left + frame.width);
  drawAxes(ctx, frame, [{ side: 'bottom', ticks: niceTicks(extent[0], extent[1], 6), scale: x }]);
  const band = frame.height / Math.max(1, sets.length);
  sets.forEach((set, row) => {
    ctx.fillStyle = set.colour;
    ctx.globalAlpha = set.faint ? 0.25 : 0.7;
    set.points.forEach((p, i) => {
      const jitter = ((i * 0.618034) % 1) * (band - 10);
      dot(ctx, x(p[0] ?? 0), frame.top + row * band + 5 + jitter, 3);
    });
  });
  ctx.globalAlpha = 1;
}

/** 2-D samples (or the first two values of each) on a square-scaled plane. */
export function drawPlane(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  sets: PointSet[],
  extent: [number, number, number, number],
): void {
  const size = Math.min(width - LEFT - RIGHT - 28, height - 6 - AXIS);
  const frame: PlotFrame = { left: Math.round((width - size) / 2), top: 6, width: size, height: size };
  const x = linearScale(extent[0], extent[1], frame.left, frame.left + frame.width);
  const y = linearScale(extent[2], extent[3], frame.top + frame.height, frame.top);
  drawAxes(ctx, frame, [
    { side: 'bottom', ticks: niceTicks(extent[0], extent[1], 4), scale: x },
    { side: 'left', ticks: niceTicks(extent[2], extent[3], 4), scale: y },
  ]);
  for (const set of [...sets].sort((a, b) => Number(!a.faint) - Number(!b.faint))) {
    ctx.fillStyle = set.colour;
    ctx.globalAlpha = set.faint ? 0.25 : 0.75;
    for (const p of set.points) dot(ctx, x(p[0] ?? 0), y(p[1] ?? 0), 2.6);
  }
  ctx.globalAlpha = 1;
}

/** Scores as dots on one axis per row, with each row's batch mean marked and written above it. */
export function drawScores(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  rows: ScoreRow[],
  range: [number, number],
  meanLabel: (mean: number) => string,
): void {
  const labelWidth = 64;
  const frame: PlotFrame = { left: LEFT + labelWidth, top: 6, width: width - LEFT - RIGHT - labelWidth, height: height - 6 - AXIS };
  const x = linearScale(range[0], range[1], frame.left, frame.left + frame.width);
  drawAxes(ctx, frame, [{ side: 'bottom', ticks: niceTicks(range[0], range[1], 5), scale: x }]);
  const band = frame.height / Math.max(1, rows.length);
  rows.forEach((row, i) => {
    const top = frame.top + band * i;
    // Upper part of the band: the mean's label; lower part: the dots.
    const dotsMid = top + band * 0.68;
    ctx.font = canvasFont(12);
    ctx.fillStyle = row.colour;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(row.label, frame.left - 6, dotsMid);
    ctx.globalAlpha = 0.55;
    row.scores.forEach((s, k) => dot(ctx, x(clamp(s, range)), dotsMid - 4 + ((k * 0.618034) % 1) * 8, 2.6));
    ctx.globalAlpha = 1;
    const m = x(clamp(row.mean, range));
    ctx.strokeStyle = row.colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(m, top + 14);
    ctx.lineTo(m, top + band - 2);
    ctx.stroke();
    ctx.font = canvasFont(11);
    ctx.fillStyle = COLOURS.reference;
    ctx.textBaseline = 'top';
    const text = meanLabel(row.mean);
    const room = frame.left + frame.width - m;
    ctx.textAlign = room > ctx.measureText(text).width + 8 ? 'left' : 'right';
    ctx.fillText(text, m + (ctx.textAlign === 'left' ? 3 : -3), top + 2);
  });
}

function dot(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
}

function clamp(v: number, [lo, hi]: [number, number]): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
