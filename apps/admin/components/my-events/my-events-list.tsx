'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyEvent, MyEvents } from '@hibachi/core/bookings';
import { formatInstant, formatLocalDate, formatMoney, formatTime } from '@hibachi/web/format';
import { OfflineCopy } from '@hibachi/web/offline-copy';
import { api } from '@/lib/api';

/**
 * A chef's own events, phone-first: today's first, each a card with the time, a tap-to-open
 * address, the party, the menu counts, the requests, what to collect and the customer's phone.
 */
export function MyEventsList() {
  const events = useQuery({
    queryKey: ['my-events'],
    queryFn: () => api.myEvents({}),
    throwOnError: true,
    refetchInterval: 60_000,
  });
  if (!events.data)
    return (
      <p role="status" className="muted">
        Loading your events…
      </p>
    );
  const data = events.data;
  const offline = (
    <OfflineCopy
      storageKey="my-events"
      loadedAt={events.dataUpdatedAt}
      what="your list of events"
    />
  );
  if (data.events.length === 0)
    return (
      <>
        {offline}
        <p className="muted empty">No events for you in the next two months.</p>
      </>
    );
  const today = data.events.filter((event) => event.date === data.today);
  const later = data.events.filter((event) => event.date !== data.today);
  return (
    <>
      {offline}
      <p className="muted small">
        {data.chef.name} · {data.station.name} · times in {data.station.name} time
      </p>
      {today.length > 0 ? (
        <section aria-labelledby="today-heading">
          <h2 id="today-heading">Today</h2>
          <ol className="my-event-list">
            {today.map((event) => (
              <EventCard key={event.id} event={event} events={data} />
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="coming-heading">
        <h2 id="coming-heading">Coming up</h2>
        <ol className="my-event-list">
          {later.map((event) => (
            <EventCard key={event.id} event={event} events={data} />
          ))}
        </ol>
      </section>
    </>
  );
}

function EventCard({ event, events }: { event: MyEvent; events: MyEvents }) {
  const queryClient = useQueryClient();
  const complete = useMutation({
    mutationFn: () =>
      api.completeMyEvent({ path: { id: event.id }, body: { version: event.version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['my-events'] }),
  });
  const start = useMutation({
    mutationFn: () =>
      api.startMyEvent({ path: { id: event.id }, body: { version: event.version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['my-events'] }),
  });
  const money = { currency: events.station.currency, locale: events.station.locale };
  const place = [
    event.address.line1,
    event.address.line2,
    event.address.city,
    event.address.postalCode,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className="card my-event" data-testid="my-event">
      <h3>
        {formatLocalDate(event.date)}, {formatTime(event.time)}–{formatTime(event.endTime)}
      </h3>
      <p className="muted small">
        {event.reference}
        {event.status === 'PENDING_PAYMENT' ? ' · held, deposit not paid yet' : ''}
        {event.status === 'COMPLETED' ? ' · completed' : ''}
      </p>
      <p>
        <a href={event.mapsUrl} target="_blank" rel="noreferrer">
          {place}
        </a>
      </p>
      <p>
        <strong>
          {event.adults} adult{event.adults === 1 ? '' : 's'}
          {event.children > 0
            ? `, ${event.children} child${event.children === 1 ? '' : 'ren'}`
            : ''}
        </strong>
      </p>
      {event.menu.length > 0 ? (
        <ul className="prep-counts" aria-label="Menu">
          {event.menu.map((line) => (
            <li key={line.name}>
              <span className="prep-count">{line.quantity}</span> {line.name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">Menu not chosen yet.</p>
      )}
      {event.specialRequests ? (
        <p>
          <strong>Requests and allergies:</strong> {event.specialRequests}
        </p>
      ) : null}
      <p className={event.balanceCents > 0 ? 'balance-flag' : 'muted'}>
        {event.balanceCents > 0
          ? `Collect ${formatMoney(event.balanceCents, money)}`
          : 'Nothing to collect: paid in full'}
      </p>
      <p>
        {event.customer.name} ·{' '}
        <a href={`tel:${event.customer.phone.replace(/\s+/g, '')}`}>{event.customer.phone}</a>
      </p>
      {event.startedAt ? (
        <p className="muted small">
          Started {formatInstant(event.startedAt, events.station.timezone)}
        </p>
      ) : null}
      {event.canStart ? (
        <button
          type="button"
          className="button secondary"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          Mark started
        </button>
      ) : null}
      {event.canComplete ? (
        <button
          type="button"
          className="button"
          disabled={complete.isPending}
          onClick={() => complete.mutate()}
        >
          Mark completed
        </button>
      ) : null}
      {complete.error || start.error ? (
        <p className="field-error" role="alert">
          {(complete.error ?? start.error)?.message}
        </p>
      ) : null}
    </li>
  );
}
