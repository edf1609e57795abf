import { openSealed } from '../sealed-data';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { addressFor, database, expect, test } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';
import { DEMO_PASSWORD, SUPER_ADMIN } from '../admin/admin-fixtures';

/**
 * Every route of both apps that reads a JSON (or raw) body, found from the route files so a
 * new one is covered without being listed, gets a battery of hostile bodies: it must answer
 * a 4xx JSON envelope every time, never a 5xx, and write nothing.
 */
type BodyRoute = { app: 'customer' | 'admin'; path: string; method: string };

const APPS = path.resolve(import.meta.dirname, '../../apps');
const MARKER = `hostile${Date.now()}`;
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000dead';

function discoverBodyRoutes(app: BodyRoute['app']): BodyRoute[] {
  const root = path.join(APPS, app, 'app/api');
  const found: BodyRoute[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const relative = path.relative(root, directory).split(path.sep).join('/');
        // Each exported handler up to the next export; one that never reads the body (a
        // sign-out, an activation) has nothing to be hostile to.
        const handlers = readFileSync(full, 'utf8').split(/(?=^export )/m);
        for (const handler of handlers) {
          const method = /^export const (POST|PUT|PATCH|DELETE)\b/.exec(handler)?.[1];
          if (method && /read(Json|Raw)Body\(/.test(handler))
            found.push({ app, path: `/api/${relative}`, method });
        }
      }
    }
  };
  walk(root);
  return found;
}

/** Path parameters that exist nowhere, so even a body that slipped through could change nothing. */
const concrete = (route: string) =>
  route.replace(/\[(id)\]/g, NO_SUCH_ID).replace(/\[[^\]]+\]/g, `${MARKER}-nowhere`);

const long = (bytes: number) => `${MARKER}-${'x'.repeat(bytes)}`;
const nested = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Raw bodies and the content type each is sent with. */
const BODIES: { label: string; body: string | Buffer; type?: string }[] = [
  { label: '__proto__ at the top', body: `{"__proto__": {"polluted": "${MARKER}"}}` },
  {
    label: 'prototype keys one and two levels down',
    body: `{"customer": {"__proto__": {"email": "${MARKER}@x.test"}}, "address": {"constructor": {"prototype": {"polluted": 1}}}, "prototype": {"__proto__": null}}`,
  },
  {
    label: 'prototype keys beside valid-looking fields',
    body: `{"station": "new-york", "constructor": {"name": "${MARKER}"}, "__proto__": [], "version": 1}`,
  },
  { label: '10,000 nested arrays', body: nested(10_000, '[', ']', '') },
  { label: '10,000 nested objects', body: nested(10_000, '{"a":', '}', '1') },
  {
    label: 'a 60 kB string',
    body: JSON.stringify({ name: long(60_000), notes: long(60_000).slice(0, 60_000) }),
  },
  { label: 'a 64 kB string (over the cap)', body: JSON.stringify({ notes: long(65_536) }) },
  {
    label: 'numbers out of range',
    body: '{"adults": 1e309, "amountCents": -1e309, "version": 1e309, "children": -0}',
  },
  {
    label: 'numbers as strings',
    body: '{"adults": "NaN", "children": "-0", "amountCents": "Infinity", "version": "1"}',
  },
  {
    label: 'arrays where objects belong',
    body: '{"customer": [], "address": [1, 2], "input": [[]]}',
  },
  { label: 'a top-level array', body: '[{"station": "new-york"}]' },
  {
    label: 'duplicate keys',
    body: `{"station": "new-york", "station": "${MARKER}", "version": 1, "version": "2"}`,
  },
  {
    label: 'invalid UTF-8',
    body: Buffer.concat([
      Buffer.from('{"name": "'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]),
  },
  { label: 'JSON null', body: 'null' },
  { label: 'a bare string', body: '"just a string"' },
  { label: 'unterminated JSON', body: '{"station": "new-' },
  { label: 'an empty body', body: '' },
  { label: 'a wrong Content-Type', body: '{}', type: 'text/plain' },
  {
    label: 'a form body',
    body: 'station=new-york&adults=4',
    type: 'application/x-www-form-urlencoded',
  },
];

async function client(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

test.describe('hostile bodies on every route that reads one', () => {
  const routes = [...discoverBodyRoutes('customer'), ...discoverBodyRoutes('admin')];

  test('finds the body-reading routes of both apps', () => {
    expect(routes).toContainEqual({ app: 'customer', path: '/api/bookings', method: 'POST' });
    expect(routes).toContainEqual({ app: 'customer', path: '/api/quotes', method: 'POST' });
    expect(routes).toContainEqual({
      app: 'customer',
      path: '/api/payments/stripe/webhook',
      method: 'POST',
    });
    expect(routes).toContainEqual({ app: 'admin', path: '/api/session', method: 'POST' });
    // (signing out reads no body)
    expect(routes).not.toContainEqual({ app: 'admin', path: '/api/session', method: 'DELETE' });
    expect(routes).toContainEqual({
      app: 'admin',
      path: '/api/admin/bookings/[id]/notes',
      method: 'PATCH',
    });
    for (const [app, path, method] of [
      ['customer', '/api/bookings/[reference]/menu', 'PATCH'],
      ['customer', '/api/bookings/[reference]/reschedule', 'POST'],
      ['customer', '/api/bookings/[reference]/balance-checkout', 'POST'],
      ['admin', '/api/admin/bookings', 'POST'],
      ['admin', '/api/admin/quotes', 'POST'],
      ['admin', '/api/admin/bookings/[id]/menu', 'PATCH'],
      ['admin', '/api/admin/payments/[id]/refund-settled', 'POST'],
      ['admin', '/api/admin/stations/[slug]/menu/items', 'POST'],
      ['admin', '/api/admin/menu-items/[id]', 'PATCH'],
      ['admin', '/api/admin/stations/[slug]/time-off', 'POST'],
      ['admin', '/api/admin/time-off/[id]', 'PATCH'],
      ['admin', '/api/admin/chefs/[id]/weekly-off', 'PUT'],
      ['admin', '/api/admin/my-events/[id]/complete', 'POST'],
      ['admin', '/api/admin/my-events/[id]/start', 'POST'],
      ['admin', '/api/admin/stations/[slug]/dates/[date]', 'PUT'],
      ['customer', '/api/conversations', 'POST'],
      ['customer', '/api/conversations/current/messages', 'POST'],
      ['customer', '/api/conversations/current/read', 'POST'],
      ['admin', '/api/admin/conversations/[id]', 'PATCH'],
      ['admin', '/api/admin/conversations/[id]/messages', 'POST'],
      ['admin', '/api/admin/conversations/[id]/read', 'POST'],
    ] as const)
      expect(routes).toContainEqual({ app, path, method });
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  test('always a 4xx JSON envelope, never a 5xx, and nothing written', async () => {
    test.setTimeout(180_000);
    const customer = await client(`http://localhost:${CUSTOMER_PORT}`);
    const admin = await client(`http://localhost:${ADMIN_PORT}`);
    const signIn = await admin.post('/api/session', {
      data: { email: SUPER_ADMIN, password: DEMO_PASSWORD },
      headers: { 'X-Forwarded-For': addressFor(`hostile-sign-in:${MARKER}`) },
    });
    expect(signIn.status()).toBe(200);

    const failures: string[] = [];
    for (const route of routes) {
      const api = route.app === 'customer' ? customer : admin;
      for (const { label, body, type } of BODIES) {
        const response = await api.fetch(concrete(route.path), {
          method: route.method,
          data: body,
          headers: {
            'Content-Type': type ?? 'application/json',
            // Each request from its own address: per-address limits must not hide the answer.
            'X-Forwarded-For': addressFor(`${MARKER}:${route.path}:${label}:${Math.random()}`),
          },
        });
        const status = response.status();
        const text = await response.text();
        let code: unknown;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = undefined;
        }
        // (an admin route answering 401 would mean the session was lost and nothing was tried)
        const unauthenticated = route.path.startsWith('/api/admin/') && status === 401;
        if (status < 400 || status >= 500 || typeof code !== 'string' || unauthenticated)
          failures.push(
            `${route.method} ${route.path} with ${label}: ${status} ${text.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);

    // Still signed in (nothing hostile ended the session), and no row carries the marker.
    expect((await admin.get('/api/admin/me')).status()).toBe(200);
    const db = await database();
    const { rows } = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "StaffUser" WHERE email LIKE $1 OR name LIKE $1)
            + (SELECT count(*) FROM "Station" WHERE slug LIKE $1 OR name LIKE $1)
            + (SELECT count(*) FROM "Chef" WHERE name LIKE $1)
            + (SELECT count(*) FROM "MenuItem" WHERE name LIKE $1 OR description LIKE $1) AS n`,
      [`%${MARKER}%`],
    );
    // Customer data is sealed at rest: opened with the run's key, then searched.
    const sealed = await db.query(
      `SELECT email, name, phone FROM "Customer"
       UNION ALL SELECT notes, "specialRequests", "addressLine1" FROM "Booking"
       UNION ALL SELECT "customerName", "customerEmail", NULL FROM "Conversation"
       UNION ALL SELECT body, NULL, NULL FROM "ConversationMessage"`,
    );
    await db.end();
    expect(JSON.stringify(openSealed(sealed.rows))).not.toContain(MARKER);
    expect(Number(rows[0]!.n)).toBe(0);
    await Promise.all([customer.dispose(), admin.dispose()]);
  });
});
