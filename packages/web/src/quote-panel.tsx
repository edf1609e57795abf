'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';
import type { TAdjustmentBody, TQuote } from '@hibachi/core/pricing/quote.schema';
import { ApiError } from './fetch-json';
import type { MoneyFormat } from './format';
import { QuoteLines } from './quote-lines';

export type QuoteRequest = {
  station: string;
  adults: number;
  children: number;
  durationMinutes: number;
  menu?: TMenuSelection;
  postalCode?: string;
  /** Staff's discounts and surcharges and a manager's deposit (the admin's quote only). */
  adjustments?: TAdjustmentBody[];
  depositCents?: number;
};

/** What the app's quote endpoint takes: the request, its postcode trimmed, the currency shown. */
export type QuoteBody = QuoteRequest & { currency: string };

/**
 * The live price, from the same pricing function the booking uses: guests, menu lines, the
 * minimum's top-up and travel for the postcode. A refusal (an address outside the area, a menu
 * that does not fit the party) is shown here and handed to `onRefusal` for the form's fields.
 * Each app passes its own quote endpoint (the website's, or the admin's for staff).
 */
export function QuotePanel({
  request,
  money,
  fetchQuote,
  title = 'Your price',
  onRefusal,
}: {
  request: QuoteRequest;
  money: MoneyFormat;
  fetchQuote: (body: QuoteBody) => Promise<TQuote>;
  title?: string;
  onRefusal?: (details: Record<string, string>) => void;
}) {
  const { adults, children } = request;
  const valid =
    Number.isInteger(adults) &&
    Number.isInteger(children) &&
    adults >= 1 &&
    children >= 0 &&
    adults + children <= 50;
  const postalCode = request.postalCode?.trim() ? request.postalCode.trim() : undefined;
  const body = { ...request, postalCode, currency: money.currency };
  const quote = useQuery({
    queryKey: ['quote', body],
    queryFn: () => fetchQuote(body),
    enabled: valid,
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    // A refusal is an answer to show here; anything else is the boundary's.
    throwOnError: (error) => !(error instanceof ApiError && error.status === 400),
  });
  const refusal = quote.error instanceof ApiError ? quote.error : undefined;
  const refusalText = refusal
    ? Object.fromEntries(
        Object.entries(refusal.details ?? {}).flatMap(([field, messages]) =>
          Array.isArray(messages) && typeof messages[0] === 'string' ? [[field, messages[0]]] : [],
        ),
      )
    : undefined;
  const refusalKey = JSON.stringify(refusalText ?? null);
  const settled = !quote.isFetching;
  useEffect(() => {
    // Told once the answer is in: a refetch in flight neither clears nor repeats it.
    if (settled) onRefusal?.(refusalText ?? {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per distinct settled answer
  }, [refusalKey, settled]);

  return (
    <aside className="quote" aria-labelledby="quote-heading" aria-live="polite">
      <h3 id="quote-heading">{title}</h3>
      {!valid ? (
        <p className="muted">Enter 1 to 50 guests to see the price.</p>
      ) : refusal ? (
        <div className="notice error" role="alert" data-testid="quote-refusal">
          {Object.values(refusalText ?? {}).length > 0
            ? Object.values(refusalText ?? {}).map((message) => <p key={message}>{message}</p>)
            : refusal.message}
        </div>
      ) : !quote.data ? (
        <p className="muted" aria-busy="true">
          Calculating…
        </p>
      ) : (
        <>
          <QuoteLines quote={quote.data} money={money} />
          {quote.data.travelNeedsAddress ? (
            <p className="muted small">Travel is added for your postcode.</p>
          ) : null}
        </>
      )}
    </aside>
  );
}
