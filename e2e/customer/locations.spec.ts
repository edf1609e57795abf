import { ADMIN_PORT, CUSTOMER_SECOND_PORT } from '../ports';
import { apiAs, SUPER_ADMIN } from '../admin/admin-fixtures';
import { expect, test } from '../fixtures';

/** Station pages for customers and search engines: content, structured data, sitemap, robots. */
test.describe('station pages', () => {
  test('a station page shows its prices, menu and answers, and books into that station', async ({
    page,
  }) => {
    await page.goto('/locations/london');
    await expect(page).toHaveTitle('Hibachi chef at home in London · Hibachi at Home');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hibachi at home in London');
    // London sells in pounds.
    await expect(page.locator('.facts')).toContainText('£');
    await expect(page.getByRole('heading', { name: 'The menu' })).toBeVisible();
    await expect(page.getByText('How does the deposit work?')).toBeVisible();
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(/\/locations\/london$/);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(
      'London',
    );
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const types = blocks.map((text) => (JSON.parse(text) as { '@type': string })['@type']);
    expect(types).toEqual(['FoodEstablishment', 'FAQPage']);
    await page.getByRole('link', { name: 'Book a chef in London' }).first().click();
    await expect(page).toHaveURL(/\/book\/london$/);
    expect((await page.request.get('/locations/nowhere')).status()).toBe(404);
  });

  test('at phone width a station page and its menu fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/locations/london');
    await expect(page.getByRole('heading', { name: 'The menu' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  test('the sitemap lists every station page; robots points to it; the admin is not indexed', async ({
    request,
  }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    for (const slug of ['seattle', 'london', 'new-york'])
      expect(xml).toContain(`/locations/${slug}</loc>`);
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: \S+\/sitemap\.xml/);
    expect(robots).toContain('Disallow: /api/');
    const admin = await request.get(`http://localhost:${ADMIN_PORT}/robots.txt`);
    expect(await admin.text()).toMatch(/User-Agent: \*\s+Disallow: \//i);
  });

  test("a change to a station's settings shows on its page at once, on every instance", async ({
    page,
  }) => {
    const admin = await apiAs(`http://localhost:${ADMIN_PORT}`, SUPER_ADMIN);
    const settingsPath = '/api/admin/stations/honolulu/settings';
    const read = async () =>
      (
        (await (await admin.get(settingsPath)).json()) as {
          data: { settings: { cancellationNoticeHours: number }; version: number };
        }
      ).data;
    const before = await read();
    const hours = before.settings.cancellationNoticeHours + 1;
    const answer = (value: number) => `Cancel at least ${value} hours before the event`;
    const save = async (value: number, version: number) => {
      const saved = await admin.put(settingsPath, {
        data: { ...before.settings, cancellationNoticeHours: value, version },
      });
      expect(saved.status(), await saved.text()).toBe(200);
    };
    try {
      // Both instances have rendered the page (and cached the station) before the change.
      for (const base of ['', `http://localhost:${CUSTOMER_SECOND_PORT}`]) {
        await page.goto(`${base}/locations/honolulu`);
        await expect(page.getByText(answer(before.settings.cancellationNoticeHours))).toBeVisible();
      }
      await save(hours, before.version);
      for (const base of ['', `http://localhost:${CUSTOMER_SECOND_PORT}`]) {
        await expect(async () => {
          await page.goto(`${base}/locations/honolulu`);
          await expect(page.getByText(answer(hours))).toBeVisible({ timeout: 1000 });
        }).toPass({ timeout: 10_000 });
      }
    } finally {
      await save(before.settings.cancellationNoticeHours, (await read()).version);
      await admin.dispose();
    }
  });
});
