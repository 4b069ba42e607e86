import uPlot from 'uplot';
import { canvasFont, canvasLine, COLOURS } from './palette';

/** Right padding (CSS px) the metrics charts keep free for a reference line's label. */
export const REFERENCE_GUTTER = 46;

/**
 * A uPlot plugin that draws a dashed horizontal line at `value` on the y scale beneath the
 * series, and writes `label` in the right gutter beside it (reserved by
 * {@link REFERENCE_GUTTER} padding), where no series can cover it.
 */
export function referenceLine(value: number, label: string, colour: string = COLOURS.reference): uPlot.Plugin {
  const yAt = (u: uPlot) => {
    const y = Math.round(u.valToPos(value, 'y', true)) + 0.5;
    const { top, height } = u.bbox;
    return y >= top && y <= top + height ? y : null;
  };
  return {
    hooks: {
      drawClear: (u) => {
        const y = yAt(u);
        if (y === null) return;
        const px = uPlot.pxRatio;
        const { ctx, bbox } = u;
        ctx.save();
        ctx.strokeStyle = colour;
        ctx.lineWidth = canvasLine(1.25) * px;
        ctx.setLineDash([6 * px, 4 * px]);
        ctx.beginPath();
        ctx.moveTo(bbox.left, y);
        ctx.lineTo(bbox.left + bbox.width + 4 * px, y);
        ctx.stroke();
        ctx.restore();
      },
      draw: (u) => {
        const y = yAt(u);
        if (y === null || !label) return;
        const px = uPlot.pxRatio;
        const { ctx, bbox } = u;
        ctx.save();
        ctx.font = canvasFont(11 * px, 600);
        ctx.fillStyle = colour;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(label, bbox.left + bbox.width + 7 * px, y);
        ctx.restore();
      },
    },
  };
}

/** A y range that always includes `value`, so a reference line stays in view. */
export function rangeIncluding(value: number): uPlot.Range.Function {
  return (_u, min, max) => {
    const lo = min == null || !Number.isFinite(min) ? value : Math.min(min, value);
    const hi = max == null || !Number.isFinite(max) ? value : Math.max(max, value);
    return uPlot.rangeNum(lo, hi, 0.1, true);
  };
}
