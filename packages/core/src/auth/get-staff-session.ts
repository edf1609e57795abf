import { z } from 'zod';
import { getDb } from '../db/client';
import type { StaffScope } from './staff-scope';

/** What a session cookie (JWT) carries about its user; re-checked against the database on every request. */
export const ZStaffClaims = z.object({
  staffId: z.uuid(),
  sessionVersion: z.number().int(),
  role: z.enum(['SUPER_ADMIN', 'MANAGER', 'STAFF', 'CHEF']),
  stationId: z.uuid().nullable(),
});
export type TStaffClaims = z.infer<typeof ZStaffClaims>;

export type StaffSession = StaffScope & {
  email: string;
  name: string;
  station: { id: string; slug: string; name: string; timezone: string } | null;
};

/**
 * The signed-in user behind a session's claims, or undefined when the session no longer
 * holds: the user was deactivated, moved to another role or station, or their
 * sessionVersion was bumped (sign-out everywhere, password reset). One primary-key query.
 */
export async function getStaffSession(claims: unknown): Promise<StaffSession | undefined> {
  const parsed = ZStaffClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  const user = await getDb().staffUser.findUnique({
    where: { id: parsed.data.staffId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      stationId: true,
      chefId: true,
      active: true,
      sessionVersion: true,
      station: { select: { id: true, slug: true, name: true, timezone: true } },
    },
  });
  if (
    !user ||
    !user.active ||
    user.sessionVersion !== parsed.data.sessionVersion ||
    user.role !== parsed.data.role ||
    user.stationId !== parsed.data.stationId
  )
    return undefined;
  return {
    staffId: user.id,
    role: user.role,
    stationId: user.stationId,
    chefId: user.chefId,
    email: user.email,
    name: user.name,
    station: user.station,
  };
}
