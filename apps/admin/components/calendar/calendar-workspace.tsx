'use client';

import { DateTime, Settings } from 'luxon';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { Calendar as BigCalendar, type SlotInfo, type View } from 'react-big-calendar';
import withDragAndDrop, {
  type EventInteractionArgs,
} from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import type { Calendar } from '@hibachi/core/bookings';
import { isUpcomingAndActive } from '@hibachi/core/bookings/staff-booking-actions';
import {
  DEFAULT_FIRST_START_MINUTE,
  DEFAULT_LAST_START_MINUTE,
  FIRST_VISIBLE_HOUR,
  OPENING_SCROLL_HOUR,
  SLOT_MINUTES,
  SLOTS_PER_ROW,
} from '@/lib/calendar-constants';
import { toLocal, visibleRange } from '@/lib/calendar-range';
import { activateStationZone, stationLocalizer } from '@/lib/station-localizer';
import type { MoveTarget } from '../move-fields';
import {
  ITEM_COMPONENTS,
  itemProps,
  itemTooltip,
  useCalendarItems,
  type CalendarItem,
} from './calendar-items';
import { CalendarToolbar, ChefLegend } from './calendar-toolbar';
import { EventPanel } from './event-panel';
import { MemoMonth } from './memo-month';
import { Toast } from './toast';
import { useCalendarData } from './use-calendar-data';
import { useCalendarUrl } from './use-calendar-url';
import { useSeasonBlocks } from './use-season-blocks';
import { SlotActions, type SlotSelection } from './slot-actions';

type Chef = Calendar['chefs'][number];

const DnDCalendar = withDragAndDrop<CalendarItem, Chef>(BigCalendar);
/** The month view remembers unchanged week rows (see memo-month.tsx); the others are stock. */
const VIEWS = { week: true, month: MemoMonth, day: true } as const;
const chefId = (chef: Chef) => chef.id;
const chefName = (chef: Chef) => chef.name;

/**
 * The station's calendar in the station's time zone, whatever the browser's: week, month
 * and day by chef. Drag or resize to reschedule (optimistic, snapping back with the
 * reason when refused: useCalendarMoves), Undo (or Ctrl/Cmd+Z) after a move, and a Move…
 * form for keyboard and touch. View, date, chef filter and station live in the URL.
 */
export function CalendarWorkspace({
  station,
  canReschedule,
  canCreate,
}: {
  station: { slug: string; name: string; timezone: string };
  canReschedule: boolean;
  canCreate: boolean;
}) {
  const tz = station.timezone;
  const { view, date, chefFilter, setParams } = useCalendarUrl(tz);

  // The library formats and places everything through luxon's default zone: the station's.
  const localizer = useMemo(() => stationLocalizer(tz), [tz]);
  useEffect(() => {
    activateStationZone(localizer);
    return () => {
      Settings.defaultZone = 'system';
    };
  }, [localizer]);

  const { query, moves } = useCalendarData(station, view, date);
  const calendar = query.data;
  const { move } = moves;

  const [selectedId, setSelectedId] = useState<string>();
  const chefs = useMemo(
    () => (calendar?.chefs ?? []).filter((chef) => !chefFilter || chef.id === chefFilter),
    [calendar, chefFilter],
  );
  const items = useCalendarItems(calendar, chefFilter, moves.overrides);
  const selected = calendar?.events.find((event) => event.id === selectedId);

  const onDrop = useCallback(
    ({ event, start, end, resourceId }: EventInteractionArgs<CalendarItem>, resize: boolean) => {
      const startDate = new Date(start);
      const local = toLocal(startDate, tz);
      const target: MoveTarget = {
        date: local.date,
        // Month cells are days: a booking dropped on a day keeps its time.
        time: view === 'month' && !resize ? event.source.time : local.time,
        durationMinutes: resize
          ? Math.round((new Date(end).getTime() - startDate.getTime()) / 60_000)
          : event.source.durationMinutes,
        chefId: view === 'day' && typeof resourceId === 'string' ? resourceId : '',
      };
      void move(event.source, target);
    },
    [tz, view, move],
  );
  const drop = useCallback(
    (args: EventInteractionArgs<CalendarItem>) => onDrop(args, false),
    [onDrop],
  );
  const resize = useCallback(
    (args: EventInteractionArgs<CalendarItem>) => onDrop(args, true),
    [onDrop],
  );

  const serviceStart = calendar?.station.serviceStartMinute ?? DEFAULT_FIRST_START_MINUTE;
  const serviceEnd = calendar?.station.serviceEndMinute ?? DEFAULT_LAST_START_MINUTE;
  // Stable props: the library recomputes its layout whenever one of them changes identity.
  const bounds = useMemo(() => {
    const day = DateTime.fromISO(date, { zone: tz });
    const at = (hour: number, minute = 0) => day.set({ hour, minute }).toJSDate();
    return {
      date: day.toJSDate(),
      min: at(FIRST_VISIBLE_HOUR),
      max: at(23, 59),
      scrollTo: at(OPENING_SCROLL_HOUR),
    };
  }, [date, tz]);
  const seasonRange = useMemo(() => visibleRange(view, date, tz), [view, date, tz]);
  const { chefOffAt, closedOn } = useSeasonBlocks(station, seasonRange);
  const slotProps = useCallback(
    (slot: Date, resourceId?: string | number) => {
      const local = DateTime.fromJSDate(slot).setZone(tz);
      const minute = local.hour * 60 + local.minute;
      const off = typeof resourceId === 'string' ? chefOffAt(resourceId, slot) : undefined;
      if (off) return { className: 'chef-off', title: off.label };
      return minute < serviceStart || minute > serviceEnd ? { className: 'outside-hours' } : {};
    },
    [tz, serviceStart, serviceEnd, chefOffAt],
  );
  const dayProps = useCallback(
    (day: Date) => {
      const closed = closedOn(day);
      return closed ? { className: 'closed-day', title: closed } : {};
    },
    [closedOn],
  );
  const draggable = useCallback(
    (item: CalendarItem) => canReschedule && isUpcomingAndActive(item.state, new Date()),
    [canReschedule],
  );
  const resizable = useCallback(
    (item: CalendarItem) =>
      canReschedule && view !== 'month' && isUpcomingAndActive(item.state, new Date()),
    [canReschedule, view],
  );
  const navigate = useCallback(
    (next: Date) => setParams({ date: toLocal(next, tz).date }),
    [setParams, tz],
  );
  const select = useCallback((item: CalendarItem) => setSelectedId(item.id), []);
  // A click or drag on a chef's column in the day view: a new booking there, or time off.
  const [slotSelection, setSlotSelection] = useState<SlotSelection>();
  const selectSlots = useCallback(
    ({ start, end, resourceId, action }: SlotInfo) => {
      const chef = calendar?.chefs.find((candidate) => candidate.id === resourceId);
      if ((action !== 'select' && action !== 'click') || view !== 'day' || !chef) return;
      const [from, to] = [toLocal(start, tz), toLocal(end, tz)];
      const ahead = new Date(start).getTime() > Date.now();
      setSlotSelection({ chef, date: from.date, from: from.time, to: to.time, ahead });
    },
    [calendar, view, tz],
  );
  const selectByKey = useCallback(
    (item: CalendarItem, event: SyntheticEvent<HTMLElement>) => {
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
  // The calendar re-renders only when what it shows changes: a toast or a busy flag does not
  // re-lay out hundreds of events.
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
        step={SLOT_MINUTES}
        timeslots={SLOTS_PER_ROW}
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
        tooltipAccessor={itemTooltip}
        eventPropGetter={itemProps}
        slotPropGetter={slotProps}
        dayPropGetter={dayProps}
        selectable={view === 'day'}
        onSelectSlot={selectSlots}
        components={ITEM_COMPONENTS}
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
      dayProps,
      selectSlots,
      draggable,
      resizable,
      drop,
      resize,
    ],
  );

  return (
    <div className="calendar-workspace">
      <CalendarToolbar
        view={view}
        date={date}
        chefFilter={chefFilter}
        chefs={calendar?.chefs ?? []}
        station={station}
        updating={query.isFetching}
        setParams={setParams}
        canCreate={canCreate}
      />
      <ChefLegend chefs={calendar?.chefs ?? []} />
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
          className={`calendar-frame${moves.busy ? ' is-busy' : ''}`}
          aria-busy={query.isPending || moves.busy}
        >
          {calendarElement}
        </div>
      )}
      {selected && calendar ? (
        <EventPanel
          key={selected.id}
          event={selected}
          money={calendar.station}
          chefs={calendar.chefs}
          canReschedule={canReschedule}
          busy={moves.busy}
          onMove={(target) => move(selected, target)}
          onClose={() => setSelectedId(undefined)}
        />
      ) : null}
      <SlotActions
        station={station}
        selection={slotSelection}
        canCreate={canCreate}
        onClose={() => setSlotSelection(undefined)}
        onMarkedOff={moves.announce}
      />
      <Toast toast={moves.toast} onDismiss={moves.dismiss} />
    </div>
  );
}
