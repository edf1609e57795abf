import { Prisma } from '../generated/prisma/client';

/** Statuses of a booking that holds its chef and time: a hold awaiting payment, or confirmed. */
export const ACTIVE_BOOKING_STATUSES = ['PENDING_PAYMENT', 'CONFIRMED'] as const;

/** The same list for SQL: `status IN ${ACTIVE_STATUSES_SQL}`. */
export const ACTIVE_STATUSES_SQL = Prisma.sql`('PENDING_PAYMENT', 'CONFIRMED')`;

/**
 * A booking (alias `b`) that still holds its chef from now on: active, not a lapsed hold,
 * not yet started.
 */
export const UPCOMING_HOLDING_SQL = Prisma.sql`b.status IN ${ACTIVE_STATUSES_SQL}
  AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now()) AND b."startsAt" >= now()`;
