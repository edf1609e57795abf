import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getStaffSession, type StaffSession } from '@hibachi/core/auth';
import { AppError } from '@hibachi/core/errors';
import { createRouteHandler, type RouteContext } from '@hibachi/core/http';
import { auth } from '@/auth';

/**
 * The signed-in staff member, re-checked against the database (active, same role and
 * station, session not revoked) once per request, or undefined.
 */
export const currentStaff = cache(async (): Promise<StaffSession | undefined> => {
  const session = await auth();
  return session?.claims ? getStaffSession(session.claims) : undefined;
});

/** For pages: the staff member, or a redirect to sign-in that comes back to `path`. */
export async function requireStaffPage(path: string): Promise<StaffSession> {
  const staff = await currentStaff();
  if (!staff) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  // A chef sees "My events" and nothing else of the admin (the home page sends them there).
  if (staff.role === 'CHEF' && path !== '/' && !path.startsWith('/my-events')) notFound();
  return staff;
}

/** A route handler for signed-in staff only: 401 envelope without a valid session. */
export function staffRoute<Params = Record<string, never>>(
  handler: (
    request: Request,
    context: RouteContext<Params> & { staff: StaffSession },
  ) => Promise<Response>,
) {
  return createRouteHandler<Params>(async (request, context) => {
    const staff = await currentStaff();
    if (!staff) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    return handler(request, { ...context, staff });
  });
}
