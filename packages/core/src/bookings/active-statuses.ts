import { Prisma } from '../generated/prisma/client';

/** Statuses of a booking that holds its chef and time: a hold awaiting payment, or confirmed. */
export const ACTIVE_BOOKING_STATUSES = ['PENDING_PAYMENT', 'CONFIRMED'] as const;

/** The same list for SQL: `status IN ${ACTIVE_STATUSES_SQL}`. */
export const ACTIVE_STATUSES_SQL = Prisma.sql`('PENDING_PAYMENT', 'CONFIRMED')`;
