import { ZSignInInput } from '@hibachi/core/auth/sign-in.schema';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { parseInput } from '@hibachi/core/validation';
import { signIn, signOut, StaffSignInRefused } from '@/auth';

export const dynamic = 'force-dynamic';

/** Sign in: `{email, password}` → session cookie; 401 (one message for every refusal) or 429. */
export const POST = createRouteHandler(async (request) => {
  const input = parseInput(ZSignInInput, await readJsonBody(request));
  try {
    await signIn('credentials', { ...input, redirect: false });
  } catch (error) {
    throw error instanceof StaffSignInRefused ? error.appError : unwrapAuthError(error);
  }
  return ok({ signedIn: true });
});

/** Sign out of this browser. */
export const DELETE = createRouteHandler(async () => {
  await signOut({ redirect: false });
  return ok({ signedOut: true });
});

/** Auth.js wraps what authorize threw (e.g. the database being down) in its own error. */
function unwrapAuthError(error: unknown): unknown {
  const cause = (error as { cause?: { err?: unknown } } | undefined)?.cause?.err;
  return cause instanceof StaffSignInRefused ? cause.appError : (cause ?? error);
}
