import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import {
  bookHoursAhead,
  bookOpenSlot,
  calendarPart,
  expect,
  mailAbout,
  openSlot,
  test,
  timeLabel,
} from '../fixtures';

/** The SEQUENCE and UID of the invite in an e-mail. */
function invite(text: string) {
  const event = new ICAL.Component(ICAL.parse(calendarPart(text))).getFirstSubcomponent('vevent')!;
  return {
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: String(event.getFirstPropertyValue('dtstart')),
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

    // The move's invite is the confirmation's event, at the new time.
    const confirmed = await mailAbout(body.customer.email, 'Confirmed: your hibachi chef');
    const moved = await mailAbout(body.customer.email, 'has moved');
    const [before, after] = [invite(confirmed.text), invite(moved.text)];
    expect(after.uid).toBe(before.uid);
    // (each invite is rendered at delivery: a confirmation sent after the move already has it)
    expect(after.sequence).toBeGreaterThanOrEqual(before.sequence);
    expect(after.sequence).toBeGreaterThan(1);
    expect(after.start).toBe(`${target.date}T${target.time}:00`);
  });

  test('inside the station’s reschedule notice the page says whom to call, and the API refuses', async ({
    page,
    request,
  }) => {
    // 49-71 hours ahead: past the 48-hour booking notice, inside the 72-hour reschedule notice.
    const { body, reference, manageUrl } = await bookHoursAhead(
      request,
      'london',
      'Europe/London',
      49,
      71,
    );
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

  test('at phone width the manage page with the date picker open scrolls nowhere sideways', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { response } = await bookOpenSlot(request, 'london', 'Europe/London', 28);
    expect(response.status(), await response.text()).toBe(201);
    const { manageUrl } = ((await response.json()) as { data: { manageUrl: string } }).data;
    await page.goto(manageUrl);
    await page.getByRole('button', { name: 'Change date or time' }).click();
    await expect(page.getByRole('group', { name: 'Dates' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });
});
