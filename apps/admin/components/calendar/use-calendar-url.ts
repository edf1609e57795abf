'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { todayIn } from '@hibachi/web/format';
import { CALENDAR_VIEWS, type CalendarView } from '@/lib/calendar-range';

export type CalendarUrlState = {
  view: CalendarView;
  date: string;
  chefFilter: string;
  /** Changes the named parameters (undefined removes one) without a new history entry. */
  setParams: (changes: Record<string, string | undefined>) => void;
};

const isView = (value: string | null): value is CalendarView =>
  CALENDAR_VIEWS.some((view) => view === value);

/** What the calendar shows, kept in the URL: view, date (default today in the zone), chef. */
export function useCalendarUrl(timeZone: string): CalendarUrlState {
  const searchParams = useSearchParams();
  const router = useRouter();
  const viewParam = searchParams.get('view');
  const dateParam = searchParams.get('date') ?? '';
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
  return {
    view: isView(viewParam) ? viewParam : 'week',
    date: /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : todayIn(timeZone),
    chefFilter: searchParams.get('chef') ?? '',
    setParams,
  };
}
