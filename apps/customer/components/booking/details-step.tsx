'use client';

import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { SPECIAL_REQUESTS_MAX } from '@hibachi/core/bookings/booking-limits';
import { Field, TextareaField } from '@hibachi/web/field';
import { toFieldErrors } from '@hibachi/web/field-errors';
import type { MoneyFormat } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import {
  isDetailsField,
  toBookingInput,
  toDetailsValues,
  type DetailsValues,
  type Selection,
} from './booking-form';
import { QuotePanel } from './quote-panel';

type Props = {
  selection: Selection;
  money: MoneyFormat;
  values: DetailsValues;
  /** The booking's refusal (from the review step): its field messages show here. */
  error: unknown;
  /** Back to the times, keeping what was typed. */
  onBack: (values: DetailsValues) => void;
  /** Where the party goes next: the menu, or straight to the review (menu decided later). */
  onContinue: (next: 'menu' | 'review', values: DetailsValues) => void;
};

/** A postcode worth quoting travel for (a half-typed one would flash "not found"). */
const postalCodeForQuote = (value: string | undefined) =>
  value && value.trim().length >= 5 ? value : undefined;

// The API's schema arrives as its own chunk when this step opens (not with the page).
const loadSchema = (): Promise<z.ZodType> =>
  import('./booking-validation').then((module) => module.ZCreateBookingInput);

/** Party, address and contact, validated in the browser with the API's own zod schema. */
export function DetailsStep({ selection, money, values, error, onBack, onContinue }: Props) {
  const [schema, setSchema] = useState<z.ZodType>();
  useEffect(() => {
    void loadSchema().then(setSchema);
  }, []);
  // The quote's refusal of the postcode (outside the service area) is a field error too.
  const [quoteErrors, setQuoteErrors] = useState<Record<string, string>>({});
  const travelError = quoteErrors.postalCode;
  const { form, fields, formProps, report } = useApiForm<
    DetailsValues,
    ReturnType<typeof toBookingInput>
  >({
    id: 'details',
    defaultValue: values,
    toInput: (draft) => toBookingInput(selection, draft),
    schema,
    // A message shows once a field is left, and follows the typing from then on.
    validateOn: 'blur',
    onValid: (body, event) => void proceed(body, event),
    error,
  });
  const customer = fields.customer.getFieldset();
  const address = fields.address.getFieldset();

  async function proceed(body: ReturnType<typeof toBookingInput>, event: FormEvent) {
    // "Review booking" leaves the menu to decide later; Enter and "Continue to menu" choose it.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const next = submitter?.dataset.next === 'review' ? 'review' : 'menu';
    if (!schema) {
      // A submit faster than the schema's chunk: check with it once it is here.
      const loaded = await loadSchema();
      setSchema(loaded);
      const checked = loaded.safeParse(body);
      const errors = Object.fromEntries(
        Object.entries(checked.success ? {} : toFieldErrors(checked.error)).filter(([name]) =>
          isDetailsField(name),
        ),
      );
      if (Object.keys(errors).length > 0) return report(errors);
    }
    // The area refusal is an answer, not typing in progress: the postcode must change first.
    if (travelError) return document.getElementById(address.postalCode.id)?.focus();
    onContinue(next, toDetailsValues(form.value));
  }

  return (
    <form {...formProps} className="step details-layout" aria-labelledby="details-heading">
      <div>
        <h2 id="details-heading">Your party and address</h2>
        <div className="field-row">
          <Field
            field={fields.adults}
            label="Adults"
            inputMode="numeric"
            type="number"
            min={1}
            max={50}
          />
          <Field
            field={fields.children}
            label="Children (under 12)"
            inputMode="numeric"
            type="number"
            min={0}
            max={49}
          />
        </div>
        <Field field={customer.name} label="Your name" autoComplete="name" />
        <div className="field-row">
          <Field
            field={customer.email}
            label="E-mail"
            type="email"
            autoComplete="email"
            hint="We send your confirmation here."
          />
          <Field field={customer.phone} label="Phone" type="tel" autoComplete="tel" />
        </div>
        <Field field={address.line1} label="Street address" autoComplete="address-line1" />
        <Field
          field={address.line2}
          label="Apartment, suite (optional)"
          autoComplete="address-line2"
        />
        <div className="field-row">
          <Field field={address.city} label="City" autoComplete="address-level2" />
          <Field
            field={address.postalCode}
            label="Postal code"
            autoComplete="postal-code"
            errors={travelError ? [travelError] : undefined}
          />
        </div>
        <TextareaField
          field={fields.specialRequests}
          label="Special requests (optional)"
          rows={3}
          hint={`Allergies, occasion, anything the chef should know. ${fields.specialRequests.value?.length ?? 0}/${SPECIAL_REQUESTS_MAX}`}
        />
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => onBack(toDetailsValues(form.value))}
          >
            Back
          </button>
          {/* The first submit button is the one Enter presses: the menu. */}
          <button type="submit" className="button" data-next="menu">
            Continue to menu
          </button>
          <button
            type="submit"
            className="button secondary"
            data-next="review"
            title="Choose the menu later, from your booking page"
          >
            Review booking
          </button>
        </div>
      </div>
      <WidgetBoundary title="Price">
        <QuotePanel
          money={money}
          request={{
            station: selection.station,
            durationMinutes: selection.durationMinutes,
            adults: Number(fields.adults.value),
            children: Number(fields.children.value || 0),
            postalCode: postalCodeForQuote(address.postalCode.value),
          }}
          onRefusal={setQuoteErrors}
        />
      </WidgetBoundary>
    </form>
  );
}
