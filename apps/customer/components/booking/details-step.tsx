'use client';

import { useEffect, useState } from 'react';
import type { MoneyFormat } from '@hibachi/web/format';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { SPECIAL_REQUESTS_MAX } from '@hibachi/core/bookings/booking-limits';
import type { DetailsValues, Selection } from './booking-form';
import { QuotePanel } from './quote-panel';
import { TextField } from './text-field';

type Props = {
  selection: Selection;
  money: MoneyFormat;
  values: DetailsValues;
  serverErrors: Partial<Record<string, string>>;
  onChange: (values: DetailsValues) => void;
  onBack: () => void;
  /** Where the party goes next: the menu, or straight to the review (menu decided later). */
  onContinue: (next: 'menu' | 'review') => void;
};

/** A postcode worth quoting travel for (a half-typed one would flash "not found"). */
const postalCodeForQuote = (value: string) => (value.trim().length >= 5 ? value : undefined);

type Validator = typeof import('./booking-validation').validateDetails;
const loadValidator = (): Promise<Validator> =>
  import('./booking-validation').then((module) => module.validateDetails);

const FIELD_ORDER: (keyof DetailsValues)[] = [
  'adults',
  'children',
  'name',
  'email',
  'phone',
  'line1',
  'line2',
  'city',
  'postalCode',
  'specialRequests',
];

/** Party, address and contact, validated in the browser with the API's own zod schema. */
export function DetailsStep({
  selection,
  money,
  values,
  serverErrors,
  onChange,
  onBack,
  onContinue,
}: Props) {
  const [touched, setTouched] = useState<Partial<Record<keyof DetailsValues, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // The API's schema arrives as its own chunk when this step opens (not with the page).
  const [validator, setValidator] = useState<Validator | null>(null);
  useEffect(() => {
    void loadValidator().then((validate) => setValidator(() => validate));
  }, []);
  // The quote's refusal of the postcode (outside the service area) is a field error too.
  const [quoteErrors, setQuoteErrors] = useState<Record<string, string>>({});
  const travelError = quoteErrors.postalCode;
  const errors: Partial<Record<string, string>> = {
    ...serverErrors,
    ...(travelError ? { postalCode: travelError } : {}),
    ...(validator ? validator(selection, values) : {}),
  };
  const firstError = FIELD_ORDER.find((name) => errors[name]);

  // After a refused submit, move focus to the first field in error (once it has rendered its message).
  useEffect(() => {
    if (focusRequest > 0 && firstError) document.getElementById(firstError)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on a new submit attempt
  }, [focusRequest]);
  // The area refusal is an answer, not typing in progress: it shows at once, so the form does
  // not grow under the pointer on the way to Continue.
  const shown = (field: keyof DetailsValues) =>
    submitted || touched[field] || (field === 'postalCode' && travelError)
      ? errors[field]
      : undefined;
  const field = (name: keyof DetailsValues) => ({
    id: name,
    value: values[name],
    error: shown(name),
    onValue: (value: string) => onChange({ ...values, [name]: value }),
    onBlur: () => setTouched((previous) => ({ ...previous, [name]: true })),
  });

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // "Review booking" leaves the menu to decide later; Enter and "Continue to menu" choose it.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const next = submitter?.dataset.next === 'review' ? 'review' : 'menu';
    setSubmitted(true);
    // (a submit faster than the schema chunk waits for it)
    const validate = validator ?? (await loadValidator());
    if (!validator) setValidator(() => validate);
    const found: Partial<Record<string, string>> = {
      ...serverErrors,
      ...(travelError ? { postalCode: travelError } : {}),
      ...validate(selection, values),
    };
    const refused = FIELD_ORDER.some((name) => found[name]);
    if (refused) {
      setFocusRequest((count) => count + 1);
      return;
    }
    onContinue(next);
  };

  return (
    <form
      className="step details-layout"
      aria-labelledby="details-heading"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div>
        <h2 id="details-heading">Your party and address</h2>
        <div className="field-row">
          <TextField
            {...field('adults')}
            label="Adults"
            inputMode="numeric"
            type="number"
            min={1}
            max={50}
          />
          <TextField
            {...field('children')}
            label="Children (under 12)"
            inputMode="numeric"
            type="number"
            min={0}
            max={49}
          />
        </div>
        <TextField {...field('name')} label="Your name" autoComplete="name" />
        <div className="field-row">
          <TextField
            {...field('email')}
            label="E-mail"
            type="email"
            autoComplete="email"
            hint="We send your confirmation here."
          />
          <TextField {...field('phone')} label="Phone" type="tel" autoComplete="tel" />
        </div>
        <TextField {...field('line1')} label="Street address" autoComplete="address-line1" />
        <TextField
          {...field('line2')}
          label="Apartment, suite (optional)"
          autoComplete="address-line2"
        />
        <div className="field-row">
          <TextField {...field('city')} label="City" autoComplete="address-level2" />
          <TextField {...field('postalCode')} label="Postal code" autoComplete="postal-code" />
        </div>
        <TextField
          {...field('specialRequests')}
          label="Special requests (optional)"
          multiline
          hint={`Allergies, occasion, anything the chef should know. ${values.specialRequests.length}/${SPECIAL_REQUESTS_MAX}`}
        />
        <div className="actions">
          <button type="button" className="button secondary" onClick={onBack}>
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
            adults: Number(values.adults),
            children: Number(values.children || 0),
            postalCode: postalCodeForQuote(values.postalCode),
          }}
          onRefusal={setQuoteErrors}
        />
      </WidgetBoundary>
    </form>
  );
}
