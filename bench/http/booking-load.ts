// The booking case of `pnpm bench:http`: requests for start times the stations really offer,
// and a tally of what came back, so every request is a booking attempt and a refusal other
// than a genuine "just taken" (409 SLOT_TAKEN) is a failure of the run.
import { randomUUID } from 'node:crypto';
import { LONDON_POSTCODES, SEATTLE_ZIPS } from '../../packages/core/src/seed/demo-menu';

export type BookableStation = {
  slug: string;
  timezone: string;
  minimumNoticeHours: number;
};

/** A start time the station offered when the run began (open date, inside hours and notice), and an address it serves. */
export type OpenStart = { station: string; date: string; time: string; postalCode: string };

type Availability = {
  data: { slots: { time: string; startsAt: string; available: number }[] };
};

/** The station's local date `days` after today. */
function localDate(timezone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every start time with a free chef over the next `days` days of every station, as the
 * booking page's time picker offers them (GET /api/availability: closed dates, other hours
 * and the notice are the product's own rules). Times within an hour of the notice's edge are
 * left out: the run starts minutes later, and the edge moves with the clock.
 */
export async function findOpenStarts(
  baseUrl: string,
  stations: BookableStation[],
  days: number,
  nextAddress: () => string,
): Promise<OpenStart[]> {
  const postalCodes = await servedPostalCodes(baseUrl, stations, nextAddress);
  const asks = stations.flatMap((station) =>
    Array.from({ length: days }, (_, index) => ({
      station,
      date: localDate(station.timezone, index + 1),
    })),
  );
  const starts: OpenStart[] = [];
  const ask = async ({ station, date }: { station: BookableStation; date: string }) => {
    const response = await fetch(
      `${baseUrl}/api/availability?station=${station.slug}&date=${date}`,
      { headers: { 'x-forwarded-for': nextAddress() } },
    );
    if (!response.ok) throw new Error(`availability ${station.slug} ${date}: ${response.status}`);
    const earliest = Date.now() + (station.minimumNoticeHours + 1) * 3_600_000;
    for (const slot of ((await response.json()) as Availability).data.slots)
      if (slot.available > 0 && Date.parse(slot.startsAt) >= earliest)
        starts.push({
          station: station.slug,
          date,
          time: slot.time,
          postalCode: postalCodes.get(station.slug) ?? '',
        });
  };
  // Eight at a time: a few seconds for ten stations and 300 days.
  for (let index = 0; index < asks.length; index += 8)
    await Promise.all(asks.slice(index, index + 8).map(ask));
  return starts;
}

/**
 * A postal code each station travels to, asked of the quote API: stations that charge by
 * distance or by zone refuse addresses they do not serve (400), which would not be a booking.
 */
async function servedPostalCodes(
  baseUrl: string,
  stations: BookableStation[],
  nextAddress: () => string,
): Promise<Map<string, string>> {
  const served = new Map<string, string>();
  for (const station of stations)
    for (const postalCode of ['10001', ...SEATTLE_ZIPS, ...LONDON_POSTCODES]) {
      const response = await fetch(`${baseUrl}/api/quotes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
        body: JSON.stringify({ station: station.slug, adults: 4, children: 0, postalCode }),
      });
      if (response.ok) {
        served.set(station.slug, postalCode);
        break;
      }
    }
  const unserved = stations.filter((station) => !served.has(station.slug));
  if (unserved.length > 0)
    throw new Error(`no known postal code is served by ${unserved.map((s) => s.slug).join(', ')}`);
  return served;
}

let customerCounter = 0;

/** A booking for a random open start, by a customer no other request uses. */
export function bookingBody(starts: OpenStart[]): string {
  const start = starts[Math.floor(Math.random() * starts.length)];
  if (!start) throw new Error('no open start times to book');
  customerCounter += 1;
  return JSON.stringify({
    station: start.station,
    date: start.date,
    time: start.time,
    durationMinutes: 120,
    adults: 4,
    children: 0,
    customer: {
      name: 'Bench Guest',
      email: `bench.${process.pid}.${customerCounter}@example.com`,
      phone: '+1 555 010 2000',
    },
    address: { line1: '1 Load Test Way', city: 'Springfield', postalCode: start.postalCode },
  });
}

export const bookingHeaders = () => ({ 'idempotency-key': randomUUID() });

/**
 * What the answers that were not 2xx said, by status and reason (`409 SLOT_TAKEN`), or by
 * status, code and the first field message for a refusal that names none.
 */
export function refusalOf(status: number, body: string): string | undefined {
  if (status < 300) return undefined;
  try {
    const { error } = JSON.parse(body) as {
      error?: { code?: string; details?: Record<string, unknown> };
    };
    const reason = error?.details?.reason;
    if (typeof reason === 'string') return `${status} ${reason}`;
    const field = Object.entries(error?.details ?? {})[0];
    const words = field ? ` ${field[0]}: ${JSON.stringify(field[1]).slice(0, 80)}` : '';
    return `${status} ${error?.code ?? 'no error code'}${words}`;
  } catch {
    return `${status} (not the error envelope)`;
  }
}

/** The one refusal a booking run may meet: another request took the last chef first. */
export const isGenuineConflict = (refusal: string) => refusal === '409 SLOT_TAKEN';
