import { signOutEverywhere } from '@hibachi/core/auth';
import { ok } from '@hibachi/core/http';
import { signOut } from '@/auth';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** Ends every session of the caller (other devices on their next request), this one included. */
export const POST = staffRoute(async (_request, { staff, requestId }) => {
  await signOutEverywhere({ scope: staff, requestId });
  await signOut({ redirect: false });
  return ok({ signedOut: true });
});
