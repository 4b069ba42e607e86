import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dColour } from '@/components/plot/d-colour-scale';
import { COLOURS } from '@/components/plot/palette';
import {
  contrast,
  deltaE2000,
  difference,
  hexToRgb,
  luminance,
  MACHADO_2009,
  simulate,
  type Deficiency,
  type Rgb,
} from '../helpers/colour-vision';

/**
 * The least CIEDE2000 difference two colours of different meaning may have, for every viewer.
 * 2.3 is one just-noticeable difference for large patches side by side (Sharma 2003); our colours
 * mark thin lines and 2-px dots, where Szafir (2018, "Modeling Color Difference for Visualization
 * Design") found several times that margin is needed to tell colours apart reliably. 10 is over
 * four JNDs, and the smallest margin Okabe & Ito's set keeps between bluish green and blue under
 * tritanopia (12.4); the previous palette's fake purple and D blue fell to 5.0 for deuteranopes.
 */
const MIN_DELTA_E = 10;
/** WCAG 2.1 success criterion 1.4.3 (AA) for normal-size text. */
const MIN_TEXT_CONTRAST = 4.5;

const VIEWERS: (Deficiency | 'typical')[] = ['typical', 'protanopia', 'deuteranopia', 'tritanopia'];
const seen = (rgb: Rgb, viewer: Deficiency | 'typical') => (viewer === 'typical' ? rgb : simulate(rgb, viewer));

/** The closest pair of a set of colours as one viewer sees them. */
function closestPair(colours: Record<string, Rgb>, viewer: Deficiency | 'typical'): { pair: string; delta: number } {
  const names = Object.keys(colours);
  let best = { pair: '', delta: Infinity };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const delta = difference(seen(colours[names[i]!]!, viewer), seen(colours[names[j]!]!, viewer));
      if (delta < best.delta) best = { pair: `${names[i]} / ${names[j]}`, delta };
    }
  }
  return best;
}

const hexes = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, hexToRgb(v)]));

describe('the colour maths', () => {
  it('CIEDE2000 reproduces Sharma, Wu & Dalal (2005) test data', () => {
    const pairs: [Rgb, Rgb, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, expected] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
  });

  it('the Machado matrices leave greys grey and darken red for a protanope', () => {
    for (const m of Object.values(MACHADO_2009)) for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    for (const kind of Object.keys(MACHADO_2009) as Deficiency[]) {
      const [r, g, b] = simulate([128, 128, 128], kind);
      expect(Math.max(Math.abs(r - 128), Math.abs(g - 128), Math.abs(b - 128))).toBeLessThan(0.5);
    }
    expect(luminance(simulate([255, 0, 0], 'protanopia'))).toBeLessThan(luminance([255, 0, 0]) * 0.6);
  });
});

describe('colours that carry meaning stay apart under colour-vision deficiencies', () => {
  const semantic = hexes({ real: COLOURS.real, fake: COLOURS.fake, discriminator: COLOURS.discriminator });
  const oneD = hexes({
    data: COLOURS.dataDensity,
    generator: COLOURS.generatorDensity,
    discriminator: COLOURS.discriminator,
    optimal: COLOURS.optimal,
  });
  const heatmap = { fake: dColour(0), unsure: dColour(0.5), real: dColour(1) };

  it.each(VIEWERS)('real, fake and D (%s)', (viewer) => {
    const { pair, delta } = closestPair(semantic, viewer);
    expect(delta, `${pair} for ${viewer}`).toBeGreaterThan(MIN_DELTA_E);
  });

  it.each(VIEWERS)('the 1-D view: data, generator, D and D* (%s)', (viewer) => {
    const { pair, delta } = closestPair(oneD, viewer);
    expect(delta, `${pair} for ${viewer}`).toBeGreaterThan(MIN_DELTA_E);
  });

  it.each(VIEWERS)("D's heatmap ends and middle, and the dots on them (%s)", (viewer) => {
    const { pair, delta } = closestPair(heatmap, viewer);
    expect(delta, `${pair} for ${viewer}`).toBeGreaterThan(MIN_DELTA_E);
    // A dot stays visible on the region that agrees with it, and on the one that does not.
    for (const dot of [COLOURS.realDot, COLOURS.fakeDot]) {
      for (const ground of Object.values(heatmap))
        expect(difference(seen(hexToRgb(dot), viewer), seen(ground, viewer))).toBeGreaterThan(MIN_DELTA_E);
    }
  });

  it('one meaning per colour: dots and the generator density use their meaning’s colour', () => {
    expect(COLOURS.realDot).toBe(COLOURS.real);
    expect(COLOURS.fakeDot).toBe(COLOURS.fake);
    expect(COLOURS.generatorDensity).toBe(COLOURS.fake);
    expect(new Set([COLOURS.real, COLOURS.fake, COLOURS.discriminator, COLOURS.dataDensity]).size).toBe(4);
  });

  it('the threshold tells: the previous palette fails it for deuteranopes', () => {
    const previous = hexes({ real: '#12804a', fake: '#7b3fc4', discriminator: '#2f6fdb' });
    expect(closestPair(previous, 'deuteranopia').delta).toBeLessThan(MIN_DELTA_E);
  });
});

/** The custom properties of app/globals.css's :root block. */
function cssColours(): Record<string, string> {
  const css = readFileSync('app/globals.css', 'utf8');
  const root = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
  return Object.fromEntries([...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!]));
}

describe('the layer category colours (graph canvas and palette)', () => {
  it.each(VIEWERS)('stay apart from each other (%s)', (viewer) => {
    const cats = Object.fromEntries(Object.entries(cssColours()).filter(([k]) => k.startsWith('cat-')));
    expect(Object.keys(cats)).toHaveLength(8);
    const { pair, delta } = closestPair(hexes(cats), viewer);
    expect(delta, `${pair} for ${viewer}`).toBeGreaterThan(MIN_DELTA_E);
  });
});

describe('text colours reach WCAG AA contrast (4.5:1) on their background', () => {
  const css = cssColours();
  it.each(['fg', 'muted', 'accent', 'good', 'warn', 'bad'])('--%s on --card and --bg', (name) => {
    expect(css[name], `--${name} in app/globals.css`).toBeDefined();
    for (const bg of ['card', 'bg'])
      expect(contrast(hexToRgb(css[name]!), hexToRgb(css[bg]!)), `--${name} on --${bg}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  // Canvas labels: tick labels (axis), reference-line labels, and D's own axis in the 1-D view,
  // all drawn on the white card.
  it.each(['axis', 'reference', 'discriminator'] as const)('canvas label colour %s on the card', (name) => {
    expect(contrast(hexToRgb(COLOURS[name]), hexToRgb(css.card!))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});
