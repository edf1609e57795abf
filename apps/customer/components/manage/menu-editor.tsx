'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatInstant, moneyOf } from '@hibachi/web/format';
import { PartyMenuEditor, type PartyMenuChange } from '@hibachi/web/party-menu-editor';
import { api } from '@/lib/api';

type Proof = { email: string } | { token: string };

/**
 * The customer changes the party and menu until the menu lock; the server has the last word
 * (the lock, what was paid, the version read).
 */
export function MenuEditor({
  booking,
  proof,
  onSaved,
  onCancel,
}: {
  booking: TCustomerBooking;
  proof: Proof;
  onSaved: (booking: TCustomerBooking) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const menu = useQuery({
    queryKey: ['menu', booking.station.slug],
    queryFn: () => api.menu(booking.station.slug),
    throwOnError: true,
  });
  const save = useMutation({
    mutationFn: (change: PartyMenuChange) =>
      api.changeMenu(booking.reference, { ...proof, ...change, version: booking.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['booking', booking.reference, proof], updated);
      onSaved(updated);
    },
  });
  if (!menu.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the menu…
      </p>
    );
  const error = save.error instanceof ApiError ? save.error : undefined;
  const details = Object.values(error?.details ?? {}).flatMap((value) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
  );
  return (
    <PartyMenuEditor
      id="manage-edit"
      booking={booking}
      menuItems={menu.data.items}
      money={moneyOf(booking)}
      busy={save.isPending}
      intro={
        <p className="muted small">
          Until {formatInstant(booking.menu.lockAt, booking.station.timezone)}; after that your chef
          has shopped for it.
        </p>
      }
      notice={
        error ? (
          <div className="widget-error" role="alert">
            <p>{error.message}</p>
            {details.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null
      }
      onSubmit={(change) => save.mutate(change)}
      onCancel={onCancel}
    />
  );
}
