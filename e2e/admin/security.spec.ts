import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { addressFor, database, dateIn, expect, test } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';
import { apiAs, heldBooking, manager, staff, SUPER_ADMIN } from './admin-fixtures';

const ADMIN_API = path.resolve(import.meta.dirname, '../../apps/admin/app/api/admin');
const BASE = `http://localhost:${ADMIN_PORT}`;

type Route = { path: string; method: string };

/** Every route handler under /api/admin, found from the files, so a new one cannot be forgotten. */
function discoverRoutes(): Route[] {
  const routes: Route[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const relative = path.relative(ADMIN_API, directory).split(path.sep).join('/');
        for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
          routes.push({ path: `/api/admin${relative ? `/${relative}` : ''}`, method: method! });
      }
    }
  };
  walk(ADMIN_API);
  return routes;
}

const routes = discoverRoutes();

/** What a write could change on a booking (its e-mails are left out: delivery runs on its own). */
async function snapshot(api: APIRequestContext, id: string): Promise<unknown> {
  const { data } = (await (await api.get(`/api/admin/bookings/${id}`)).json()) as {
    data: Record<string, unknown>;
  };
  const { status, version, notes, payments, audit, paidCents, cancellationReason } = data;
  return { status, version, notes, payments, audit, paidCents, cancellationReason };
}
const withId = (route: string, id: string) => route.replace(/\[[^\]]+\]/g, id);
const TIME_OFF_BODY = {
  kind: 'DAYS',
  chefId: '00000000-0000-4000-8000-000000000000',
  from: '2030-01-01',
  to: '2030-01-01',
};
/** A valid body per write, so what answers is the scope check, not validation. */
const VALID_BODIES: Record<string, unknown> = {
  '/api/admin/bookings': {
    station: 'new-york',
    date: dateIn('America/New_York', 40),
    time: '18:00',
    adults: 4,
    customer: { name: 'Scope Tester', email: 'scope.tester@example.com', phone: '+1 555 010 9999' },
    address: { line1: '1 Main St', city: 'New York', postalCode: '10001' },
  },
  '/api/admin/quotes': { station: 'new-york', adults: 4 },
  '/api/admin/bookings/[id]/cancel': { reason: 'Testing access', refund: false },
  '/api/admin/bookings/[id]/payments': { amountCents: 100, method: 'CASH' },
  '/api/admin/bookings/[id]/status': { status: 'COMPLETED', version: 1 },
  '/api/admin/bookings/[id]/notes': { notes: 'Testing access', version: 1 },
  '/api/admin/bookings/[id]': { date: dateIn('UTC', 45), time: '12:00', version: 1 },
  '/api/admin/bookings/[id]/menu': { adults: 4, children: 0, menu: [], version: 1 },
  '/api/admin/bookings/[id]/adjustments': {
    kind: 'DISCOUNT',
    percent: 10,
    reason: 'Testing access',
    version: 1,
  },
  '/api/admin/stations/[slug]/terms': { body: 'Testing access to the terms of another station.' },
  '/api/admin/stations/[slug]/menu/items': {
    name: 'Sneaky',
    kind: 'ADDON',
    priceCents: 1,
    version: 1,
  },
  '/api/admin/menu-items/[id]': { active: false, version: 1 },
  '/api/admin/payments/[id]/refund-settled': { note: 'Testing access' },
  '/api/admin/stations/[slug]/time-off': TIME_OFF_BODY,
  '/api/admin/time-off/[id]': TIME_OFF_BODY,
  '/api/admin/chefs/[id]/weekly-off': { weekdays: [] },
  '/api/admin/stations/[slug]/dates/[date]': { closed: true },
  '/api/admin/conversations/[id]': { status: 'CLOSED' },
  '/api/admin/conversations/[id]/messages': {
    clientMessageId: '00000000-0000-4000-8000-0000000000aa',
    body: 'Testing access',
  },
  '/api/admin/conversations/[id]/read': { seq: 1 },
  '/api/admin/customers/[id]/erase': { confirm: 'ERASE' },
};
const bodyFor = (method: string, route = '') =>
  method === 'GET' ? undefined : { data: VALID_BODIES[route] ?? {} };

/**
 * What STAFF of one station get for each route when they aim at another station's records:
 * 404 where the role may act (no oracle), 403 for manager-only actions, 200 for their own data.
 */
const STAFF_ACROSS_STATIONS: Record<string, number> = {
  'GET /api/admin/me': 200,
  'POST /api/admin/me/sign-out-everywhere': 0,
  'GET /api/admin/bookings': 404,
  // Phone orders: staff take them for their own station only.
  'POST /api/admin/bookings': 404,
  'GET /api/admin/availability': 404,
  'POST /api/admin/quotes': 404,
  'GET /api/admin/booking-customers': 404,
  'GET /api/admin/bookings/[id]': 404,
  'PATCH /api/admin/bookings/[id]': 404,
  'GET /api/admin/calendar': 404,
  'GET /api/admin/analytics/bookings': 404,
  'GET /api/admin/analytics/payments': 404,
  'GET /api/admin/analytics/customers': 404,
  'GET /api/admin/analytics/bookings.csv': 404,
  'POST /api/admin/bookings/[id]/cancel': 403,
  'POST /api/admin/payments/[id]/refund-settled': 403,
  'POST /api/admin/bookings/[id]/payments': 404,
  'POST /api/admin/bookings/[id]/status': 404,
  'PATCH /api/admin/bookings/[id]/notes': 404,
  'PATCH /api/admin/bookings/[id]/menu': 404,
  // Discounts, surcharges and the proposal e-mail are staff's, on their own station's bookings.
  'POST /api/admin/bookings/[id]/adjustments': 404,
  'POST /api/admin/bookings/[id]/proposal': 404,
  'GET /api/admin/bookings/[id]/proposal.pdf': 404,
  'GET /api/admin/analytics/adjustments': 404,
  // Terms: editing is the managers'; reading one version (an acceptance's) is staff's, here only.
  'GET /api/admin/stations/[slug]/terms': 403,
  'PUT /api/admin/stations/[slug]/terms': 403,
  'GET /api/admin/stations/[slug]/terms/[version]': 404,
  'GET /api/admin/prep-sheet': 404,
  'GET /api/admin/prep-sheet.csv': 404,
  'GET /api/admin/analytics/menu': 404,
  'GET /api/admin/stations/[slug]/menu': 404,
  'POST /api/admin/stations/[slug]/menu/items': 403,
  'PATCH /api/admin/menu-items/[id]': 403,
  'DELETE /api/admin/menu-items/[id]': 403,
  'GET /api/admin/outbox': 403,
  'POST /api/admin/outbox/[id]/retry': 403,
  'GET /api/admin/stations/[slug]': 403,
  'PATCH /api/admin/stations/[slug]': 403,
  'GET /api/admin/chefs': 403,
  'POST /api/admin/chefs': 403,
  'GET /api/admin/stations/[slug]/settings': 403,
  'PUT /api/admin/stations/[slug]/settings': 403,
  'GET /api/admin/stations/[slug]/chefs': 403,
  'POST /api/admin/stations/[slug]/chefs': 403,
  'PATCH /api/admin/chefs/[id]': 403,
  'POST /api/admin/chefs/[id]/deactivate': 403,
  'POST /api/admin/chefs/[id]/activate': 403,
  'GET /api/admin/stations': 403,
  'POST /api/admin/stations': 403,
  'POST /api/admin/stations/[slug]/deactivate': 403,
  'POST /api/admin/stations/[slug]/activate': 403,
  'GET /api/admin/staff': 403,
  'POST /api/admin/staff': 403,
  'PATCH /api/admin/staff/[id]': 403,
  'POST /api/admin/staff/[id]/deactivate': 403,
  'POST /api/admin/staff/[id]/activate': 403,
  'POST /api/admin/staff/[id]/unlock': 403,
  'POST /api/admin/staff/[id]/reset-password': 403,
  // Time off is for staff too (a chef's sick call reaches whoever answers): 404 elsewhere.
  'GET /api/admin/stations/[slug]/season': 404,
  'POST /api/admin/stations/[slug]/time-off': 404,
  'PATCH /api/admin/time-off/[id]': 404,
  'DELETE /api/admin/time-off/[id]': 404,
  'PUT /api/admin/chefs/[id]/weekly-off': 404,
  'POST /api/admin/chefs/[id]/feed': 403,
  // A chef account's own events: 403 to everyone else.
  'GET /api/admin/my-events': 403,
  'POST /api/admin/my-events/[id]/complete': 403,
  'POST /api/admin/my-events/[id]/start': 403,
  'PUT /api/admin/stations/[slug]/dates/[date]': 403,
  'DELETE /api/admin/stations/[slug]/dates/[date]': 403,
  // Conversations and the live channel are the station's: another station's answer 404.
  'GET /api/admin/conversations': 404,
  'GET /api/admin/conversations/unread': 404,
  'GET /api/admin/conversations/[id]': 404,
  'PATCH /api/admin/conversations/[id]': 404,
  'POST /api/admin/conversations/[id]/messages': 404,
  'POST /api/admin/conversations/[id]/read': 404,
  'GET /api/admin/live': 404,
  // A customer's data (export, erasure) is the super admin's alone.
  'GET /api/admin/customers': 403,
  'GET /api/admin/customers/[id]/export': 403,
  'POST /api/admin/customers/[id]/erase': 403,
};

/** A conversation a customer opened with a station, through the customer API: its id. */
async function conversationAt(station: string): Promise<string> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`conversation:${Math.random()}`) },
  });
  const response = await customer.post('/api/conversations', {
    data: {
      station,
      name: 'Scope Tester',
      email: `scope.${Date.now()}@example.com`,
      message: { clientMessageId: randomUUID(), body: 'Is this private?' },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = ((await response.json()) as { data: { id: string } }).data;
  await customer.dispose();
  return id;
}

test.describe('admin API security', () => {
  test('finds the admin routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes).toContainEqual({ path: '/api/admin/bookings/[id]/cancel', method: 'POST' });
  });

  test('every admin route answers 401 without a session', async ({ request }) => {
    for (const route of routes) {
      const response = await request.fetch(
        withId(route.path, '00000000-0000-4000-8000-000000000000'),
        {
          method: route.method,
          ...bodyFor(route.method),
        },
      );
      expect(response.status(), `${route.method} ${route.path}`).toBe(401);
      expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
    }
  });

  test("STAFF of one station cannot read or change another station's records", async () => {
    const newYork = await apiAs(BASE, manager('new-york'));
    const target = await heldBooking(newYork, 'new-york', 'America/New_York');
    const client = await database();
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "OutboxMessage" WHERE "bookingId" = $1 LIMIT 1`,
      [target.id],
    );
    await client.end();
    const before = await snapshot(newYork, target.id);
    const conversationId = await conversationAt('new-york');
    const threadBefore = await (
      await newYork.get(`/api/admin/conversations/${conversationId}`)
    ).json();

    const chicagoStaff = await apiAs(BASE, staff('chicago'));
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const expected = STAFF_ACROSS_STATIONS[key];
      expect(expected, `add ${key} to STAFF_ACROSS_STATIONS`).toBeDefined();
      if (expected === 0) continue;
      const id = route.path.includes('/outbox/')
        ? rows[0]!.id
        : route.path.includes('/stations/')
          ? 'new-york'
          : route.path.includes('/conversations/')
            ? conversationId
            : target.id;
      const url =
        withId(route.path, id) +
        (route.path === '/api/admin/calendar' || route.path.startsWith('/api/admin/analytics/')
          ? '?station=new-york&from=2030-01-01&to=2030-01-07'
          : route.path.startsWith('/api/admin/prep-sheet') ||
              route.path === '/api/admin/availability'
            ? '?station=new-york&date=2030-01-01'
            : route.path === '/api/admin/booking-customers'
              ? '?station=new-york&email=scope.tester%40example.com'
              : [
                    '/api/admin/bookings',
                    '/api/admin/outbox',
                    '/api/admin/conversations',
                    '/api/admin/conversations/unread',
                    '/api/admin/live',
                  ].includes(route.path)
                ? '?station=new-york'
                : '');
      const response = await chicagoStaff.fetch(url, {
        method: route.method,
        ...bodyFor(route.method, route.path),
      });
      expect(response.status(), key).toBe(expected);
    }
    // Nothing about the booking or the conversation changed.
    expect(await snapshot(newYork, target.id)).toEqual(before);
    expect(await (await newYork.get(`/api/admin/conversations/${conversationId}`)).json()).toEqual(
      threadBefore,
    );
    await Promise.all([newYork.dispose(), chicagoStaff.dispose()]);
  });

  test('manager-only actions answer 403 to STAFF of the same station', async () => {
    const managerApi = await apiAs(BASE, manager('phoenix'));
    const target = await heldBooking(managerApi, 'phoenix', 'America/Phoenix');
    const staffApi = await apiAs(BASE, staff('phoenix'));
    const cancel = await staffApi.post(`/api/admin/bookings/${target.id}/cancel`, {
      data: { reason: 'Trying my luck', refund: true },
    });
    expect(cancel.status()).toBe(403);
    expect((await staffApi.get('/api/admin/outbox')).status()).toBe(403);
    const detail = (await (await staffApi.get(`/api/admin/bookings/${target.id}`)).json()).data;
    expect(detail.status).toBe('PENDING_PAYMENT');
    expect(detail.actions).toMatchObject({ cancel: false, recordPayment: true });
    await Promise.all([managerApi.dispose(), staffApi.dispose()]);
  });

  test('only a super admin manages staff accounts, stations and customer data: a manager gets 403 on every such route', async () => {
    const managerApi = await apiAs(BASE, manager('phoenix'));
    const me = (await (await managerApi.get('/api/admin/me')).json()).data as { id: string };
    const before = await (await managerApi.get('/api/admin/me')).json();
    const bodies: Record<string, unknown> = {
      'POST /api/admin/staff': {
        email: 'sneaky@demo.hibachi.test',
        name: 'Sneaky',
        role: 'SUPER_ADMIN',
      },
      'PATCH /api/admin/staff/[id]': { role: 'SUPER_ADMIN' },
      'POST /api/admin/stations': { slug: 'sneaky', name: 'Sneaky', timezone: 'America/Phoenix' },
    };
    for (const route of routes.filter(
      (candidate) =>
        candidate.path.startsWith('/api/admin/staff') ||
        candidate.path.startsWith('/api/admin/customers') ||
        candidate.path === '/api/admin/stations' ||
        /\/stations\/\[slug\]\/(de)?activate$/.test(candidate.path),
    )) {
      const key = `${route.method} ${route.path}`;
      const response = await managerApi.fetch(
        withId(route.path, route.path.includes('[slug]') ? 'phoenix' : me.id),
        {
          method: route.method,
          ...(route.method === 'GET' ? {} : { data: bodies[key] ?? {} }),
        },
      );
      expect(response.status(), key).toBe(403);
    }
    // Still a manager, and no account or station was made.
    expect(await (await managerApi.get('/api/admin/me')).json()).toEqual(before);
    const client = await database();
    const { rowCount } = await client.query(
      `SELECT 1 FROM "StaffUser" WHERE email = $1 UNION ALL SELECT 1 FROM "Station" WHERE slug = $2`,
      ['sneaky@demo.hibachi.test', 'sneaky'],
    );
    await client.end();
    expect(rowCount).toBe(0);
    await managerApi.dispose();
  });

  test('an old cookie stops working after sign-out-everywhere or deactivation', async () => {
    const first = await apiAs(BASE, staff('denver'));
    const second = await apiAs(BASE, staff('denver'));
    expect((await second.get('/api/admin/me')).status()).toBe(200);
    expect((await first.post('/api/admin/me/sign-out-everywhere')).status()).toBe(200);
    expect((await second.get('/api/admin/me')).status()).toBe(401);

    const third = await apiAs(BASE, staff('los-angeles'));
    expect((await third.get('/api/admin/me')).status()).toBe(200);
    const client = await database();
    try {
      await client.query(`UPDATE "StaffUser" SET active = false WHERE email = $1`, [
        staff('los-angeles'),
      ]);
      expect((await third.get('/api/admin/bookings')).status()).toBe(401);
    } finally {
      await client.query(`UPDATE "StaffUser" SET active = true WHERE email = $1`, [
        staff('los-angeles'),
      ]);
      await client.end();
    }
    await Promise.all([first.dispose(), second.dispose(), third.dispose()]);
  });

  test('hostile bodies on admin writes get a 4xx envelope and change nothing', async () => {
    const api = await apiAs(BASE, SUPER_ADMIN);
    const target = await heldBooking(api, 'seattle', 'America/Los_Angeles');
    const before = await snapshot(api, target.id);
    const bodies = [
      '{"__proto__": {"isAdmin": true}, "notes": "x", "version": 1}',
      '{"constructor": {"prototype": {"x": 1}}, "reason": "abc", "refund": true}',
      '{"amountCents": 1e309, "method": "CASH"}',
      '{"status": "COMPLETED", "version": "1", "status": "NO_SHOW"}',
      `{"notes": "${'x'.repeat(70_000)}", "version": 1}`,
      '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
      '{"notes": "unterminated',
      '',
    ];
    for (const route of routes.filter(
      (candidate) =>
        candidate.method !== 'GET' &&
        candidate.path.includes('/bookings/') &&
        // (sending the proposal again reads no body)
        !candidate.path.endsWith('/proposal'),
    )) {
      for (const data of bodies) {
        const response = await api.fetch(withId(route.path, target.id), {
          method: route.method,
          data,
          headers: { 'Content-Type': 'application/json' },
        });
        expect(
          response.status(),
          `${route.method} ${route.path} ${data.slice(0, 40)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(response.status()).toBeLessThan(500);
        expect((await response.json()).error.requestId).toBeTruthy();
      }
      const wrongType = await api.fetch(withId(route.path, target.id), {
        method: route.method,
        data: 'notes=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(wrongType.status()).toBe(415);
    }
    expect(await snapshot(api, target.id)).toEqual(before);
    /** Every body to one route: each answer a 4xx. */
    const refusesEveryBody = async (method: string, path: string) => {
      for (const data of bodies) {
        const response = await api.fetch(path, {
          method,
          data,
          headers: { 'Content-Type': 'application/json' },
        });
        const label = `${method} ${path} ${data.slice(0, 40)}`;
        expect(response.status(), label).toBeGreaterThanOrEqual(400);
        expect(response.status(), label).toBeLessThan(500);
      }
    };
    // Station and chef writes: the same bodies; settings and chefs stay as they were.
    const stationState = async () => ({
      settings: await (await api.get('/api/admin/stations/seattle/settings')).json(),
      chefs: await (await api.get('/api/admin/stations/seattle/chefs')).json(),
      menu: await (await api.get('/api/admin/stations/seattle/menu')).json(),
    });
    const stationBefore = await stationState();
    const seattleChef = (stationBefore.chefs as { data: { id: string }[] }).data[0]!.id;
    const seattleItem = (stationBefore.menu as { data: { items: { id: string }[] } }).data.items[0]!
      .id;
    for (const route of routes.filter(
      (candidate) =>
        candidate.method !== 'GET' &&
        /\/(stations|chefs|menu-items)(\/|$)/.test(candidate.path) &&
        // (opening, closing, activation and a new feed URL read no body)
        !/\/(stations\/\[slug\]\/deactivate|activate|feed)$/.test(candidate.path),
    ))
      await refusesEveryBody(
        route.method,
        withId(
          route.path,
          route.path.includes('/chefs/[')
            ? seattleChef
            : route.path.includes('/menu-items/')
              ? seattleItem
              : 'seattle',
        ),
      );
    expect(await stationState()).toEqual(stationBefore);

    // Refund settlement, aimed at a refund really owed (cash, from a cancellation): still owed.
    const owing = await heldBooking(api, 'seattle', 'America/Los_Angeles');
    const cash = await api.post(`/api/admin/bookings/${owing.id}/payments`, {
      data: { amountCents: 5_000, method: 'CASH' },
    });
    expect(cash.status(), await cash.text()).toBe(201);
    const cancelled = await api.post(`/api/admin/bookings/${owing.id}/cancel`, {
      data: { reason: 'Hostile bodies test', refund: true },
    });
    expect(cancelled.status(), await cancelled.text()).toBe(200);
    const owedBefore = (await snapshot(api, owing.id)) as {
      payments: { id: string; refundOwedCents: number; refundSettledBy: string }[];
    };
    expect(owedBefore.payments[0]).toMatchObject({
      refundOwedCents: 5_000,
      refundSettledBy: 'CASH',
    });
    for (const route of routes.filter((candidate) =>
      candidate.path.startsWith('/api/admin/payments/'),
    ))
      await refusesEveryBody(route.method, withId(route.path, owedBefore.payments[0]!.id));
    expect(await snapshot(api, owing.id)).toEqual(owedBefore);

    // Staff writes, aimed at a demo manager's account: it stays as it was (other specs sign
    // in meanwhile, so the sign-in times are left out).
    const seattleManager = async () => {
      const { data } = (await (await api.get('/api/admin/staff')).json()) as {
        data: { id: string; email: string; lastLoginAt?: string }[];
      };
      const { lastLoginAt: _signedIn, ...account } = data.find(
        (row) => row.email === manager('seattle'),
      )!;
      return account;
    };
    const accountBefore = await seattleManager();
    for (const route of routes.filter(
      (candidate) =>
        candidate.method !== 'GET' &&
        candidate.path.startsWith('/api/admin/staff') &&
        // (the account actions read no body)
        !/\/(activate|deactivate|unlock|reset-password)$/.test(candidate.path),
    ))
      await refusesEveryBody(route.method, withId(route.path, accountBefore.id));
    expect(await seattleManager()).toEqual(accountBefore);

    // Erasure, aimed at a real customer (found by their whole e-mail): still there, unerased.
    const customerState = async () =>
      (await (
        await api.get(`/api/admin/customers?email=${encodeURIComponent(target.email)}`)
      ).json()) as {
        data: { id: string; erasedAt: string | null; name: string }[];
      };
    const customerBefore = await customerState();
    expect(customerBefore.data).toHaveLength(1);
    await refusesEveryBody('POST', `/api/admin/customers/${customerBefore.data[0]!.id}/erase`);
    expect(await customerState()).toEqual(customerBefore);
    await api.dispose();
  });

  test('hostile bodies on the set-password route get a 4xx envelope and set nothing', async () => {
    const bodies = [
      '{"__proto__": {"token": "x"}, "password": "copper grill evening 42"}',
      '{"token": {"$ne": null}, "password": "copper grill evening 42"}',
      `{"token": "${'a'.repeat(70_000)}", "password": "copper grill evening 42"}`,
      '{"token": "abc.def", "password": "copper grill evening 42"}',
      '{"token": "abc", "password": 1e309}',
      '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
      '{"token": "unterminated',
      '',
    ];
    const client = await apiAs(BASE, '');
    for (const data of bodies) {
      const response = await client.post('/api/set-password', {
        data,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status(), data.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status(), data.slice(0, 40)).toBeLessThan(500);
      expect((await response.json()).error.requestId).toBeTruthy();
    }
    // A few tries later the address is out of attempts: 429, before any password is hashed.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5 && !statuses.includes(429); attempt++)
      statuses.push(
        (
          await client.post('/api/set-password', {
            data: { token: 'abc.def', password: 'copper grill evening 42' },
          })
        ).status(),
      );
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set(statuses.length > 1 ? [404] : []));
    await client.dispose();
  });

  test('hostile bodies on the sign-in route get a 4xx envelope, never a session', async () => {
    const bodies = [
      '{"__proto__": {"email": "admin@demo.hibachi.test"}, "password": "x"}',
      '{"email": {"$ne": null}, "password": {"$ne": null}}',
      `{"email": "${'a'.repeat(70_000)}@x.test", "password": "demo-password-123"}`,
      '{"email": "admin@demo.hibachi.test", "password": 1e309}',
      '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
      '{"email": "unterminated',
      '',
      'null',
    ];
    for (const data of bodies) {
      const client = await apiAs(BASE, '');
      const response = await client.post('/api/session', {
        data,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status(), data.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      expect((await response.json()).error.requestId).toBeTruthy();
      expect((await client.get('/api/admin/me')).status()).toBe(401);
      await client.dispose();
    }
  });

  test('hostile query strings on admin reads get a 4xx envelope, never a 500', async () => {
    const api = await apiAs(BASE, SUPER_ADMIN);
    const queries = [
      '__proto__[from]=2026-01-01&from=2026-01-01&to=2026-01-31',
      'constructor[prototype][x]=1&from=2026-01-01&to=2026-01-31',
      // (past ~16 kB Node itself answers 431 before the app sees the request)
      `from=${'9'.repeat(10_000)}&to=2026-01-31`,
      'from=2026-01-01&to=2026-01-31&station=' + 'x'.repeat(5_000),
      'from[]=2026-01-01&to[][]=2026-01-31',
      'from=2026-01-01&to=2026-01-31&email=' + '%00'.repeat(300),
      'from=%E0%A4%A&to=2026-01-31',
      'from=2026-13-45&to=-1',
    ];
    for (const route of routes.filter(
      (candidate) => candidate.method === 'GET' && !candidate.path.includes('['),
    )) {
      for (const query of queries) {
        const response = await api.get(`${route.path}?${query}`);
        const label = `${route.path}?${query.slice(0, 40)}`;
        expect(response.status(), label).toBeLessThan(500);
        if (response.status() >= 400)
          expect((await response.json()).error.requestId, label).toBeTruthy();
      }
    }
    await api.dispose();
  });
});
