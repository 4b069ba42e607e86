// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Everything runs in the browser; no server-side state.
  poweredByHeader: false,
};

module.exports = nextConfig;
