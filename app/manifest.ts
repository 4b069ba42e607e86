import type { MetadataRoute } from 'next';

/** The web app manifest (served at /manifest.webmanifest): what an installed GANvas is called and looks like. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'GANvas',
    short_name: 'GANvas',
    description: 'Design, train and understand GANs in your browser, online or off.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f5f6fa',
    theme_color: '#5b4bdb',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
