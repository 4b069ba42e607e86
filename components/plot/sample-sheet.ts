import type { SampleFrame } from '@/lib/train/types';

/** Native pixels between tiles of the sheet. */
const GAP = 1;
/** The colour between tiles: mid grey, visible against both black and white digits. */
const GAP_RGB = [128, 132, 145] as const;

/** The default number of columns: the squarest grid that holds `count` images. */
export function defaultColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

/**
 * Draws a frame's images, tiled `columns` across, into `canvas` at native resolution (one canvas
 * pixel per image pixel, 1 px between tiles). Pixels in [-1, 1] map to 0..255; one channel is
 * grey, three or more are read as RGB, two as grey from the first.
 */
export function renderSheet(frame: SampleFrame, columns: number, canvas: HTMLCanvasElement): HTMLCanvasElement {
  const [h, w, c] = frame.shape;
  const cols = Math.max(1, Math.min(columns, frame.count));
  const rows = Math.max(1, Math.ceil(frame.count / cols));
  canvas.width = cols * w + (cols - 1) * GAP;
  canvas.height = rows * h + (rows - 1) * GAP;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(canvas.width, canvas.height);
  const out = image.data;
  for (let i = 0; i < out.length; i += 4) {
    out[i] = GAP_RGB[0];
    out[i + 1] = GAP_RGB[1];
    out[i + 2] = GAP_RGB[2];
    out[i + 3] = 255;
  }
  const src = frame.images;
  const rgb = c >= 3;
  for (let k = 0; k < frame.count; k++) {
    const ox = (k % cols) * (w + GAP);
    const oy = Math.floor(k / cols) * (h + GAP);
    for (let y = 0; y < h; y++) {
      let s = (k * h + y) * w * c;
      let d = ((oy + y) * canvas.width + ox) * 4;
      for (let x = 0; x < w; x++, s += c, d += 4) {
        const r = toByte(src[s]);
        out[d] = r;
        out[d + 1] = rgb ? toByte(src[s + 1]) : r;
        out[d + 2] = rgb ? toByte(src[s + 2]) : r;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** A pixel in [-1, 1] as a byte; NaN (a diverged generator) shows as black. */
function toByte(v: number | undefined): number {
  if (v === undefined || !(v === v)) return 0;
  return Math.round(Math.min(255, Math.max(0, (v + 1) * 127.5)));
}

/**
 * Shows a sheet drawn at native size (`renderSheet`) in `canvas`, `width` CSS pixels wide and as
 * tall as the sheet's aspect asks, scaled crisply (nearest neighbour) for the device's pixel
 * ratio. Without a sheet, or at width 0, the canvas collapses to nothing. Returns the context to
 * draw on top with, or null.
 */
export function paintSheet(canvas: HTMLCanvasElement, native: HTMLCanvasElement | null, width: number): CanvasRenderingContext2D | null {
  if (!native || width === 0) {
    canvas.height = 0;
    canvas.style.height = '0px';
    return null;
  }
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round((canvas.width * native.height) / native.width);
  canvas.style.height = `${canvas.height / dpr}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(native, 0, 0, canvas.width, canvas.height);
  return ctx;
}
