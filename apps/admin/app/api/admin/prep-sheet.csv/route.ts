import { getPrepSheet, prepSheetCsv } from '@hibachi/core/bookings';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The day's prep sheet as CSV: a row per event and item, then the totals. */
export const GET = staffRoute(async (request, { staff }) => {
  const sheet = await getPrepSheet({
    scope: staff,
    query: Object.fromEntries(new URL(request.url).searchParams),
  });
  const name = ['prep', sheet.station.slug, sheet.date].join('-');
  return new Response(prepSheetCsv(sheet), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
