'use client';

import { useState } from 'react';
import { ChoiceField } from '@hibachi/web/choice-field';
import { Field, MoneyField, TextareaField, type FieldState } from '@hibachi/web/field';

type AdjustmentFieldset = Record<
  'kind' | 'size' | 'percent' | 'amountCents' | 'label' | 'reason',
  FieldState
>;

/**
 * The fields of a discount or surcharge (the booking's dialog and the New booking page): the
 * kind, a percent or an amount in the booking's currency, the label the customer sees and
 * the reason for the records. With `optional`, "None" is a kind and the rest shows once one
 * is chosen.
 */
export function AdjustmentFields({
  fields,
  currency,
  optional = false,
}: {
  fields: AdjustmentFieldset;
  currency: string;
  optional?: boolean;
}) {
  const [kind, setKind] = useState(fields.kind.defaultValue ?? '');
  const [size, setSize] = useState(fields.size.defaultValue || 'percent');
  return (
    <>
      <ChoiceField
        field={fields.kind}
        legend={optional ? 'Discount or surcharge' : 'Kind'}
        onChoose={setKind}
        choices={[
          ...(optional ? [{ value: '', label: 'None' }] : []),
          { value: 'DISCOUNT', label: 'Discount' },
          { value: 'SURCHARGE', label: 'Surcharge' },
        ]}
      />
      {kind ? (
        <>
          <ChoiceField
            field={fields.size}
            legend="Size"
            onChoose={setSize}
            choices={[
              { value: 'percent', label: 'A percent of the price before adjustments' },
              { value: 'amount', label: `An amount in ${currency}` },
            ]}
          />
          {size === 'amount' ? (
            <MoneyField
              field={fields.amountCents}
              currency={currency}
              label={`Amount (${currency})`}
              required
            />
          ) : (
            <Field field={fields.percent} label="Percent" inputMode="numeric" required />
          )}
          <Field
            field={fields.label}
            label="Label the customer sees (optional)"
            hint="Without one the line says Discount or Surcharge."
            maxLength={80}
          />
          <TextareaField
            field={fields.reason}
            label="Reason (for the records; the customer does not see it)"
            rows={2}
            maxLength={300}
            required
          />
        </>
      ) : null}
    </>
  );
}
