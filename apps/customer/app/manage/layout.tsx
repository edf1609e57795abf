import type { ReactNode } from 'react';
import { Providers } from '@hibachi/web/providers';

/** The data library (react-query) only where pages fetch from the browser. */
export default function Layout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
