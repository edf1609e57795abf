import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatMinutes } from '../time';
import { cachedActiveStations } from './station-cache';
import { ZStationSummary, type TStationSummary } from './station.schema';

export type PublicList = {
  summaries: TStationSummary[];
  body: Uint8Array<ArrayBuffer>;
  etag: string;
};

/**
 * The public shape of each cached list, built (and checked) once per list, not per request,
 * with its response body (already UTF-8: the list is ~110 kB of JSON at 340 stations) and ETag.
 */
const publicLists = new WeakMap<object, PublicList>();

/** Active stations, alphabetical, in the public shape (from the instance's station cache). */
export async function listActiveStations(): Promise<TStationSummary[]> {
  return (await publicList()).summaries;
}

export async function publicList(): Promise<PublicList> {
  const stations = await cachedActiveStations();
  const known = publicLists.get(stations);
  if (known) return known;
  const shaped = z.array(ZStationSummary).parse(
    stations.map((station) => ({
      id: station.id,
      slug: station.slug,
      name: station.name,
      timezone: station.timezone,
      currency: station.currency,
      locale: station.locale,
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
  // Uint8Array.from: a body type Response accepts (encode()'s result is typed more loosely).
  const body = Uint8Array.from(new TextEncoder().encode(JSON.stringify({ data: shaped })));
  const list = {
    summaries: shaped,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
  publicLists.set(stations, list);
  return list;
}
