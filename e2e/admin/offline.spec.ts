import { expect, test } from '../fixtures';
import { signIn } from './admin-fixtures';

const CHEF = 'chef@phoenix.demo.hibachi.test';

test("a chef's events open offline once seen; signing out leaves nothing behind", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, CHEF);
  await page.goto('/my-events');
  await expect(page.getByRole('heading', { name: 'My events' })).toBeVisible();
  await expect(page.getByText(/ · Phoenix · times in/)).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return [];
          const kept: string[] = [];
          for (const name of await caches.keys())
            for (const request of await (await caches.open(name)).keys())
              kept.push(new URL(request.url).pathname);
          return kept.filter((path) => path.includes('my-events')).sort();
        }),
      { timeout: 15_000 },
    )
    .toEqual(['/api/admin/my-events', '/my-events']);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My events' })).toBeVisible();
  await expect(page.getByText(/ · Phoenix · times in/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toContainText(
    'This is your list of events as last updated',
  );

  await context.setOffline(false);
  await page.reload();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async () => ({
        caches: (await caches.keys()).filter((name) => name.startsWith('hibachi-')),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      })),
    )
    .toEqual({ caches: [], workers: 0 });
});
