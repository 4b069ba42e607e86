import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { RegisterServiceWorker } from '@/components/offline/register-service-worker';
import { PresentationSync } from '@/components/presentation/presentation-sync';
import '@xyflow/react/dist/style.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'GANvas: design, train and understand GANs in your browser',
  description: 'A visual node-graph designer for Generative Adversarial Networks that runs entirely in the browser.',
  applicationName: 'GANvas',
  icons: { apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = { themeColor: '#5b4bdb' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <PresentationSync />
        <RegisterServiceWorker />
      </body>
    </html>
  );
}
