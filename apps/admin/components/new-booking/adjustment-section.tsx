'use client';

import { MoneyField } from '@hibachi/web/field';
import { AdjustmentFields } from '../booking/adjustment-fields';
import type { MoneyFormat } from '@hibachi/web/format';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import type { NewBookingValues } from './new-booking-values';

/**
 * A discount or surcharge on the order (a percent of the price before adjustments, or an
 * amount), with the label the customer sees and the reason kept for the records; a manager
 * may also set the deposit. The price beside the form applies them as the booking will.
 */
export function AdjustmentSection({
  fields,
  money,
  maySetDeposit,
}: {
  fields: ApiFormFields<NewBookingValues>;
  money: MoneyFormat;
  maySetDeposit: boolean;
}) {
  const row = fields.adjustments.getFieldList()[0]?.getFieldset();
  if (!row) return null;
  return (
    <section className="card order-section" aria-labelledby="adjustments-heading">
      <h2 id="adjustments-heading">Price adjustments</h2>
      <AdjustmentFields fields={row} currency={money.currency} optional />
      {maySetDeposit ? (
        <MoneyField
          field={fields.depositCents}
          currency={money.currency}
          label={`Deposit (${money.currency}, optional)`}
          hint="Empty: the station's deposit (never more than the total)."
        />
      ) : null}
    </section>
  );
}
