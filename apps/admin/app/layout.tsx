import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@hibachi/web/brand-mark';
import { Providers } from '@hibachi/web/providers';
import '@hibachi/web/styles.css';

export const metadata: Metadata = {
  title: { default: 'Hibachi Admin', template: '%s · Hibachi Admin' },
  robots: { index: false, follow: false },
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <BrandMark /> Hibachi Admin
          </Link>
          <nav aria-label="Main">
            <Link href="/sign-in">Sign in</Link>
          </nav>
        </header>
        <main id="main" className="container">
          <Providers>{children}</Providers>
        </main>
        <footer className="site-footer">
          <p>Staff area · bookings, calendar and payments</p>
        </footer>
      </body>
    </html>
  );
}
