import { expectNoAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { heldBooking, signIn, SUPER_ADMIN } from './admin-fixtures';

const CHEF = 'chef@phoenix.demo.hibachi.test';

test.describe('accessibility of the admin app (axe: 0 violations)', () => {
  test('sign-in and set-password, signed out', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page, '/sign-in');
    await page.goto('/set-password?token=not-a-real-token');
    await expectNoAxeViolations(page, '/set-password');
  });

  test('every workspace page of a super admin', async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, SUPER_ADMIN);
    const pages: [string, RegExp][] = [
      ['/dashboard', /dashboard/i],
      ['/bookings', /bookings/i],
      ['/bookings/new', /new booking/i],
      ['/bookings/new?station=seattle', /new booking · seattle/i],
      ['/inbox', /inbox/i],
      ['/prep', /prep/i],
      ['/season', /time off/i],
      ['/outbox', /outbox/i],
      ['/settings', /settings/i],
      ['/stations', /stations/i],
      ['/staff', /staff/i],
      ['/customers', /customer data/i],
      ['/no-such-page', /page not found/i],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      // (pages fetch in the browser: wait for their loading states to settle; the dashboard
      // is the first page a fresh server answers here, its four analytics calls took 1.9-2.6 s
      // cold on this host and its charts' chunk comes after them)
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
      await expectNoAxeViolations(page, path);
    }
  });

  test('the calendar in each view, and a booking with its dialog open', async ({ page }) => {
    // (five axe runs, three of them over every station's calendar: 32 s once in a loaded run)
    test.setTimeout(90_000);
    await signIn(page, SUPER_ADMIN);
    for (const [view, label] of [
      ['week', 'Week'],
      ['month', 'Month'],
      ['day', 'Day by chef'],
    ]) {
      await page.goto(`/calendar?view=${view}`);
      await expect(
        page.getByRole('group', { name: 'View' }).getByRole('button', { name: label }),
      ).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoAxeViolations(page, `calendar, ${view} view`);
    }
    const booking = await heldBooking(page.request, 'chicago', 'America/Chicago');
    await page.goto(`/bookings/${booking.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(booking.reference) })).toBeVisible();
    await expectNoAxeViolations(page, 'a booking');
    const record = page.getByRole('button', { name: 'Record payment' });
    await record.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, 'the record-payment dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(record).toBeFocused();
  });

  test("a chef's events on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, CHEF);
    await page.goto('/my-events');
    await expect(page.getByRole('heading', { name: 'My events' })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoAxeViolations(page, '/my-events');
  });
});
