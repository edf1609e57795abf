import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

/**
 * The page frame both apps share: a skip link to the content, the header with the brand
 * (linking home) and the app's navigation, the main region and a one-line footer.
 */
export function SiteFrame({
  brand,
  navigation,
  footer,
  mainClassName = 'container',
  children,
}: {
  brand: string;
  navigation?: ReactNode;
  footer: string;
  mainClassName?: string;
  children: ReactNode;
}) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <BrandMark /> {brand}
          </Link>
          {navigation}
        </header>
        <main id="main" className={mainClassName}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{footer}</p>
        </footer>
      </body>
    </html>
  );
}
