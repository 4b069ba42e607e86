// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Everything runs in the browser; no server-side state.
  poweredByHeader: false,
  // Parallel builds (several checkouts' worth of work on one machine) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks with tsc before it builds; a build of work in progress may skip it.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1' },
  // Cross-origin isolation on every route: only then may the page share memory with its workers,
  // and tfjs loads its threaded SIMD wasm binary (the training worker uses every core). Everything
  // the app loads is same-origin, so require-corp blocks nothing. public/sw.js adds the same two
  // headers to what it serves from its caches.
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
      ],
    },
  ],
};

module.exports = nextConfig;
