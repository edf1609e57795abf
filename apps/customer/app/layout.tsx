import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@hibachi/web/brand-mark';
import '@hibachi/web/styles.css';

export const metadata: Metadata = {
  title: { default: 'Hibachi at Home', template: '%s · Hibachi at Home' },
  description:
    'Book a hibachi chef for your party at home: pick a date, get a price, pay a deposit.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b91c1c' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <BrandMark /> Hibachi at Home
          </Link>
          <nav aria-label="Main">
            <Link href="/">Book a chef</Link>
            <Link href="/#stations">Locations</Link>
            <Link href="/manage">Manage booking</Link>
          </nav>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <p>Hibachi at Home · Private chefs cooking at your table</p>
        </footer>
      </body>
    </html>
  );
}
