import { isPresenting } from '../presentation/presentation-store';

/**
 * Colours of the training views, from Okabe & Ito's colour-blind-safe set (2008). One meaning per
 * colour across all of them: bluish green is the data ("real"), vermillion the generator ("fake",
 * its losses and, in the 1-D view, its density), blue the discriminator. The 1-D view otherwise
 * follows Goodfellow et al. (2014) Figure 1: the data's density black and dotted, D dashed.
 * tests/a11y/colour-vision.test.ts checks that real, fake and D stay apart under simulated
 * protanopia, deuteranopia and tritanopia, and that the colours used for text reach WCAG's 4.5:1.
 * The dot colours equal their line colours; they are separate keys so a view can tune them.
 */
export const COLOURS = {
  real: '#009e73',
  realDot: '#009e73',
  fake: '#d55e00',
  fakeDot: '#d55e00',
  discriminator: '#0072b2',
  generatorDensity: '#d55e00',
  dataDensity: '#1b1d2a',
  optimal: '#8a90a2',
  reference: '#60667a',
  axis: '#666c80',
  grid: '#eceef4',
  arrow: '#33295c',
  manifold: 'rgba(51, 41, 92, 0.55)',
} as const;

/** The font canvases draw labels with, matching the app's system font stack. */
export const CANVAS_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif";

/** How much larger canvas text is drawn in presentation mode, and how much thicker lines and dots. */
export const PRESENTATION_TEXT_SCALE = 1.4;
export const PRESENTATION_LINE_SCALE = 1.6;

/** The factor for canvas text now: {@link PRESENTATION_TEXT_SCALE} in presentation mode, else 1. */
export function canvasTextScale(): number {
  return isPresenting() ? PRESENTATION_TEXT_SCALE : 1;
}

/** A line width or dot radius for now: thicker in presentation mode. */
export function canvasLine(width: number): number {
  return isPresenting() ? width * PRESENTATION_LINE_SCALE : width;
}

/** A canvas `font` string for a label of `size` CSS pixels, larger in presentation mode. */
export function canvasFont(size: number, weight?: number): string {
  const px = Math.round(size * canvasTextScale() * 10) / 10;
  return `${weight ? `${weight} ` : ''}${px}px ${CANVAS_FONT}`;
}
