import type pg from 'pg';
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
