'use client';

import { useState } from 'react';
import { ChoiceField } from '@hibachi/web/choice-field';
import { Field, MoneyField, TextareaField } from '@hibachi/web/field';
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
  const [kind, setKind] = useState(row?.kind.initialValue ?? '');
  const [size, setSize] = useState(row?.size.initialValue ?? 'percent');
  if (!row) return null;
  return (
    <section className="card order-section" aria-labelledby="adjustments-heading">
      <h2 id="adjustments-heading">Price adjustments</h2>
      <ChoiceField
        field={row.kind}
        legend="Discount or surcharge"
        onChoose={setKind}
        choices={[
          { value: '', label: 'None' },
          { value: 'DISCOUNT', label: 'Discount' },
          { value: 'SURCHARGE', label: 'Surcharge' },
        ]}
      />
      {kind ? (
        <>
          <ChoiceField
            field={row.size}
            legend="Size"
            onChoose={setSize}
            choices={[
              { value: 'percent', label: 'A percent of the price' },
              { value: 'amount', label: `An amount in ${money.currency}` },
            ]}
          />
          {size === 'amount' ? (
            <MoneyField
              field={row.amountCents}
              currency={money.currency}
              label={`Amount (${money.currency})`}
              required
            />
          ) : (
            <Field field={row.percent} label="Percent" inputMode="numeric" required />
          )}
          <Field
            field={row.label}
            label="Label the customer sees (optional)"
            hint="Without one the line says Discount or Surcharge."
            maxLength={80}
          />
          <TextareaField
            field={row.reason}
            label="Reason (for the records; the customer does not see it)"
            rows={2}
            maxLength={300}
            required
          />
        </>
      ) : null}
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
