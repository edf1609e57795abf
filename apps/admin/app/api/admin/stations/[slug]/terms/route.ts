import { ok, readJsonBody } from '@hibachi/core/http';
import { getTermsHistory, publishTerms } from '@hibachi/core/terms';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ slug: string }>(async (_request, { staff, params }) =>
  ok(await getTermsHistory({ scope: staff, slug: params.slug })),
);

export const PUT = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await publishTerms({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
