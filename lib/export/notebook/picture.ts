import type { Graph } from '../../project/schema';
import { base64Utf8, xmlText } from './markdown';

/** A node's size on the editor's canvas, roughly, in canvas units. */
const NODE = { width: 160, height: 44 };
/** The most a panel may take, in pixels, and its margins. */
const MAX = { width: 400, height: 560, scale: 0.6 };
const PAD = 12;
const TITLE = 22;

/** A node's caption: its label, else its kind; a long one ends with an ellipsis. */
function caption(node: Graph['nodes'][number], maxChars: number): string {
  const text = node.label !== undefined && node.label.trim() !== '' ? node.label : node.kind;
  const chars = [...text];
  return chars.length > maxChars ? `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…` : text;
}

interface Panel {
  svg: string;
  width: number;
  height: number;
}

/** One graph as it sits on its canvas, scaled into a panel: boxes for the nodes over lines for the edges. */
function panel(graph: Graph, title: string, left: number): Panel {
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const spanX = (xs.length ? Math.max(...xs) : 0) - minX + NODE.width;
  const spanY = (ys.length ? Math.max(...ys) : 0) - minY + NODE.height;
  const s = Math.min(MAX.scale, MAX.width / spanX, MAX.height / spanY);
  const box = { width: NODE.width * s, height: NODE.height * s };
  const font = Math.max(6, Math.min(11, box.height * 0.5));
  const maxChars = Math.max(3, Math.floor(box.width / (font * 0.6)));
  const r = (v: number) => Math.round(v * 10) / 10;
  const at = new Map(
    graph.nodes.map((n) => [n.id, { x: left + PAD + (n.position.x - minX) * s, y: PAD + TITLE + (n.position.y - minY) * s }]),
  );
  const centre = (p: { x: number; y: number }) => ({ x: r(p.x + box.width / 2), y: r(p.y + box.height / 2) });
  const edges = graph.edges.flatMap((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) return [];
    const [p, q] = [centre(a), centre(b)];
    return [`<line x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}" stroke="#889" stroke-width="1.2"/>`];
  });
  const nodes = graph.nodes.map((n) => {
    const p = at.get(n.id)!;
    const c = centre(p);
    return (
      `<rect x="${r(p.x)}" y="${r(p.y)}" width="${r(box.width)}" height="${r(box.height)}" rx="3" fill="#fff" stroke="#4a6fa5"/>` +
      `<text x="${c.x}" y="${r(c.y + font * 0.35)}" font-size="${r(font)}" text-anchor="middle">${xmlText(caption(n, maxChars))}</text>`
    );
  });
  const width = Math.ceil(spanX * s + 2 * PAD);
  const height = Math.ceil(spanY * s + 2 * PAD + TITLE);
  const svg = [
    `<rect x="${left + 1}" y="1" width="${width - 2}" height="${height - 2}" rx="6" fill="#f6f8fb" stroke="#ccd"/>`,
    `<text x="${left + PAD}" y="${PAD + 8}" font-weight="bold" font-size="13">${xmlText(title)}</text>`,
    ...edges,
    ...nodes,
  ].join('');
  return { svg, width, height };
}

/**
 * The two graphs side by side as a small SVG drawn from the nodes' canvas positions, as a `data:`
 * URI in base64, so that nothing in it can end the markdown image it sits in.
 */
export function graphsPicture(generator: Graph, discriminator: Graph, titles: { generator: string; discriminator: string }): string {
  const g = panel(generator, titles.generator, 0);
  const d = panel(discriminator, titles.discriminator, g.width + 8);
  const width = g.width + 8 + d.width;
  const height = Math.max(g.height, d.height);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    g.svg,
    d.svg,
    '</svg>',
  ].join('');
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
