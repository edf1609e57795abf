'use client';

import { Field } from '@hibachi/web/field';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import type { NewBookingValues } from './new-booking-values';

type Fields = { fields: ApiFormFields<NewBookingValues> };

/** Adults and children: the price, the menu's counts and the chef's shopping follow them. */
export function PartySection({ fields }: Fields) {
  return (
    <section className="card order-section" aria-labelledby="party-heading">
      <h2 id="party-heading">Party</h2>
      <div className="field-row">
        <Field
          field={fields.adults}
          label="Adults"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
        />
        <Field
          field={fields.children}
          label="Children (under 12)"
          type="number"
          inputMode="numeric"
          min={0}
          max={49}
        />
      </div>
    </section>
  );
}

/** Where the chef cooks; the quote prices travel for the postcode, or says it is too far. */
export function AddressSection({
  fields,
  travelError,
}: Fields & {
  /** The quote's refusal of the postcode (outside the area), shown on the field. */
  travelError: string | undefined;
}) {
  const address = fields.address.getFieldset();
  return (
    <section className="card order-section" aria-labelledby="address-heading">
      <h2 id="address-heading">Address</h2>
      <Field field={address.line1} label="Street address" autoComplete="off" />
      <Field field={address.line2} label="Apartment, suite (optional)" autoComplete="off" />
      <div className="field-row">
        <Field field={address.city} label="City" autoComplete="off" />
        <Field
          field={address.postalCode}
          label="Postal code"
          autoComplete="off"
          hint="The travel fee follows it in the price."
          errors={travelError ? [travelError] : undefined}
        />
      </div>
    </section>
  );
}
