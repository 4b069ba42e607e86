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
};

module.exports = nextConfig;
