import { createHash } from 'node:crypto';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import pg from 'pg';

/** A documentation-range address per test, so per-IP rate limits never collide between tests. */
export function addressFor(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return `198.${18 + (digest[0]! % 2)}.${digest[1]}.${1 + (digest[2]! % 250)}`;
}

export const test = base.extend<{ clientAddress: string }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  clientAddress: async ({}, use, testInfo) => {
    await use(addressFor(`${testInfo.testId}:${testInfo.retry}:${testInfo.repeatEachIndex}`));
  },
  extraHTTPHeaders: async ({ clientAddress }, use) => {
    await use({ 'X-Forwarded-For': clientAddress });
  },
});

export { expect };

let counter = 0;

/** A unique customer per call (the one-booking-per-date rule is per customer). */
export function uniqueCustomer(label = 'guest') {
  counter += 1;
  const id = `${label}.${Date.now().toString(36)}.${process.pid}.${counter}`;
  return { name: 'Pat Example', email: `${id}@example.com`, phone: '+1 555 010 3000' };
}

export function bookingBody(overrides: Record<string, unknown>) {
  return {
    durationMinutes: 120,
    adults: 6,
    children: 0,
    customer: uniqueCustomer(),
    address: { line1: '12 Test Lane', city: 'Testville', postalCode: '80202' },
    ...overrides,
  };
}

/** YYYY-MM-DD `days` from today in a zone. */
export function dateIn(timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type Slot = { time: string; available: number };

export async function availability(
  request: APIRequestContext,
  station: string,
  date: string,
): Promise<Slot[]> {
  const response = await request.get(
    `/api/availability?station=${station}&date=${date}&duration=120`,
    { headers: { 'X-Forwarded-For': addressFor(`avail:${Math.random()}`) } },
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { slots: Slot[] } }).data.slots;
}

/** Books through the API (from fresh addresses) until the slot has exactly `left` chefs free. */
export async function fillSlotUntil(
  request: APIRequestContext,
  station: string,
  date: string,
  time: string,
  left: number,
): Promise<void> {
  for (let guard = 0; guard < 10; guard += 1) {
    const slot = (await availability(request, station, date)).find(
      (candidate) => candidate.time === time,
    );
    if (!slot) throw new Error(`No slot ${time} on ${date}`);
    if (slot.available === left) return;
    if (slot.available < left)
      throw new Error(`Slot ${time} on ${date} has only ${slot.available} free chefs`);
    const response = await request.post('/api/bookings', {
      data: bookingBody({ station, date, time }),
      headers: { 'X-Forwarded-For': addressFor(`fill:${Math.random()}`) },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  throw new Error('could not fill the slot');
}

/** A pg client on the e2e database, for assertions a user cannot see (no overlaps). */
export async function database(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  return client;
}
