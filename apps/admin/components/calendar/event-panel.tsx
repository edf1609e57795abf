'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Calendar, CalendarEvent } from '@hibachi/core/bookings';
import { isUpcomingAndActive } from '@hibachi/core/bookings/staff-booking-actions';
import { formatLocalDate, formatMoney, formatTime, type MoneyFormat } from '@hibachi/web/format';
import { STATUS_LABELS } from '@/lib/labels';
import type { MoveTarget } from '../move-fields';
import { MoveForm } from './move-form';

/** Moving follows the booking page's rule (core): standing and not yet started. */
const movable = (event: CalendarEvent) =>
  isUpcomingAndActive({ status: event.status, startsAt: new Date(event.startsAt) }, new Date());

/** The selected booking: when, who, what it costs; Move… (keyboard and touch) and a link. */
export function EventPanel({
  event,
  money,
  chefs,
  canReschedule,
  busy,
  onMove,
  onClose,
}: {
  event: CalendarEvent;
  money: MoneyFormat;
  chefs: Calendar['chefs'];
  canReschedule: boolean;
  busy: boolean;
  /** Resolves true when the server took the move. */
  onMove: (target: MoveTarget) => Promise<boolean>;
  onClose: () => void;
}) {
  const [moving, setMoving] = useState(false);
  return (
    <aside className="card event-panel" aria-labelledby="event-panel-heading">
      <h2 id="event-panel-heading">
        {event.reference}{' '}
        <span className={`status status-${event.status.toLowerCase()}`}>
          {STATUS_LABELS[event.status]}
        </span>
      </h2>
      <p>
        {formatLocalDate(event.date)}, {formatTime(event.time)} · {event.durationMinutes / 60} h ·{' '}
        {event.chef.name}
      </p>
      <p>
        {event.customerName}, {event.partySize} guests · {formatMoney(event.totalCents, money)}
        {event.balanceCents > 0 ? ` · ${formatMoney(event.balanceCents, money)} due` : ''}
      </p>
      {moving ? (
        <MoveForm
          event={event}
          chefs={chefs}
          pending={busy}
          onCancel={() => setMoving(false)}
          onMove={(target) =>
            void onMove({
              ...target,
              chefId: target.chefId === event.chef.id ? undefined : target.chefId,
            }).then((taken) => taken && setMoving(false))
          }
        />
      ) : (
        <div className="actions">
          {canReschedule && movable(event) ? (
            <button type="button" className="button" onClick={() => setMoving(true)}>
              Move…
            </button>
          ) : null}
          <Link className="button secondary" href={`/bookings/${event.id}`}>
            Open booking
          </Link>
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </aside>
  );
}
