import type { Page } from '@playwright/test';
import { bookOpenSlot, expect, test } from '../fixtures';

/** Once the worker controls the page and has kept `paths` (matched by their path). */
async function keptOffline(page: Page, paths: RegExp[]): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async (sources) => {
            if (!navigator.serviceWorker.controller) return false;
            const kept: string[] = [];
            for (const name of await caches.keys())
              for (const request of await (await caches.open(name)).keys())
                kept.push(new URL(request.url).pathname);
            return sources.every((source) => kept.some((path) => new RegExp(source).test(path)));
          },
          paths.map((path) => path.source),
        ),
      { timeout: 15_000, message: 'the worker keeps the page, its read and its scripts' },
    )
    .toBe(true);
}

/** The worker's caches (the browser may keep others of its own). */
const cacheNames = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('hibachi-')));

test.describe('offline (service worker)', () => {
  test('a manage page opened once opens without a network, says so, and writes nothing', async ({
    page,
    context,
  }) => {
    const { response } = await bookOpenSlot(page.request, 'seattle', 'America/Los_Angeles', 18);
    expect(response.status(), await response.text()).toBe(201);
    const booking = (await response.json()).data as { reference: string; manageUrl: string };
    await page.goto(booking.manageUrl);
    const heading = page.getByRole('heading', { name: `Booking ${booking.reference}` });
    await expect(heading).toBeVisible();
    await expect(page.getByText('You are offline.')).toHaveCount(0);
    await keptOffline(page, [/^\/manage\//, /^\/api\/bookings\//, /^\/_next\/static\/.+\.js$/]);

    await context.setOffline(true);
    await page.reload();
    await expect(heading).toBeVisible();
    const notice = page.getByRole('status').filter({ hasText: 'You are offline.' });
    await expect(notice).toContainText('This is your booking as last updated');
    // A write needs the network: it fails with its message and is not kept for later.
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText(
      'could not reach the server',
    );
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByTestId('booking-status')).toHaveText(/awaiting deposit/i);
    await expect(notice).toHaveCount(0);
  });

  test("a new build's worker replaces the old one and drops its caches", async ({
    page,
    context,
  }) => {
    const { response } = await bookOpenSlot(page.request, 'seattle', 'America/Los_Angeles', 19);
    const booking = (await response.json()).data as { reference: string; manageUrl: string };
    await page.goto(booking.manageUrl);
    await keptOffline(page, [/^\/manage\//, /^\/api\/bookings\//]);
    const before = await cacheNames(page);
    const version = before[0]!.replace(/^hibachi-[a-z]+-/, '');
    expect(before.every((name) => name.endsWith(`-${version}`))).toBe(true);

    // A deploy: the page of the next build registers its worker (the same scope, a new URL).
    const script = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.register('/sw.js?v=next-build', {
        scope: '/',
      });
      await new Promise<void>((resolve) => {
        if (navigator.serviceWorker.controller?.scriptURL.includes('v=next-build')) resolve();
        else navigator.serviceWorker.addEventListener('controllerchange', () => resolve());
      });
      return registration.active?.scriptURL ?? '';
    });
    expect(script).toContain('/sw.js?v=next-build');
    await expect
      .poll(() => cacheNames(page), { message: "the old build's caches are gone" })
      .not.toContainEqual(expect.stringContaining(`-${version}`));
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(1);

    // The new worker keeps what the page asks it to (as the new build's page does on load),
    // and the page opens offline again from its caches.
    await page.evaluate(() =>
      navigator.serviceWorker.controller?.postMessage({
        type: 'CACHE_URLS',
        payload: {
          urlsToCache: [
            window.location.href,
            ...performance.getEntriesByType('resource').map((entry) => entry.name),
          ].filter((url) => new URL(url).origin === window.location.origin),
        },
      }),
    );
    await keptOffline(page, [/^\/manage\//, /^\/api\/bookings\//]);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: `Booking ${booking.reference}` })).toBeVisible();
  });
});
