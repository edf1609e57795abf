'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';

/** The live price breakdown, from the same pricing function the booking uses. */
export function QuotePanel({
  station,
  money,
  adults,
  childCount,
  durationMinutes,
}: {
  station: string;
  money: MoneyFormat;
  adults: number;
  childCount: number;
  durationMinutes: number;
}) {
  const valid =
    Number.isInteger(adults) &&
    Number.isInteger(childCount) &&
    adults >= 1 &&
    childCount >= 0 &&
    adults + childCount <= 50;
  const quote = useQuery({
    queryKey: ['quote', station, adults, childCount, durationMinutes],
    queryFn: () => api.quote({ station, adults, children: childCount, durationMinutes }),
    enabled: valid,
    placeholderData: (previous) => previous,
    throwOnError: true,
  });
  return (
    <aside className="quote" aria-labelledby="quote-heading" aria-live="polite">
      <h3 id="quote-heading">Your price</h3>
      {!valid ? (
        <p className="muted">Enter 1 to 50 guests to see the price.</p>
      ) : !quote.data ? (
        <p className="muted" aria-busy="true">
          Calculating…
        </p>
      ) : (
        <>
          <table className="quote-lines">
            <tbody>
              {quote.data.lines.map((line) => (
                <tr key={line.label}>
                  <th scope="row">{line.label}</th>
                  <td>{formatMoney(line.amountCents, money)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td data-testid="quote-total">{formatMoney(quote.data.totalCents, money)}</td>
              </tr>
              <tr className="deposit">
                <th scope="row">Deposit today</th>
                <td data-testid="quote-deposit">{formatMoney(quote.data.depositCents, money)}</td>
              </tr>
            </tfoot>
          </table>
          <p className="muted small">
            The balance of {formatMoney(quote.data.balanceCents, money)} is paid to your chef on the
            day.
          </p>
        </>
      )}
    </aside>
  );
}
