import { ZAvailability, ZAvailabilityDays } from '@hibachi/core/availability/availability.schema';
import { ZCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import {
  ZCancellationResult,
  ZCustomerBooking,
} from '@hibachi/core/bookings/customer-booking.schema';
import { ZStaffCancellation } from '@hibachi/core/bookings/staff-cancel.schema';
import { ZQuote } from '@hibachi/core/pricing/quote.schema';
import { ZStationSummary } from '@hibachi/core/stations/station.schema';
import { ZStationSettingsView } from '@hibachi/core/stations/station-settings.schema';
import { apiAs, heldBooking, manager } from '../admin/admin-fixtures';
import { bookOpenSlot, dateIn, expect, test } from '../fixtures';
import { ADMIN_PORT } from '../ports';

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
