import ICAL from 'ical.js';
import { bookOpenSlot, calendarPart, expect, mailAbout, test } from '../fixtures';

/** The first VEVENT of an iCalendar text, read with ical.js. */
function readInvite(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    zone: calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
    location: event.getFirstPropertyValue('location'),
  };
}

test.describe('calendar invites', () => {
  test('the confirmation e-mail and the confirmed page give the same event: one UID, the station zone', async ({
    page,
    request,
  }) => {
    const { body, response } = await bookOpenSlot(request, 'london', 'Europe/London', 23);
    expect(response.status(), await response.text()).toBe(201);
    const booking = ((await response.json()) as { data: { reference: string; paymentUrl: string } })
      .data;
    await page.goto(booking.paymentUrl);
    await page.getByRole('button', { name: 'Pay £100 deposit' }).click();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();

    const links = page.getByRole('navigation', { name: 'Add to your calendar' });
    await expect(links.getByRole('link', { name: 'Google' })).toHaveAttribute(
      'href',
      /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&.*dates=\d{8}T\d{6}Z%2F\d{8}T\d{6}Z/,
    );
    await expect(links.getByRole('link', { name: 'Outlook' })).toHaveAttribute(
      'href',
      /^https:\/\/outlook\.live\.com\/calendar\//,
    );
    const href = await links
      .getByRole('link', { name: 'Apple / other (.ics)' })
      .getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.headers()['content-type']).toContain('text/calendar');
    const downloaded = readInvite(await download.text());
    expect(downloaded).toMatchObject({
      method: 'REQUEST',
      tzid: 'Europe/London',
      zone: 'Europe/London',
    });
    expect(downloaded.uid).toMatch(/^booking-[0-9a-f-]{36}@hibachi-at-home$/);

    // The confirmation e-mail carries the same event.
    const confirmed = await mailAbout(
      body.customer.email,
      `Confirmed: your hibachi chef for ${booking.reference}`,
    );
    const mailed = readInvite(calendarPart(confirmed.text));
    expect(mailed).toMatchObject({
      method: 'REQUEST',
      uid: downloaded.uid,
      sequence: downloaded.sequence,
      tzid: 'Europe/London',
      zone: 'Europe/London',
      location: downloaded.location,
    });
  });
});
