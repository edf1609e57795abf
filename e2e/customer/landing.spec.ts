import { expect, test } from '../fixtures';

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

  test('at phone width the header links stay on one line and nothing scrolls sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const boxes = await Promise.all(
      ['Book a chef', 'Locations', 'Manage booking'].map(
        async (name) => (await nav.getByRole('link', { name }).boundingBox())!,
      ),
    );
    const lineHeight = parseFloat(
      await nav.getByRole('link', { name: 'Book a chef' }).evaluate((link) => {
        const style = getComputedStyle(link);
        return style.lineHeight === 'normal'
          ? String(parseFloat(style.fontSize) * 1.2)
          : style.lineHeight;
      }),
    );
    for (const box of boxes) expect(box.height).toBeLessThan(lineHeight * 1.5);
    // All three on one row, inside the screen.
    expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
    expect(Math.max(...boxes.map((box) => box.x + box.width))).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
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
