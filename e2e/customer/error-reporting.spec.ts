import { expect, sentryEnvelopes, test } from '../fixtures';

test.describe("error reporting (real Sentry SDK to the run's local sink)", () => {
  test('a widget that crashes on bad data shows its fallback and is reported from the browser', async ({
    page,
  }) => {
    // Stand in for a client bug: the stations widget receives data it cannot render.
    await page.route('**/api/stations', (route) =>
      route.fulfill({ json: { data: [{ id: 'broken-station', name: 'Broken' }] } }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();

    const [envelope] = await sentryEnvelopes('"side":"browser"');
    expect(envelope).toContain('"app":"customer"');
    expect(envelope).toContain('TypeError');
    expect(envelope).toMatch(/reading 'adultCents'/);
  });
});
