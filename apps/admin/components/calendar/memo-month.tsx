'use client';

import { createElement } from 'react';
import MonthView from 'react-big-calendar/lib/Month';
import DateContentRow from 'react-big-calendar/lib/DateContentRow';
import { sortWeekEvents } from 'react-big-calendar/lib/utils/eventLevels';
import { WeekEvents } from '@/lib/week-events';

type WeekEntry = { start: number; end: number; events: object[]; sorted: object[]; week: Date[] };

const sameItems = (a: object[], b: object[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * react-big-calendar's month view, with each week row's events remembered. The library
 * filters and sorts every event for every row and re-lays out every row on each render (new
 * arrays each time defeat its own memo), which with ~2,000 bookings a month costs a few hundred
 * milliseconds per drag. Here a row whose events are the same objects in the same order keeps
 * its arrays, so the library's per-row memo (segments and levels) holds and a move re-lays out
 * only the rows it touched; a row's events are found by day buckets (WeekEvents) instead of
 * range-testing every event per row. Rendering is the library's: the same props reach the same
 * DateContentRow.
 */
export class MemoMonth extends MonthView {
  private weeks = new Map<number, WeekEntry>();
  private finder?: { localizer: unknown; accessors: unknown; weekEvents: WeekEvents<object> };

  constructor(props: MonthView['props']) {
    super(props);
    this.renderWeek = (week, weekIdx) => {
      const props = this.props;
      const found = this.eventsForWeek(week);
      const cached = this.weeks.get(weekIdx);
      const start = Number(week.at(0));
      const end = Number(week.at(-1));
      const entry =
        cached && cached.start === start && cached.end === end && sameItems(cached.events, found)
          ? cached
          : {
              start,
              end,
              events: found,
              sorted: sortWeekEvents(found, props.accessors, props.localizer),
              week,
            };
      this.weeks.set(weekIdx, entry);
      return createElement(DateContentRow, {
        key: weekIdx,
        ref: weekIdx === 0 ? this.slotRowRef : undefined,
        container: this.getContainer,
        className: 'rbc-month-row',
        getNow: props.getNow,
        date: props.date,
        range: entry.week,
        events: entry.sorted,
        maxRows: props.showAllEvents ? Infinity : this.state.rowLimit,
        selected: props.selected,
        selectable: props.selectable,
        components: props.components,
        accessors: props.accessors,
        getters: props.getters,
        localizer: props.localizer,
        renderHeader: this.readerDateHeading,
        renderForMeasure: this.state.needLimitMeasure,
        onShowMore: this.handleShowMore,
        onSelect: this.handleSelectEvent,
        onDoubleClick: this.handleDoubleClickEvent,
        onKeyPress: this.handleKeyPressEvent,
        onSelectSlot: this.handleSelectSlot,
        longPressThreshold: props.longPressThreshold,
        rtl: props.rtl,
        resizable: props.resizable,
        showAllEvents: props.showAllEvents,
      });
    };
  }

  /** The week's events, found as the library finds them (see WeekEvents). */
  private eventsForWeek(week: Date[]): object[] {
    const { events, accessors, localizer } = this.props;
    let finder = this.finder;
    if (!finder || finder.localizer !== localizer || finder.accessors !== accessors) {
      const weekEvents = new WeekEvents<object>(
        localizer as ConstructorParameters<typeof WeekEvents>[0],
        accessors,
      );
      finder = { localizer, accessors, weekEvents };
      this.finder = finder;
    }
    return finder.weekEvents.forWeek(events, week);
  }
}
