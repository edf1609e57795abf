'use client';

import type { ComponentProps } from 'react';
import { QuotePanel as SharedQuotePanel } from '@hibachi/web/quote-panel';
import { api } from '@/lib/api';

/** The shared live price (`@hibachi/web/quote-panel`) from the website's quote endpoint. */
export function QuotePanel(props: Omit<ComponentProps<typeof SharedQuotePanel>, 'fetchQuote'>) {
  return <SharedQuotePanel {...props} fetchQuote={api.quote} />;
}
