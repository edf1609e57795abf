import { expect, sentryEnvelopes, test } from '../fixtures';

test.describe("error reporting (real Sentry SDK to the run's local sink)", () => {
  test('a widget that crashes on bad data shows its fallback and is reported from the browser', async ({
    page,
  }) => {
    // Stand in for a client bug: the date picker receives data it cannot render.
    await page.route('**/api/availability/days?*', (route) =>
      route.fulfill({
        json: { data: { timezone: 'America/Chicago', days: [{ date: '2030-01-01' }] } },
      }),
    );
    await page.goto('/book/chicago');
    // (the first dates come with the page; another duration asks the API for its own)
    await page.getByLabel('How long should the chef cook?').selectOption('180');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();

    const [envelope] = await sentryEnvelopes('"side":"browser"');
    expect(envelope).toContain('"app":"customer"');
    expect(envelope).toContain('TypeError');
    expect(envelope).toMatch(/destructure|reading 'label'/);
  });
});
