import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';
import { setStaffPassword } from '@hibachi/core/staff';

export const dynamic = 'force-dynamic';

/**
 * Signed out: the holder of a one-time link chooses their password. Limited per address like
 * sign-in attempts: every try costs an argon2 hash, and a token is worth guessing.
 */
export const POST = createRouteHandler(async (request, { requestId }) => {
  await consumeRateLimit('login', `set-password:${clientIp(request)}`);
  return ok(await setStaffPassword({ input: await readJsonBody(request), requestId }));
});
