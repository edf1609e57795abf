'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useCallback, useMemo } from 'react';
import type { Season } from '@hibachi/core/season';
import { api } from '@/lib/api';
import { useLiveConnected } from '../live/live-updates';
import { REFRESH_MS } from '@/lib/calendar-constants';

type Span = { start: number; end: number; label: string };

/**
 * The season over the calendar's range: each chef's time off (entries and weekly days off) as
 * spans, and the station's closed dates; read by the slot and day props so the day-by-chef view
 * hatches a chef's time off and every view greys a closed date.
 */
export function useSeasonBlocks(
  station: { slug: string; timezone: string },
  range: { from: string; to: string },
) {
  const live = useLiveConnected();
  const season = useQuery({
    queryKey: ['season', station.slug, range],
    queryFn: () => api.season({ path: { slug: station.slug }, query: range }),
    placeholderData: keepPreviousData,
    // Other admins' changes arrive live; polling only while the live connection is down.
    refetchInterval: live ? false : REFRESH_MS,
  });
  const { offByChef, closed } = useMemo(
    () => blocksOf(season.data, range, station.timezone),
    [season.data, range, station.timezone],
  );
  /** The time off a chef has at a slot's instant, if any. */
  const chefOffAt = useCallback(
    (chefId: string, at: Date): Span | undefined =>
      offByChef.get(chefId)?.find((span) => at.getTime() >= span.start && at.getTime() < span.end),
    [offByChef],
  );
  const closedOn = useCallback(
    (day: Date) => closed.get(DateTime.fromJSDate(day).setZone(station.timezone).toISODate() ?? ''),
    [closed, station.timezone],
  );
  return { chefOffAt, closedOn };
}

function blocksOf(season: Season | undefined, range: { from: string; to: string }, zone: string) {
  const offByChef = new Map<string, Span[]>();
  const closed = new Map<string, string>();
  if (!season) return { offByChef, closed };
  const add = (chefId: string, span: Span) =>
    offByChef.set(chefId, [...(offByChef.get(chefId) ?? []), span]);
  for (const entry of season.timeOff)
    add(entry.chefId, {
      start: Date.parse(entry.startsAt),
      end: Date.parse(entry.endsAt),
      label: `${entry.chef} is off${entry.note ? ` (${entry.note})` : ''}`,
    });
  const first = DateTime.fromISO(range.from, { zone });
  const days = Math.round(DateTime.fromISO(range.to, { zone }).diff(first, 'days').days) + 1;
  for (let index = 0; index < days; index += 1) {
    const day = first.plus({ days: index });
    for (const weekly of season.weeklyOff.filter((row) => row.weekday === day.weekday))
      add(weekly.chefId, {
        start: day.startOf('day').toMillis(),
        end: day.plus({ days: 1 }).startOf('day').toMillis(),
        label: `${weekly.chef} is off every ${day.toFormat('cccc')}`,
      });
  }
  for (const rule of season.dates.filter((date) => date.closed))
    closed.set(rule.date, rule.note ? `Closed (${rule.note})` : 'Closed');
  return { offByChef, closed };
}
