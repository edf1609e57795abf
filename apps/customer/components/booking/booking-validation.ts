import { ZCreateBookingInput } from '@hibachi/core/bookings/create-booking.schema';
import { fieldErrors } from '@hibachi/core/validation/client';
import { errorsByField, toBookingInput, type DetailsValues, type Selection } from './booking-form';

/**
 * Validates with the same schema as the API; errors keyed by form field. Loaded on demand by
 * the details step (`import()`), so zod is not part of the booking page's first load.
 */
export function validateDetails(
  selection: Selection,
  details: DetailsValues,
): Partial<Record<string, string>> {
  const result = ZCreateBookingInput.safeParse(toBookingInput(selection, details));
  if (result.success) return {};
  return errorsByField(fieldErrors(result.error));
}
