'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ChefBooking, ChefRow } from '@hibachi/core/stations/chef.schema';
import { CheckboxField } from '@hibachi/web/choice-field';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field } from '@hibachi/web/field';
import { hasFieldErrors } from '@hibachi/web/field-errors';
import { useApiForm } from '@hibachi/web/use-api-form';
import { SaveOrCancel } from '@/components/save-or-cancel';
import { ActionDialog } from '../booking/action-dialog';
import {
  toChefInput,
  toDeactivateInput,
  type ChefValues,
  type DeactivateValues,
} from './chef-values';

const NEW_CHEF_COLORS = ['#e76f51', '#2a9d8f', '#264653', '#e9c46a', '#8d5a97', '#3a86ff'];

/** A refusal's message when it is not about a field (those show under their fields). */
function otherFailure(error: Error | null) {
  return error && !hasFieldErrors(error) ? (
    <span className="field-error">{error.message}</span>
  ) : null;
}

/** Renames or recolours a chef, in place of their row. */
export function ChefEditForm({
  chef,
  pending,
  error,
  onSave,
  onCancel,
}: {
  chef: ChefRow;
  pending: boolean;
  error: Error | null;
  onSave: (values: ChefValues) => void;
  onCancel: () => void;
}) {
  const { fields, formProps } = useApiForm<ChefValues, ChefValues>({
    id: `chef-${chef.id}`,
    defaultValue: { name: chef.name, color: chef.color },
    toInput: toChefInput,
    onValid: onSave,
    error,
  });
  return (
    <form {...formProps} className="inline-form">
      <Field field={fields.name} label="Name" />
      <Field field={fields.color} label="Colour" type="color" />
      <SaveOrCancel pending={pending} onCancel={onCancel} />
      {otherFailure(error)}
    </form>
  );
}

/** A new chef: a name, and the next colour of the palette. */
export function NewChefForm({
  count,
  add,
}: {
  count: number;
  add: UseMutationResult<unknown, Error, ChefValues>;
}) {
  const { form, fields, formProps } = useApiForm<ChefValues, ChefValues>({
    id: 'new-chef',
    defaultValue: { name: '', color: NEW_CHEF_COLORS[count % NEW_CHEF_COLORS.length] ?? '#e76f51' },
    toInput: toChefInput,
    onValid: (body) => add.mutate(body, { onSuccess: () => form.reset() }),
    error: add.error,
  });
  return (
    <form {...formProps} className="inline-form" aria-label="Add a chef">
      <Field field={fields.name} label="New chef" placeholder="Name" />
      <Field field={fields.color} label="Colour" type="color" />
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add chef'}
      </button>
      {otherFailure(add.error)}
    </form>
  );
}

/** Bookings a refusal names (a chef's upcoming ones, or those no other chef can take). */
function namedBookings(error: unknown): ChefBooking[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const bookings = (error.details as { bookings?: unknown }).bookings;
  return Array.isArray(bookings) ? (bookings as ChefBooking[]) : [];
}

/** Takes a chef off the roster, moving their upcoming bookings to free chefs (all or none). */
export function DeactivateChefDialog({
  leaving,
  deactivate,
  onClose,
}: {
  leaving: ChefRow | null;
  deactivate: UseMutationResult<unknown, Error, { id: string; reassign: boolean }>;
  onClose: () => void;
}) {
  const { fields, formProps } = useApiForm<DeactivateValues, { reassign: boolean }>({
    id: 'deactivate-chef',
    defaultValue: { reassign: 'on' },
    toInput: toDeactivateInput,
    onValid: ({ reassign }) => leaving && deactivate.mutate({ id: leaving.id, reassign }),
    error: deactivate.error,
  });
  const bookings = namedBookings(deactivate.error);
  return (
    <ActionDialog
      open={leaving !== null}
      title={leaving ? `Deactivate ${leaving.name}` : 'Deactivate'}
      onClose={onClose}
      form={formProps}
      submitLabel="Deactivate"
      pending={deactivate.isPending}
      danger
      error={deactivate.error?.message}
    >
      <p>
        {leaving?.name} will no longer be offered to customers or on the calendar.
        {leaving && leaving.futureBookings > 0
          ? ` They have ${leaving.futureBookings} upcoming booking${leaving.futureBookings === 1 ? '' : 's'}.`
          : ''}
      </p>
      {leaving && leaving.futureBookings > 0 ? (
        <CheckboxField
          field={fields.reassign}
          label="Move their upcoming bookings to free chefs (all of them, or none if one cannot move)"
        />
      ) : null}
      {bookings.length > 0 ? (
        <ul className="small">
          {bookings.map((booking) => (
            <li key={booking.id}>
              <Link href={`/bookings/${booking.id}`}>{booking.reference}</Link> · {booking.date}{' '}
              {booking.time}
            </li>
          ))}
        </ul>
      ) : null}
    </ActionDialog>
  );
}
