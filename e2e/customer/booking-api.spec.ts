import { CUSTOMER_PORT, CUSTOMER_SECOND_PORT } from '../ports';
import {
  addressFor,
  availability,
  bookingBody,
  bookOpenSlot,
  database,
  dateIn,
  expect,
  openSlot,
  slotWithFreeChefs,
  test,
} from '../fixtures';

type Created = { data: { reference: string; status: string; manageUrl: string } };
type Failure = { error: { code: string; details?: Record<string, unknown> } };

test.describe('booking API on a production build', () => {
  test('50 simultaneous requests for a time with 2 free chefs: exactly 2 bookings, 48 × 409, no 500, no overlap', async ({
    request,
    playwright,
  }) => {
    const station = 'phoenix';
    const { date, time } = await slotWithFreeChefs(request, station, 'America/Phoenix', 20, 2);

    const context = await playwright.request.newContext({
      baseURL: `http://localhost:${CUSTOMER_PORT}`,
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        context.post('/api/bookings', {
          data: bookingBody({ station, date, time }),
          headers: { 'X-Forwarded-For': addressFor(`race:${date}:${time}:${index}`) },
          timeout: 60_000,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status());
    const unexpected = responses.filter((response) => ![201, 409].includes(response.status()));
    expect(await Promise.all(unexpected.map((response) => response.text()))).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 409)).toHaveLength(48);
    for (const response of responses.filter((candidate) => candidate.status() === 409)) {
      const body = (await response.json()) as Failure;
      expect(body.error.code).toBe('CONFLICT');
      expect(body.error.details?.reason).toBe('SLOT_TAKEN');
    }
    await context.dispose();

    const slot = (await availability(request, station, date)).find(
      (candidate) => candidate.time === time,
    );
    expect(slot?.available).toBe(0);
    const client = await database();
    const overlaps = await client.query(`
      SELECT count(*)::int AS count FROM "Booking" a JOIN "Booking" b
        ON a."chefId" = b."chefId" AND a.id < b.id
       AND a.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
       AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")`);
    await client.end();
    expect(overlaps.rows[0].count).toBe(0);
  });

  test('the 6th booking attempt in a minute from one address gets 429 with Retry-After, counted across two app processes', async ({
    playwright,
    clientAddress,
  }) => {
    const first = await playwright.request.newContext({
      baseURL: `http://localhost:${CUSTOMER_PORT}`,
      extraHTTPHeaders: { 'X-Forwarded-For': clientAddress },
    });
    const second = await playwright.request.newContext({
      baseURL: `http://localhost:${CUSTOMER_SECOND_PORT}`,
      extraHTTPHeaders: { 'X-Forwarded-For': clientAddress },
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push(
        (
          await (attempt % 2 === 0 ? first : second).post('/api/bookings', {
            data: { station: 'denver' },
          })
        ).status(),
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const limited = await second.post('/api/bookings', { data: { station: 'denver' } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(((await limited.json()) as Failure).error.code).toBe('RATE_LIMITED');
    expect((await first.post('/api/bookings', { data: {} })).status()).toBe(429);
    await Promise.all([first.dispose(), second.dispose()]);
  });

  test('bad input answers 400/413/415 with field details and writes nothing', async ({
    request,
  }) => {
    const date = dateIn('America/Denver', 12);
    const unknown = await request.post('/api/bookings', {
      data: bookingBody({ station: 'denver', date, time: '12:00', discountCents: 5000 }),
    });
    expect(unknown.status()).toBe(400);
    expect(((await unknown.json()) as Failure).error.details).toEqual({
      discountCents: ['Unknown field'],
    });

    const badTime = await request.post('/api/bookings', {
      data: bookingBody({ station: 'denver', date, time: '25:99' }),
    });
    expect(badTime.status()).toBe(400);
    expect(((await badTime.json()) as Failure).error.details).toHaveProperty('time');

    const huge = await request.post('/api/bookings', {
      data: bookingBody({
        station: 'denver',
        date,
        time: '12:00',
        specialRequests: 'x'.repeat(70_000),
      }),
    });
    expect(huge.status()).toBe(413);

    const form = await request.post('/api/bookings', { form: { station: 'denver' } });
    expect(form.status()).toBe(415);
  });

  test('the same Idempotency-Key returns the same booking; a different body with it is refused', async ({
    request,
  }) => {
    const body = bookingBody({
      station: 'denver',
      ...(await openSlot(request, 'denver', 'America/Denver', 14)),
    });
    const key = `e2e-${Date.now()}-idem`;
    const first = await request.post('/api/bookings', {
      data: body,
      headers: { 'Idempotency-Key': key },
    });
    const replay = await request.post('/api/bookings', {
      data: body,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status()).toBe(201);
    expect(replay.status()).toBe(201);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    expect(((await replay.json()) as Created).data.reference).toBe(
      ((await first.json()) as Created).data.reference,
    );
    const mismatch = await request.post('/api/bookings', {
      data: { ...body, adults: 9 },
      headers: { 'Idempotency-Key': key },
    });
    expect(mismatch.status()).toBe(409);
  });

  test('a customer reads and cancels only their own booking; wrong e-mails get 404', async ({
    request,
  }) => {
    const { body, response } = await bookOpenSlot(request, 'denver', 'America/Denver', 16);
    expect(response.status()).toBe(201);
    const created = ((await response.json()) as Created).data;
    const email = (body.customer as { email: string }).email;

    const mine = await request.get(
      `/api/bookings/${created.reference}?email=${encodeURIComponent(email)}`,
    );
    expect(mine.status()).toBe(200);
    const wrong = await request.get(
      `/api/bookings/${created.reference}?email=someone.else@example.com`,
    );
    expect(wrong.status()).toBe(404);
    const token = new URL(created.manageUrl, 'http://x').searchParams.get('token')!;
    expect(
      (
        await request.get(`/api/bookings/${created.reference}?token=${encodeURIComponent(token)}`)
      ).status(),
    ).toBe(200);

    const cancelled = await request.post(`/api/bookings/${created.reference}/cancel`, {
      data: { token },
    });
    expect(cancelled.status()).toBe(200);
    const result = (await cancelled.json()) as {
      data: { booking: { status: string }; refund: { status: string } };
    };
    expect(result.data.booking.status).toBe('CANCELLED');
    expect(result.data.refund.status).toBe('NONE');
  });

  test('booking lookups are rate limited per address', async ({ request }) => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push(
        (await request.get(`/api/bookings/HB-AAAAAA?email=nobody@example.com`)).status(),
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
  });
});
