import { ok } from '@hibachi/core/http';
import { getStaffTermsVersion } from '@hibachi/core/terms';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ slug: string; version: string }>(
  async (_request, { staff, params }) =>
    ok(await getStaffTermsVersion({ scope: staff, slug: params.slug, version: params.version })),
);
