// `pnpm bench [--scale N]`: availability on a seeded database of N × 5,000 bookings.
// Compares the one-statement query the API uses with a baseline that asks once per
// start time (the obvious implementation), in the same run, and fails if the API's
// query is not faster or misses its latency target.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { measure as time, withSeededDatabase } from './harness';
import { writeBenchResults } from './results';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    iterations: { type: 'string', default: '200' },
  },
});
const scale = Number(values.scale);
const iterations = Number(values.iterations);
const P95_TARGET_MS = 25;

let failed = false;
await withSeededDatabase(scale, async () => {
  const { getAvailability, getAvailabilityDays } = await import('../src/availability');
  const { invalidateAvailability } = await import('../src/availability/availability-cache');
  const { gridStartTimes } = await import('../src/availability/start-times');
  const { getDb } = await import('../src/db/client');
  const { addDays, todayInTimeZone } = await import('../src/time');
  const db = getDb();
  const station = await db.station.findFirstOrThrow({ where: { slug: 'new-york' } });
  const today = todayInTimeZone(station.timezone);
  const dates = Array.from({ length: 20 }, (_, index) => addDays(today, 3 + index));

  /** Baseline: one query per start time. */
  const perSlot = async (date: string) => {
    for (const start of gridStartTimes(station, date)) {
      const until = new Date(start.startsAt.getTime() + (120 + station.bufferMinutes) * 60_000);
      await db.$queryRaw`
        SELECT count(*)::int FROM "Chef" c WHERE c."stationId" = ${station.id}::uuid AND c.active AND NOT EXISTS (
          SELECT 1 FROM "Booking" b WHERE b."chefId" = c.id AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
            AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
            AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(${start.startsAt}::timestamptz, ${until}::timestamptz, '[)'))`;
    }
  };

  const measure = (label: string, run: (date: string) => Promise<unknown>) =>
    time(label, dates, iterations, run);

  // The API's statement itself: each instance caches answers (dropped on change), so the
  // cache is emptied before every call; the cached answer is timed on its own below.
  const api = await measure('GET /api/availability (one statement)', (date) => {
    invalidateAvailability();
    return getAvailability({ query: { station: 'new-york', date } });
  });
  const cached = await measure('GET /api/availability from the instance cache', (date) =>
    getAvailability({ query: { station: 'new-york', date } }),
  );
  const baseline = await measure('baseline: one query per start time', perSlot);
  const days = await measure('GET /api/availability/days (35 days)', (date) => {
    invalidateAvailability();
    return getAvailabilityDays({ query: { station: 'new-york', from: date } });
  });
  /** Days baseline: count every free chef for every start of 35 days, then keep those above 0. */
  const { countFreeChefs } = await import('../src/availability/count-free-chefs');
  const daysBaseline = await measure('baseline: 35 days counting every chef', (date) =>
    countFreeChefs({
      stationId: station.id,
      timezone: station.timezone,
      starts: Array.from({ length: 35 }, (_, index) =>
        gridStartTimes(station, addDays(date, index)),
      ).flatMap((starts) => starts.map((start) => start.startsAt)),
      windowMinutes: 120 + station.bufferMinutes,
    }),
  );
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(
    `speed-up over baseline: ${(baseline.p50 / api.p50).toFixed(1)}× at p50; heap ${heap.toFixed(0)} MiB`,
  );

  if (api.p50 >= baseline.p50) {
    console.log('FAIL: the one-statement availability is not faster than the per-slot baseline');
    failed = true;
  }
  if (api.p95 > P95_TARGET_MS) {
    console.log(
      `FAIL: availability p95 ${api.p95.toFixed(1)} ms is over the ${P95_TARGET_MS} ms target`,
    );
    failed = true;
  }
  console.log(
    `35 days: ${(daysBaseline.p50 / days.p50).toFixed(1)}× faster than counting every chef at p50`,
  );
  if (days.p50 >= daysBaseline.p50) {
    console.log('FAIL: the 35-day summary is not faster than counting every chef');
    failed = true;
  }
  if (days.p95 > P95_TARGET_MS * 8) {
    console.log(
      `FAIL: 35-day availability p95 ${days.p95.toFixed(1)} ms is over the ${P95_TARGET_MS * 8} ms target`,
    );
    failed = true;
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  writeBenchResults(path.resolve(import.meta.dirname, 'results/availability.json'), {
    scale,
    bookings: scale * 5_000,
    iterations,
    results: {
      'availability, one day': {
        p50: round(api.p50),
        p95: round(api.p95),
        targetP95: P95_TARGET_MS,
      },
      'availability, from the instance cache': { p50: round(cached.p50), p95: round(cached.p95) },
      'baseline: a query per start time': { p50: round(baseline.p50), p95: round(baseline.p95) },
      'date picker, 35 days': {
        p50: round(days.p50),
        p95: round(days.p95),
        targetP95: P95_TARGET_MS * 8,
      },
      'baseline: 35 days counting every chef': {
        p50: round(daysBaseline.p50),
        p95: round(daysBaseline.p95),
      },
      heapMiB: Math.round(heap),
    },
    failed,
  });
  await db.$disconnect();
});
console.log(failed ? 'bench: FAILED' : 'bench: ok');
process.exit(failed ? 1 : 0);
