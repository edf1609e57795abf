import { streamBookingsCsv } from '@hibachi/core/analytics';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The range's bookings as CSV, streamed a page at a time (bad input answers 400/404 first). */
export const GET = staffRoute(async (request, { staff }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const lines = await streamBookingsCsv({ scope: staff, query });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const station = query.station || staff.station?.slug || 'all-stations';
  const name = ['bookings', station, query.from, query.to].join('-').replace(/[^a-z0-9-]/gi, '');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
