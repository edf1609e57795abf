import type { APIRequestContext, Page } from '@playwright/test';
import { PAGE_ROUTES } from '@hibachi/core/metrics/web-vitals.schema';
import { expect, sentryEnvelopes, test } from '../fixtures';
import { pageTemplates } from '../page-routes';
import { ADMIN_PORT } from '../ports';

/** The tab is switched away: browsers report LCP, CLS and INP then. */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

/** The vitals with at least one observation for `route` on the app's /api/metrics. */
async function observed(request: APIRequestContext, base: string, route: string) {
  const text = await (await request.get(`${base}/api/metrics`)).text();
  const label = route.replace(/[[\]]/g, '\\$&');
  return ['lcp_seconds', 'cls', 'ttfb_seconds', 'inp_seconds'].filter((metric) =>
    new RegExp(`^web_vitals_${metric}_count\\{route="${label}"\\} [1-9]`, 'm').test(text),
  );
}

test.describe('Web Vitals', () => {
  test("the route list behind the labels is each app's pages", () => {
    expect(pageTemplates('customer')).toEqual([...PAGE_ROUTES.customer].sort());
    expect(pageTemplates('admin')).toEqual([...PAGE_ROUTES.admin].sort());
  });

  test('a customer page view reaches /api/metrics under its route template, and Sentry', async ({
    page,
    request,
  }) => {
    await page.goto('/book/seattle');
    // An interaction, for INP: one that keeps the main thread busy 120 ms (browsers leave out
    // interactions under 40 ms, and a fast machine answers a click in less).
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        () => {
          const until = performance.now() + 120;
          while (performance.now() < until);
        },
        { capture: true, once: true },
      ),
    );
    await page
      .getByRole('group', { name: 'Dates' })
      .getByRole('button', { disabled: false })
      .first()
      .click();
    await expect(page.getByRole('group', { name: 'Start times' })).toBeVisible();
    await hide(page);
    await expect
      .poll(() => observed(request, '', '/book/[station]'), { timeout: 15_000 })
      .toEqual(['lcp_seconds', 'cls', 'ttfb_seconds', 'inp_seconds']);
    // Only route templates are labels: the path the browser was on is nowhere.
    expect(await (await request.get('/api/metrics')).text()).not.toContain('/book/seattle');
    // The run's Sentry DSN is set, so the same values went there as distributions. (Other
    // tests' pages report their vitals to the same sink: the one to wait for is this route's.)
    const envelopes = await sentryEnvelopes(
      /^(?=[\s\S]*web_vitals\.lcp)(?=[\s\S]*\/book\/\[station\])/,
    );
    expect(envelopes.join('\n')).toContain('/book/[station]');
  });

  test('the admin sign-in page reports too; a 404 reports nothing', async ({ page, request }) => {
    const admin = `http://localhost:${ADMIN_PORT}`;
    await page.goto(`${admin}/sign-in`);
    await page.getByLabel('E-mail').click();
    await hide(page);
    await expect
      .poll(() => observed(request, admin, '/sign-in'), { timeout: 15_000 })
      .toContain('lcp_seconds');
    await page.goto('/no-such-page');
    await hide(page);
    const refused = await request.post('/api/vitals', {
      data: { route: '/no-such-page', vitals: [{ name: 'LCP', value: 1 }] },
    });
    expect(refused.status()).toBe(400);
    expect(await (await request.get('/api/metrics')).text()).not.toContain('no-such-page');
  });
});
