import type { ReactNode } from 'react';
import { Providers } from '@hibachi/web/providers';

/**
 * The data library (react-query) only where pages fetch from the browser (the lookup page,
 * /manage, loads it with a found booking).
 */
export default function Layout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
