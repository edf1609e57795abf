'use client';

import { formatMoney } from '@hibachi/web/format';
import { discountsSummary, staffDiscounts } from './discounts-words';
import type { Figures } from './kpi-cards';

/**
 * The discounts and surcharges staff gave on the range's confirmed and completed events,
 * in total and per staff member (who gave them, not who booked), against the previous period.
 */
export function DiscountsGiven({ figures, previous }: { figures?: Figures; previous?: Figures }) {
  const given = figures?.adjustments;
  return (
    <section className="panel" aria-labelledby="discounts-heading">
      <h2 id="discounts-heading">Discounts given</h2>
      <p className="muted small">
        Discounts and surcharges staff gave on the confirmed and completed events of this range
        {given ? `, in ${given.currency}` : ''}.
      </p>
      {!given ? (
        <div className="skeleton block" aria-busy="true" />
      ) : given.byStaff.length === 0 ? (
        <p className="muted">No discounts or surcharges in this range.</p>
      ) : (
        <>
          <p data-testid="discounts-total">
            {discountsSummary(given)}.
            {previous ? (
              <span className="muted small">
                {' '}
                Previous period: {formatMoney(previous.adjustments.discountCents, given)} off.
              </span>
            ) : null}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">
                Discounts and surcharges by staff member
              </caption>
              <thead>
                <tr>
                  <th scope="col">Staff member</th>
                  <th scope="col">Discounts</th>
                  <th scope="col">Surcharges</th>
                </tr>
              </thead>
              <tbody>
                {given.byStaff.map((row) => {
                  const words = staffDiscounts(row, given);
                  return (
                    <tr key={row.staffId ?? 'former'} data-testid="discounts-staff">
                      <th scope="row">{row.name}</th>
                      <td className="number">{words.discounts}</td>
                      <td className="number">{words.surcharges}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
