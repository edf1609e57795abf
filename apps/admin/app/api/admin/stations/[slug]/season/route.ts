import { ok } from '@hibachi/core/http';
import { getSeason } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The station's time off, weekly days off and date rules for a range of local dates. */
export const GET = staffRoute<{ slug: string }>(async (request, { staff, params }) =>
  ok(
    await getSeason({
      scope: staff,
      slug: params.slug,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
