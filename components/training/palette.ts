/**
 * Colours of the training views. One meaning per colour across all of them: green is the data
 * ("real"), purple the generator ("fake"), blue the discriminator. The 1-D view follows
 * Goodfellow et al. (2014) Figure 1 instead, where the generator's density is green.
 */
export const COLOURS = {
  real: '#12804a',
  realDot: '#0b5e35',
  fake: '#7b3fc4',
  fakeDot: '#6a2fc0',
  discriminator: '#2f6fdb',
  generatorDensity: '#1e9e4f',
  dataDensity: '#1b1d2a',
  optimal: '#8a90a2',
  reference: '#60667a',
  axis: '#8a90a2',
  grid: '#eceef4',
  arrow: '#33295c',
} as const;

/** The font canvases draw labels with, matching the app's system font stack. */
export const CANVAS_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif";
