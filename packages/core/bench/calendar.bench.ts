// `pnpm bench:calendar [--scale N]`: the admin calendar's query for one station and one
// month on N × 5,000 bookings (default N=100: 500,000). Compared in the same run with the
// obvious implementation (one ORM query per day with customer, chef and payments included,
// money summed in JavaScript), and the bookings list's first page of 100. Fails past a 50 ms p95 or if not faster than the baseline.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { measure, withReusedSeededDatabase } from './harness';
import { writeBenchResults } from './results';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100' },
    iterations: { type: 'string', default: '50' },
    fresh: { type: 'boolean', default: false },
  },
});
const P95_TARGET_MS = 50;
let failed = false;

await withReusedSeededDatabase(
  Number(values.scale),
  async () => {
    const { getCalendar } = await import('../src/bookings/get-calendar');
    const { getDb } = await import('../src/db/client');
    const { addDays, toDbDate, todayInTimeZone } = await import('../src/time');
    const db = getDb();
    const stations = await db.station.findMany({ orderBy: { slug: 'asc' }, take: 20 });
    const scope = {
      staffId: '00000000-0000-4000-8000-000000000000',
      role: 'SUPER_ADMIN' as const,
      stationId: null,
    };
    const months = stations.map((station, index) => {
      const from = addDays(todayInTimeZone(station.timezone), (index % 4) * 7 - 14);
      return { station, from, to: addDays(from, 34) };
    });
    const sample = await getCalendar({
      scope,
      query: { station: months[0]!.station.slug, from: months[0]!.from, to: months[0]!.to },
    });
    console.log(
      `one station, 35 days: ${sample.events.length} events, ${sample.chefs.length} chefs`,
    );

    const api = await measure(
      'GET /api/admin/calendar (one statement)',
      months,
      Number(values.iterations),
      (month) =>
        getCalendar({
          scope,
          query: { station: month.station.slug, from: month.from, to: month.to },
        }),
    );
    const baseline = await measure(
      'baseline: a query per day, sums in JS',
      months,
      Number(values.iterations),
      async (month) => {
        const events = [];
        for (let day = 0; day < 35; day += 1) {
          const date = toDbDate(addDays(month.from, day));
          const rows = await db.booking.findMany({
            where: {
              stationId: month.station.id,
              eventDate: date,
              status: { notIn: ['CANCELLED', 'EXPIRED'] },
            },
            include: { customer: true, chef: true, payments: true },
          });
          for (const row of rows)
            events.push({
              ...row,
              paid: row.payments.reduce(
                (sum, payment) => sum + payment.amountCents - payment.refundedCents,
                0,
              ),
            });
        }
        return events;
      },
    );
    const { listStaffBookings } = await import('../src/bookings/list-staff-bookings');
    const list = await measure(
      'GET /api/admin/bookings (100 a page)',
      months,
      Number(values.iterations),
      (month) => listStaffBookings({ scope, query: { station: month.station.slug, limit: '100' } }),
    );
    // What opening sealed values adds to one calendar answer: the rows the statement returns
    // for the first month, as stored (sealed), opened again and again.
    const { seal, openDeep } = await import('../src/crypto/field-crypto');
    const sealedEvents = JSON.stringify(
      sample.events.map((event) => ({ ...event, customerName: seal(event.customerName) })),
    );
    const opening = await measure(
      'opening one calendar answer (sealed names)',
      [sealedEvents],
      Number(values.iterations) * 4,
      async (text) => openDeep(JSON.parse(text) as unknown),
    );
    console.log(`speed-up over baseline: ${(baseline.p50 / api.p50).toFixed(1)}× at p50`);
    if (api.p95 > P95_TARGET_MS) {
      console.log(
        `FAIL: calendar p95 ${api.p95.toFixed(1)} ms is over the ${P95_TARGET_MS} ms target`,
      );
      failed = true;
    }
    if (api.p50 >= baseline.p50) {
      console.log('FAIL: the calendar query is not faster than the per-day baseline');
      failed = true;
    }
    const round = (ms: number) => Math.round(ms * 10) / 10;
    writeBenchResults(path.resolve(import.meta.dirname, 'results/calendar.json'), {
      scale: Number(values.scale),
      bookings: Number(values.scale) * 5_000,
      iterations: Number(values.iterations),
      results: {
        'calendar, one station, 35 days': {
          p50: round(api.p50),
          p95: round(api.p95),
          targetP95: P95_TARGET_MS,
          events: sample.events.length,
        },
        'baseline: a query per day, sums in JS': {
          p50: round(baseline.p50),
          p95: round(baseline.p95),
        },
        'bookings list, one station, 100 a page': { p50: round(list.p50), p95: round(list.p95) },
        'opening one calendar answer (sealed names)': {
          p50: Math.round(opening.p50 * 1000) / 1000,
          p95: Math.round(opening.p95 * 1000) / 1000,
        },
      },
      failed,
    });
    await db.$disconnect();
  },
  { fresh: values.fresh },
);
console.log(failed ? 'bench: FAILED' : 'bench: ok');
process.exit(failed ? 1 : 0);
