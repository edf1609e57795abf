import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../axe';
import { bookOpenSlot, expect, test, uniqueCustomer } from '../fixtures';

/** Presses Tab until `target` has focus (at most `limit` presses), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test.describe('accessibility of the customer site (axe: 0 violations)', () => {
  test('landing, a station page, manage lookup and the 404 page', async ({ page }) => {
    test.setTimeout(60_000); // (five axe runs: 19 s in a whole run here)
    for (const path of ['/', '/locations/seattle', '/locations/london', '/manage']) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
    await page.goto('/no-such-page');
    await expectNoAxeViolations(page, 'the 404 page');
  });

  test('each step of the wizard', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/book/seattle');
    const dates = page.getByRole('group', { name: 'Dates' });
    await expect(dates).toBeVisible();
    await expectNoAxeViolations(page, 'date step');
    await dates.getByRole('button', { disabled: false }).nth(3).click();
    await page
      .getByRole('group', { name: 'Start times' })
      .getByRole('button', { disabled: false })
      .first()
      .click();
    await expectNoAxeViolations(page, 'date step with times');
    await page.getByRole('button', { name: 'Continue to details' }).click();
    await expect(page.getByRole('heading', { name: 'Your party and address' })).toBeVisible();
    await expectNoAxeViolations(page, 'details step');
    // The refusals as they show: every error names its field.
    await page.getByRole('button', { name: 'Continue to menu' }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await expectNoAxeViolations(page, 'details step with errors');
    const customer = uniqueCustomer('a11y');
    await page.getByLabel('Adults').fill('6');
    await page.getByLabel('Your name').fill(customer.name);
    await page.getByLabel('E-mail').fill(customer.email);
    await page.getByLabel('Phone').fill('+1 555 010 4444');
    await page.getByLabel('Street address').fill('1 Pike Street');
    await page.getByLabel('City').fill('Seattle');
    await page.getByLabel('Postal code').fill('98101');
    await page.getByRole('button', { name: 'Continue to menu' }).click();
    await expect(page.getByRole('heading', { name: 'Your menu' })).toBeVisible();
    await expectNoAxeViolations(page, 'menu step');
    await page.getByLabel('Decide the proteins later', { exact: false }).check();
    await page.getByRole('button', { name: 'Review booking' }).click();
    await expect(page.getByRole('heading', { name: 'Review and book' })).toBeVisible();
    await expectNoAxeViolations(page, 'review step');
    await page.getByRole('button', { name: 'Book and continue to deposit' }).click();
    await expect(page.getByRole('link', { name: /^Pay .* deposit$/ })).toBeVisible();
    await expectNoAxeViolations(page, 'confirmation step');
  });

  test('the deposit, simulator and return pages, a manage page, its cancel dialog and the chat', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const { response } = await bookOpenSlot(page.request, 'seattle', 'America/Los_Angeles', 14);
    expect(response.status(), await response.text()).toBe(201);
    const booking = (await response.json()).data as { manageUrl: string; paymentUrl: string };
    await page.goto(booking.paymentUrl);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, 'the deposit page');
    await page.getByRole('button', { name: /^Pay .* deposit$/ }).click();
    await expect(page.getByRole('button', { name: 'Pay (test)' })).toBeVisible();
    await expectNoAxeViolations(page, 'the payment simulator');
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();
    await expectNoAxeViolations(page, 'the payment return page');
    await page.goto(booking.manageUrl);
    const cancel = page.getByRole('button', { name: 'Cancel booking' });
    await expect(cancel).toBeVisible();
    await expectNoAxeViolations(page, 'the manage page');

    await cancel.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, 'the cancel dialog');
    // Escape closes it and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();

    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.click();
    const panel = page.getByRole('dialog', { name: 'Chat with us' });
    await expect(panel).toBeFocused();
    await expect(panel.getByLabel('Message')).toBeVisible();
    await expectNoAxeViolations(page, 'the chat panel');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test('a whole booking with the keyboard alone; focus moves to each new step', async ({
    page,
  }) => {
    test.setTimeout(60_000); // (a whole booking by key presses: 23 s in a whole run here)
    await page.goto('/');
    await tabTo(page, page.getByRole('link', { name: 'Book a chef in Seattle' }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Book a chef in Seattle' })).toBeVisible();

    // (a day of its own: other tests book Seattle's first open times)
    const day = page
      .getByRole('group', { name: 'Dates' })
      .getByRole('button', { disabled: false })
      .nth(6);
    await tabTo(page, day);
    await page.keyboard.press('Enter');
    await expect(day).toHaveAttribute('aria-pressed', 'true');
    const time = page
      .getByRole('group', { name: 'Start times' })
      .getByRole('button', { disabled: false })
      .first();
    await tabTo(page, time);
    await page.keyboard.press('Space');
    await expect(time).toHaveAttribute('aria-pressed', 'true');
    await tabTo(page, page.getByRole('button', { name: 'Continue to details' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Your party and address' })).toBeFocused();
    const customer = uniqueCustomer('keyboard');
    await typeInto(page, page.getByLabel('Adults'), '4');
    await typeInto(page, page.getByLabel('Your name'), customer.name);
    await typeInto(page, page.getByLabel('E-mail'), customer.email);
    await typeInto(page, page.getByLabel('Phone'), '+1 555 010 4444');
    await typeInto(page, page.getByLabel('Street address'), '1 Pike Street');
    await typeInto(page, page.getByLabel('City'), 'Seattle');
    await typeInto(page, page.getByLabel('Postal code'), '98101');
    // Enter in a field submits the form: on to the menu.
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Your menu' })).toBeFocused();
    await tabTo(page, page.getByLabel('Decide the proteins later', { exact: false }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Review booking' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Review and book' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Book and continue to deposit' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your slot is held' })).toBeFocused();
    await expect(page.getByTestId('booking-reference')).not.toBeEmpty();
  });

  test('asking the system for less motion stops the animations', async ({ page }) => {
    // A loading skeleton shimmers; with reduced motion it must stand still.
    const skeletonAnimation = () =>
      page.evaluate(() => {
        const probe = document.createElement('div');
        probe.className = 'card skeleton';
        document.body.append(probe);
        const name = getComputedStyle(probe).animationName;
        probe.remove();
        return name;
      });
    await page.goto('/');
    expect(await skeletonAnimation()).toBe('shimmer');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await skeletonAnimation()).toBe('none');
  });
});
