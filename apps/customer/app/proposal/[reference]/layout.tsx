import type { ReactNode } from 'react';
import { Providers } from '@hibachi/web/providers';

/** The data library (react-query) for the proposal, which loads from the browser. */
export default function Layout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
