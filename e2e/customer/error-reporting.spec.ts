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

    // (other tests' browser errors reach the sink too: this one is the picker's TypeError)
    const [envelope] = await sentryEnvelopes(
      /"type":"TypeError","value":"[^"]*(destructure|reading 'label')/,
    );
    expect(envelope).toContain('"side":"browser"');
    expect(envelope).toContain('"app":"customer"');
  });

  test('errors thrown at start-up, before the SDK has loaded, reach Sentry once it starts', async ({
    page,
  }) => {
    // Letters only: the scrubber would mask a long run of digits as a phone number.
    const stamp = Array.from({ length: 12 }, () =>
      String.fromCharCode(97 + Math.floor(Math.random() * 26)),
    ).join('');
    // The page's load event: the stub (instrumentation-client) is listening by then, and the
    // SDK waits for the load event and a quiet stretch after it, so it has not loaded yet.
    await page.addInitScript((stamp) => {
      addEventListener('load', () => {
        Object.assign(window, { sdkLoadedAtStartUpError: '__SENTRY__' in window });
        void Promise.reject(new Error(`start-up rejection ${stamp}`));
        throw new Error(`start-up error ${stamp}`);
      });
    }, stamp);
    await page.goto('/');
    expect(await page.evaluate(() => Reflect.get(window, 'sdkLoadedAtStartUpError'))).toBe(false);
    // The first error loaded the SDK (its global carrier is there now) and it sent both.
    await expect.poll(() => page.evaluate(() => '__SENTRY__' in window)).toBe(true);

    const [error] = await sentryEnvelopes(`start-up error ${stamp}`);
    expect(error).toContain('"side":"browser"');
    expect(error).toContain('"app":"customer"');
    expect(error).toContain('"handled":false');
    const [rejection] = await sentryEnvelopes(`start-up rejection ${stamp}`);
    expect(rejection).toContain('auto.browser.global_handlers.onunhandledrejection');
  });
});
