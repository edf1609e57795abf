import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import {
  bookingBody,
  bookOpenSlot,
  expect,
  mailAbout,
  openSlot,
  slotHoursAhead,
  test,
  timeLabel,
} from '../fixtures';

/** The SEQUENCE and UID of the invite in a raw e-mail body (quoted-printable or base64). */
function invite(text: string) {
  const start = text.search(/Content-Type: text\/calendar/i);
  expect(start, 'a text/calendar part').toBeGreaterThan(-1);
  const part = text.slice(start);
  const body = part
    .slice(part.search(/\n\s*\n/))
    .trim()
    .split(/\n--/)[0]!;
  const ics = /Content-Transfer-Encoding: base64/i.test(part.slice(0, 300))
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  return {
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
  };
}

async function pickSlot(page: Page, slot: { date: string; time: string }) {
  const day = new Date(`${slot.date}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  await page
    .getByRole('group', { name: 'Dates' })
    .getByRole('button', { name: new RegExp(`${day}(?!\\d)`) })
    .click();
  await page
    .getByRole('group', { name: 'Start times' })
    .getByRole('button', { name: new RegExp(`^${timeLabel(slot.time)} `) })
    .click();
}

test.describe('customer self-reschedule', () => {
  test('a customer moves their paid booking from the manage page; the new invite updates the same event', async ({
    page,
    request,
  }) => {
    const { body, response } = await bookOpenSlot(request, 'london', 'Europe/London', 26);
    expect(response.status(), await response.text()).toBe(201);
    const booking = (
      (await response.json()) as {
        data: { reference: string; paymentUrl: string; date: string; time: string };
      }
    ).data;
    await page.goto(booking.paymentUrl);
    await page.getByRole('button', { name: 'Pay £100 deposit' }).click();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();
    await page.getByRole('link', { name: 'View or manage your booking' }).click();

    const section = page.getByRole('region', { name: 'Date and time' });
    await expect(section.getByTestId('reschedule-policy')).toContainText('2 more times');
    await section.getByRole('button', { name: 'Change date or time' }).click();
    const target = await openSlot(request, 'london', 'Europe/London', 30);
    await pickSlot(page, target);
    await section.getByRole('button', { name: /^Move to / }).click();
    await expect(section.getByTestId('reschedule-outcome')).toContainText('Moved to');
    await expect(section.getByTestId('reschedule-policy')).toContainText('once more');

    const stored = (await (
      await request.get(
        `/api/bookings/${booking.reference}?email=${encodeURIComponent(body.customer.email)}`,
      )
    ).json()) as { data: { date: string; time: string; status: string; paidCents: number } };
    expect(stored.data).toMatchObject({
      date: target.date,
      time: target.time,
      status: 'CONFIRMED',
      paidCents: 10_000,
    });

    // The move's invite is the confirmation's event, a sequence later at least.
    const confirmed = await mailAbout(body.customer.email, 'Confirmed: your hibachi chef');
    const moved = await mailAbout(body.customer.email, 'has moved');
    const [before, after] = [invite(confirmed.text), invite(moved.text)];
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  test('inside the station’s reschedule notice the page says whom to call, and the API refuses', async ({
    page,
    request,
  }) => {
    // 49-71 hours ahead: past the 48-hour booking notice, inside the 72-hour reschedule notice.
    const slot = await slotHoursAhead(request, 'london', 'Europe/London', 49, 71);
    const body = bookingBody({ station: 'london', ...slot });
    const created = await request.post('/api/bookings', { data: body });
    expect(created.status(), await created.text()).toBe(201);
    const { reference, manageUrl } = (
      (await created.json()) as { data: { reference: string; manageUrl: string } }
    ).data;
    await page.goto(manageUrl);
    const section = page.getByRole('region', { name: 'Date and time' });
    await expect(section.getByTestId('reschedule-policy')).toContainText(
      'To move it, reply to your confirmation e-mail or call London',
    );
    await expect(section.getByRole('button', { name: 'Change date or time' })).toHaveCount(0);

    const current = (await (
      await request.get(
        `/api/bookings/${reference}?email=${encodeURIComponent(body.customer.email)}`,
      )
    ).json()) as { data: { version: number } };
    const target = await openSlot(request, 'london', 'Europe/London', 20);
    const refused = await request.post(`/api/bookings/${reference}/reschedule`, {
      data: { email: body.customer.email, ...target, version: current.data.version },
    });
    expect(refused.status()).toBe(409);
    expect(
      ((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('RESCHEDULE_CLOSED');
  });
});
