import { hash } from '@node-rs/argon2';
import { AppError } from '../src/errors/app-error';
import type pg from 'pg';
import type { StaffScope } from '../src/auth/staff-scope';
import { createBooking } from '../src/bookings';
import { simulateCheckout, startDepositCheckout } from '../src/payments';
import { addDays, todayInTimeZone } from '../src/time';
import { insertChef, insertStation } from './factories';

export const STATION = 'test-station';

/** A clean station (America/New_York, 11:00-22:00 every 30 min, 48 h notice, 60 min buffer) with `chefs` chefs. */
export async function resetStation(
  client: pg.Client,
  chefs = 2,
): Promise<{ stationId: string; chefIds: string[] }> {
  await client.query(
    'TRUNCATE "Payment", "Booking", "Chef", "Customer", "StaffUser", "Station", "AuditLog", "OutboxMessage", "IdempotencyKey", "rate_limits" CASCADE',
  );
  const stationId = await insertStation(client, STATION);
  const chefIds: string[] = [];
  for (let index = 0; index < chefs; index += 1)
    chefIds.push(await insertChef(client, stationId, `Chef ${index + 1}`));
  return { stationId, chefIds };
}

/** A local date in the station's zone, `days` from today. */
export function daysAhead(days: number): string {
  return addDays(todayInTimeZone('America/New_York'), days);
}

let counter = 0;

export function bookingInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    station: STATION,
    date: daysAhead(10),
    time: '18:00',
    durationMinutes: 120,
    adults: 6,
    children: 2,
    customer: { name: 'Jo Tester', email: `jo${counter}@example.com`, phone: '+1 555 010 2000' },
    address: { line1: '1 Main St', city: 'Springfield', postalCode: '10001' },
    ...overrides,
  };
}

/** A held booking through the real use case, with its signed manage token. */
export async function heldBooking(overrides: Record<string, unknown> = {}) {
  const body = (await createBooking({ input: bookingInput(overrides) })).body as {
    reference: string;
    manageUrl: string;
  };
  return {
    reference: body.reference,
    token: new URL(body.manageUrl, 'http://x').searchParams.get('token')!,
  };
}

/** Pays (or declines) a held booking's deposit through the local simulator, as a customer would. */
export async function payWithSimulator(
  reference: string,
  token: string,
  outcome: 'pay' | 'decline' = 'pay',
) {
  const { url } = await startDepositCheckout({ input: { reference, token } });
  const session = new URL(url, 'http://x').searchParams.get('session')!;
  return {
    url,
    session,
    result: await simulateCheckout({ input: { reference, token, session, outcome } }),
  };
}

/** A staff user of `stationId` (or a super admin when null), as the admin app would scope them. */
export async function staffScope(
  client: pg.Client,
  role: StaffScope['role'],
  stationId: string | null,
): Promise<StaffScope> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "updatedAt")
     VALUES ($1, 'Staff Member', 'x', $2, $3, now()) RETURNING id`,
    [`${role.toLowerCase()}.${Math.random().toString(36).slice(2)}@test.example`, role, stationId],
  );
  return { staffId: rows[0]!.id, role, stationId };
}

/** A staff account with a real argon2id password hash, for sign-in tests. */
export async function staffAccount(
  client: pg.Client,
  options: { role: StaffScope['role']; stationId: string | null; password: string; email?: string },
): Promise<{ id: string; email: string }> {
  const email =
    options.email ??
    `${options.role.toLowerCase()}.${Math.random().toString(36).slice(2)}@test.example`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "updatedAt")
     VALUES ($1, 'Sam Staff', $2, $3, $4, now()) RETURNING id`,
    [email, await hash(options.password), options.role, options.stationId],
  );
  return { id: rows[0]!.id, email };
}

/** What a use case refused with (status, code, message, details); fails the test if it did not refuse. */
export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code, message: error.message, details: error.details };
}
