'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import type { TStaffBookingInput } from '@hibachi/core/bookings/create-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { toFieldErrors } from '@hibachi/web/field-errors';

/** The order's own refusals, in words: a field's message sits under it, the rest here. */
function refusalText(error: ApiError): string[] {
  if (error.status !== 400) return [error.message];
  // The menu's lines are the picker's, not fields: their messages are said here.
  const menu = Object.entries(toFieldErrors(error))
    .filter(([name]) => name === 'menu' || name.startsWith('menu['))
    .flatMap(([, messages]) => messages);
  return [error.message, ...menu];
}

/** Book, and what stopped the last try (a start taken meanwhile, the same customer that day). */
export function SubmitSection({
  create,
}: {
  create: Pick<
    UseMutationResult<unknown, Error, TStaffBookingInput>,
    'error' | 'isPending' | 'isSuccess'
  >;
}) {
  const error = create.error instanceof ApiError ? create.error : undefined;
  const busy = create.isPending || create.isSuccess;
  return (
    <div className="order-submit">
      {create.error ? (
        <div className="notice error" role="alert" data-testid="booking-refusal">
          {(error ? refusalText(error) : [create.error.message]).map((text) => (
            <p key={text}>{text}</p>
          ))}
          {error && (error.status === 0 || error.status >= 500) ? (
            <p>Pressing the button again is safe: it never books twice.</p>
          ) : null}
        </div>
      ) : null}
      <p className="muted small">
        The booking is held for the station&apos;s staff hold, and the customer is e-mailed the link
        to pay the deposit.
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy} aria-busy={create.isPending}>
          {busy ? 'Booking…' : 'Book and e-mail the proposal'}
        </button>
      </div>
    </div>
  );
}
