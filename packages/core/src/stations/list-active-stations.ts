import { z } from 'zod';
import { formatMinutes } from '../time';
import { cachedActiveStations } from './station-cache';
import { ZStationSummary, type TStationSummary } from './station.schema';

/** The public shape of each cached list, built (and checked) once per list, not per request. */
const summaries = new WeakMap<object, TStationSummary[]>();

/** Active stations, alphabetical, in the public shape (from the instance's station cache). */
export async function listActiveStations(): Promise<TStationSummary[]> {
  const stations = await cachedActiveStations();
  const known = summaries.get(stations);
  if (known) return known;
  const shaped = z.array(ZStationSummary).parse(
    stations.map((station) => ({
      id: station.id,
      slug: station.slug,
      name: station.name,
      timezone: station.timezone,
      pricing: {
        adultCents: station.adultPriceCents,
        childCents: station.childPriceCents,
        minimumCents: station.minimumCents,
        depositCents: station.depositCents,
      },
      serviceHours: {
        firstStart: formatMinutes(station.serviceStartMinute),
        lastStart: formatMinutes(station.serviceEndMinute),
        slotIntervalMinutes: station.slotIntervalMinutes,
      },
      minimumNoticeHours: station.minimumNoticeHours,
      cancellationNoticeHours: station.cancellationNoticeHours,
    })),
  );
  summaries.set(stations, shaped);
  return shaped;
}
