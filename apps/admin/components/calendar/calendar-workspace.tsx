'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime, Settings } from 'luxon';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import {
  useLayoutEffect,
  useRef,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { Calendar as BigCalendar, type View } from 'react-big-calendar';
import withDragAndDrop, {
  type EventInteractionArgs,
} from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import type { Calendar, CalendarEvent, RescheduledBooking } from '@hibachi/core/bookings';
import { isUpcomingAndActive } from '@hibachi/core/bookings/staff-booking-actions';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatLocalDate, formatMoney, formatTime, timeZoneLabel } from '@hibachi/web/format';
import { todayIn } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { stationLocalizer } from '@/lib/station-localizer';
import {
  CALENDAR_VIEWS,
  shiftDate,
  toLocal,
  visibleRange,
  type CalendarView,
} from '@/lib/calendar-range';
import { STATUS_LABELS } from '@/lib/labels';
import type { MoveTarget } from '../move-fields';
import { MemoMonth } from './memo-month';
import { MoveForm } from './move-form';
import { Toast, type ToastMessage } from './toast';

type Item = {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  source: CalendarEvent;
  color: string;
  /** The saved booking's state, built once: the library asks draggable/resizable per render. */
  state: { status: CalendarEvent['status']; startsAt: Date };
};
type Chef = Calendar['chefs'][number];

const DnDCalendar = withDragAndDrop<Item, Chef>(BigCalendar);
/** The month view remembers unchanged week rows (see memo-month.tsx); the others are stock. */
const VIEWS = { week: true, month: MemoMonth, day: true } as const;
const VIEW_LABELS: Record<CalendarView, string> = {
  week: 'Week',
  month: 'Month',
  day: 'Day by chef',
};
/** Moving follows the booking page's rule (core): standing and not yet started. */
const movable = (event: CalendarEvent) =>
  isUpcomingAndActive({ status: event.status, startsAt: new Date(event.startsAt) }, new Date());

const chefId = (chef: Chef) => chef.id;
const chefName = (chef: Chef) => chef.name;
const tooltip = (item: Item) =>
  `${item.source.reference}: ${item.source.customerName}, ${item.source.partySize} guests, ${item.source.chef.name}, ${formatMoney(item.source.totalCents)}${item.source.balanceCents > 0 ? `, ${formatMoney(item.source.balanceCents)} due` : ''} (${STATUS_LABELS[item.source.status]})`;
const eventProps = (item: Item) => ({
  className: `cal-event cal-${item.source.status.toLowerCase()}${item.source.balanceCents > 0 ? ' has-balance' : ''}`,
  style: { '--chef': item.color } as CSSProperties,
});
const COMPONENTS = {
  event: ({ event }: { event: Item }) => (
    <span className="cal-event-body">
      {event.source.balanceCents > 0 ? (
        <span className="balance-flag" aria-label="balance due">
          $
        </span>
      ) : null}
      <strong>{event.source.reference}</strong> {event.source.customerName} ·{' '}
      {event.source.partySize}
    </span>
  ),
};

/** The event as the server says it is after a reschedule. */
const withAnswer = (event: CalendarEvent, result: RescheduledBooking): CalendarEvent => ({
  ...event,
  version: result.version,
  date: result.date,
  time: result.time,
  durationMinutes: result.durationMinutes,
  startsAt: result.startsAt,
  endsAt: result.endsAt,
  chef: { id: result.chef.id, name: result.chef.name },
});

/** Plain words for a refused move, from the API's error. */
function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The move did not go through. Please try again.';
  if (error.details?.reason === 'STALE_VERSION')
    return 'Someone else moved this booking a moment ago: reloaded.';
  const field = error.status === 400 ? Object.values(error.details ?? {})[0] : undefined;
  return Array.isArray(field) && typeof field[0] === 'string' ? field[0] : error.message;
}

/**
 * The station's calendar in the station's time zone, whatever the browser's: week, month
 * and day by chef. Drag or resize to reschedule (optimistic, snapping back with the
 * reason when refused), Undo (or Ctrl/Cmd+Z) after a move, and a Move… form for keyboard
 * and touch. View, date, chef filter and station live in the URL.
 */
export function CalendarWorkspace({
  station,
  canReschedule,
}: {
  station: { slug: string; name: string; timezone: string };
  canReschedule: boolean;
}) {
  const tz = station.timezone;
  const searchParams = useSearchParams();
  const router = useRouter();
  const queryClient = useQueryClient();
  const viewParam = searchParams.get('view');
  const view: CalendarView = CALENDAR_VIEWS.includes(viewParam as CalendarView)
    ? (viewParam as CalendarView)
    : 'week';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(searchParams.get('date') ?? '')
    ? searchParams.get('date')!
    : todayIn(tz);
  const chefFilter = searchParams.get('chef') ?? '';

  // The library formats and places everything through luxon's default zone: the station's.
  const localizer = useMemo(() => stationLocalizer(tz), [tz]);
  useEffect(
    () => () => {
      Settings.defaultZone = 'system';
    },
    [],
  );

  const setParams = useCallback(
    (changes: Record<string, string | undefined>) => {
      const params = new URLSearchParams(searchParams);
      for (const [name, value] of Object.entries(changes)) {
        if (value) params.set(name, value);
        else params.delete(name);
      }
      router.replace(`/calendar?${params}`, { scroll: false });
    },
    [router, searchParams],
  );

  const fetchRange = useCallback(
    (range: { from: string; to: string }) =>
      api.calendar(new URLSearchParams({ ...range, station: station.slug })),
    [station.slug],
  );
  const range = visibleRange(view, date, tz);
  const query = useQuery({
    queryKey: ['calendar', station.slug, range.from, range.to],
    queryFn: () => fetchRange(range),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    for (const step of [-1, 1]) {
      const neighbour = visibleRange(view, shiftDate(view, date, step), tz);
      void queryClient.prefetchQuery({
        queryKey: ['calendar', station.slug, neighbour.from, neighbour.to],
        queryFn: () => fetchRange(neighbour),
        staleTime: 30_000,
      });
    }
  }, [view, date, tz, station.slug, queryClient, fetchRange]);

  const [pending, setPending] = useState<
    Record<string, { start: Date; end: Date; chefId?: string }>
  >({});
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState<ToastMessage>();
  const [selectedId, setSelectedId] = useState<string>();
  const [moving, setMoving] = useState(false);
  const dismiss = useCallback(() => setToast(undefined), []);
  /** Moves the server has answered: their optimistic position stays until the data shows them. */
  const settled = useRef(new Map<string, number>());

  const calendar = query.data;
  useEffect(() => {
    if (!calendar || settled.current.size === 0) return;
    const caughtUp = [...settled.current].filter(([id, version]) => {
      const event = calendar.events.find((candidate) => candidate.id === id);
      return !event || event.version >= version;
    });
    if (caughtUp.length === 0) return;
    for (const [id] of caughtUp) settled.current.delete(id);
    setPending((current) => {
      const next = { ...current };
      for (const [id] of caughtUp) delete next[id];
      return next;
    });
  }, [calendar]);
  const chefs = useMemo(
    () => (calendar?.chefs ?? []).filter((chef) => !chefFilter || chef.id === chefFilter),
    [calendar, chefFilter],
  );
  const colours = useMemo(
    () => new Map((calendar?.chefs ?? []).map((chef) => [chef.id, chef.color])),
    [calendar],
  );
  // Event objects are kept while their booking and override are unchanged, so a move rebuilds
  // one item, not thousands, and the library can tell what did not change.
  const itemCache = useRef(new Map<string, { key: unknown[]; item: Item }>());
  const items = useMemo<Item[]>(() => {
    const cache = itemCache.current;
    const next = (calendar?.events ?? [])
      .filter((event) => !chefFilter || event.chef.id === chefFilter)
      .map((event) => {
        const moved = pending[event.id];
        const chefId = moved?.chefId ?? event.chef.id;
        const color = colours.get(chefId) ?? '#57534e';
        const key = [event, moved, color];
        const cached = cache.get(event.id);
        if (cached && cached.key.every((part, index) => part === key[index])) return cached.item;
        const item: Item = {
          id: event.id,
          title: `${event.reference} · ${event.customerName} · ${event.partySize}`,
          start: moved?.start ?? new Date(event.startsAt),
          end: moved?.end ?? new Date(event.endsAt),
          resourceId: chefId,
          source: event,
          color,
          state: { status: event.status, startsAt: new Date(event.startsAt) },
        };
        cache.set(event.id, { key, item });
        return item;
      });
    if (cache.size > next.length * 4) cache.clear();
    return next;
  }, [calendar, chefFilter, pending, colours]);
  const selected = calendar?.events.find((event) => event.id === selectedId);

  async function reschedule(event: CalendarEvent, target: MoveTarget, isUndo = false) {
    const start = DateTime.fromISO(`${target.date}T${target.time}`, { zone: tz }).toJSDate();
    const end = new Date(start.getTime() + target.durationMinutes * 60_000);
    setPending((current) => ({ ...current, [event.id]: { start, end, chefId: target.chefId } }));
    setBusy(true);
    try {
      const result = await api.reschedule(event.id, {
        date: target.date,
        time: target.time,
        durationMinutes: target.durationMinutes,
        ...(target.chefId ? { chefId: target.chefId } : {}),
        version: event.version,
      });
      settled.current.set(event.id, result.version);
      // The answer (toast) shows first; the cache takes the server's version on the next task
      // (the event already sits where the server put it), then a refetch brings others' changes.
      setTimeout(() => {
        queryClient.setQueriesData<Calendar>({ queryKey: ['calendar'] }, (current) =>
          current
            ? {
                ...current,
                events: current.events.map((candidate) =>
                  candidate.id === event.id ? withAnswer(candidate, result) : candidate,
                ),
              }
            : current,
        );
        void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      }, 0);
      setMoving(false);
      const when = `${formatLocalDate(result.date, { weekday: 'short', month: 'short', day: 'numeric' })}, ${formatTime(result.time)}`;
      const movedEvent = withAnswer(event, result);
      const back = {
        date: event.date,
        time: event.time,
        durationMinutes: event.durationMinutes,
        chefId: event.chef.id,
      };
      setToast({
        id: Date.now(),
        kind: 'success',
        text: isUndo
          ? `${event.reference} is back at ${when}.`
          : result.moved
            ? `${event.reference} moved to ${when} with ${result.chef.name}.`
            : `${event.reference} did not change.`,
        undo: isUndo || !result.moved ? undefined : () => void reschedule(movedEvent, back, true),
      });
    } catch (error) {
      // Refused: the event snaps back at once, with the reason.
      setPending((current) => {
        const next = { ...current };
        delete next[event.id];
        return next;
      });
      setToast({ id: Date.now(), kind: 'error', text: explain(error) });
      if (error instanceof ApiError && error.details?.reason === 'STALE_VERSION')
        await queryClient.invalidateQueries({ queryKey: ['calendar'] });
    } finally {
      setBusy(false);
    }
  }

  function onDrop({ event, start, end, resourceId }: EventInteractionArgs<Item>, resize = false) {
    const startDate = new Date(start);
    const local = toLocal(startDate, tz);
    void reschedule(event.source, {
      date: local.date,
      // Month cells are days: a booking dropped on a day keeps its time.
      time: view === 'month' && !resize ? event.source.time : local.time,
      durationMinutes: resize
        ? Math.round((new Date(end).getTime() - startDate.getTime()) / 60_000)
        : event.source.durationMinutes,
      chefId: view === 'day' && typeof resourceId === 'string' ? resourceId : '',
    });
  }

  const serviceStart = calendar?.station.serviceStartMinute ?? 660;
  const serviceEnd = calendar?.station.serviceEndMinute ?? 1320;
  // Stable props: the library recomputes its layout whenever one of them changes identity.
  const bounds = useMemo(() => {
    const day = DateTime.fromISO(date, { zone: tz });
    const at = (hour: number, minute = 0) => day.set({ hour, minute }).toJSDate();
    return { date: day.toJSDate(), min: at(9), max: at(23, 59), scrollTo: at(11) };
  }, [date, tz]);
  const slotProps = useCallback(
    (slot: Date) => {
      const local = DateTime.fromJSDate(slot).setZone(tz);
      const minute = local.hour * 60 + local.minute;
      return minute < serviceStart || minute > serviceEnd ? { className: 'outside-hours' } : {};
    },
    [tz, serviceStart, serviceEnd],
  );
  const draggable = useCallback(
    (item: Item) => canReschedule && isUpcomingAndActive(item.state, new Date()),
    [canReschedule],
  );
  const resizable = useCallback(
    (item: Item) =>
      canReschedule && view !== 'month' && isUpcomingAndActive(item.state, new Date()),
    [canReschedule, view],
  );

  // The calendar re-renders only when what it shows changes (a toast or a busy flag does not
  // re-lay out hundreds of events); handlers reach the latest state through a ref.
  const dropRef = useRef(onDrop);
  useLayoutEffect(() => {
    dropRef.current = onDrop;
  });
  const drop = useCallback((args: EventInteractionArgs<Item>) => dropRef.current(args), []);
  const resize = useCallback((args: EventInteractionArgs<Item>) => dropRef.current(args, true), []);
  const navigate = useCallback(
    (next: Date) => setParams({ date: toLocal(next, tz).date }),
    [setParams, tz],
  );
  const select = useCallback((item: Item) => {
    setSelectedId(item.id);
    setMoving(false);
  }, []);
  const selectByKey = useCallback(
    (item: Item, event: SyntheticEvent<HTMLElement>) => {
      const { key } = event as KeyboardEvent<HTMLElement>;
      if (key === 'Enter' || key === ' ') select(item);
    },
    [select],
  );
  const selectedItem = useMemo(
    () => items.find((item) => item.id === selectedId),
    [items, selectedId],
  );
  const dayResources = view === 'day' ? chefs : undefined;
  const calendarElement = useMemo(
    () => (
      <DnDCalendar
        localizer={localizer}
        events={items}
        view={view as View}
        views={VIEWS}
        onView={() => undefined}
        date={bounds.date}
        onNavigate={navigate}
        toolbar={false}
        step={15}
        timeslots={4}
        min={bounds.min}
        max={bounds.max}
        scrollToTime={bounds.scrollTo}
        resources={dayResources}
        resourceIdAccessor={chefId}
        resourceTitleAccessor={chefName}
        popup
        selected={selectedItem}
        onSelectEvent={select}
        onKeyPressEvent={selectByKey}
        tooltipAccessor={tooltip}
        eventPropGetter={eventProps}
        slotPropGetter={slotProps}
        components={COMPONENTS}
        draggableAccessor={draggable}
        resizableAccessor={resizable}
        onEventDrop={drop}
        onEventResize={resize}
      />
    ),
    [
      localizer,
      items,
      view,
      bounds,
      dayResources,
      selectedItem,
      select,
      selectByKey,
      navigate,
      slotProps,
      draggable,
      resizable,
      drop,
      resize,
    ],
  );

  return (
    <div className="calendar-workspace">
      <div className="calendar-toolbar" role="toolbar" aria-label="Calendar navigation">
        <div className="button-group">
          <button
            type="button"
            className="button secondary"
            onClick={() => setParams({ date: undefined })}
          >
            Today
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label="Previous"
            onClick={() => setParams({ date: shiftDate(view, date, -1) })}
          >
            ‹
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label="Next"
            onClick={() => setParams({ date: shiftDate(view, date, 1) })}
          >
            ›
          </button>
        </div>
        <label className="inline-field">
          <span>Date</span>
          <input
            type="date"
            value={date}
            onChange={(event) => event.target.value && setParams({ date: event.target.value })}
          />
        </label>
        <div className="button-group" role="group" aria-label="View">
          {CALENDAR_VIEWS.map((option) => (
            <button
              key={option}
              type="button"
              className={`button ${option === view ? '' : 'secondary'}`}
              aria-pressed={option === view}
              onClick={() => setParams({ view: option === 'week' ? undefined : option })}
            >
              {VIEW_LABELS[option]}
            </button>
          ))}
        </div>
        <label className="inline-field">
          <span>Chef</span>
          <select
            value={chefFilter}
            onChange={(event) => setParams({ chef: event.target.value || undefined })}
          >
            <option value="">All chefs</option>
            {(calendar?.chefs ?? []).map((chef) => (
              <option key={chef.id} value={chef.id}>
                {chef.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small zone-label">
          {station.name} · times in <strong>{timeZoneLabel(tz)}</strong>
          {query.isFetching ? ' · updating…' : ''}
        </p>
      </div>

      <ul className="chef-legend" aria-label="Chefs">
        {(calendar?.chefs ?? []).map((chef) => (
          <li key={chef.id}>
            <span className="chef-dot" style={{ background: chef.color }} aria-hidden="true" />
            {chef.name}
            {chef.active ? '' : ' (inactive)'}
          </li>
        ))}
        <li className="legend-held">held (awaiting deposit)</li>
        <li>
          <span className="balance-flag">$</span> balance due
        </li>
      </ul>

      {query.isError ? (
        <div role="alert" className="widget-error">
          <p>
            <strong>The calendar could not be loaded.</strong> {query.error.message}
          </p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <div
          className={`calendar-frame${busy ? ' is-busy' : ''}`}
          aria-busy={query.isPending || busy}
        >
          {calendarElement}
        </div>
      )}

      {selected ? (
        <aside className="card event-panel" aria-labelledby="event-panel-heading">
          <h2 id="event-panel-heading">
            {selected.reference}{' '}
            <span className={`status status-${selected.status.toLowerCase()}`}>
              {STATUS_LABELS[selected.status]}
            </span>
          </h2>
          <p>
            {formatLocalDate(selected.date)}, {formatTime(selected.time)} ·{' '}
            {selected.durationMinutes / 60} h · {selected.chef.name}
          </p>
          <p>
            {selected.customerName}, {selected.partySize} guests ·{' '}
            {formatMoney(selected.totalCents)}
            {selected.balanceCents > 0 ? ` · ${formatMoney(selected.balanceCents)} due` : ''}
          </p>
          {moving ? (
            <MoveForm
              event={selected}
              chefs={calendar?.chefs ?? []}
              busy={busy}
              onCancel={() => setMoving(false)}
              onMove={(target) =>
                void reschedule(selected, {
                  ...target,
                  chefId: target.chefId === selected.chef.id ? undefined : target.chefId,
                })
              }
            />
          ) : (
            <div className="actions">
              {canReschedule && movable(selected) ? (
                <button type="button" className="button" onClick={() => setMoving(true)}>
                  Move…
                </button>
              ) : null}
              <Link className="button secondary" href={`/bookings/${selected.id}`}>
                Open booking
              </Link>
              <button
                type="button"
                className="link-button"
                onClick={() => setSelectedId(undefined)}
              >
                Close
              </button>
            </div>
          )}
        </aside>
      ) : null}
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
