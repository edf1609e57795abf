import { ADMIN_PORT } from '../ports';
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
});
