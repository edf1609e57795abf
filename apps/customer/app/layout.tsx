import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFrame } from '@hibachi/web/site-frame';
import { WebVitalsReporter } from '@hibachi/web/web-vitals-reporter';
import { ChatLauncher } from '@/components/chat/chat-launcher';
import '@hibachi/web/styles.css';

export const metadata: Metadata = {
  title: { default: 'Hibachi at Home', template: '%s · Hibachi at Home' },
  description:
    'Book a hibachi chef for your party at home: pick a date, get a price, pay a deposit.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b91c1c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts the proxy's CSP nonce on its scripts.
  await connection();
  return (
    <SiteFrame
      brand="Hibachi at Home"
      footer="Hibachi at Home · Private chefs cooking at your table"
      navigation={
        <nav aria-label="Main">
          <Link href="/">Book a chef</Link>
          <Link href="/#stations">Locations</Link>
          <Link href="/manage">Manage booking</Link>
        </nav>
      }
    >
      {children}
      <ChatLauncher />
      <WebVitalsReporter app="customer" />
    </SiteFrame>
  );
}
