import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { database, expect, test } from '../fixtures';
import { ADMIN_PORT } from '../ports';
import { apiAs, signIn } from './admin-fixtures';

const STATION = 'phoenix';
const CHEF = `chef@${STATION}.demo.hibachi.test`;
const ADMIN_API = path.resolve(import.meta.dirname, '../../apps/admin/app/api/admin');
/** What a chef account may call: who they are, their events. */
const ALLOWED = new Set([
  'GET /api/admin/me',
  'POST /api/admin/me/sign-out-everywhere',
  'GET /api/admin/my-events',
  'POST /api/admin/my-events/[id]/complete',
  'POST /api/admin/my-events/[id]/start',
]);

function adminRoutes(): { path: string; method: string }[] {
  const routes: { path: string; method: string }[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const relative = path.relative(ADMIN_API, directory).split(path.sep).join('/');
        for (const [, method] of readFileSync(full, 'utf8').matchAll(
          /export const (GET|POST|PUT|PATCH|DELETE)\b/g,
        ))
          routes.push({ path: `/api/admin${relative ? `/${relative}` : ''}`, method: method! });
      }
    }
  };
  walk(ADMIN_API);
  return routes;
}

test.describe('a chef account', () => {
  test('signs in on a phone and sees only their own events', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, CHEF);
    await page.goto('/');
    await expect(page).toHaveURL(/\/my-events$/);
    await expect(page.getByRole('heading', { name: 'My events' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['My events']);

    const client = await database();
    const { rows } = await client
      .query<{ reference: string; mine: boolean }>(
        `SELECT b.reference, (b."chefId" = u."chefId") AS mine
           FROM "Booking" b JOIN "StaffUser" u ON u.email = $1
          WHERE b."stationId" = u."stationId" AND b.status IN ('CONFIRMED', 'PENDING_PAYMENT')
            AND b."startsAt" > now() AND b."startsAt" < now() + interval '30 days'`,
        [CHEF],
      )
      .finally(() => client.end());
    const mine = rows.filter((row) => row.mine).map((row) => row.reference);
    const theirs = rows.filter((row) => !row.mine).map((row) => row.reference);
    const cards = page.getByTestId('my-event');
    if (mine.length > 0) await expect(cards.filter({ hasText: mine[0]! })).toBeVisible();
    const shown = await cards.allTextContents();
    for (const reference of theirs) expect(shown.join(' ')).not.toContain(reference);
    // Nothing scrolls sideways on the phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    // Every other page of the admin is not there for a chef.
    for (const other of ['/calendar', '/bookings', '/dashboard', '/season', '/prep', '/settings']) {
      const response = await page.goto(other);
      expect(response?.status(), other).toBe(404);
    }
  });

  test('gets no other admin route: 403 or 404, never an answer', async () => {
    const api = await apiAs(`http://localhost:${ADMIN_PORT}`, CHEF);
    const failures: string[] = [];
    for (const route of adminRoutes()) {
      const key = `${route.method} ${route.path}`;
      if (ALLOWED.has(key)) continue;
      const response = await api.fetch(
        route.path
          .replace(/\[slug\]/g, STATION)
          .replace(/\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000'),
        { method: route.method, ...(route.method === 'GET' ? {} : { data: {} }) },
      );
      if (![403, 404].includes(response.status())) failures.push(`${key}: ${response.status()}`);
    }
    expect(failures).toEqual([]);
    expect((await api.get('/api/admin/my-events')).status()).toBe(200);
    await api.dispose();
  });
});
