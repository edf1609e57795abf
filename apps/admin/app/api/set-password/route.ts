import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { setStaffPassword } from '@hibachi/core/staff';

export const dynamic = 'force-dynamic';

/** Signed out: the holder of a one-time link chooses their password. */
export const POST = createRouteHandler(async (request, { requestId }) =>
  ok(await setStaffPassword({ input: await readJsonBody(request), requestId })),
);
