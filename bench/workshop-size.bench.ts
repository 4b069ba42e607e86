import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { frameworkFiles, precacheEntries, type PrecacheEntry } from '../scripts/precache-manifest.mjs';

/** The budget for a workshop beyond the framework, in bytes (5 MB, decimal). */
const TARGET_BYTES = 5_000_000;

interface Sizes {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * A file's bytes as it travels: gzip at zlib's default level (what `next start` sends) and brotli
 * at quality 11 (a CDN or a pre-compressing host). Files that are gzipped already (the dataset
 * packs) travel as they are.
 */
function sizes(bytes: Buffer, preCompressed: boolean): Sizes {
  if (preCompressed) return { files: 1, raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
  return {
    files: 1,
    raw: bytes.length,
    gzip: gzipSync(bytes).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({
  files: a.files + b.files,
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const ZERO: Sizes = { files: 0, raw: 0, gzip: 0, brotli: 0 };
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

const GROUPS = [
  ['app', 'App JavaScript (editor, training worker with tfjs, lessons, messages)'],
  ['css', 'CSS'],
  ['pages', 'Pages (HTML of the editor and every lesson)'],
  ['mnist', 'MNIST pack (10,000 digits, gzipped at build)'],
  ['wasm', 'tfjs wasm binaries (all three variants)'],
  ['other', 'Icons, web app manifest, favicon, build manifests'],
] as const;
type Group = (typeof GROUPS)[number][0] | 'framework' | 'lazy';

function groupOf(entry: PrecacheEntry, framework: Set<string>): Group {
  if (entry.lazy) return 'lazy';
  if (framework.has(entry.url)) return 'framework';
  if (entry.url.startsWith('/data/')) return 'mnist';
  if (entry.url.startsWith('/tfjs-wasm/')) return 'wasm';
  if (entry.url.endsWith('.css')) return 'css';
  if (/^\/_next\/static\/(chunks|media)\/.*\.(js|ts)$/.test(entry.url)) return 'app';
  if (!entry.url.startsWith('/_next/') && !entry.url.includes('.')) return 'pages';
  return 'other';
}

/**
 * What a classroom downloads on the first visit, from the production build in NEXT_DIST_DIR
 * (default .next; run `npm run build` first): exactly the service worker's precache list, grouped,
 * with the framework (Next.js and React runtime chunks) shown apart and left out of the total.
 */
export function benchWorkshop(): string[] {
  const root = process.cwd();
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const { entries } = precacheEntries(root, distDir);
  const framework = frameworkFiles(root, distDir);
  const totals = new Map<Group, Sizes>();
  for (const entry of entries) {
    const group = groupOf(entry, framework);
    totals.set(group, add(totals.get(group) ?? ZERO, sizes(readFileSync(entry.file), entry.url.endsWith('.gz'))));
  }
  const row = (label: string, s: Sizes) => `| ${label} | ${s.files} | ${mb(s.raw)} | ${mb(s.gzip)} | ${mb(s.brotli)} |`;
  const rows = ['| what | files | on disk | gzip | brotli |', '|---|---|---|---|---|'];
  let workshop = ZERO;
  for (const [group, label] of GROUPS) {
    const s = totals.get(group) ?? ZERO;
    workshop = add(workshop, s);
    rows.push(row(label, s));
  }
  rows.push(row('**Workshop beyond the framework (installed on the first visit)**', workshop).replace(/\| ([\d.]+ MB)/g, '| **$1**'));
  rows.push(row('Fashion-MNIST pack (cached on first use)', totals.get('lazy') ?? ZERO));
  rows.push(row('Framework: Next.js + React runtime (not counted)', totals.get('framework') ?? ZERO));

  const messages = ['en', 'zh'].map((l) => sizes(readFileSync(`messages/${l}.json`), false)).reduce(add, ZERO);
  const lessons = existsSync('lib/classroom/lessons.ts') ? sizes(readFileSync('lib/classroom/lessons.ts'), false) : ZERO;
  const verdict = (n: number) =>
    n <= TARGET_BYTES ? `under the 5 MB target by ${mb(TARGET_BYTES - n)}` : `over the 5 MB target by ${mb(n - TARGET_BYTES)}`;
  return [
    ...rows,
    '',
    `Workshop with gzip (\`next start\`): ${mb(workshop.gzip)}, ${verdict(workshop.gzip)}; with brotli: ${mb(workshop.brotli)}, ${verdict(workshop.brotli)}.`,
    `Adding Fashion-MNIST: ${mb(workshop.gzip + (totals.get('lazy')?.gzip ?? 0))} (gzip).`,
    `Inside the app JavaScript: the UI text of both languages (messages/*.json) is ${mb(messages.raw)} raw, ${mb(messages.gzip)} gzipped; the lessons (lib/classroom/lessons.ts source, both languages) ${mb(lessons.raw)} raw, ${mb(lessons.gzip)} gzipped.`,
  ];
}
