'use client';

import { todayIn } from '@hibachi/web/format';
import { CALENDAR_VIEWS, type CalendarView } from '@/lib/calendar-range';
import { useSearchParamFilter, type FilterChanges } from '@/lib/use-search-param-filter';

export type CalendarUrlState = {
  view: CalendarView;
  date: string;
  chefFilter: string;
  /** Changes the named parameters (undefined removes one) without a new history entry. */
  setParams: (changes: FilterChanges) => void;
};

const isView = (value: string | null): value is CalendarView =>
  CALENDAR_VIEWS.some((view) => view === value);

/** What the calendar shows, kept in the URL: view, date (default today in the zone), chef. */
export function useCalendarUrl(timeZone: string): CalendarUrlState {
  const { searchParams, setFilters: setParams } = useSearchParamFilter({ scroll: false });
  const viewParam = searchParams.get('view');
  const dateParam = searchParams.get('date') ?? '';
  return {
    view: isView(viewParam) ? viewParam : 'week',
    date: /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : todayIn(timeZone),
    chefFilter: searchParams.get('chef') ?? '',
    setParams,
  };
}
