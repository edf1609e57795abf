import { expect, test } from '@playwright/test';

test.describe('customer landing', () => {
  test('lists the seeded stations with prices', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'A hibachi chef, at your home',
    );
    const cards = page.getByTestId('station-card');
    await expect(cards).toHaveCount(10);
    await expect(cards.first()).toContainText('Anchorage');
    await expect(page.getByRole('list', { name: 'Locations' })).toContainText('New York');
    await expect(page.getByRole('list', { name: 'Locations' })).toContainText('$65');
  });

  test('offers a skip link as the first tab stop', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  });

  test('renders a friendly page for unknown paths', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('key pages render without console errors', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    for (const path of ['/', '/book/chicago', '/manage']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    await expect(page.getByRole('heading', { name: 'Manage your booking' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
