'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Field, SelectField } from '@hibachi/web/field';
import { useApiForm } from '@hibachi/web/use-api-form';
import { STATUS_LABELS } from '@/lib/labels';
import {
  toBookingFilterQuery,
  toBookingFilterValues,
  type BookingFilterValues,
} from './booking-filters';

/** The search box's id, for the list's "/" shortcut. */
export const SEARCH_ID = 'booking-filters-q';

/** The bookings list's filters: applied to the URL (shareable, the back button works). */
export function BookingFilterForm() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const station = searchParams.get('station');
  const key = toBookingFilterQuery(toBookingFilterValues(searchParams), station);
  const { fields, formProps } = useApiForm<BookingFilterValues, string>({
    id: 'booking-filters',
    defaultValue: toBookingFilterValues(searchParams),
    toInput: (values) => toBookingFilterQuery(values, station),
    onValid: (chosen) => router.replace(`${pathname}${chosen ? `?${chosen}` : ''}`),
  });
  return (
    <form {...formProps} className="filters" role="search" aria-label="Filter bookings">
      <Field
        field={fields.q}
        label="Search"
        type="search"
        placeholder="Reference, full e-mail or phone"
        hint="Customer details are encrypted: search a whole e-mail or phone, not part of a name."
      />
      <SelectField field={fields.status} label="Status">
        <option value="">Any status</option>
        {Object.entries(STATUS_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <Field field={fields.from} label="From" type="date" />
      <Field field={fields.to} label="To" type="date" />
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        {key && key !== `station=${searchParams.get('station')}` ? (
          <Link
            className="button secondary"
            href={
              searchParams.get('station')
                ? `${pathname}?station=${searchParams.get('station')}`
                : pathname
            }
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
