import { readFile } from 'node:fs/promises';
import { database, expect, test } from '../fixtures';
import { emailIndex, openSealed } from '../sealed-data';
import { apiAs, heldBooking, signIn, SUPER_ADMIN } from './admin-fixtures';
import { ADMIN_PORT } from '../ports';

/**
 * Issue 30: a customer asks for their data, then for its erasure. The super admin finds them
 * by their whole e-mail, downloads the JSON, is told to cancel the event still to come, then
 * erases them; the booking stays for the books, the person is gone.
 */
test('a super admin exports a customer, cancels what is to come and erases them', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const admin = await apiAs(`http://localhost:${ADMIN_PORT}`, SUPER_ADMIN);
  const booking = await heldBooking(admin, 'london', 'Europe/London');
  await signIn(page, SUPER_ADMIN);
  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: 'Customer data' })).toBeVisible();

  // Part of an e-mail finds nobody (the data is sealed); the whole one, in any case, does.
  await page
    .getByLabel('Whole e-mail or phone')
    .fill(booking.email.slice(0, booking.email.indexOf('@') + 3));
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.locator('.customer-privacy [role="alert"]')).toContainText(
    'Enter a whole e-mail address',
  );
  await page.getByLabel('Whole e-mail or phone').fill(booking.email.toUpperCase());
  await page.getByRole('button', { name: 'Find' }).click();
  const card = page.locator('.customer-cards .card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(booking.email);
  await expect(card).toContainText('1 booking');
  // A super admin on a phone: the card and its actions fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  // (polled: the layout settles a frame after the resize)
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Download their data (JSON)' }).click();
  const file = await download;
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    data: { profile: { email: string }; bookings: { reference: string }[] };
  };
  expect(exported.data.profile.email).toBe(booking.email);
  expect(exported.data.bookings.map((row) => row.reference)).toEqual([booking.reference]);

  // The event is still to come: erasure waits until it is cancelled.
  await expect(card).toContainText('1 booking is still to come: cancel it before erasing.');
  const cancelled = await admin.post(`/api/admin/bookings/${booking.id}/cancel`, {
    data: { reason: 'Customer asked to be forgotten', refund: false },
  });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  await page.getByRole('button', { name: 'Find' }).click();
  await card.getByRole('button', { name: 'Erase personal data…' }).click();
  const confirm = card.getByRole('button', { name: 'Erase', exact: true });
  await expect(confirm).toBeDisabled();
  await card.getByLabel(/Type ERASE/).fill('ERASE');
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased:' })).toContainText(
    'Erased: 1 booking kept for the books',
  );
  await expect(page.getByText('Nobody has that e-mail.')).toBeVisible();

  // The booking is still in the books; nothing of the person is left in the database.
  const detail = await admin.get(`/api/admin/bookings/${booking.id}`);
  const { data } = (await detail.json()) as {
    data: { reference: string; status: string; customer: { name: string; email: string } };
  };
  expect(data).toMatchObject({ reference: booking.reference, status: 'CANCELLED' });
  expect(data.customer.name).toBe('Erased customer');
  const client = await database();
  const { rows } = await client.query(
    `SELECT c.email, c.name, c.phone, c."emailHash", b."addressLine1"
       FROM "Booking" b JOIN "Customer" c ON c.id = b."customerId" WHERE b.id = $1`,
    [booking.id],
  );
  const audit = await client.query<{ action: string }>(
    `SELECT action FROM "AuditLog" WHERE "entityType" = 'Customer' AND "entityId" = (
       SELECT "customerId"::text FROM "Booking" WHERE id = $1) ORDER BY "createdAt"`,
    [booking.id],
  );
  const byIndex = await client.query(`SELECT 1 FROM "Customer" WHERE "emailHash" = $1`, [
    emailIndex(booking.email),
  ]);
  await client.end();
  expect(JSON.stringify(openSealed(rows))).not.toContain(booking.email);
  expect(rows[0]).toMatchObject({ emailHash: null });
  expect(byIndex.rowCount).toBe(0);
  expect(audit.rows.map((row) => row.action)).toEqual(['customer.exported', 'customer.erased']);
  await admin.dispose();
});
