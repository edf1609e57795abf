import { randomUUID } from 'node:crypto';
import { ADMIN_API } from '@hibachi/core/openapi/admin-api';
import type { APIRequestContext } from '@playwright/test';
import { database, dateIn, expect, test } from '../fixtures';
import { ADMIN_PORT } from '../ports';
import { apiAs, heldBooking, manager, SUPER_ADMIN } from './admin-fixtures';

const BASE = `http://localhost:${ADMIN_PORT}`;
/** The caller manages HOME; every record aimed at is OTHER's. */
const HOME = 'denver';
const OTHER = 'new-york';

/**
 * Every admin operation whose path names a record (`{id}`, `{slug}`), from the operation list
 * the OpenAPI document is built from: a new route is walked without being listed here.
 */
const OPERATIONS = Object.entries(ADMIN_API).filter(
  ([, operation]) => operation.path.startsWith('/api/admin/') && operation.path.includes('{'),
);

/**
 * The path parameters that name a record; `{date}` names a day and `{version}` a terms
 * version, the same in both walks.
 */
const RECORD_PARAMETERS = new Set(['id', 'slug']);

type OtherRecords = Record<string, string>;

/** The id of one of OTHER's records of the kind a path names (`/api/admin/KIND/{id}`). */
function recordFor(path: string, records: OtherRecords): string | undefined {
  const kind = /^\/api\/admin\/([^/]+)\/\{(?:id|slug)\}/.exec(path)?.[1];
  return kind === undefined ? undefined : records[kind];
}

/** A valid body (and query) per operation, so what answers is the scope check, not validation. */
function requestsFor(records: OtherRecords, settings: Record<string, unknown>) {
  const chefId = records.chefs;
  const timeOff = { kind: 'DAYS', chefId, from: dateIn('UTC', 300), to: dateIn('UTC', 300) };
  const bodies: Record<string, unknown> = {
    reschedule: { date: dateIn('UTC', 45), time: '12:00', version: 1 },
    cancel: { reason: 'Testing scope', refund: false },
    recordPayment: { amountCents: 100, method: 'CASH' },
    settleRefund: { note: 'Testing scope' },
    markOutcome: { status: 'COMPLETED', version: 1 },
    saveNotes: { notes: 'Testing scope', version: 1 },
    changeMenu: { adults: 4, children: 0, menu: [], version: 1 },
    saveStationSettings: settings,
    patchStation: { depositCents: 10_000, version: 1 },
    createMenuItem: { name: 'Sneaky', kind: 'ADDON', priceCents: 1, version: 1 },
    updateMenuItem: { active: false, version: 1 },
    createChef: { name: 'Sneaky Chef', color: '#123456' },
    updateChef: { name: 'Sneaky Chef' },
    deactivateChef: { reassign: false },
    startMyEvent: { version: 1 },
    completeMyEvent: { version: 1 },
    createTimeOff: timeOff,
    updateTimeOff: timeOff,
    setWeeklyOff: { weekdays: [] },
    setStationDate: { closed: true },
    updateStaff: { name: 'Sneaky' },
    updateConversation: { status: 'CLOSED' },
    replyToConversation: { clientMessageId: randomUUID(), body: 'Testing scope' },
    markConversationRead: { seq: 1 },
    eraseCustomer: { confirm: 'ERASE' },
    adjustPrice: { kind: 'DISCOUNT', percent: 10, reason: 'Testing scope', version: 1 },
    publishTerms: { body: 'Testing scope: terms long enough to be published.' },
  };
  const queries: Record<string, string> = {
    deleteMenuItem: '?version=1',
    season: `?from=${dateIn('UTC', 1)}&to=${dateIn('UTC', 30)}`,
  };
  return { bodies, queries };
}

/** What a leaked write could change on the booking (its e-mails are delivered meanwhile). */
async function bookingState(api: APIRequestContext, id: string): Promise<unknown> {
  const { data } = (await (await api.get(`/api/admin/bookings/${id}`)).json()) as {
    data: Record<string, unknown>;
  };
  const { status, version, notes, payments, audit, paidCents, cancellationReason } = data;
  return { status, version, notes, payments, audit, paidCents, cancellationReason };
}

/** What the caller sees: the status and the body, with the request id (each its own) blanked. */
async function answer(api: APIRequestContext, method: string, url: string, body: unknown) {
  const response = await api.fetch(url, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  const text = (await response.text()).replace(/"requestId":"[^"]*"/g, '"requestId":"…"');
  return `${response.status()} ${text}`;
}

test.describe('admin API scope', () => {
  test("another station's record answers exactly like a record that does not exist, on every route with an id", async () => {
    const admin = await apiAs(BASE, SUPER_ADMIN);
    const held = await heldBooking(admin, OTHER, 'America/New_York');
    const client = await database();
    const one = async (sql: string, parameters: unknown[] = []) => {
      const { rows } = await client.query<{ id: string }>(sql, parameters);
      expect(rows[0], sql).toBeDefined();
      return rows[0]!.id;
    };
    const stationId = await one(`SELECT id FROM "Station" WHERE slug = $1`, [OTHER]);
    const ofOther = (table: string) =>
      one(`SELECT id FROM "${table}" WHERE "stationId" = $1 ORDER BY id LIMIT 1`, [stationId]);
    const chefId = await one(
      `SELECT id FROM "Chef" WHERE "stationId" = $1 AND active ORDER BY id LIMIT 1`,
      [stationId],
    );
    // The seed gives time off to some stations only: a day far ahead, past every booking (a
    // different one on a retry).
    const away = dateIn('America/New_York', 300 + Math.floor(Math.random() * 100));
    const timeOff = await admin.post(`/api/admin/stations/${OTHER}/time-off`, {
      data: { kind: 'DAYS', chefId, from: away, to: away, note: 'Scope test' },
    });
    expect(timeOff.status(), await timeOff.text()).toBe(201);
    const { entry } = ((await timeOff.json()) as { data: { entry: { id: string } } }).data;
    const records: OtherRecords = {
      bookings: held.id,
      'my-events': held.id,
      payments: await ofOther('Payment'),
      outbox: await one(`SELECT id FROM "OutboxMessage" WHERE "bookingId" = $1 LIMIT 1`, [held.id]),
      'menu-items': await ofOther('MenuItem'),
      chefs: chefId,
      'time-off': entry.id,
      conversations: await ofOther('Conversation'),
      staff: await ofOther('StaffUser'),
      customers: await one(`SELECT "customerId" AS id FROM "Booking" WHERE id = $1`, [held.id]),
      stations: OTHER,
    };
    await client.end();

    const home = await apiAs(BASE, manager(HOME));
    // The manager's own settings, as a full and valid settings body.
    const view = (await (await home.get(`/api/admin/stations/${HOME}/settings`)).json()) as {
      data: { settings: Record<string, unknown>; version: number };
    };
    const { bodies, queries } = requestsFor(records, {
      ...view.data.settings,
      version: view.data.version,
    });
    const before = await bookingState(admin, held.id);

    expect(OPERATIONS.length).toBeGreaterThanOrEqual(40);
    for (const [name, operation] of OPERATIONS) {
      const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      for (const parameter of parameters)
        expect(
          RECORD_PARAMETERS.has(parameter) || parameter === 'date' || parameter === 'version',
          `${name}: say what {${parameter}} names`,
        ).toBe(true);
      const real = recordFor(operation.path, records);
      expect(real, `${name}: add one of ${OTHER}'s records for ${operation.path}`).toBeDefined();
      const body = 'body' in operation && operation.body ? bodies[name] : undefined;
      if ('body' in operation && operation.body) {
        const parsed = operation.body.safeParse(body);
        expect(parsed.success, `${name}: a valid body (${JSON.stringify(parsed.error)})`).toBe(
          true,
        );
      }
      const url = (id: string) =>
        operation.path
          .replace(/\{(?:id|slug)\}/g, id)
          .replace('{date}', dateIn('UTC', 200))
          .replace('{version}', '1') + (queries[name] ?? '');
      const method = operation.method.toUpperCase();
      const theirs = await answer(home, method, url(real!), body);
      const missing = await answer(home, method, url(randomUUID()), body);
      expect(theirs, `${method} ${operation.path} (${name})`).toBe(missing);
      expect(theirs, `${method} ${operation.path} (${name})`).toMatch(/^40[34] /);
    }
    // Nothing of OTHER's changed hands on the way.
    expect(await bookingState(admin, held.id)).toEqual(before);
    await Promise.all([admin.dispose(), home.dispose()]);
  });
});
