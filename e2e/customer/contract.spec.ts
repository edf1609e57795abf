import { randomUUID } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { ZAvailability, ZAvailabilityDays } from '@hibachi/core/availability/availability.schema';
import { ZCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import {
  ZCancellationResult,
  ZCustomerBooking,
} from '@hibachi/core/bookings/customer-booking.schema';
import { ZStaffCancellation } from '@hibachi/core/bookings/staff-cancel.schema';
import { ZCustomerConversation } from '@hibachi/core/conversations/conversation.schema';
import { ADMIN_API, ADMIN_OPERATIONS } from '@hibachi/core/openapi/admin-api';
import { ZQuote } from '@hibachi/core/pricing/quote.schema';
import { ZPublicMenu, ZStationSummary } from '@hibachi/core/stations/station.schema';
import { ZStationSettingsView } from '@hibachi/core/stations/station-settings.schema';
import { ZTermsVersion } from '@hibachi/core/terms/terms.schema';
import type { ApiOperation } from '@hibachi/core/openapi/api-operation';
import { apiAs, heldBooking, manager, SUPER_ADMIN } from '../admin/admin-fixtures';
import { addressFor, bookOpenSlot, dateIn, expect, test } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';

/**
 * The response schemas in core describe what the apps answer: each is parsed here against a
 * real answer (a missing or mistyped field fails), so they cannot drift from the handlers.
 */
function strictData<T>(schema: { parse: (value: unknown) => T }, body: unknown): T {
  expect(Object.keys(body as object)).toEqual(['data']);
  return schema.parse((body as { data: unknown }).data);
}

test.describe('responses match the shared schemas', () => {
  test('customer API', async ({ request }) => {
    const stations = strictData(
      { parse: (value: unknown) => (value as unknown[]).map((one) => ZStationSummary.parse(one)) },
      await (await request.get('/api/stations')).json(),
    );
    expect(stations.length).toBeGreaterThan(0);

    const date = dateIn('America/Chicago', 21);
    const availability = strictData(
      ZAvailability,
      await (await request.get(`/api/availability?station=chicago&date=${date}`)).json(),
    );
    expect(availability.slots.length).toBeGreaterThan(0);
    const days = strictData(
      ZAvailabilityDays,
      await (
        await request.get(
          `/api/availability/days?station=chicago&from=${dateIn('America/Chicago', 0)}`,
        )
      ).json(),
    );
    expect(days.days).toHaveLength(35);

    const quote = strictData(
      ZQuote,
      await (
        await request.post('/api/quotes', { data: { station: 'chicago', adults: 8, children: 2 } })
      ).json(),
    );
    expect(quote.totalCents).toBeGreaterThan(0);

    const { response } = await bookOpenSlot(request, 'chicago', 'America/Chicago', 22);
    expect(response.status()).toBe(201);
    const created = strictData(ZCreatedBooking, await response.json());
    const token = new URL(created.manageUrl, 'http://x').searchParams.get('token')!;
    const read = await request.get(
      `/api/bookings/${created.reference}?token=${encodeURIComponent(token)}`,
    );
    strictData(ZCustomerBooking, await read.json());
    const cancelled = await request.post(`/api/bookings/${created.reference}/cancel`, {
      data: { token },
    });
    expect(strictData(ZCancellationResult, await cancelled.json()).booking.status).toBe(
      'CANCELLED',
    );
  });

  test('admin API: station settings and a staff cancellation', async () => {
    const admin = await apiAs(`http://localhost:${ADMIN_PORT}`, manager('chicago'));
    strictData(
      ZStationSettingsView,
      await (await admin.get('/api/admin/stations/chicago/settings')).json(),
    );
    const target = await heldBooking(admin, 'chicago', 'America/Chicago');
    const cancelled = await admin.post(`/api/admin/bookings/${target.id}/cancel`, {
      data: { reason: 'Checking the contract', refund: false },
    });
    expect(strictData(ZStaffCancellation, await cancelled.json()).status).toBe('CANCELLED');
    await admin.dispose();
  });

  test('each app serves its OpenAPI 3.1 document at /api/openapi.json', async ({ request }) => {
    for (const base of ['', `http://localhost:${ADMIN_PORT}`]) {
      const response = await request.get(`${base}/api/openapi.json`);
      expect(response.status()).toBe(200);
      const document = (await response.json()) as { openapi: string; paths: object };
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toContain(
        base ? '/api/admin/bookings/{id}' : '/api/bookings',
      );
    }
  });
});

/**
 * A real answer against its operation's schema, both ways: the parse finds no issue, and it
 * keeps everything that came (a zod object drops what it does not describe, so a field the
 * handler sends and the schema leaves out makes the two differ).
 */
function expectAnswerMatches(label: string, schema: AnswerSchema, body: unknown): void {
  expect(Object.keys(body as object), label).toEqual(['data']);
  const data = (body as { data: unknown }).data;
  const parsed = schema.safeParse(data);
  expect(parsed.error?.issues ?? [], label).toEqual([]);
  expect(parsed.data, `${label}: fields the schema does not describe`).toEqual(data);
}

/** `/api/admin/bookings/{id}` with `{ id }`, and the query. */
function url(path: string, names: Record<string, string> = {}, query: Record<string, string> = {}) {
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(names[name] ?? `missing-${name}`),
  );
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
}

/** The admin operations a contract call must cover: every JSON GET of the operation list. */
type AdminJsonGet = {
  [Name in keyof typeof ADMIN_API]: (typeof ADMIN_API)[Name] extends { method: 'get' }
    ? (typeof ADMIN_API)[Name] extends { responseType: string }
      ? never
      : Name
    : never;
}[keyof typeof ADMIN_API];

type AdminCall = {
  as?: 'admin' | 'chef';
  path?: Record<string, string>;
  query?: Record<string, string>;
};

test.describe('every GET answer matches its operation schema', () => {
  test('admin app: each JSON GET of the operation list, on seeded data', async () => {
    const base = `http://localhost:${ADMIN_PORT}`;
    const admin = await apiAs(base, SUPER_ADMIN);
    const chef = await apiAs(base, 'chef@phoenix.demo.hibachi.test');
    const read = async (path: string) => (await (await admin.get(path)).json()) as { data: never };

    // Records to read: a completed booking (payments, history, e-mails), its customer, a
    // conversation a customer just opened.
    const done = await read('/api/admin/bookings?station=chicago&status=COMPLETED&limit=1');
    const booking = (done.data as { items: { id: string; date: string }[] }).items[0];
    expect(booking).toBeDefined();
    const bookingId = booking?.id ?? '';
    const detail = (await read(`/api/admin/bookings/${bookingId}`)).data as {
      customer: { id: string; email: string };
    };
    const conversationId = await openConversation('chicago');
    const from = dateIn('America/Chicago', -30);
    const to = dateIn('America/Chicago', 30);
    const range = { from, to, station: 'chicago' };

    const calls: Record<AdminJsonGet, AdminCall> = {
      me: {},
      bookings: { query: { station: 'chicago', limit: '5' } },
      booking: { path: { id: bookingId } },
      prepSheet: { query: { date: booking?.date ?? from, station: 'chicago' } },
      calendar: { query: range },
      bookingKpis: { query: range },
      paymentAnalytics: { query: range },
      customerAnalytics: { query: { ...range, email: detail.customer.email } },
      menuAnalytics: { query: range },
      outbox: { query: { station: 'chicago', limit: '10' } },
      stations: {},
      stationSettings: { path: { slug: 'chicago' } },
      station: { path: { slug: 'chicago' } },
      stationMenu: { path: { slug: 'chicago' } },
      callerChefs: { query: { station: 'chicago' } },
      chefs: { path: { slug: 'chicago' } },
      myEvents: { as: 'chef' },
      season: { path: { slug: 'chicago' }, query: { from, to } },
      staffAccounts: {},
      conversations: { query: { station: 'chicago', status: 'ALL' } },
      unreadConversations: { query: { station: 'chicago' } },
      conversation: { path: { id: conversationId } },
      customers: { query: { email: detail.customer.email } },
      exportCustomer: { path: { id: detail.customer.id } },
      staffAvailability: { query: { station: 'chicago', date: dateIn('America/Chicago', 3) } },
      bookingCustomer: { query: { station: 'chicago', email: detail.customer.email } },
      termsHistory: { path: { slug: 'chicago' } },
      termsVersion: { path: { slug: 'chicago', version: '1' } },
      adjustmentAnalytics: { query: range },
    };
    const jsonGets = Object.entries(ADMIN_API)
      .filter(([, operation]) => operation.method === 'get' && !('responseType' in operation))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(calls).sort()).toEqual(jsonGets);

    for (const [name, call] of Object.entries(calls) as [AdminJsonGet, AdminCall][]) {
      const operation = ADMIN_API[name];
      const response = await (call.as === 'chef' ? chef : admin).get(
        url(operation.path, call.path, call.query),
      );
      expect(response.status(), `${name}: ${await response.text()}`).toBe(200);
      expectAnswerMatches(name, operation.response, await response.json());
    }
    for (const operation of ADMIN_OPERATIONS) {
      if (!operation.path.startsWith('/api/health/') || operation.responseType !== undefined)
        continue;
      const response = await admin.get(operation.path);
      expectAnswerMatches(operation.path, operation.response, await response.json());
    }
    await admin.dispose();
    await chef.dispose();
  });

  test('customer app: each JSON GET its OpenAPI document lists, on seeded data', async ({
    request,
  }) => {
    const document = (await (await request.get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, OpenApiAnswer> }>>;
    };
    const jsonGets = Object.entries(document.paths)
      .filter(([, byMethod]) => {
        const answer = byMethod.get?.responses['200']?.content?.['application/json']?.schema;
        return answer?.properties?.data !== undefined;
      })
      .map(([path]) => path)
      .sort();

    const { response: created } = await bookOpenSlot(request, 'chicago', 'America/Chicago', 23);
    expect(created.status()).toBe(201);
    const { reference, manageUrl } = (
      (await created.json()) as {
        data: { reference: string; manageUrl: string };
      }
    ).data;
    const token = new URL(manageUrl, 'http://x').searchParams.get('token') ?? '';
    const customer = await customerWithConversation('chicago');
    const health = (path: string) => {
      const operation = ADMIN_OPERATIONS.find((candidate) => candidate.path === path);
      if (!operation || operation.responseType !== undefined) throw new Error(`no ${path}`);
      return operation.response;
    };
    const calls: Record<string, { schema: AnswerSchema; url: string; as?: APIRequestContext }> = {
      '/api/stations': { schema: ZStationSummary.array(), url: '/api/stations' },
      '/api/stations/{slug}/menu': { schema: ZPublicMenu, url: '/api/stations/chicago/menu' },
      '/api/stations/{slug}/terms': { schema: ZTermsVersion, url: '/api/stations/chicago/terms' },
      '/api/stations/{slug}/terms/{version}': {
        schema: ZTermsVersion,
        url: '/api/stations/chicago/terms/1',
      },
      '/api/availability': {
        schema: ZAvailability,
        url: `/api/availability?station=chicago&date=${dateIn('America/Chicago', 21)}`,
      },
      '/api/availability/days': {
        schema: ZAvailabilityDays,
        url: `/api/availability/days?station=chicago&from=${dateIn('America/Chicago', 0)}`,
      },
      '/api/bookings/{reference}': {
        schema: ZCustomerBooking,
        url: `/api/bookings/${reference}?token=${encodeURIComponent(token)}`,
      },
      '/api/conversations/current': {
        schema: ZCustomerConversation,
        url: '/api/conversations/current',
        as: customer,
      },
      '/api/health/live': { schema: health('/api/health/live'), url: '/api/health/live' },
      '/api/health/ready': { schema: health('/api/health/ready'), url: '/api/health/ready' },
    };
    expect(Object.keys(calls).sort()).toEqual(jsonGets);
    for (const [path, call] of Object.entries(calls)) {
      const response = await (call.as ?? request).get(call.url);
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      expectAnswerMatches(path, call.schema, await response.json());
    }
    await customer.dispose();
  });
});

/** The zod schema of a JSON answer's `data`. */
type AnswerSchema = Exclude<ApiOperation['response'], string>;

type OpenApiAnswer = {
  content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
};

/** A customer of their own (cookie jar) who has opened a conversation with a station. */
async function customerWithConversation(station: string): Promise<APIRequestContext> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`contract-chat:${Math.random()}`) },
  });
  const response = await customer.post('/api/conversations', {
    data: {
      station,
      name: 'Contract Tester',
      email: `contract.${Date.now()}@example.com`,
      message: { clientMessageId: randomUUID(), body: 'Do you bring the grill?' },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return customer;
}

/** The id of a conversation a customer opened with a station. */
async function openConversation(station: string): Promise<string> {
  const customer = await customerWithConversation(station);
  const current = (await (await customer.get('/api/conversations/current')).json()) as {
    data: { id: string };
  };
  await customer.dispose();
  return current.data.id;
}
