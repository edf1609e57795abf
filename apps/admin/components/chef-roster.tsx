'use client';

import { ChefFeedButton } from './season/chef-feed-button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { ChefBooking, ChefRow } from '@hibachi/core/stations/chef.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { SaveOrCancel } from '@/components/save-or-cancel';
import { api } from '@/lib/api';
import { fieldMessages, onFormSubmit } from '@/lib/form-helpers';
import { ActionDialog } from './booking/action-dialog';

const NEW_CHEF_COLORS = ['#e76f51', '#2a9d8f', '#264653', '#e9c46a', '#8d5a97', '#3a86ff'];

/** Bookings a refusal names (a chef's upcoming ones, or those no other chef can take). */
function namedBookings(error: unknown): ChefBooking[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const bookings = (error.details as { bookings?: unknown }).bookings;
  return Array.isArray(bookings) ? (bookings as ChefBooking[]) : [];
}

function BookingLinks({ bookings }: { bookings: ChefBooking[] }) {
  if (bookings.length === 0) return null;
  return (
    <ul className="small">
      {bookings.map((booking) => (
        <li key={booking.id}>
          <Link href={`/bookings/${booking.id}`}>{booking.reference}</Link> · {booking.date}{' '}
          {booking.time}
        </li>
      ))}
    </ul>
  );
}

/**
 * The station's chefs: add one, rename or recolour, deactivate (reassigning their upcoming
 * bookings to free chefs, all or none) and bring back. Checked in the browser with the API's
 * schemas; the calendar and availability follow at once.
 */
export function ChefRoster({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const key = ['chefs', slug];
  const chefs = useQuery({ queryKey: key, queryFn: () => api.chefs({ path: { slug } }) });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ['calendar'] }),
    ]);
  const add = useMutation({
    mutationFn: (body: { name: string; color: string }) => api.createChef({ path: { slug }, body }),
    onSuccess: refresh,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: ({ id, name, color }: { id: string; name: string; color: string }) =>
      api.updateChef({ path: { id }, body: { name, color } }),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const [leaving, setLeaving] = useState<ChefRow | null>(null);
  const [notice, setNotice] = useState('');
  const deactivate = useMutation({
    mutationFn: ({ id, reassign }: { id: string; reassign: boolean }) =>
      api.deactivateChef({ path: { id }, body: { reassign } }),
    onSuccess: async (result) => {
      setLeaving(null);
      setNotice(
        result.moved.length > 0
          ? `${result.chef.name} is off the roster; ${result.moved.length} booking${result.moved.length === 1 ? '' : 's'} moved to other chefs.`
          : `${result.chef.name} is off the roster.`,
      );
      await refresh();
    },
    onSettled: refresh,
  });
  const activate = useMutation({
    mutationFn: (id: string) => api.activateChef({ path: { id } }),
    onSuccess: async (chef) => {
      setNotice(`${chef.name} is back on the roster.`);
      await refresh();
    },
  });

  if (chefs.isPending) return <p className="muted">Loading chefs…</p>;
  if (chefs.isError) return <p role="alert">Could not load the chefs: {chefs.error.message}</p>;
  const addErrors = fieldMessages(add.error);
  const renameErrors = fieldMessages(rename.error);

  return (
    <section className="card chef-roster" aria-labelledby="chefs-heading">
      <h2 id="chefs-heading">Chefs</h2>
      <p role="status" className="small">
        {notice}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Chef</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Upcoming
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chefs.data.map((chef) =>
              editing === chef.id ? (
                <tr key={chef.id}>
                  <td colSpan={4}>
                    <form
                      className="inline-form"
                      noValidate
                      onSubmit={onFormSubmit(['name', 'color'], (values) =>
                        rename.mutate({ id: chef.id, ...values }),
                      )}
                    >
                      <label>
                        Name{' '}
                        <input
                          name="name"
                          defaultValue={chef.name}
                          aria-invalid={renameErrors.name ? true : undefined}
                        />
                      </label>
                      <label>
                        Colour <input type="color" name="color" defaultValue={chef.color} />
                      </label>
                      <SaveOrCancel
                        pending={rename.isPending}
                        onCancel={() => {
                          rename.reset();
                          setEditing(null);
                        }}
                      />
                      {rename.error ? (
                        <span className="field-error">
                          {renameErrors.name ?? renameErrors.color ?? rename.error.message}
                        </span>
                      ) : null}
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={chef.id} className={chef.active ? undefined : 'muted'}>
                  <td>
                    <span className="swatch" style={{ background: chef.color }} aria-hidden />{' '}
                    {chef.name}
                  </td>
                  <td>{chef.active ? 'Active' : 'Inactive'}</td>
                  <td className="numeric">{chef.futureBookings}</td>
                  <td className="button-group">
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => {
                        rename.reset();
                        setEditing(chef.id);
                      }}
                      aria-label={`Edit ${chef.name}`}
                    >
                      Edit
                    </button>
                    {chef.active ? (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => {
                          deactivate.reset();
                          setLeaving(chef);
                        }}
                        aria-label={`Deactivate ${chef.name}`}
                      >
                        Deactivate
                      </button>
                    ) : null}
                    {chef.active ? (
                      <ChefFeedButton chef={chef} />
                    ) : (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => activate.mutate(chef.id)}
                        disabled={activate.isPending}
                        aria-label={`Activate ${chef.name}`}
                      >
                        Activate
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <form
        className="inline-form"
        noValidate
        aria-label="Add a chef"
        onSubmit={onFormSubmit(['name', 'color'], (values, form) =>
          add.mutate(values, { onSuccess: () => form.reset() }),
        )}
      >
        <label>
          New chef{' '}
          <input
            name="name"
            placeholder="Name"
            aria-invalid={addErrors.name ? true : undefined}
            aria-describedby={addErrors.name ? 'new-chef-error' : undefined}
          />
        </label>
        <label>
          Colour{' '}
          <input
            type="color"
            name="color"
            defaultValue={NEW_CHEF_COLORS[chefs.data.length % NEW_CHEF_COLORS.length]}
          />
        </label>
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add chef'}
        </button>
        {add.error ? (
          <span className="field-error" id="new-chef-error">
            {addErrors.name ?? addErrors.color ?? add.error.message}
          </span>
        ) : null}
      </form>

      <ActionDialog
        open={leaving !== null}
        title={leaving ? `Deactivate ${leaving.name}` : 'Deactivate'}
        onClose={() => setLeaving(null)}
        onSubmit={(data) =>
          leaving && deactivate.mutate({ id: leaving.id, reassign: data.get('reassign') === 'on' })
        }
        submitLabel="Deactivate"
        busy={deactivate.isPending}
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
          <label className="checkbox">
            <input type="checkbox" name="reassign" defaultChecked /> Move their upcoming bookings to
            free chefs (all of them, or none if one cannot move)
          </label>
        ) : null}
        <BookingLinks bookings={namedBookings(deactivate.error)} />
      </ActionDialog>
    </section>
  );
}
