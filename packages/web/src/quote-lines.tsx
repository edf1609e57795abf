import type { TQuote } from '@hibachi/core/pricing/quote.schema';
import { formatMoney, type MoneyFormat } from './format';

/** A quote's lines, total and deposit: the booking's own, a live quote or a preview. */
export function QuoteLines({
  quote,
  money,
  depositLabel = 'Deposit today',
}: {
  quote: Pick<TQuote, 'lines' | 'totalCents' | 'depositCents' | 'balanceCents'>;
  money: MoneyFormat;
  depositLabel?: string;
}) {
  return (
    <>
      <table className="quote-lines">
        <tbody>
          {quote.lines.map((line) => (
            <tr key={line.label} className={`quote-line-${line.kind.toLowerCase()}`}>
              <th scope="row">{line.label}</th>
              <td>{formatMoney(line.amountCents, money)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td data-testid="quote-total">{formatMoney(quote.totalCents, money)}</td>
          </tr>
          <tr className="deposit">
            <th scope="row">{depositLabel}</th>
            <td data-testid="quote-deposit">{formatMoney(quote.depositCents, money)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">
        The balance of {formatMoney(quote.balanceCents, money)} is paid to your chef on the day.
      </p>
    </>
  );
}
