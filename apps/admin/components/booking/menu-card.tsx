'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { MENU_KIND_LABELS } from '@hibachi/core/menu/menu.schema';
import { toFieldErrors } from '@hibachi/web/field-errors';
import { formatInstant, moneyOf } from '@hibachi/web/format';
import { PartyMenuEditor } from '@hibachi/web/party-menu-editor';
import { api } from '@/lib/api';
import { useBookingAction } from './use-booking-action';

/**
 * The party's menu on the booking page: the counts the chef cooks, whether the customer may
 * still change them (the lock), and for staff the editor, before or after the lock.
 */
export function MenuCard({
  booking,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  onOutcome: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const tz = booking.station.timezone;
  const menu = useQuery({
    queryKey: ['station-menu', booking.station.slug],
    queryFn: () => api.stationMenu({ path: { slug: booking.station.slug } }),
    enabled: editing,
    throwOnError: true,
  });
  const change = useBookingAction(
    booking.id,
    (input: { adults: number; children: number; menu: { itemId: string; quantity: number }[] }) =>
      api.changeMenu({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    () => {
      setEditing(false);
      onOutcome('Party and menu saved; the customer is e-mailed the new details.');
    },
  );
  const fieldMessages = Object.values(toFieldErrors(change.failure)).flat();

  return (
    <section className="card" aria-labelledby="menu-heading">
      <h2 id="menu-heading">Menu</h2>
      <p className={`menu-state ${booking.menu.locked ? 'final' : 'open'}`}>
        {booking.menu.locked
          ? `Final for the customer since ${formatInstant(booking.menu.lockAt, tz)}`
          : `The customer may change it until ${formatInstant(booking.menu.lockAt, tz)}`}
      </p>
      {booking.menu.lines.length === 0 ? (
        <p className="muted">Nothing chosen yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">The party&apos;s choices</caption>
          <tbody>
            {booking.menu.lines.map((line) => (
              <tr key={line.itemId}>
                <td className="numeric">{line.quantity}</td>
                <td>{line.name}</td>
                <td className="muted small">{MENU_KIND_LABELS[line.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!booking.menu.proteinsDecided ? (
        <p className="notice">
          Proteins still to choose ({booking.menu.proteinsPerAdult} for each adult).
        </p>
      ) : null}
      {booking.actions.editMenu && !editing ? (
        <button type="button" className="button secondary" onClick={() => setEditing(true)}>
          Change party and menu
        </button>
      ) : null}
      {editing ? (
        menu.data ? (
          <PartyMenuEditor
            id="staff-edit"
            booking={booking}
            menuItems={menu.data.items}
            money={moneyOf(booking)}
            busy={change.busy}
            cancelLabel="Cancel"
            notice={
              change.error ? (
                <div className="notice error" role="alert">
                  <p>{change.error}</p>
                  {fieldMessages.map((message) => (
                    <p key={message}>{message}</p>
                  ))}
                </div>
              ) : null
            }
            onSubmit={(input) => change.run(input)}
            onCancel={() => {
              change.reset();
              setEditing(false);
            }}
          />
        ) : (
          <p className="muted" aria-busy="true">
            Loading the menu…
          </p>
        )
      ) : null}
    </section>
  );
}
