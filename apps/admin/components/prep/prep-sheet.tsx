'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { TPrepEvent, TPrepSheet } from '@hibachi/core/bookings/prep-sheet.schema';
import { dietaryLabel, MENU_KIND_LABELS, type TMenuItemKind } from '@hibachi/core/menu/menu.schema';
import { Field, fieldOf, SelectField } from '@hibachi/web/field';
import {
  formatInstant,
  formatLocalDate,
  formatMoney,
  formatTime,
  todayIn,
} from '@hibachi/web/format';
import { api } from '@/lib/api';
import { addDays } from '@/lib/date-ranges';

const KIND_ORDER: TMenuItemKind[] = ['PROTEIN', 'UPGRADE', 'EXTRA', 'ADDON', 'KIDS'];
const SHORT_KIND: Record<TMenuItemKind, string> = {
  PROTEIN: 'Proteins',
  UPGRADE: 'Upgrades',
  EXTRA: 'Extras',
  ADDON: 'Add-ons',
  KIDS: "Children's plates",
};

/**
 * The chef's day: the shopping list first (every item's portions over the day's events), then
 * each event with its party, counts, dietary notes, requests and the balance to collect. The
 * day and chef live in the URL; it prints on paper as it reads on a phone.
 */
export function PrepSheet({ station }: { station: { slug: string; timezone: string } }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const date = searchParams.get('date') ?? todayIn(station.timezone);
  const chef = searchParams.get('chef') ?? '';
  const query = { date, station: station.slug, ...(chef ? { chef } : {}) };
  const sheet = useQuery({
    queryKey: ['prep-sheet', query],
    queryFn: () => api.prepSheet({ query }),
    placeholderData: keepPreviousData,
    throwOnError: true,
  });
  const go = (changes: Record<string, string>) => {
    const params = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes))
      if (value) params.set(name, value);
      else params.delete(name);
    router.replace(`${pathname}?${params}`);
  };
  const csv = `/api/admin/prep-sheet.csv?${new URLSearchParams(query)}`;
  const data = sheet.data;

  return (
    <div className="prep-sheet" aria-busy={sheet.isFetching}>
      <div className="filters prep-controls">
        <div className="button-group" role="group" aria-label="Day">
          <button
            type="button"
            className="button secondary"
            onClick={() => go({ date: addDays(date, -1) })}
          >
            ← Previous day
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => go({ date: todayIn(station.timezone) })}
          >
            Today
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => go({ date: addDays(date, 1) })}
          >
            Next day →
          </button>
        </div>
        <Field
          field={fieldOf('prep-date')}
          label="Date"
          type="date"
          value={date}
          onChange={(event) => go({ date: event.target.value })}
        />
        <SelectField
          field={fieldOf('prep-chef')}
          label="Chef"
          value={chef}
          onChange={(event) => go({ chef: event.target.value })}
        >
          <option value="">Every chef</option>
          {(data?.chefs ?? []).map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <div className="filter-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <a className="button secondary" href={csv} download>
            Download CSV
          </a>
        </div>
      </div>
      {!data ? (
        <div className="skeleton block" aria-busy="true" />
      ) : (
        <>
          <h2 className="prep-day">
            {formatLocalDate(data.date)}
            {data.chef ? ` · ${data.chef.name}` : ''}
          </h2>
          {data.events.length === 0 ? (
            <p className="muted empty">No events to cook for on this day.</p>
          ) : (
            <>
              <ShoppingList sheet={data} />
              <ol className="prep-events" aria-label="Events">
                {data.events.map((event) => (
                  <PrepEventCard key={event.id} event={event} sheet={data} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </div>
  );
}

function ShoppingList({ sheet }: { sheet: TPrepSheet }) {
  const { totals } = sheet;
  const money = sheet.station;
  return (
    <section className="card prep-totals" aria-labelledby="shopping-heading">
      <h2 id="shopping-heading">Shopping list</h2>
      <p className="muted small" data-testid="prep-summary">
        {totals.events} event{totals.events === 1 ? '' : 's'} · {totals.adults} adults,{' '}
        {totals.children} children · {formatMoney(totals.balanceCents, money)} to collect
      </p>
      {totals.undecidedEvents > 0 ? (
        <p className="notice" role="status">
          {totals.undecidedEvents} event{totals.undecidedEvents === 1 ? ' has' : 's have'} proteins
          still to choose: the list is short of them.
        </p>
      ) : null}
      <div className="prep-kinds">
        {KIND_ORDER.map((kind) => {
          const items = totals.items.filter((item) => item.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind}>
              <h3>{SHORT_KIND[kind]}</h3>
              <ul className="prep-counts">
                {items.map((item) => (
                  <li key={item.name}>
                    <span className="prep-count">{item.quantity}</span> {item.name}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function PrepEventCard({ event, sheet }: { event: TPrepEvent; sheet: TPrepSheet }) {
  const money = sheet.station;
  const address = [
    event.address.line1,
    event.address.line2,
    event.address.city,
    event.address.postalCode,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className="card prep-event" data-testid="prep-event">
      <header className="prep-event-head">
        <h3>
          {formatTime(event.time)}–{formatTime(event.endTime)} ·{' '}
          <Link href={`/bookings/${event.id}`} className="reference">
            {event.reference}
          </Link>
        </h3>
        <span className={`menu-state ${event.final ? 'final' : 'open'}`}>
          {event.final
            ? 'Menu final'
            : `Open until ${formatInstant(event.lockAt, sheet.station.timezone)}`}
        </span>
      </header>
      <dl className="facts">
        <dt>Chef</dt>
        <dd>{event.chef.name}</dd>
        <dt>Party</dt>
        <dd>
          {event.adults} adults{event.children > 0 ? `, ${event.children} children` : ''}
        </dd>
        <dt>Customer</dt>
        <dd>
          {event.customer.name} ·{' '}
          <a href={`tel:${event.customer.phone.replace(/\s+/g, '')}`}>{event.customer.phone}</a>
        </dd>
        <dt>Address</dt>
        <dd>
          <a
            href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`}
            rel="noreferrer"
            target="_blank"
          >
            {address}
          </a>
        </dd>
        <dt>Collect</dt>
        <dd className={event.balanceCents > 0 ? 'balance-flag' : undefined}>
          {event.balanceCents > 0
            ? formatMoney(event.balanceCents, money)
            : 'Nothing: paid in full'}
        </dd>
      </dl>
      {event.lines.length > 0 ? (
        <table className="data-table prep-lines">
          <caption className="visually-hidden">What {event.reference} eats</caption>
          <tbody>
            {event.lines.map((line) => (
              <tr key={line.itemId}>
                <td className="numeric prep-count">{line.quantity}</td>
                <td>{line.name}</td>
                <td className="muted small">{MENU_KIND_LABELS[line.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!event.proteinsDecided ? <p className="notice">Proteins not chosen yet.</p> : null}
      {event.dietary.length > 0 ? (
        <p className="tags" aria-label="Dietary notes">
          {event.dietary.map((entry) => (
            <span key={entry.tag} className="tag" title={entry.items.join(', ')}>
              {dietaryLabel(entry.tag)}: {entry.items.join(', ')}
            </span>
          ))}
        </p>
      ) : null}
      {event.specialRequests ? (
        <p>
          <strong>Requests:</strong> {event.specialRequests}
        </p>
      ) : null}
      {event.notes ? (
        <p>
          <strong>Staff notes:</strong> {event.notes}
        </p>
      ) : null}
    </li>
  );
}
